"""Reading documents: encodings, HTML, PDF, and one clear refusal per kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from ingest.documents.reader import read
from ingest.documents.review import Queue
from ontology.errors import TooLarge, ValidationFailed

KOREAN = "전북특별자치도는 새만금에 이차전지 특화단지를 조성한다. 총 1조 500억 원이 투자됐다."


def _nanum() -> str | None:
    """NanumGothic, which comes with the Python dependencies (visual/fonts.py)."""
    from visual.fonts import bundled_file

    found = bundled_file("NanumGothic")
    return str(found) if found else None


def _pdf(path: Path, text: str | None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    if text is not None:
        font = _nanum()
        if font is None:
            message = "NanumGothic is missing: reinstall the Python dependencies (make install)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        pdf.add_font("Nanum", fname=font)
        pdf.set_font("Nanum", size=12)
        pdf.multi_cell(0, 10, text)
    else:
        pdf.rect(10, 10, 50, 50)  # a page with a drawing and no text layer
    pdf.output(str(path))
    return path


def test_utf8_and_cp949_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(KOREAN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(KOREAN.encode("euc-kr"))
    (tmp_path / "c.txt").write_bytes("똠방각하 펲시 ".encode("cp949") + KOREAN.encode("cp949"))
    assert read(tmp_path / "a.txt").text == KOREAN
    assert read(tmp_path / "b.txt").text == KOREAN
    c = read(tmp_path / "c.txt")
    assert c.text.endswith(KOREAN)
    assert c.encoding == "cp949"


def test_html_keeps_the_article_and_drops_the_furniture(tmp_path: Path) -> None:
    page = f"""<html><head><meta property="article:published_time" content="2025-09-03T10:00">
    </head><body><nav><ul><li>홈</li><li>정치</li></ul></nav>
    <div class="share-buttons">페이스북 트위터</div>
    <article><h1>전북, 신산업 육성</h1><p>{KOREAN}</p></article>
    <footer class="copyright">Copyright ⓒ 신문사</footer></body></html>"""
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    raw = read(tmp_path / "p.html")
    assert raw.kind == "html"
    assert KOREAN in raw.text
    assert raw.published_hint == "2025-09-03"
    assert "페이스북" not in raw.text
    assert "Copyright" not in raw.text
    assert "정치" not in raw.text


def test_pdf_with_korean_text(tmp_path: Path) -> None:
    raw = read(_pdf(tmp_path / "k.pdf", KOREAN))
    assert raw.kind == "pdf"
    assert "이차전지" in raw.text.replace(" ", "")
    assert "1조500억" in raw.text.replace(" ", "")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"   \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("odd.txt", bytes(range(0x80, 0x100)) * 8, "unknown text encoding"),
    ],
)
def test_bad_text_inputs(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ValidationFailed, match=words) as info:
        read(tmp_path / name)
    assert info.value.hint


def test_too_large_and_scanned_pdf(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(TooLarge, match=r"50\.0 MB"):
        read(big)
    with pytest.raises(ValidationFailed, match="without a text layer"):
        read(_pdf(tmp_path / "scan.pdf", None))


def test_batch_skips_bad_files_queues_nothing_from_them_and_sums_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(KOREAN, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (docs / "odd.txt").write_bytes(bytes(range(0x80, 0x100)) * 8)
    _pdf(docs / "scan.pdf", None)
    with (docs / "big.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    monkeypatch.setenv("RSG_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(app, ["extract", str(docs), "--format", "json"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [Path(d["document"]["path"]).name for d in documents] == ["good.txt"]
    assert "1 read, 5 skipped" in result.stderr
    for reason in ("empty", "binary", "encoding", "text layer", "too large"):
        assert reason in result.stderr
    result = CliRunner().invoke(app, ["ingest", str(docs)])
    assert result.exit_code == 0, result.output
    queued = Queue(tmp_path / "home").items()
    assert {Path(item.path).name for item in queued} == {"good.txt"}
