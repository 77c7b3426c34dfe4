// name: industry_tree
// description_ko: 산업 분류의 하위 개념·가치사슬 단계와 각 개념을 추진하는 지역 수
// description_en: An industry's narrower concepts and value-chain segments, with how many regions pursue each
// params:
//   industry: {type: string, required: false, default: null, example: battery, description: "Industry id; empty = every top-level industry and its tree"}
// returns: [root, industry, name_ko, name_en, depth, segment, broader, regions, region_count]

// depth counts BROADER steps below the root; a concept with several broader concepts
// appears once, at its shortest depth.
MATCH (root:Industry)
WHERE ($industry IS NULL AND NOT (root)-[:BROADER]->()) OR root.id = $industry
MATCH q = (i:Industry)-[:BROADER*0..6]->(root)
WITH root, i, min(length(q)) AS depth
OPTIONAL MATCH (i)-[:BROADER]->(up:Industry)
WITH root, i, depth, collect(up.id) AS broader
OPTIONAL MATCH (r:Region)-[:PURSUES]->(i)
WITH root, i, depth, broader, r
ORDER BY r.id
WITH root, i, depth, broader, collect(r.id) AS regions
RETURN root.id AS root,
       i.id AS industry,
       i.name_ko AS name_ko,
       i.name_en AS name_en,
       depth,
       coalesce(i.segment, false) AS segment,
       broader,
       regions,
       size(regions) AS region_count
ORDER BY root, depth, industry
