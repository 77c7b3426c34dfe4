// name: regions_within
// description_ko: 주어진 지역 가운데 다른 지역 안에 있는 것 (PART_OF, 여러 단계) - 서로 속한 지역은 경쟁 상대가 아니다
// description_en: Which of the given regions lie within another of them (PART_OF at any depth) - a region and its own area are never rivals
// params:
//   regions: {type: list, required: true, default: null, example: [jeonbuk, saemangeum, jeonbuk-gunsan, gyeongbuk-gumi], description: "Region ids"}
// returns: [region, within]

// One row per given region that lies in at least one other given region; `within` lists
// those, nearest first.
MATCH path = (r:Region)-[:PART_OF*1..4]->(up:Region)
WHERE r.id IN $regions AND up.id IN $regions
WITH r, up, min(length(path)) AS steps
ORDER BY r.id, steps, up.id
RETURN r.id AS region, collect(up.id) AS within
ORDER BY region
