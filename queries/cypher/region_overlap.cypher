// name: region_overlap
// description_ko: 두 지역이 함께 추진하는 산업 (직접 또는 상위 분류 수준), Jaccard 유사도와 근거
// description_en: Industries two regions both pursue (as stated or rolled up to a taxonomy level), Jaccard score and evidence
// params:
//   region_a: {type: string, required: true, default: null, example: jeonbuk, description: Region id}
//   region_b: {type: string, required: true, default: null, example: gyeongbuk-gumi, description: Region id}
//   level: {type: integer, required: false, default: null, example: 0, description: "taxonomy depth to compare at: empty = the industries as pursued, 0 = top-level industries, 1 = one level below, ..."}
//   as_of: {type: date, required: false, default: null, example: "2025", description: "YYYY, YYYY-MM or YYYY-MM-DD: only what was pursued by the end of that period (undated facts left out)"}
// returns: [region_a, region_b, name_ko_a, name_ko_b, name_en_a, name_en_b, industries_a, industries_b, shared_count, jaccard, shared, only_a, only_b, evidence]

// Rolling up: every pursued industry is replaced by its broader concepts at depth `level`
// (depth = shortest BROADER distance to a top-level concept); an industry that is already
// at or above that depth stays as it is. Polyhierarchy can give several ancestors.
// As of: only PURSUES edges whose since (from its first day) is on or before the last day
// of the asked period.
MATCH (r:Region)
WHERE r.id IN [$region_a, $region_b]
WITH r, CASE WHEN $as_of IS NULL THEN null
        WHEN size($as_of) = 4 THEN $as_of + '-12-31'
        WHEN size($as_of) = 7 THEN $as_of + '-31'
        ELSE $as_of END AS at
OPTIONAL MATCH (r)-[p:PURSUES]->(i:Industry)
WHERE at IS NULL OR left(p.since + '-01-01', 10) <= at
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE $level IS NOT NULL OR t = i
WITH r, p, i, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE $level IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH r, p, i, t, min(length(q)) AS depth
WITH r, p, i, collect({node: t, depth: depth}) AS ancestors
WITH r, p, i, ancestors, [x IN ancestors WHERE x.node = i | x.depth][0] AS own
WITH r, p, i,
     [x IN ancestors WHERE CASE WHEN $level IS NULL OR $level >= own THEN x.node = i ELSE x.depth = $level END | x.node] AS hits
UNWIND (CASE WHEN size(hits) = 0 THEN [null] ELSE hits END) AS hit
WITH r, hit, i, p
ORDER BY hit.id, i.id
WITH r, hit, collect(DISTINCT {industry: hit.id, via: i.id, evidence: p.evidence, sources: p.sources}) AS proof
ORDER BY hit.id
WITH r, collect(hit) AS concepts, collect({industry: hit.id, proof: proof}) AS proofs
WITH collect({region: r, concepts: concepts, proofs: proofs}) AS sides
WITH [s IN sides WHERE s.region.id = $region_a][0] AS a, [s IN sides WHERE s.region.id = $region_b][0] AS b
WHERE a IS NOT NULL AND b IS NOT NULL
WITH a, b,
     [x IN a.concepts WHERE x IN b.concepts] AS shared,
     [x IN a.concepts WHERE NOT x IN b.concepts] AS only_a,
     [x IN b.concepts WHERE NOT x IN a.concepts] AS only_b
WITH a, b, shared, only_a, only_b, size(a.concepts) + size(only_b) AS union_size
RETURN a.region.id AS region_a,
       b.region.id AS region_b,
       a.region.name_ko AS name_ko_a,
       b.region.name_ko AS name_ko_b,
       a.region.name_en AS name_en_a,
       b.region.name_en AS name_en_b,
       size(a.concepts) AS industries_a,
       size(b.concepts) AS industries_b,
       size(shared) AS shared_count,
       CASE WHEN union_size = 0 THEN 0.0 ELSE round(1000.0 * size(shared) / union_size) / 1000.0 END AS jaccard,
       [x IN shared | {id: x.id, name_ko: x.name_ko, name_en: x.name_en}] AS shared,
       [x IN only_a | x.id] AS only_a,
       [x IN only_b | x.id] AS only_b,
       [x IN shared | {industry: x.id,
                       a: [y IN a.proofs WHERE y.industry = x.id][0].proof,
                       b: [y IN b.proofs WHERE y.industry = x.id][0].proof}] AS evidence
