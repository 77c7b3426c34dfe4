// name: overlap_matrix
// description_ko: 여러 지역(또는 산업을 추진하는 모든 지역) 쌍별 공통 산업 수와 Jaccard 유사도
// description_en: Shared industries and Jaccard score for every pair among a list of regions (or all regions that pursue any industry)
// params:
//   regions: {type: list, required: false, default: [], example: [jeonbuk, jeonbuk-jeonju, jeonbuk-gimje, gyeongbuk-gumi], description: "Region ids (every pair among them is listed); empty = every region that pursues an industry, and then only pairs that share at least one"}
//   level: {type: integer, required: false, default: null, example: 0, description: "taxonomy depth to compare at: empty = the industries as pursued, 0 = top-level industries, ..."}
//   min_shared: {type: integer, required: false, default: 0, example: 0, description: only pairs sharing at least this many industries}
//   list_shared: {type: boolean, required: false, default: true, example: true, description: "false = leave the shared column empty (counts only; much less to send for all regions)"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: only what was pursued by the end of that period (undated facts left out)"}
// returns: [region_a, region_b, name_ko_a, name_ko_b, name_en_a, name_en_b, industries_a, industries_b, shared_count, jaccard, shared]

// Two branches, one per use; only the one chosen by $regions produces rows.
// Every region: an inverted index. For each concept, the regions holding it (sorted by id)
// are paired inside the group, so the work follows the pairs that share something instead
// of every pair times every industry; set sizes are counted once per region.
// A list of regions: every pair among them, sharing nothing included (shared_count 0).
// Roll-up (as in region_overlap): each pursued industry's concepts at depth $level are worked
// out once per industry, not once per region. FalkorDB evaluates every branch of a CASE, so
// no branch may fail on the other's input.
// As of: a PURSUES edge counts when its since (from its first day) is on or before the last
// day of the asked period (docs/graph-contract.md, "As-of dates").
MATCH (i:Industry)
WHERE size(coalesce($regions, [])) = 0 AND (i)<-[:PURSUES]-(:Region)
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE $level IS NOT NULL OR t = i
WITH i, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE $level IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH i, t, min(length(q)) AS depth
WITH i, collect({id: t.id, depth: depth}) AS ancestors
WITH i, ancestors, [x IN ancestors WHERE x.id = i.id | x.depth][0] AS own
WITH i, [x IN ancestors WHERE CASE WHEN $level IS NULL OR $level >= own THEN x.id = i.id ELSE x.depth = $level END | x.id] AS rolled
MATCH (r:Region)-[p:PURSUES]->(i)
WHERE ($as_of IS NULL OR left(p.since + '-01-01', 10) <= CASE WHEN size($as_of) = 4 THEN $as_of + '-12-31' WHEN size($as_of) = 7 THEN $as_of + '-31' ELSE $as_of END)
UNWIND rolled AS concept
WITH r, collect(DISTINCT concept) AS concepts
WITH r, size(concepts) AS n, concepts
UNWIND concepts AS concept
WITH concept, r, n
ORDER BY r.id
WITH concept, collect(r) AS holders, collect(n) AS sizes
ORDER BY concept
UNWIND range(0, size(holders) - 2) AS ia
UNWIND range(ia + 1, size(holders) - 1) AS ib
WITH holders[ia] AS a, holders[ib] AS b, sizes[ia] AS na, sizes[ib] AS nb, concept
WITH a, b, na, nb, count(concept) AS shared_count, collect(concept) AS shared
WHERE shared_count >= coalesce($min_shared, 0)
WITH a, b, na, nb, shared_count, shared, na + nb - shared_count AS union_size
RETURN a.id AS region_a,
       b.id AS region_b,
       a.name_ko AS name_ko_a,
       b.name_ko AS name_ko_b,
       a.name_en AS name_en_a,
       b.name_en AS name_en_b,
       na AS industries_a,
       nb AS industries_b,
       shared_count,
       CASE WHEN union_size = 0 THEN 0.0 ELSE round(1000.0 * shared_count / union_size) / 1000.0 END AS jaccard,
       CASE WHEN coalesce($list_shared, true) THEN shared ELSE [] END AS shared
ORDER BY jaccard DESC, region_a, region_b
UNION ALL
OPTIONAL MATCH (r:Region)-[p:PURSUES]->(i:Industry)
WHERE r.id IN coalesce($regions, [])
  AND ($as_of IS NULL OR left(p.since + '-01-01', 10) <= CASE WHEN size($as_of) = 4 THEN $as_of + '-12-31' WHEN size($as_of) = 7 THEN $as_of + '-31' ELSE $as_of END)
WITH DISTINCT i
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE $level IS NOT NULL OR t = i
WITH i, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE $level IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH i, t, min(length(q)) AS depth
WITH i, collect({id: t.id, depth: depth}) AS ancestors
WITH i, ancestors, [x IN ancestors WHERE x.id = i.id | x.depth][0] AS own
WITH i, [x IN ancestors WHERE CASE WHEN $level IS NULL OR $level >= own THEN x.id = i.id ELSE x.depth = $level END | x.id] AS rolled
OPTIONAL MATCH (r:Region)-[p:PURSUES]->(i)
WHERE r.id IN coalesce($regions, [])
  AND ($as_of IS NULL OR left(p.since + '-01-01', 10) <= CASE WHEN size($as_of) = 4 THEN $as_of + '-12-31' WHEN size($as_of) = 7 THEN $as_of + '-31' ELSE $as_of END)
UNWIND (CASE WHEN r IS NULL THEN [] ELSE rolled END) AS concept
WITH r, concept
ORDER BY concept
WITH r, collect(DISTINCT concept) AS concepts
WITH collect({id: r.id, concepts: concepts}) AS sets
MATCH (x:Region)
WHERE x.id IN coalesce($regions, [])
WITH sets, x
ORDER BY x.id
WITH sets, collect(x) AS listed
UNWIND range(0, size(listed) - 2) AS ia
UNWIND range(ia + 1, size(listed) - 1) AS ib
WITH sets, listed[ia] AS a, listed[ib] AS b
WITH a, b,
     coalesce(head([s IN sets WHERE s.id = a.id]).concepts, []) AS ca,
     coalesce(head([s IN sets WHERE s.id = b.id]).concepts, []) AS cb
WITH a, b, size(ca) AS na, size(cb) AS nb, [x IN ca WHERE x IN cb] AS shared
WITH a, b, na, nb, size(shared) AS shared_count, shared
WHERE shared_count >= coalesce($min_shared, 0)
WITH a, b, na, nb, shared_count, shared, na + nb - shared_count AS union_size
RETURN a.id AS region_a,
       b.id AS region_b,
       a.name_ko AS name_ko_a,
       b.name_ko AS name_ko_b,
       a.name_en AS name_en_a,
       b.name_en AS name_en_b,
       na AS industries_a,
       nb AS industries_b,
       shared_count,
       CASE WHEN union_size = 0 THEN 0.0 ELSE round(1000.0 * shared_count / union_size) / 1000.0 END AS jaccard,
       CASE WHEN coalesce($list_shared, true) THEN shared ELSE [] END AS shared
ORDER BY jaccard DESC, region_a, region_b
