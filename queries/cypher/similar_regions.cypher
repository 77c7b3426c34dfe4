// name: similar_regions
// description_ko: 한 지역과 추진 산업이 가장 비슷한 지역들 (Jaccard 유사도, 상위 분류 수준, 기준 시점 선택)
// description_en: The regions most similar to a given one by the industries they pursue (Jaccard score, at a taxonomy level, optionally as of a date)
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk, description: Region id}
//   level: {type: integer, required: false, default: null, example: 0, description: "taxonomy depth to compare at: empty = the industries as pursued, 0 = top-level industries, ..."}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: only what was pursued by the end of that period (undated facts left out)"}
//   include_nested: {type: boolean, required: false, default: false, example: false, description: "true = also the region's own cities, counties and areas, and the regions it lies in"}
//   limit: {type: integer, required: false, default: 10, example: 10, description: most regions to return}
// returns: [region, name_ko, name_en, level, industries, shared_count, jaccard, shared]

// Concept sets as in overlap_matrix (PURSUES rolled up to depth `level`); only regions that
// share at least one concept with the given one are scored. A region never ranks itself; its
// own parts and the regions it lies in are left out unless include_nested.
MATCH (me:Region {id: $region})
WITH me,
     CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at,
     [(me)-[:PART_OF*1..4]->(up:Region) | up.id] + [(down:Region)-[:PART_OF*1..4]->(me) | down.id] AS nested
MATCH (r:Region)-[p:PURSUES]->(i:Industry)
WHERE at IS NULL OR left(p.since + '-01-01', 10) <= at
WITH me, nested, i, collect(DISTINCT r) AS pursuers
OPTIONAL MATCH (i)-[:BROADER*0..6]->(t:Industry)
WHERE $level IS NOT NULL OR t = i
WITH me, nested, i, pursuers, t
OPTIONAL MATCH q = (t)-[:BROADER*0..6]->(root:Industry)
WHERE $level IS NOT NULL AND NOT (root)-[:BROADER]->()
WITH me, nested, i, pursuers, t, min(length(q)) AS depth
WITH me, nested, i, pursuers, collect({id: t.id, depth: depth}) AS ancestors
WITH me, nested, i, pursuers, ancestors, [x IN ancestors WHERE x.id = i.id | x.depth][0] AS own
WITH me, nested, pursuers,
     [x IN ancestors WHERE CASE WHEN $level IS NULL OR $level >= own THEN x.id = i.id ELSE x.depth = $level END | x.id] AS rolled
UNWIND pursuers AS r
UNWIND rolled AS concept
WITH me, nested, r, collect(DISTINCT concept) AS concepts
WITH me, nested, collect({id: r.id, concepts: concepts}) AS sets
WITH me, nested, sets, coalesce([s IN sets WHERE s.id = me.id][0].concepts, []) AS mine
UNWIND sets AS other
WITH me, nested, mine, other
WHERE other.id <> me.id
  AND (coalesce($include_nested, false) OR NOT other.id IN nested)
WITH me, mine, other, [x IN other.concepts WHERE x IN mine] AS shared
WHERE size(shared) > 0
WITH other, shared, size(mine) + size(other.concepts) - size(shared) AS union_size
MATCH (o:Region {id: other.id})
WITH o, other, shared, round(1000.0 * size(shared) / union_size) / 1000.0 AS jaccard
ORDER BY jaccard DESC, size(shared) DESC, o.id
LIMIT $limit
RETURN o.id AS region,
       o.name_ko AS name_ko,
       o.name_en AS name_en,
       o.level AS level,
       size(other.concepts) AS industries,
       size(shared) AS shared_count,
       jaccard,
       shared
