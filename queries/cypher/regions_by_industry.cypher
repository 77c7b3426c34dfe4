// name: regions_by_industry
// description_ko: 한 산업(또는 그 하위 개념·가치사슬)을 추진하는 지역과 세부 분야
// description_en: Regions that pursue an industry or any narrower concept of it, with the segments they work on
// params:
//   industry: {type: string, required: true, default: null, example: battery, description: "Industry id; narrower concepts (BROADER) count too"}
//   level: {type: string, required: false, default: null, example: city, description: "only regions of this level (province, city, county, area, ...)"}
//   as_of: {type: date, required: false, default: null, example: "2025", description: "YYYY, YYYY-MM or YYYY-MM-DD: only what was pursued by the end of that period (undated facts left out)"}
// returns: [region, name_ko, name_en, level, parents, matched, segments, since, evidence, sources]

// A region appears once, with every concept under the asked industry that it pursues
// (`matched`) and the value-chain segments named on those PURSUES edges.
// As of: `at` is the last day of the asked period; a since date counts from its first day.
WITH CASE WHEN $as_of IS NULL THEN null
     WHEN size($as_of) = 4 THEN $as_of + '-12-31'
     WHEN size($as_of) = 7 THEN $as_of + '-31'
     ELSE $as_of END AS at
MATCH (target:Industry {id: $industry})<-[:BROADER*0..6]-(i:Industry)<-[p:PURSUES]-(r:Region)
WHERE ($level IS NULL OR r.level = $level)
  AND (at IS NULL OR left(p.since + '-01-01', 10) <= at)
WITH r, i, p
ORDER BY i.id
WITH r,
     collect(DISTINCT i.id) AS matched,
     collect(p) AS edges
OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
WITH r, matched, edges, collect(parent.id) AS parents
UNWIND edges AS p
UNWIND (CASE WHEN size(coalesce(p.segments, [])) = 0 THEN [null] ELSE p.segments END) AS segment
WITH r, matched, parents, edges, collect(DISTINCT segment) AS segments
RETURN r.id AS region,
       r.name_ko AS name_ko,
       r.name_en AS name_en,
       r.level AS level,
       parents,
       matched,
       segments,
       reduce(first = null, e IN edges | CASE WHEN e.since IS NOT NULL AND (first IS NULL OR e.since < first) THEN e.since ELSE first END) AS since,
       [e IN edges | e.evidence] AS evidence,
       reduce(acc = [], e IN edges | acc + [s IN coalesce(e.sources, []) WHERE NOT s IN acc]) AS sources
ORDER BY size(matched) DESC, region
