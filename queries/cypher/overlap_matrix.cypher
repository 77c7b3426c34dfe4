// name: overlap_matrix
// description_ko: 여러 지역(또는 산업을 추진하는 모든 지역) 쌍별 공통 산업 수와 Jaccard 유사도
// description_en: Shared industries and Jaccard score for every pair among a list of regions (or all regions that pursue any industry)
// params:
//   regions: {type: list, required: false, default: [], example: [jeonbuk, jeonbuk-jeonju, jeonbuk-gimje, gyeongbuk-gumi], description: "Region ids (every pair among them is listed); empty = every region that pursues an industry, and then only pairs that share at least one"}
//   level: {type: integer, required: false, default: null, example: 0, description: "taxonomy depth to compare at: empty = the industries as pursued, 0 = top-level industries, ..."}
//   min_shared: {type: integer, required: false, default: 0, example: 0, description: only pairs sharing at least this many industries}
//   list_shared: {type: boolean, required: false, default: true, example: true, description: "false = leave the shared column empty (counts only; much less to send for all regions)"}
// returns: [region_a, region_b, name_ko_a, name_ko_b, name_en_a, name_en_b, industries_a, industries_b, shared_count, jaccard, shared]

// The roll-up (as in region_overlap) is worked out once per pursued industry, then each
// region's set is built. Pairs come from an inverted index (for each industry, the regions
// that pursue it), so the work follows the pairs that share something rather than every
// pair times every industry. With an explicit list, the pairs that share nothing are added
// back with shared_count 0. FalkorDB evaluates every branch of a CASE, so no branch may
// fail on the other's input.
MATCH (i:Industry)
WHERE (i)<-[:PURSUES]-(:Region)
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE $level IS NOT NULL OR t = i
WITH i, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE $level IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH i, t, min(length(q)) AS depth
WITH i, collect({id: t.id, depth: depth}) AS ancestors
WITH i, ancestors, [x IN ancestors WHERE x.id = i.id | x.depth][0] AS own
WITH i, [x IN ancestors WHERE CASE WHEN $level IS NULL OR $level >= own THEN x.id = i.id ELSE x.depth = $level END | x.id] AS rolled
MATCH (r:Region)-[:PURSUES]->(i)
WHERE r.id IN coalesce($regions, []) OR size(coalesce($regions, [])) = 0
UNWIND rolled AS concept
WITH r, collect(DISTINCT concept) AS concepts
WITH r.id AS rid, r.name_ko AS rname, concepts
ORDER BY rid
WITH collect({id: rid, name_ko: rname, n: size(concepts), concepts: concepts}) AS sets
OPTIONAL MATCH (x:Region)
WHERE x.id IN coalesce($regions, [])
WITH sets, x
ORDER BY x.id
WITH sets,
     collect(CASE WHEN x IS NULL THEN null
                  ELSE {id: x.id, name_ko: x.name_ko, n: coalesce(head([s IN sets WHERE s.id = x.id]).n, 0)} END) AS listed
UNWIND (CASE WHEN size(sets) = 0 THEN [null] ELSE sets END) AS s
UNWIND (CASE WHEN s IS NULL OR size(s.concepts) = 0 THEN [null] ELSE s.concepts END) AS concept
WITH listed, concept, s
ORDER BY concept, s.id
WITH listed, concept, collect(s.id) AS ids, collect(s.name_ko) AS names, collect(s.n) AS sizes
UNWIND (CASE WHEN concept IS NULL OR size(ids) < 2 THEN [-1] ELSE range(0, size(ids) - 2) END) AS ia
UNWIND (CASE WHEN ia < 0 THEN [-1] ELSE range(ia + 1, size(ids) - 1) END) AS ib
WITH listed, concept,
     CASE WHEN ia < 0 THEN null ELSE ids[ia] END AS a_id,
     names[ia] AS a_name, sizes[ia] AS a_n,
     ids[ib] AS b_id, names[ib] AS b_name, sizes[ib] AS b_n
WITH listed, a_id, a_name, a_n, b_id, b_name, b_n,
     count(concept) AS shared_count,
     collect(CASE WHEN coalesce($list_shared, true) THEN concept END) AS shared
WITH listed,
     collect(CASE WHEN a_id IS NULL THEN null
                  ELSE {a: {id: a_id, name_ko: a_name, n: a_n}, b: {id: b_id, name_ko: b_name, n: b_n},
                        shared_count: shared_count, shared: shared} END) AS found
WITH CASE WHEN size(listed) = 0 THEN [] ELSE found END AS lookup,
     CASE WHEN size(listed) = 0 THEN found
          ELSE reduce(acc = [], ia IN range(0, size(listed) - 2) |
                      acc + [ib IN range(ia + 1, size(listed) - 1) | {a: listed[ia], b: listed[ib]}]) END AS pairs
UNWIND pairs AS p
WITH p, CASE WHEN p.shared_count IS NULL THEN head([f IN lookup WHERE f.a.id = p.a.id AND f.b.id = p.b.id]) ELSE p END AS hit
WITH p.a AS a, p.b AS b, coalesce(hit.shared_count, 0) AS shared_count, coalesce(hit.shared, []) AS shared
WHERE shared_count >= coalesce($min_shared, 0)
WITH a, b, shared_count, shared, a.n + b.n - shared_count AS union_size
MATCH (ra:Region {id: a.id})
MATCH (rb:Region {id: b.id})
RETURN a.id AS region_a,
       b.id AS region_b,
       a.name_ko AS name_ko_a,
       b.name_ko AS name_ko_b,
       ra.name_en AS name_en_a,
       rb.name_en AS name_en_b,
       a.n AS industries_a,
       b.n AS industries_b,
       shared_count,
       CASE WHEN union_size = 0 THEN 0.0 ELSE round(1000.0 * shared_count / union_size) / 1000.0 END AS jaccard,
       shared
ORDER BY jaccard DESC, region_a, region_b
