// name: entity_detail
// description_ko: 노드 하나와 이웃 노드, 관계의 속성·출처·근거
// description_en: One node with its neighbours and each relationship's properties, sources and evidence
// params:
//   label: {type: string, required: true, example: Region}
//   id: {type: string, required: true, example: jeonbuk-gimje}
// returns: [node, type, outgoing, neighbour, neighbour_labels, props]
MATCH (n {id: $id})
WHERE $label IN labels(n)
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:BuildInfo
RETURN properties(n) AS node,
       type(r) AS type,
       startNode(r) = n AS outgoing,
       properties(m) AS neighbour,
       labels(m) AS neighbour_labels,
       properties(r) AS props
ORDER BY type, neighbour.id
