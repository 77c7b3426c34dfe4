// name: view_funding
// description_ko: 재원 흐름 뷰 그래프 - 재원 기관(국비·도비·시군비·민간)에서 사업으로, 사업에서 지역으로
// description_en: Funding flow view graph - from funders (national, provincial, municipal, private) to initiatives, and from initiatives to regions
// params:
//   region: {type: string, required: false, default: null, example: jeonbuk, description: "only initiatives located in this Region or its parts; empty = everywhere"}
// returns: [funder, funded, investor, invests, initiative, located, place]

// An initiative is drawn when it has a budget, a FUNDED_BY line or an investment. Private
// investment straight into a region is drawn too.
MATCH (initiative:Initiative)-[located:LOCATED_IN]->(place:Region)
WHERE $region IS NULL OR (place)-[:PART_OF*0..3]->(:Region {id: $region})
OPTIONAL MATCH (initiative)-[funded:FUNDED_BY]->(funder:Organization)
OPTIONAL MATCH (investor:Organization)-[invests:INVESTS_IN]->(initiative)
WITH funder, funded, investor, invests, initiative, located, place
WHERE funded IS NOT NULL OR invests IS NOT NULL OR initiative.budget_krw > 0
RETURN funder, funded, investor, invests, initiative, located, place
UNION
MATCH (investor:Organization)-[invests:INVESTS_IN]->(place:Region)
WHERE $region IS NULL OR (place)-[:PART_OF*0..3]->(:Region {id: $region})
RETURN null AS funder, null AS funded, investor, invests, null AS initiative, null AS located, place
