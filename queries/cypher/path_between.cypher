// name: path_between
// description_ko: 두 노드를 잇는 가장 짧은 경로들 (방향 무시, 최대 6단계)
// description_en: The shortest paths between two nodes, any direction, at most 6 steps
// params:
//   from_id: {type: string, required: true, default: null, example: jeonbuk, description: id of the first node}
//   to_id: {type: string, required: true, default: null, example: gyeongbuk-gumi, description: id of the second node}
//   from_label: {type: string, required: false, default: null, example: Region, description: "label of the first node, when its id is not unique across labels"}
//   to_label: {type: string, required: false, default: null, example: Region, description: label of the second node}
//   limit: {type: integer, required: false, default: 5, example: 5, description: most paths to return}
// returns: [length, nodes, relationships, path]

// FalkorDB runs shortestPath only with a direction, and analysts want paths whatever the
// direction of the edges (a region and an industry it shares with another region), so this
// uses allShortestPaths with both ends bound first, which both stores run.
MATCH (a {id: $from_id})
WHERE NOT a:BuildInfo AND ($from_label IS NULL OR $from_label IN labels(a))
MATCH (b {id: $to_id})
WHERE NOT b:BuildInfo AND ($to_label IS NULL OR $to_label IN labels(b)) AND a <> b
WITH a, b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WITH p
LIMIT 100
WITH p, [n IN nodes(p) | n.id] AS ids
ORDER BY ids
LIMIT $limit
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id,
                         label: [l IN labels(n) WHERE l IN ['Region', 'Industry', 'Strategy', 'Initiative', 'Organization', 'Designation', 'Source', 'Person', 'Target']][0],
                         name_ko: n.name_ko, name_en: n.name_en}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, evidence: r.evidence}] AS relationships,
       p AS path
