"""데이터 파일 → 그래프 / curated data files -> facts -> RDF -> the store.

Validation with file:line errors, merging and derived edges, evidence located in the raw text,
RDF statements and exports, SHACL, and the atomic load into the store (the build).
"""
