"""Screenshots of the workbench pages for docs/workbench.md: ``make screenshots``.

Builds the bundled data into a throwaway RSG_HOME, queues one short memo of our own for review,
serves the app with a throwaway API key, logs in with Chromium (Debian's, as the browser tests
use it) and saves one PNG per page into ``docs/img/workbench/``. Any request to another origin
is refused and reported: the pages must work offline, and a refused request fails the command.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "img" / "workbench"
CHROMIUM = ("/usr/bin/chromium", "chromium", "chromium-browser")
#: A memo we wrote for the inbox picture (nothing from a real article).
MEMO = "울산시는 수소 산업을 육성한다. 울산은 2026년 기회발전특구 지정을 목표로 한다.\n"
CONSOLE_QUERY = "MATCH p = (:Region {id: $id})-[:PURSUES]->(:Industry) RETURN p"

#: (file name, path, what to wait for before the picture)
PAGES: list[tuple[str, str, str]] = [
    ("home", "/", "#rsg-q"),
    (
        "console",
        "/console?"
        + urlencode({"query": CONSOLE_QUERY, "params": json.dumps({"id": "jeonbuk"}), "run": "1"}),
        "body[data-ready='1']",
    ),
    ("inbox", "/inbox", "body[data-ready='1']"),
    ("map", "/map?measure=industries", "#rsg-map"),
    ("map-district", "/map?level=district&measure=designations", "#rsg-map"),
    ("timeline", "/timeline/region/jeonbuk", "#rsg-timeline"),
    ("docs", "/docs", ".swagger-ui .opblock"),
    ("redoc", "/redoc", "[data-section-id]"),
]


def _chromium() -> str:
    for name in CHROMIUM:
        found = shutil.which(name) if "/" not in name else (name if Path(name).is_file() else None)
        if found:
            return found
    sys.exit("Chromium not found: install Debian's chromium (apt-get install chromium)")


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="rsg-shots-") as home:
        os.environ["RSG_HOME"] = home
        rsg = str(Path(sys.executable).parent / "rsg")
        subprocess.run([rsg, "build"], check=True, stdout=subprocess.DEVNULL)
        memo = Path(home) / "ulsan-memo.txt"
        memo.write_text(MEMO, encoding="utf-8")
        subprocess.run([rsg, "ingest", str(memo), "--published", "2024-03-15"], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        try:
            shoot(home)
        finally:
            subprocess.run([rsg, "store", "stop"], check=False, stdout=subprocess.DEVNULL)


def _fonts(home: Path) -> Path:
    """A fontconfig file adding the NanumGothic that the project ships for its pictures, so the
    Hangul of the pages shows on a machine without Korean system fonts."""
    from visual.fonts import bundled_file

    folder = home / "fonts"
    folder.mkdir(exist_ok=True)
    nanum = bundled_file("NanumGothic")
    if nanum is not None:
        shutil.copy(nanum, folder / nanum.name)
    conf = home / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{folder}</dir><cachedir>{home / 'fontcache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def shoot(home: str) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright
    from pydantic import SecretStr

    from api.web.app import create_app
    from api.web.settings import ApiSettings

    key = secrets.token_urlsafe(16)
    port = _port()
    origin = f"http://127.0.0.1:{port}"
    app = create_app(settings=ApiSettings(api_key=SecretStr(key)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            sys.exit("the server did not start (run `rsg build` first)")
        time.sleep(0.05)
    refused: list[str] = []
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=_chromium(),
                headless=True,
                args=["--no-sandbox"],
                env={**os.environ, "FONTCONFIG_FILE": str(_fonts(Path(home)))},
            )
            context = browser.new_context(viewport={"width": 1280, "height": 860})

            def route(request_route: Any) -> None:
                url = request_route.request.url
                if url.startswith((origin + "/", "data:", "blob:")):
                    request_route.continue_()
                else:
                    refused.append(url)
                    request_route.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.goto(origin + "/login?next=/")
            _save(page, "login")
            page.fill("#rsg-key", key)
            page.click("#rsg-login")
            page.wait_for_url(origin + "/")
            for name, path, ready in PAGES:
                page.goto(origin + path)
                page.wait_for_selector(ready, state="attached", timeout=60_000)
                page.wait_for_timeout(600)
                if name == "home":
                    page.fill("#rsg-q", "전라북")
                    page.wait_for_selector("#rsg-suggest li", timeout=10_000)
                _save(page, name)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    if refused:
        sys.exit(f"requests left the machine: {refused}")


def _save(page: Any, name: str) -> None:
    target = OUT / f"{name}.png"
    page.screenshot(path=str(target))
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
