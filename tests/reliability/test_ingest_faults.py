"""`rsg ingest` over a folder with hostile documents (issue 15, item 7): a compression-bomb
PDF, a document that takes too long and one that needs too much memory are each reported
for that document, and the good document beside them is still queued."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from ingest.documents.review import Queue
from tests.reliability.faultkit import rsg_env
from tests.reliability.tally import figure

RSG = Path(sys.executable).with_name("rsg")
GOOD = "울산시는 수소 산업을 육성한다. 전주시는 탄소 소재 산업을 육성한다.\n"
#: Our own short sentences, repeated: a long document the pipeline needs seconds for.
FILLER = "김제시는 드론 산업을 육성한다. 국비 600억원 등 총 1,200억원을 들여 센터를 짓는다.\n"


def flate_bomb(path: Path, inflated: int = 200_000_000) -> None:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes of spaces."""
    packed = zlib.compress(b" " * inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(body)


def _ingest(folder: Path, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(RSG), "ingest", str(folder), "--published", "2024-03-15"],
        env={**rsg_env(home), **env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-good.txt").write_text(GOOD, encoding="utf-8")
    flate_bomb(docs / "b-bomb.pdf")
    return docs


def _queued_sources(home: Path) -> set[str]:
    return {item.source for item in Queue(home).items()}


def test_a_compression_bomb_is_reported_and_the_run_goes_on(folder: Path, tmp_path: Path) -> None:
    (folder / "c-also-good.txt").write_text(GOOD.replace("울산시", "구미시"), encoding="utf-8")
    done = _ingest(folder, tmp_path / "home")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "b-bomb.pdf" in done.stderr, done.stderr[-2000:]
    assert "2 read, 1 skipped" in done.stderr, done.stderr[-2000:]
    assert len(_queued_sources(tmp_path / "home")) == 2


def test_a_document_past_its_time_is_stopped_and_reported(folder: Path, tmp_path: Path) -> None:
    (folder / "c-long.txt").write_text(FILLER * 4000, encoding="utf-8")  # about 300k characters
    done = _ingest(folder, tmp_path / "home", RSG_INGEST_TIMEOUT_S="3")
    figure("ingest faults injected (bomb, over time)", 2)
    figure("ingest: good documents lost beside them", 1 - len(_queued_sources(tmp_path / "home")))
    assert done.returncode == 0, done.stderr[-2000:]
    assert "c-long.txt" in done.stderr
    assert "3 s" in done.stderr, done.stderr[-2000:]
    assert "1 read, 2 skipped" in done.stderr, done.stderr[-2000:]
    assert len(_queued_sources(tmp_path / "home")) == 1


def test_a_document_past_its_memory_is_stopped_and_reported(folder: Path, tmp_path: Path) -> None:
    (folder / "c-long.txt").write_text(FILLER * 150_000, encoding="utf-8")  # about 15 MB
    done = _ingest(folder, tmp_path / "home", RSG_INGEST_MEMORY_MB="16")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "c-long.txt" in done.stderr
    assert "memory" in done.stderr, done.stderr[-2000:]
    assert "1 read, 2 skipped" in done.stderr, done.stderr[-2000:]
    assert len(_queued_sources(tmp_path / "home")) == 1


def test_the_bomb_file_is_small(folder: Path) -> None:
    """The bomb is a few hundred kilobytes on disk: the byte limit alone cannot stop it."""
    assert os.path.getsize(folder / "b-bomb.pdf") < 1_000_000
