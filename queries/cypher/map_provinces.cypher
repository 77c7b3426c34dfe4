// name: map_provinces
// description_ko: "시도별 추진 산업 수, 보유 지정 수, 투자 금액 (지도 색칠용; 시군구 포함)"
// description_en: "Per province (with the places inside it): industries pursued, designations held and investment, for the map"
// params:
//   industry: {type: string, required: false, default: null, example: battery, description: "also say whether the province or a place in it pursues this industry or one of its sub-industries (pursues)"}
// returns: [id, name_ko, name_en, admin_code, industries, designations, investment_krw, pursues]

// A province is a Region with a two-digit admin_code; its places are those PART_OF it (up to
// three levels down). Investment: INVESTS_IN amounts into a place or into an initiative
// located in one.
MATCH (p:Region)
WHERE p.admin_code IS NOT NULL AND size(p.admin_code) = 2
OPTIONAL MATCH (r:Region)-[:PART_OF*0..3]->(p)
WITH p, collect(DISTINCT r) AS places
UNWIND places AS place
OPTIONAL MATCH (place)-[:PURSUES]->(i:Industry)
OPTIONAL MATCH (i)-[:BROADER*0..4]->(t:Industry {id: $industry})
WITH p, places, collect(DISTINCT i) AS industries, count(t) > 0 AS pursues
UNWIND places AS place
OPTIONAL MATCH (place)-[:HOLDS]->(d)
WITH p, places, industries, pursues, collect(DISTINCT d) AS designations
UNWIND places AS place
OPTIONAL MATCH (:Organization)-[direct:INVESTS_IN]->(place)
OPTIONAL MATCH (:Organization)-[via:INVESTS_IN]->(:Initiative)-[:LOCATED_IN]->(place)
WITH p, industries, pursues, designations, collect(DISTINCT direct) + collect(DISTINCT via) AS investments
RETURN p.id AS id,
       p.name_ko AS name_ko,
       p.name_en AS name_en,
       p.admin_code AS admin_code,
       size(industries) AS industries,
       size(designations) AS designations,
       reduce(total = 0, v IN investments | total + coalesce(v.amount_krw, 0)) AS investment_krw,
       CASE WHEN $industry IS NULL THEN null ELSE pursues END AS pursues
ORDER BY admin_code
