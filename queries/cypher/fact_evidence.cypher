// name: fact_evidence
// description_ko: 사실(관계)별 출처 문서와 근거 문장 — 한 노드, 한 노드 종류, 관계 유형 또는 출처로 거르기
// description_en: Facts (relationships) with their source documents and evidence, for one node, a node label, a relationship type or a source
// params:
//   id: {type: string, required: false, default: null, example: jeonbuk-jeonju, description: "facts of the node with this id (either end)"}
//   label: {type: string, required: false, default: null, example: Region, description: "node label: with id, the label of that node; alone, facts touching any node of this label"}
//   rel_type: {type: string, required: false, default: null, example: null, description: "one relationship type, e.g. FUNDED_BY, SEEKS, PURSUES"}
//   source: {type: string, required: false, default: null, example: null, description: only facts stated by this Source id}
//   include_derived: {type: boolean, required: false, default: true, example: true, description: "include PURSUES edges computed at build time (they borrow their evidence from a TARGETS fact)"}
//   limit: {type: integer, required: false, default: 500, example: 100, description: most facts to return}
// returns: [type, from_id, from_label, from_name_ko, to_id, to_label, to_name_ko, properties, derived, evidence, evidence_start, evidence_end, sources]

// Reference edges (PART_OF, BROADER, ROUND_OF, COVERS, and HAD_NAME without a cited report)
// come from the gazetteer, the taxonomy and the list of rounds, not from a document, and are
// left out. `properties` holds every property of the relationship
// (amounts, basis, role, years, and the provenance repeated in the last columns).
MATCH (a)-[r]->(b)
WHERE NOT type(r) IN ['PART_OF', 'BROADER', 'ROUND_OF', 'COVERS']
  AND (type(r) <> 'HAD_NAME' OR r.evidence IS NOT NULL)
  AND ($rel_type IS NULL OR type(r) = $rel_type)
  AND ($source IS NULL OR $source IN coalesce(r.sources, []))
  AND (coalesce($include_derived, true) OR r.derived IS NULL OR r.derived = false)
  AND ($id IS NULL
       OR (a.id = $id AND ($label IS NULL OR $label IN labels(a)))
       OR (b.id = $id AND ($label IS NULL OR $label IN labels(b))))
  AND ($label IS NULL OR $id IS NOT NULL OR $label IN labels(a) OR $label IN labels(b))
WITH a, r, b
ORDER BY type(r), a.id, b.id
LIMIT $limit
UNWIND (CASE WHEN size(coalesce(r.sources, [])) = 0 THEN [null] ELSE r.sources END) AS source_id
OPTIONAL MATCH (s:Source {id: source_id})
WITH a, r, b, collect({id: source_id, title: s.title, publisher: s.publisher, published: s.published, url: s.url, kind: s.kind}) AS sources
WITH a, r, b, [x IN sources WHERE x.id IS NOT NULL] AS sources,
     ['Region', 'Industry', 'Strategy', 'Initiative', 'Organization', 'Designation', 'Source', 'Person', 'Target'] AS main
RETURN type(r) AS type,
       a.id AS from_id,
       [l IN labels(a) WHERE l IN main][0] AS from_label,
       a.name_ko AS from_name_ko,
       b.id AS to_id,
       [l IN labels(b) WHERE l IN main][0] AS to_label,
       b.name_ko AS to_name_ko,
       properties(r) AS properties,
       coalesce(r.derived, false) AS derived,
       r.evidence AS evidence,
       r.evidence_start AS evidence_start,
       r.evidence_end AS evidence_end,
       sources
ORDER BY type, from_id, to_id
