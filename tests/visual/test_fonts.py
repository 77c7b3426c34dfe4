"""Hangul in PNG, SVG and PDF pictures with no system font at all, and fonts found by file.

Each check runs in a fresh process with a clean matplotlib config folder (no font cache);
``MPL_IGNORE_SYSTEM_FONTS`` hides every system font from matplotlib, as on a machine that has
none, so the only Hangul font there is the one that comes with the Python dependencies.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

from visual.fonts import BUNDLED, bundled_file

ROOT = Path(__file__).resolve().parent.parent.parent

# Renders two different Korean words with the configured font and with a Latin-only font;
# prints what matplotlib knew before, which file was used, and whether the glyphs differ.
RENDER = """
import io, sys
import numpy as np
from matplotlib import font_manager, image
before = sorted({entry.name for entry in font_manager.fontManager.ttflist})
from visual import static
from visual.fonts import korean_font
from visual.model import ViewGraph, ViewNode
from visual.settings import ViewSettings

def tiny(name):
    graph = ViewGraph("region", name + " 지역 뷰", "Region view")
    for key, label in (("1", "Region"), ("2", "Industry")):
        graph.nodes[key] = ViewNode(key, "n" + key, label, [label], name * 2, "x", {})
    graph.size_nodes("degree")
    return graph

def pixels(settings, name):
    png = static.render(tiny(name), "png", settings)
    return np.asarray(image.imread(io.BytesIO(png), format="png"))

korean = ViewSettings()
print("before", "NanumGothic" in before)
print("file", korean_font(korean).get_file())
print("hangul", not np.array_equal(pixels(korean, "가나다"), pixels(korean, "라마바")))
svg = static.render(tiny("가나다"), "svg", korean).decode()
glyph = font_manager.get_font(korean_font(korean).get_file()).get_char_index(0xAC00)
print("svg", glyph > 0 and f'id="NanumGothic-{glyph:x}"' in svg)
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    latin = ViewSettings(font_family="DejaVu Sans", fallback_fonts=[])
    print("tofu", np.array_equal(pixels(latin, "가나다"), pixels(latin, "라마바")))
"""


def _run(code: str, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.upper().startswith(("RSG_", "MPL"))}
    env |= {"PYTHONPATH": str(ROOT), "MPLCONFIGDIR": str(tmp_path / "mpl"), **extra}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_font_comes_with_the_python_dependencies() -> None:
    path = bundled_file("NanumGothic")
    assert path is not None
    assert path.name == BUNDLED["NanumGothic"][1]
    assert TTFont(path)["name"].getDebugName(1) == "NanumGothic"
    assert "glyf" in TTFont(path)  # TrueType outlines: the PDF embeds them as Type 42


def test_hangul_renders_with_no_system_font_and_no_cache(tmp_path: Path) -> None:
    done = _run(RENDER, tmp_path, MPL_IGNORE_SYSTEM_FONTS="1")
    assert done.returncode == 0, done.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert lines["before"] == "False"  # matplotlib itself knew no Korean font
    assert Path(lines["file"]) == bundled_file("NanumGothic")
    assert lines["hangul"] == "True"  # two words, two pictures
    assert lines["svg"] == "True"  # the outline of 가 (U+AC00) from NanumGothic
    assert lines["tofu"] == "True"  # the check above would catch missing-glyph boxes


def test_a_font_installed_after_the_first_run_is_found(tmp_path: Path) -> None:
    """The lookup reads the font files on disk, not matplotlib's cached list of them."""
    home = tmp_path / "home"
    home.mkdir()
    family = "RsgProbeHangul"
    font = TTFont(bundled_file("NanumGothic"))
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):
            record.string = family
    lookup = (
        "from visual.fonts import korean_font\n"
        "from visual.settings import ViewSettings\n"
        f"print(korean_font(ViewSettings(font_family={family!r}, fallback_fonts=[])).get_file())"
    )
    first = _run(lookup, tmp_path, HOME=str(home))
    assert first.returncode != 0
    assert "no Korean font found" in first.stderr
    caches = list((tmp_path / "mpl").glob("fontlist-*.json"))
    assert caches  # matplotlib wrote its font cache on the first run, without the new font
    installed = home / ".local" / "share" / "fonts" / "probe.ttf"
    installed.parent.mkdir(parents=True)
    font.save(installed)
    second = _run(lookup, tmp_path, HOME=str(home))
    assert second.returncode == 0, second.stderr[-3000:]
    assert Path(second.stdout.strip()) == installed
    assert family not in caches[0].read_text("utf-8")  # found without the cache knowing it
