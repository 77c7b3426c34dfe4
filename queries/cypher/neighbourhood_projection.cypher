// name: neighbourhood_projection
// description_ko: 이웃 투영(빌드마다 메모리에 두는 그래프)을 만드는 자료 - 노드마다 레이블·속성과 나가는 관계(유형·상대 노드·속성), 한 쪽씩
// description_en: What the per-build neighbourhood projection (the graph kept in memory per build) is made from - per node its labels, properties and outgoing relationships (type, other end, properties), a page at a time
// params:
//   skip: {type: integer, required: false, default: 0, example: 0, description: nodes to pass over (in id then label order)}
//   size: {type: integer, required: false, default: 1000, example: 1000, description: nodes in this page}
// returns: [labels, node, edges]

// One row per node (in id, then first label, order: a total order, since ids are unique per
// label), its outgoing relationships as a list inside it, so a page never nears the row cap
// however busy a node is. The other end is named by its labels and id, as the graph has no
// internal id both backends share. queries/neighbourhood.py reads the pages once per build
// and answers entity details from them as entity_detail does.
MATCH (n)
WHERE NOT n:BuildInfo
WITH n
ORDER BY n.id, head(labels(n))
SKIP $skip
LIMIT $size
OPTIONAL MATCH (n)-[r]->(m)
WHERE NOT m:BuildInfo
// Collected first and turned into values after: FalkorDB writes a map's keys in another
// order when properties() sits beside an aggregation, and entity_detail's order is kept.
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [r, m] END) AS pairs
RETURN labels(n) AS labels,
       properties(n) AS node,
       [pair IN pairs | [type(pair[0]), labels(pair[1]), pair[1].id, properties(pair[0])]] AS edges
