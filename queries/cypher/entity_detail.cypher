// name: entity_detail
// description_ko: 노드 하나와 이웃 노드, 관계의 속성·출처·근거
// description_en: One node with its neighbours and each relationship's properties, sources and evidence
// params:
//   label: {type: string, required: true, example: Region, description: "Region, Industry, Strategy, Initiative, Organization (or Company, University, ...), Designation or Source"}
//   id: {type: string, required: true, example: jeonbuk-gimje, description: the node's id}
// returns: [node, type, outgoing, neighbour, neighbour_labels, props]

// One index lookup per main label instead of a scan of every node: ids are unique per label
// and indexed, and a label cannot be a parameter. Organization sublabels (Company, ...) are
// found through Organization.
OPTIONAL MATCH (region:Region {id: $id})
WHERE $label IN labels(region)
OPTIONAL MATCH (industry:Industry {id: $id})
WHERE $label IN labels(industry)
OPTIONAL MATCH (strategy:Strategy {id: $id})
WHERE $label IN labels(strategy)
OPTIONAL MATCH (initiative:Initiative {id: $id})
WHERE $label IN labels(initiative)
OPTIONAL MATCH (organization:Organization {id: $id})
WHERE $label IN labels(organization)
OPTIONAL MATCH (designation:Designation {id: $id})
WHERE $label IN labels(designation)
OPTIONAL MATCH (source:Source {id: $id})
WHERE $label IN labels(source)
WITH coalesce(region, industry, strategy, initiative, organization, designation, source) AS n
WHERE n IS NOT NULL
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:BuildInfo
RETURN properties(n) AS node,
       type(r) AS type,
       startNode(r) = n AS outgoing,
       properties(m) AS neighbour,
       labels(m) AS neighbour_labels,
       properties(r) AS props
ORDER BY type, neighbour.id
