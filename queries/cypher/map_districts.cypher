// name: map_districts
// description_ko: "시군구별 추진 산업 수, 보유 지정 수, 투자 금액 (시군구 지도 색칠용; 안의 지역 포함)"
// description_en: "Per city, county and district (with the areas inside it): industries pursued, designations held and investment, for the city/county map"
// params:
//   industry: {type: string, required: false, default: null, example: battery, description: "also say whether the place or an area in it pursues this industry or one of its sub-industries (pursues)"}
// returns: [id, name_ko, name_en, level, province, province_code, former_names, industries, designations, investment_krw, pursues]

// A city, county or district is a Region of that level PART_OF a province (a Region with a
// two-digit admin_code); its places are itself and the areas PART_OF it (up to two levels
// down). former_names: the names it had, to match map outlines drawn under an older name.
MATCH (r:Region)-[:PART_OF]->(p:Region)
WHERE r.level IN ['city', 'county', 'district'] AND p.admin_code IS NOT NULL AND size(p.admin_code) = 2
OPTIONAL MATCH (a:Region)-[:PART_OF*0..2]->(r)
WITH r, p, collect(DISTINCT a) AS places
UNWIND places AS place
OPTIONAL MATCH (place)-[:PURSUES]->(i:Industry)
OPTIONAL MATCH (i)-[:BROADER*0..4]->(t:Industry {id: $industry})
WITH r, p, places, collect(DISTINCT i) AS industries, count(t) > 0 AS pursues
UNWIND places AS place
OPTIONAL MATCH (place)-[:HOLDS]->(d)
WITH r, p, places, industries, pursues, collect(DISTINCT d) AS designations
UNWIND places AS place
OPTIONAL MATCH (:Organization)-[direct:INVESTS_IN]->(place)
OPTIONAL MATCH (:Organization)-[via:INVESTS_IN]->(:Initiative)-[:LOCATED_IN]->(place)
WITH r, p, industries, pursues, designations, collect(DISTINCT direct) + collect(DISTINCT via) AS investments
RETURN r.id AS id,
       r.name_ko AS name_ko,
       r.name_en AS name_en,
       r.level AS level,
       p.id AS province,
       p.admin_code AS province_code,
       [(r)-[:HAD_NAME]->(f:FormerName) | f.name_ko] AS former_names,
       size(industries) AS industries,
       size(designations) AS designations,
       reduce(total = 0, v IN investments | total + coalesce(v.amount_krw, 0)) AS investment_krw,
       CASE WHEN $industry IS NULL THEN null ELSE pursues END AS pursues
ORDER BY province_code, id
