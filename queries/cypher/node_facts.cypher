// name: node_facts
// description_ko: 한 노드와 그 모든 관계, 출처와 근거
// description_en: One node with every relationship, its sources and evidence
// params:
//   id: {type: string, required: true, example: jeonbuk-gimje, description: node id (any label)}
// returns: [node, type, outgoing, other, sources, evidence, evidence_start, evidence_end, props]
MATCH (n {id: $id})
WHERE NOT n:BuildInfo
OPTIONAL MATCH (n)-[r]-(m)
RETURN n AS node,
       type(r) AS type,
       startNode(r) = n AS outgoing,
       m AS other,
       r.sources AS sources,
       r.evidence AS evidence,
       r.evidence_start AS evidence_start,
       r.evidence_end AS evidence_end,
       properties(r) AS props
ORDER BY type, other.id
