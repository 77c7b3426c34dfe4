// name: cooperation_links
// description_ko: 지역 간 협력 관계와 근거, 두 지역이 함께 추진하는 산업
// description_en: Declared cooperation between regions, with evidence and the industries both pursue
// params:
//   region: {type: string, required: false, default: null, example: null, description: "only links of this Region id (either side)"}
// returns: [region_a, name_ko_a, name_en_a, region_b, name_ko_b, name_en_b, evidence, sources, shared_industries]
MATCH (a:Region)-[c:COOPERATES_WITH]->(b:Region)
WHERE $region IS NULL OR a.id = $region OR b.id = $region
OPTIONAL MATCH (a)-[:PURSUES]->(i:Industry)<-[:PURSUES]-(b)
WITH a, b, c, i
ORDER BY i.id
WITH a, b, c, collect(i.id) AS shared
RETURN a.id AS region_a,
       a.name_ko AS name_ko_a,
       a.name_en AS name_en_a,
       b.id AS region_b,
       b.name_ko AS name_ko_b,
       b.name_en AS name_en_b,
       c.evidence AS evidence,
       c.sources AS sources,
       shared AS shared_industries
ORDER BY region_a, region_b
