// name: view_region_designations
// description_ko: 지역 지정 연표 뷰 그래프 - 지역과 그 안의 시·군·구역이 신청하거나 받은 공모 차수와 지정 제도, 옛 이름
// description_en: Region designation timeline view graph - the rounds and schemes a region and its cities, counties and areas bid for or won, and the region's former names
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk, description: Region id}
// returns: [a, rel, b]

// The places are the region and what lies in it (PART_OF, up to four steps); each keeps the
// PART_OF step that links it towards the region. Scheme-level edges the build rolled up from
// a round (derived) are left out: the round shows them.
MATCH (a:Region {id: $region})
RETURN a, null AS rel, null AS b
UNION
MATCH (a:Region {id: $region})-[rel:HAD_NAME]->(b:FormerName)
RETURN a, rel, b
UNION
MATCH (a:Region)-[:PART_OF*0..4]->(:Region {id: $region})
MATCH (a)-[rel:SEEKS|HOLDS]->(b)
WHERE b:DesignationRound OR NOT coalesce(rel.derived, false)
RETURN a, rel, b
UNION
MATCH (p:Region)-[:PART_OF*0..4]->(:Region {id: $region})
MATCH (p)-[:SEEKS|HOLDS]->(a:DesignationRound)-[rel:ROUND_OF]->(b:Designation)
RETURN a, rel, b
UNION
MATCH (p:Region)-[:PART_OF*0..4]->(top:Region {id: $region})
WHERE (p)-[:SEEKS|HOLDS]->()
MATCH path = (p)-[:PART_OF*1..4]->(top)
UNWIND relationships(path) AS rel
RETURN startNode(rel) AS a, rel, endNode(rel) AS b
