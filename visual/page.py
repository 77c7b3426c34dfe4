"""The offline HTML page of a view: our own template, vis-network inlined from the file pyvis
ships, the graph as JSON data, and a Content-Security-Policy that allows exactly the page's
own inline script and style (by hash) and no network at all."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Literal

import pyvis

from ontology.errors import ConfigError
from visual.aggregate import fit
from visual.model import ViewGraph
from visual.network import data
from visual.settings import ViewSettings

Lang = Literal["ko", "en"]
VIS_JS = Path("lib") / "vis-9.1.2" / "vis-network.min.js"

TEXT: dict[str, dict[str, str]] = {
    "counts": {"ko": "노드 {nodes}개 · 관계 {edges}개", "en": "{nodes} nodes · {edges} edges"},
    "search": {"ko": "찾기", "en": "Search"},
    "search_hint": {"ko": "이름 또는 id", "en": "name or id"},
    "matches": {"ko": "{n}개 일치", "en": "{n} matches"},
    "sources": {"ko": "출처", "en": "Sources"},
    "download": {"ko": "내려받기", "en": "Download"},
    "embed": {"ko": "삽입 코드", "en": "Embed snippet"},
    "copy": {"ko": "복사", "en": "Copy"},
    "copied": {"ko": "복사했습니다", "en": "Copied"},
    "copy_by_hand": {"ko": "선택된 코드를 직접 복사하세요", "en": "Copy the selected code by hand"},
}


@dataclass(frozen=True)
class Page:
    html: str
    script_hashes: tuple[str, ...]
    style_hashes: tuple[str, ...]
    connect: bool = False

    def csp(self, frame_ancestors: list[str] | None = None) -> str:
        """The policy: no fetches of any kind (or, for a workbench page, to its own server
        only); only this page's own script and style."""
        return csp(self.script_hashes, self.style_hashes, frame_ancestors, connect=self.connect)


def csp(
    scripts: tuple[str, ...],
    styles: tuple[str, ...],
    frame_ancestors: list[str] | None = None,
    *,
    connect: bool = False,
) -> str:
    parts = [
        "default-src 'none'",
        "script-src " + (" ".join(f"'{h}'" for h in scripts) or "'none'"),
        "style-src " + (" ".join(f"'{h}'" for h in styles) or "'none'"),
        "img-src data:",
        "base-uri 'none'",
        "form-action 'self'",
    ]
    if connect:  # the workbench pages ask their own server (and only it) for results
        parts.append("connect-src 'self'")
    if frame_ancestors is not None:
        # Only an HTTP header can carry frame-ancestors; a meta policy ignores it.
        parts.append("frame-ancestors " + (" ".join(frame_ancestors) or "'none'"))
    return "; ".join(parts)


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@cache
def template(name: str) -> str:
    return resources.files("visual").joinpath("templates", name).read_text(encoding="utf-8")


@cache
def vis_script() -> str:
    """vis-network as pyvis bundles it; read at render time, never fetched."""
    path = Path(pyvis.__file__).resolve().parent / VIS_JS
    try:
        script = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"vis-network 파일 없음 / vis-network is missing from pyvis: {path}",
            "reinstall pyvis (pip install --force-reinstall pyvis==0.3.2)",
        ) from exc
    if "</script" in script.lower():  # would end the inline script early
        script = script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return script


def json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element: no ``<``, ``>`` or ``&`` survive as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def escape(text: str) -> str:
    from html import escape as html_escape

    return html_escape(text, quote=True)


def fill(
    name: str, *, scripts: list[str], styles: list[str], connect: bool = False, **slots: str
) -> Page:
    """Fill template ``name``; ``scripts``/``styles`` are the slot names holding inline code;
    ``connect`` lets the page's script ask its own server (the workbench pages)."""
    script_hashes = tuple(sha256(slots[s]) for s in scripts)
    style_hashes = tuple(sha256(slots[s]) for s in styles)
    policy = csp(script_hashes, style_hashes, connect=connect)
    html = Template(template(name)).substitute(csp=escape(policy), **slots)
    return Page(html, script_hashes, style_hashes, connect)


def render(
    graph: ViewGraph,
    settings: ViewSettings | None = None,
    *,
    lang: Lang = "ko",
    embed: bool = False,
    downloads: list[dict[str, str]] | None = None,
    embed_url: str | None = None,
) -> Page:
    """The whole page as one self-contained HTML string."""
    settings = settings or ViewSettings()
    graph = fit(graph, settings.node_limit)
    payload: dict[str, Any] = {
        "kind": graph.kind,
        "lang": lang,
        "title_ko": graph.title_ko,
        "title_en": graph.title_en,
        "note_ko": graph.note_ko,
        "note_en": graph.note_en,
        "text": TEXT,
        "downloads": downloads or [],
        "embed_url": embed_url,
    }
    payload.update(data(graph, settings.layout_threshold))
    title = graph.title_ko if lang == "ko" else graph.title_en
    return fill(
        "view.html",
        scripts=["vis", "app"],
        styles=["style"],
        lang=lang,
        title=escape(title),
        style=template("view.css"),
        body_class="rsg-embedded" if embed else "rsg-full",
        data=json_for_script(payload),
        vis=vis_script(),
        app=template("view.js"),
    )
