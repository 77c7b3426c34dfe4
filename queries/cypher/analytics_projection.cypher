// name: analytics_projection
// description_ko: 분석 투영(희소 행렬)을 만드는 자료 - 지역과 추진 산업(시점·근거), 산업과 상위 분류
// description_en: What the per-build analytics projection (sparse matrices) is made from - regions with the industries they pursue (dates, evidence), industries with their broader ones
// params: {}
// returns: [label, id, name_ko, name_en, segment, broader, pursues]

// One row per region and one per industry (a few hundred rows at any scale): the edges travel
// as lists inside them, so no answer nears the row cap. queries/projection.py reads it once
// per build.
MATCH (r:Region)
OPTIONAL MATCH (r)-[p:PURSUES]->(i:Industry)
WITH r, collect(CASE WHEN i IS NULL THEN null
                     ELSE {industry: i.id, since: p.since, evidence: p.evidence, sources: p.sources} END) AS pursues
RETURN 'Region' AS label,
       r.id AS id,
       r.name_ko AS name_ko,
       r.name_en AS name_en,
       false AS segment,
       [] AS broader,
       pursues
UNION ALL
MATCH (i:Industry)
OPTIONAL MATCH (i)-[:BROADER]->(b:Industry)
WITH i, collect(b.id) AS broader
RETURN 'Industry' AS label,
       i.id AS id,
       i.name_ko AS name_ko,
       i.name_en AS name_en,
       coalesce(i.segment, false) AS segment,
       broader,
       [] AS pursues
