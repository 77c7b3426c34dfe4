"""How the extraction time of one document grows with its length, on hostile text.

Each shape is a short fragment of our own repeated into one document of ``size`` characters
and of twice that; the figure is the time of the double against the single (2.0 when the
pipeline is linear in the document, 4.0 when it is quadratic). The shapes are the ones that
were quadratic before the look-ups by position (a run of list items with its close at the very
end, agreements, chiefs in brackets, caption lines, …) and a few that never were, as a check
that the figure can tell them apart. The two sides alternate for ``rounds`` rounds and each
keeps its fastest.

    python -c "from bench.growthbench import growth; print(growth(20_000))"
"""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path
from typing import Any

from bench.machine import timed

#: name -> (fragment repeated, closing words once at the end)
SHAPES: dict[str, tuple[str, str]] = {
    "list items with their close at the end": ("가온텍, ", "등 5개사가 참여했다."),
    "list items in brackets": ("가온텍(대전) ", ""),
    "amounts listed by company": ("가온텍 100억 원, ", ""),
    "agreements in one sentence": ("가온텍과 협약 ", ""),
    "chiefs in brackets": ("가온텍(대표 홍길동, 대전) ", ""),
    "caption lines": ("사진=가온텍\n", ""),
    "investment sentences": ("가온텍이 100억 원을 투자해 공장을 짓는다. ", ""),
    "one word without spaces": ("가온텍", ""),
    "open quotes": ("“가온 ", ""),
}
TARGET = "<= 2.6"


def growth(size: int = 20_000, rounds: int = 5) -> dict[str, Any]:
    """The time of each shape at ``size`` and ``2 * size`` characters, and their ratio."""
    from ingest.documents.document import Pipeline
    from ingest.documents.reader import read

    pipeline = Pipeline.load()
    shapes: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="rsgb-growth-") as tmp:

        def raw_of(name: str, text: str) -> Any:
            path = Path(tmp) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            raw = read(path)
            pipeline.run(raw)  # warm-up, untimed
            return raw

        for name, (fragment, close) in SHAPES.items():
            repeats = max(1, size // len(fragment))
            single = raw_of("single", "제목\n" + fragment * repeats + close)
            double = raw_of("double", "제목\n" + fragment * (2 * repeats) + close)
            # The two sides alternate, so that a burst of load from a neighbour on the shared
            # machine falls on both alike; each keeps its fastest round.
            best = [float("inf"), float("inf")]
            for _ in range(rounds):
                for side, raw in enumerate((single, double)):
                    best[side] = min(best[side], timed(partial(pipeline.run, raw))[1])
            shapes[name] = {
                "single_s": round(best[0], 3),
                "double_s": round(best[1], 3),
                "ratio": round(best[1] / best[0], 2),
            }
    return {
        "characters": size,
        "rounds": rounds,
        "shapes": shapes,
        "worst": max(s["ratio"] for s in shapes.values()),
        "target": TARGET,
    }
