"""The Hangul font of static pictures (PNG, SVG, PDF), always by file path.

NanumGothic comes with the Python dependencies: the ``koreanize-matplotlib`` package ships its
TrueType file (SIL Open Font License 1.1), so pictures need no system font package. The file is
found through the package's installed-file list; the package itself is never imported, because
importing it changes matplotlib's global settings. Any other family (``RSG_VIEW_FONT_FAMILY``)
is looked up among the font files on disk as they are now, never in matplotlib's cached font
list, so a font installed after the first run is found without deleting any cache.
"""

from __future__ import annotations

import importlib.metadata
from functools import cache
from pathlib import Path

from matplotlib import font_manager, get_data_path
from matplotlib.font_manager import FontProperties

from ontology.errors import ConfigError
from visual.settings import ViewSettings

#: Families that come with a Python dependency: family -> (distribution, font file name).
BUNDLED = {"NanumGothic": ("koreanize-matplotlib", "NanumGothic.ttf")}


def bundled_file(family: str) -> Path | None:
    """The font file a dependency ships for ``family``, if it is installed."""
    if family not in BUNDLED:
        return None
    distribution, name = BUNDLED[family]
    try:
        files = importlib.metadata.files(distribution) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in files:
        if entry.name == name:
            path = Path(str(entry.locate()))
            if path.is_file():
                return path
    return None


def _entry(path: str) -> font_manager.FontEntry | None:
    try:
        return font_manager.ttfFontProperty(font_manager.get_font(path))
    except (OSError, RuntimeError, ValueError, KeyError):  # unreadable or not a font
        return None


def system_file(family: str) -> Path | None:
    """The regular face of ``family`` among the system's fonts and matplotlib's own, read from
    disk now."""
    own = str(Path(get_data_path()) / "fonts" / "ttf")
    found: list[tuple[int, bool, str]] = []
    for path in font_manager.findSystemFonts() + font_manager.findSystemFonts(fontpaths=[own]):
        entry = _entry(path)
        if entry is not None and entry.name == family:
            weight = entry.weight if isinstance(entry.weight, int) else 400
            found.append((abs(weight - 400), entry.style != "normal", path))
    return Path(min(found)[2]) if found else None


@cache
def font_file(families: tuple[str, ...]) -> Path:
    """The first of ``families`` that is there, registered with matplotlib by its path.

    Only a success is remembered (for this process): a failed lookup looks again next time.
    """
    for family in families:
        path = bundled_file(family) or system_file(family)
        if path is not None:
            font_manager.fontManager.addfont(str(path))
            return path
    raise ConfigError(
        f"한글 글꼴 없음 / no Korean font found (tried {', '.join(families)})",
        "NanumGothic comes with the Python dependencies (koreanize-matplotlib): reinstall them "
        "with `make install`, or set RSG_VIEW_FONT_FAMILY to an installed font with Hangul",
    )


def korean_font(settings: ViewSettings | None = None) -> FontProperties:
    """The Hangul font as matplotlib properties (by file); ConfigError when none is there."""
    settings = settings or ViewSettings()
    return FontProperties(fname=font_file((settings.font_family, *settings.fallback_fonts)))
