// name: view_nodes
// description_ko: 노드 목록 뷰 그래프 - 주어진 id의 노드들과 그 사이의 관계 (질의 결과를 그래프로 보일 때)
// description_en: Nodes-by-id view graph - the nodes with the given ids and the relationships among them (to draw any query result)
// params:
//   ids: {type: list, required: true, default: null, example: [jeonbuk, jeonbuk-jeonju, battery], description: node ids}
// returns: [a, rel, b]

MATCH (a)
WHERE a.id IN $ids AND NOT a:BuildInfo
RETURN a, null AS rel, null AS b
UNION
MATCH (a)-[rel]->(b)
WHERE a.id IN $ids AND b.id IN $ids AND NOT a:BuildInfo
RETURN a, rel, b
