// name: view_organizations
// description_ko: 기관 네트워크 뷰 그래프 - 기관·기업이 참여·출자·투자하는 사업과 그 사업의 위치
// description_en: Organisation network view graph - the initiatives organisations take part in, fund or invest in, and where those initiatives are
// params:
//   organization: {type: string, required: false, default: null, example: null, description: "one Organization id"}
//   kind: {type: string, required: false, default: null, example: null, description: "Organization kind: company, university, research_institute, government_body, association, public_institution"}
//   region: {type: string, required: false, default: null, example: jeonbuk-jeonju, description: "only initiatives of this Region (located there or in its strategies)"}
// returns: [a, rel, b, located, place]

MATCH (a:Organization)-[rel:PARTICIPATES_IN|FUNDED_BY|INVESTS_IN]-(b:Initiative)
WHERE ($organization IS NULL OR a.id = $organization)
  AND ($kind IS NULL OR a.kind = $kind)
OPTIONAL MATCH (b)-[:LOCATED_IN]->(here:Region)
WITH a, rel, b, collect(DISTINCT here.id) AS here_ids
OPTIONAL MATCH (owner:Region)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(b)
WITH a, rel, b, here_ids, collect(DISTINCT owner.id) AS owner_ids
WITH a, rel, b, here_ids + owner_ids AS places
WHERE $region IS NULL OR $region IN places
OPTIONAL MATCH (b)-[located:LOCATED_IN]->(place:Region)
RETURN a, rel, b, located, place
