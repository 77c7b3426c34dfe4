// name: entity_detail_before
// description_ko: 노드 하나와 이웃 노드(관계 유형별 개수, 페이지 단위), 관계의 속성·출처·근거
// description_en: Bench only, the entity detail query before issue 19 (two passes over the neighbours), kept to compare answers with entity_detail
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
// Counts by type first (the whole neighbourhood), then one page of the neighbours that match
// $type, cut from an ordered list. One row: the node and its counts are sent once, not once
// per neighbour (decoding those copies was most of an uncached /regions/{id}).
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:BuildInfo
WITH n, type(r) AS t, count(r) AS c
ORDER BY t
WITH n, [x IN collect({type: t, count: c}) WHERE x.type IS NOT NULL] AS counts
OPTIONAL MATCH (n)-[r]-(m)
WHERE NOT m:BuildInfo AND ($type IS NULL OR type(r) = $type)
WITH n, counts, r, m
// (The tie-break by direction was added to both queries later: the answers compared are then
// in one defined order.)
ORDER BY type(r), m.id, CASE WHEN startNode(r) = n THEN 0 ELSE 1 END
WITH n, counts, collect(CASE WHEN r IS NULL THEN null ELSE [r, m] END) AS pairs
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
