// name: complementarity
// description_ko: 같은 상위 산업에서 서로 다른 가치사슬 단계를 맡는 지역 쌍 (상호보완 가능성)
// description_en: Region pairs working on different value-chain segments of the same broader industry (room to complement each other)
// params:
//   industry: {type: string, required: false, default: null, example: battery, description: "broader Industry id; empty = every industry with segments"}
//   region: {type: string, required: false, default: null, example: null, description: "only pairs that include this Region id"}
//   strict: {type: boolean, required: false, default: true, example: true, description: "true = each region has a segment the other lacks; false = the segment sets merely differ"}
// returns: [industry, name_ko, name_en, region_a, name_ko_a, name_en_a, region_b, name_ko_b, name_en_b, segments_a, segments_b, common, only_a, only_b, score, evidence]

// A segment is a narrower Industry marked `segment: true`; a region works on it when it
// PURSUES it. score = segments unique to one side / all segments of the pair.
MATCH (r:Region)-[p:PURSUES]->(s:Industry)-[:BROADER]->(b:Industry)
WHERE s.segment = true AND ($industry IS NULL OR b.id = $industry)
WITH b, r, s, p
ORDER BY s.id
WITH b, r,
     collect(DISTINCT s.id) AS ids,
     collect(DISTINCT {id: s.id, name_ko: s.name_ko, name_en: s.name_en}) AS segments,
     collect(DISTINCT {segment: s.id, evidence: p.evidence, sources: p.sources}) AS proof
ORDER BY r.id
WITH b, collect({id: r.id, name_ko: r.name_ko, name_en: r.name_en, ids: ids, segments: segments, proof: proof}) AS sides
WHERE size(sides) > 1
UNWIND range(0, size(sides) - 2) AS ia
UNWIND range(ia + 1, size(sides) - 1) AS ib
WITH b, sides[ia] AS a, sides[ib] AS c
WHERE $region IS NULL OR a.id = $region OR c.id = $region
WITH b, a, c,
     [x IN a.ids WHERE x IN c.ids] AS common,
     [x IN a.ids WHERE NOT x IN c.ids] AS only_a,
     [x IN c.ids WHERE NOT x IN a.ids] AS only_b
WHERE (size(only_a) > 0 AND size(only_b) > 0)
   OR (coalesce($strict, true) = false AND size(only_a) + size(only_b) > 0)
RETURN b.id AS industry,
       b.name_ko AS name_ko,
       b.name_en AS name_en,
       a.id AS region_a,
       a.name_ko AS name_ko_a,
       a.name_en AS name_en_a,
       c.id AS region_b,
       c.name_ko AS name_ko_b,
       c.name_en AS name_en_b,
       a.segments AS segments_a,
       c.segments AS segments_b,
       common,
       only_a,
       only_b,
       round(1000.0 * (size(only_a) + size(only_b)) / (size(common) + size(only_a) + size(only_b))) / 1000.0 AS score,
       {a: a.proof, b: c.proof} AS evidence
ORDER BY score DESC, industry, region_a, region_b
