// name: industry_timeline
// description_ko: "한 산업(과 하위 산업)의 연표 - 그 산업을 겨냥한 사업의 시작과 그 산업을 다루는 지정 공모 차수, 오래된 것부터"
// description_en: "An industry's timeline (with its sub-industries) - initiatives targeting it by start date and designation rounds covering it, oldest first"
// params:
//   industry: {type: string, required: true, example: battery, description: Industry id}
// returns: [date, kind, id, name_ko, name_en, places, selected]

// An initiative's places are where it is LOCATED_IN; a round's are the regions that bid for it
// (SEEKS) and, in selected, those that won it (outcome designated, or holding it).
MATCH (target:Industry {id: $industry})
CALL {
  WITH target
  MATCH (n:Initiative)-[:TARGETS]->(:Industry)-[:BROADER*0..4]->(target)
  WHERE n.start IS NOT NULL
  OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
  RETURN n.start AS date, 'Initiative' AS kind, n.id AS id, n.name_ko AS name_ko,
         n.name_en AS name_en, collect(DISTINCT r.name_ko) AS places, [] AS selected
  UNION
  WITH target
  MATCH (n:DesignationRound)-[:COVERS]->(:Industry)-[:BROADER*0..4]->(target)
  OPTIONAL MATCH (r:Region)-[bid:SEEKS]->(n)
  WITH n, collect(DISTINCT r.name_ko) AS places,
       collect(DISTINCT CASE WHEN bid.outcome = 'designated' THEN r.name_ko END) AS won
  RETURN coalesce(n.announced, n.year) AS date, 'DesignationRound' AS kind, n.id AS id,
         n.name_ko AS name_ko, n.name_en AS name_en, places, won AS selected
}
RETURN date, kind, id, name_ko, name_en, places, selected
ORDER BY date, id
