"""Read a document (plain text, HTML or PDF) into raw text, refusing what cannot be text.

Plain text is UTF-8 or, as many Korean sites still serve, EUC-KR/CP949: the encoding is
detected. HTML gives its main text (navigation, menus, share buttons and footers dropped);
PDF gives its text layer (pypdf). Each refusal is a ``ValidationFailed`` (or ``TooLarge``)
with one clear reason, so that a batch can skip the file and go on.

Offsets of extracted facts refer to ``RawText.text``: the file itself for plain text, the
extracted text for HTML and PDF.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ontology.errors import TooLarge, ValidationFailed

Kind = Literal["text", "html", "pdf"]

#: Larger files are refused: no press release or article comes near this.
MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

# Elements and class/id words of web-page furniture rather than the article.
_CHROME_TAGS: tuple[str, ...] = ("script", "style", "noscript", "nav", "header", "footer")
_CHROME_TAGS += ("aside", "form", "iframe", "button", "select", "svg", "template")
_CHROME_ATTR = re.compile(
    r"(?:^|[-_\s])(?:nav|gnb|lnb|snb|menu|share|sns|social|copyright|footer|header|breadcrumb|"
    r"comment|banner|advert|ad|related|popular|login|util|toolbar|skip)(?:$|[-_\s\d])",
    re.I,
)
_MAIN_ATTR = re.compile(r"article|content|news|view|body|story|text|main", re.I)
_DATE_META = ("article:published_time", "og:published_time", "pubdate", "date", "dc.date")


@dataclass(frozen=True)
class RawText:
    """The raw text of one document and how it was read."""

    path: Path
    text: str
    kind: Kind
    encoding: str | None = None
    published_hint: str | None = None  # a date the file itself states (HTML metadata)
    #: What the page's metadata says of it: ("title" | "publisher" | "url", value) pairs.
    meta: tuple[tuple[str, str], ...] = ()


def collect(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read: each file given, and every document file under each directory given."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def read(path: Path, max_bytes: int = MAX_BYTES) -> RawText:
    """Read ``path``; ValidationFailed or TooLarge say in one line why it cannot be used."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(path, f"cannot be opened ({exc.strerror})", "check the path") from exc
    if size > max_bytes:
        raise TooLarge(
            f"{path}: {size / 1_048_576:.1f} MB is over the {max_bytes / 1_048_576:.0f} MB limit "
            "/ 파일이 너무 큽니다",
            "split the document, or pass only the article itself",
        )
    data = path.read_bytes()
    if not data.strip():
        raise _refuse(path, "is empty / 빈 파일", "nothing to read; check the export")
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        return RawText(path, _pdf_text(path, data), "pdf")
    text, encoding = decode(data, path)
    if suffix in HTML_SUFFIXES or _looks_html(text):
        body, published = html_text(text)
        if not body.strip():
            raise _refuse(path, "has no article text in its HTML / 본문 없음", "save the article")
        return RawText(path, body, "html", encoding, published, html_meta(text))
    return RawText(path, text, "text", encoding)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Text and encoding of ``data``: UTF-8, else the detected encoding (CP949 for EUC-KR)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise _refuse(
            path, "is a binary file, not text / 바이너리 파일", "pass a .txt, .html or .pdf"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp949",):  # a superset of EUC-KR, what Korean sites mean by it
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, encoding
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _plausible(str(best)):
        return str(best), best.encoding
    raise _refuse(
        path,
        "is in an unknown text encoding / 인코딩을 알 수 없음",
        "convert it to UTF-8 (e.g. iconv -f <encoding> -t UTF-8)",
    )


def _plausible(text: str) -> bool:
    """Mostly Hangul, ASCII and ordinary punctuation: what a Korean document decodes to."""
    if not text:
        return False
    good = sum(
        1
        for c in text
        if c.isascii() or "가" <= c <= "힣" or c in "·‘’“”…–—▲△•○■□◆▶ㆍ※○①②③" or "一" <= c <= "鿿"
    )
    return good >= 0.97 * len(text)


def _looks_html(text: str) -> bool:
    head = text[:2048].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:site_name": "publisher",
    "article:publisher": "publisher",
    "og:url": "url",
}


def html_meta(markup: str) -> tuple[tuple[str, str], ...]:
    """Title, publisher and address from a page's metadata (``<meta>``, canonical link, title)."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "lxml")
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = _META_KEYS.get(str(meta.get("property") or meta.get("name") or "").lower())
        content = str(meta.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    link = soup.find("link", rel="canonical")
    if "url" not in found and isinstance(link, Tag) and link.get("href"):
        found["url"] = str(link["href"])
    if "title" not in found and soup.title and soup.title.string:
        found["title"] = soup.title.string.strip()
    if not str(found.get("url", "")).startswith(("http://", "https://")):
        found.pop("url", None)
    return tuple(sorted(found.items()))


def html_text(markup: str) -> tuple[str, str | None]:
    """The article text of an HTML page (one block per line) and its published date, if any."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "lxml")
    published = None
    for meta in soup.find_all("meta"):
        key = str(meta.get("property") or meta.get("name") or "").lower()
        if key in _DATE_META and meta.get("content"):
            published = str(meta["content"])[:10]
            break
    if published is None and (stamp := soup.find("time", attrs={"datetime": True})):
        published = str(stamp.get("datetime"))[:10]
    for tag in soup.find_all(_CHROME_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if not isinstance(tag, Tag) or tag.attrs is None:
            continue
        words = _attrs(tag)
        if words.strip() and _CHROME_ATTR.search(words) and tag.name not in ("html", "body"):
            tag.decompose()
    root: Tag | None = soup.find("article") or soup.find("main")
    if root is None:
        candidates = [
            tag
            for tag in soup.find_all(["div", "section"])
            if isinstance(tag, Tag) and tag.attrs is not None and _MAIN_ATTR.search(_attrs(tag))
        ]
        root = max(candidates, key=lambda t: len(t.get_text(strip=True)), default=None)
    root = root or soup.body or soup
    lines = (line.strip() for line in root.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line), published


def _attrs(tag: Any) -> str:
    classes = tag.get("class") or []
    return " ".join(
        [*(classes if isinstance(classes, list) else [str(classes)]), str(tag.get("id") or "")]
    )


def _pdf_text(path: Path, data: bytes) -> str:
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refuse(path, "is an encrypted PDF / 암호화된 PDF", "save it without a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except LimitReachedError as exc:
        raise _refuse(
            path,
            f"is a PDF whose streams inflate past pypdf's limits (a compression bomb?): {exc}",
            "export the PDF again, or save its text",
        ) from exc
    except (PyPdfError, ValueError, KeyError, OSError, RecursionError) as exc:
        raise _refuse(path, f"is not a readable PDF ({exc})", "export the PDF again") from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise _refuse(
            path,
            "is a PDF without a text layer (scanned pages?) / 텍스트 없는 PDF",
            "run OCR on it first (e.g. ocrmypdf) and pass the result",
        )
    return text


def _refuse(path: Path, reason: str, hint: str) -> ValidationFailed:
    return ValidationFailed(f"{path}: {reason}", [f"{path}: {reason}"], hint)
