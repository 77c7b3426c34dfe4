// name: entity_detail
// description_ko: 노드 하나와 이웃 노드(관계 유형별 개수, 페이지 단위), 관계의 속성·출처·근거
// description_en: One node with its neighbours (counted by relationship type, a page at a time) and each relationship's properties, sources and evidence
// params:
//   label: {type: string, required: true, example: Region, description: "Region, Industry, Strategy, Initiative, Organization (or Company, University, ...), Designation or Source"}
//   id: {type: string, required: true, example: jeonbuk-gimje, description: the node's id}
//   type: {type: string, required: false, default: null, example: PURSUES, description: "only neighbours through this relationship type; empty = every type"}
//   skip: {type: integer, required: false, default: 0, example: 0, description: neighbours to pass over (in the order type then neighbour id)}
//   limit: {type: integer, required: false, default: null, example: 50, description: "at most this many neighbours; empty = all"}
// returns: [node, counts, matching, neighbours]

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
// One pass over the neighbours: grouped by type (in type then neighbour id order), the
// groups give the counts of every type and, joined, the list that matches $type; a page is
// cut from it. One row: the node and its counts are sent once, not once per neighbour.
// (Two traversals, one to count and one to list, took a third more time in the store.)
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:BuildInfo
WITH n, r, m
// Then outgoing before incoming: a pair joined both ways by one type (COOPERATES_WITH) is
// otherwise in no defined order, and a page could cut it differently from one call to the next.
ORDER BY type(r), m.id, CASE WHEN startNode(r) = n THEN 0 ELSE 1 END
WITH n, type(r) AS t, collect(CASE WHEN r IS NULL THEN null ELSE [r, m] END) AS typed
ORDER BY t
WITH n,
     [x IN collect({count: size(typed), type: t}) WHERE x.type IS NOT NULL] AS counts,
     collect(CASE WHEN $type IS NULL OR t = $type THEN typed ELSE [] END) AS groups
WITH n, counts, reduce(joined = [], typed IN groups | joined + typed) AS pairs
WITH n, counts, pairs,
     CASE WHEN coalesce($skip, 0) > 0 THEN $skip ELSE 0 END AS first,
     CASE WHEN $limit IS NULL THEN size(pairs) WHEN $limit > 0 THEN $limit ELSE 0 END AS most
WITH n, counts, size(pairs) AS matching, pairs[first..first + most] AS page
RETURN properties(n) AS node,
       counts,
       matching,
       [pair IN page | {type: type(pair[0]),
                        outgoing: startNode(pair[0]) = n,
                        neighbour: properties(pair[1]),
                        neighbour_labels: labels(pair[1]),
                        props: properties(pair[0])}] AS neighbours
