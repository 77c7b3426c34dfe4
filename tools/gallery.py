"""The pictures in docs/views.md: one static picture of each view kind, drawn from the
bundled data.

    .venv/bin/python -m tools.gallery [--out docs/img] [--lang ko|en]   (or: make pictures)

Builds the seed graph into a throwaway store, draws the region, industry, overlap,
organisation network and funding flow views at the A4 page width preset, and writes them as
small PNGs (screen resolution, 256 colours) named ``view-<kind>.png``.
"""

from __future__ import annotations

import argparse
import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from PIL import Image

from ingest.graph.build import Build
from queries.falkor_backend import FalkorStore
from queries.server import EmbeddedServer
from queries.store import GraphStore
from visual import static, views
from visual.model import ViewGraph

ROOT = Path(__file__).resolve().parent.parent
#: One picture per kind, from the bundled data.
PICTURES: dict[str, Callable[[GraphStore], ViewGraph]] = {
    "region": lambda s: views.region(s, "jeonbuk-gimje"),
    "industry": lambda s: views.industry(s, "battery"),
    "overlap": lambda s: views.overlap(s, ["jeonbuk", "gyeongbuk-gumi"]),
    "organizations": lambda s: views.organizations(s, region_id="jeonbuk-jeonju"),
    "funding": lambda s: views.funding(s),
}
DPI = 110  # A4 width at 110 dpi is 909 pixels: sharp on screen, small in the repository
COLOURS = 256


def small_png(png: bytes) -> bytes:
    """The same picture in at most ``COLOURS`` colours (a third of the size or less)."""
    with Image.open(io.BytesIO(png)) as image:
        reduced = image.convert("RGB").quantize(colors=COLOURS, dither=Image.Dither.NONE)
        out = io.BytesIO()
        reduced.save(out, format="png", optimize=True)
    return out.getvalue()


def draw(store: GraphStore, out: Path, lang: Literal["ko", "en"]) -> list[Path]:
    written = []
    for kind, build in PICTURES.items():
        png = static.render(build(store), "png", lang=lang, preset="a4", dpi=DPI)
        path = out / f"view-{kind}.png"
        path.write_bytes(small_png(png))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--lang", choices=("ko", "en"), default="ko")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rsg-gallery-") as tmp:
        home = Path(tmp)
        server = EmbeddedServer(home)
        try:
            store = FalkorStore(server.ensure_running(), graph="rsg", kind="embedded")
            Build(store, home).run()
            for path in draw(store, args.out, args.lang):
                print(f"wrote {path} ({path.stat().st_size / 1024:,.0f} KB)")
            store.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
