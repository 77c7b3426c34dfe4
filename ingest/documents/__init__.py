"""새 문서 → 후보 사실 / new documents -> candidate facts.

Reading text, HTML and PDF; normalising with offsets back to the raw text; linking names to the
gazetteers; extracting candidate facts; the review queue; scoring against gold annotations
(docs/extraction.md).
"""
