// name: industry_ranking
// description_ko: 전국 산업 순위 - 가장 많은 지역이 추진하는 산업 (상위 분류 수준, 지역 단위, 기준 시점 선택)
// description_en: National ranking of industries by how many regions pursue them (at a taxonomy level, for one level of region, optionally as of a date)
// params:
//   level: {type: integer, required: false, default: 0, example: 0, description: "taxonomy depth to count at: 0 = top-level industries (default), 1 = one level below, ...; -1 = the industries as pursued"}
//   region_level: {type: string, required: false, default: null, example: null, description: "only regions of this level (province, metropolitan_city, city, county, district, area, ...)"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: only what was pursued by the end of that period (undated facts left out)"}
//   limit: {type: integer, required: false, default: 50, example: 20, description: most industries to return}
// returns: [industry, name_ko, name_en, region_count, regions, designated_count, designated]

// Pursuit is PURSUES: stated, derived from a region's strategies, or from its bids for a
// designation round that covers the industry (docs/graph-contract.md). Rolling up as in
// region_overlap: each pursued industry counts for its broader concepts at depth `level`.
// designated: the regions among them that hold a round covering the industry (or a narrower
// one) by the as-of date.
WITH CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at,
     CASE WHEN coalesce($level, 0) < 0 THEN null ELSE coalesce($level, 0) END AS depth_asked
MATCH (r:Region)-[p:PURSUES]->(i:Industry)
WHERE ($region_level IS NULL OR r.level = $region_level)
  AND (at IS NULL OR left(p.since + '-01-01', 10) <= at)
WITH at, depth_asked, i, collect(DISTINCT r) AS pursuers
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE depth_asked IS NOT NULL OR t = i
WITH at, depth_asked, i, pursuers, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE depth_asked IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH at, depth_asked, i, pursuers, t, min(length(q)) AS depth
WITH at, depth_asked, i, pursuers, collect({id: t.id, depth: depth}) AS ancestors
WITH at, depth_asked, i, pursuers, ancestors, [x IN ancestors WHERE x.id = i.id | x.depth][0] AS own
WITH at, pursuers,
     [x IN ancestors WHERE CASE WHEN depth_asked IS NULL OR depth_asked >= own THEN x.id = i.id ELSE x.depth = depth_asked END | x.id] AS rolled
UNWIND rolled AS concept
UNWIND pursuers AS r
WITH at, concept, r
ORDER BY r.id
WITH at, concept, collect(DISTINCT r.id) AS regions
MATCH (c:Industry {id: concept})
WITH c, regions,
     [(h:Region)-[held:HOLDS]->(rd:DesignationRound)-[:COVERS]->(:Industry)-[:BROADER*0..6]->(c)
      WHERE h.id IN regions
        AND (at IS NULL OR left(coalesce(held.since, rd.decided, rd.year) + '-01-01', 10) <= at)
      | h.id] AS holders
WITH c, regions, reduce(acc = [], h IN holders | CASE WHEN h IN acc THEN acc ELSE acc + [h] END) AS designated
ORDER BY size(regions) DESC, c.id
LIMIT $limit
RETURN c.id AS industry,
       c.name_ko AS name_ko,
       c.name_en AS name_en,
       size(regions) AS region_count,
       regions,
       size(designated) AS designated_count,
       designated
