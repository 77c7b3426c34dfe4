// name: entity_list
// description_ko: 한 종류의 노드 목록 (이름 검색, 수준·종류·상위 지역 필터, 페이지)
// description_en: Nodes of one label, filtered by name, level, kind or parent region, paged
// params:
//   label: {type: string, required: true, example: Region, description: "Region, Industry, Strategy, Initiative, Organization, Designation, Source, Person or Target"}
//   q: {type: string, example: 전북, description: "part of the id, Korean or English name, or an alias"}
//   level: {type: string, example: city, description: Region level}
//   kind: {type: string, example: company, description: Initiative or Organization kind}
//   parent: {type: string, example: jeonbuk, description: id of the Region this one is PART_OF}
//   skip: {type: integer, default: 0, example: 0}
//   limit: {type: integer, default: 50, example: 50}
// returns: [total, items]
MATCH (n)
WHERE $label IN labels(n)
  AND ($level IS NULL OR n.level = $level)
  AND ($kind IS NULL OR n.kind = $kind)
  AND ($q IS NULL
       OR toLower(n.id) CONTAINS toLower($q)
       OR toLower(n.name_ko) CONTAINS toLower($q)
       OR toLower(n.name_en) CONTAINS toLower($q)
       OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS toLower($q)))
OPTIONAL MATCH (n)-[:PART_OF]->(p:Region)
WITH n, collect(p.id) AS parents
WHERE $parent IS NULL OR $parent IN parents
WITH n ORDER BY n.id
WITH count(n) AS total, collect(n) AS nodes
RETURN total, [x IN nodes[$skip..($skip + $limit)] | properties(x)] AS items
