// name: industry_timeline
// description_ko: "한 산업(과 하위 산업)의 연표 - 그 산업을 겨냥한 사업의 시작과 그 산업을 다루는 지정 공모 차수, 오래된 것부터"
// description_en: "An industry's timeline (with its sub-industries) - initiatives targeting it by start date and designation rounds covering it, oldest first"
// params:
//   industry: {type: string, required: true, example: battery, description: Industry id}
// returns: [date, kind, id, name_ko, name_en, places, selected]

// An initiative's places are where it is LOCATED_IN; a round's are the regions that bid for it
// (SEEKS) and, in selected, those that won it (outcome designated, or holding it).
MATCH (target:Industry {id: $industry})
OPTIONAL MATCH (n:Initiative)-[:TARGETS]->(:Industry)-[:BROADER*0..4]->(target)
WHERE n.start IS NOT NULL
OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
WITH target, n, collect(DISTINCT r.name_ko) AS places
WITH target,
     collect(CASE WHEN n IS NULL THEN null
                  ELSE {date: n.start, kind: 'Initiative', id: n.id, name_ko: n.name_ko,
                        name_en: n.name_en, places: places, selected: []} END) AS initiatives
OPTIONAL MATCH (d:DesignationRound)-[:COVERS]->(:Industry)-[:BROADER*0..4]->(target)
OPTIONAL MATCH (b:Region)-[bid:SEEKS]->(d)
WITH initiatives, d, collect(DISTINCT b.name_ko) AS places,
     collect(DISTINCT CASE WHEN bid.outcome = 'designated' THEN b.name_ko END) AS won
WITH initiatives,
     collect(CASE WHEN d IS NULL THEN null
                  ELSE {date: coalesce(d.announced, d.year), kind: 'DesignationRound', id: d.id,
                        name_ko: d.name_ko, name_en: d.name_en, places: places,
                        selected: won} END) AS rounds
UNWIND initiatives + rounds AS e
RETURN e.date AS date, e.kind AS kind, e.id AS id, e.name_ko AS name_ko, e.name_en AS name_en,
       e.places AS places, e.selected AS selected
ORDER BY date, id
