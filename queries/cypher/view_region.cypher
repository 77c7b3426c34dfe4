// name: view_region
// description_ko: 지역 뷰 그래프 - 지역의 전략과 단계, 사업, 추진 산업(세부 가치사슬 포함), 재원, 참여 기관, 지정·유치, 상위 지역과 협력 지역
// description_en: Region view graph - the region's strategies and phases, initiatives, industries pursued (with value-chain segments), funding, partners, designations, parent region and partner regions
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk-gimje, description: Region id}
// returns: [a, rel, b]

// Rows are (node, relationship, node) triples; the view collects every node and relationship
// once. The region's initiatives are those its strategies include (through phases and
// sub-initiatives) and those located in it, as in region_portfolio. A bid shows on its
// designation round, which leads to its scheme (the rolled-up scheme edges are left out).
MATCH (a:Region {id: $region})
RETURN a, null AS rel, null AS b
UNION
MATCH (a:Region {id: $region})-[rel:ADOPTS|PURSUES|SEEKS|HOLDS|COOPERATES_WITH|LOCATED_IN|INVESTS_IN]-(b)
WHERE NOT (type(rel) IN ['SEEKS', 'HOLDS'] AND coalesce(rel.derived, false))
RETURN a, rel, b
UNION
MATCH (:Region {id: $region})-[:SEEKS|HOLDS]->(a:DesignationRound)-[rel:ROUND_OF]->(b:Designation)
RETURN a, rel, b
UNION
MATCH (a:Region {id: $region})-[rel:PART_OF]->(b:Region)
RETURN a, rel, b
UNION
MATCH (:Region {id: $region})-[:PURSUES]->(a:Industry)-[rel:BROADER]->(b:Industry)
RETURN a, rel, b
UNION
MATCH (:Region {id: $region})-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(a)-[rel:HAS_PHASE|INCLUDES]->(b)
RETURN a, rel, b
UNION
MATCH (r:Region {id: $region})
OPTIONAL MATCH (r)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x1:Initiative)
WITH r, collect(DISTINCT x1) AS included
OPTIONAL MATCH (x2:Initiative)-[:LOCATED_IN]->(r)
WITH included, collect(DISTINCT x2) AS located
UNWIND included + located AS a
WITH DISTINCT a
MATCH (a)-[rel:TARGETS|FUNDED_BY|PARTICIPATES_IN|INVESTS_IN|DESIGNATED_AS]-(b)
RETURN a, rel, b
