"""Two pipelines over shared Korean text utilities.

- ``ingest.documents``: new documents -> candidate facts -> review -> the data files.
- ``ingest.graph``: the data files -> facts -> RDF -> the store (``rsg build``).
- ``ingest.korean``: numbers and money, dates and sentences, used by both.
"""
