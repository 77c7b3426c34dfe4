// name: region_strategies
// description_ko: 지역이 채택한 전략과 단계, 각 단계에 포함된 사업
// description_en: The strategies a region adopts, their phases and the initiatives each includes
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk-gimje, description: Region id}
// returns: [strategy, name_ko, name_en, announced, phase, phase_order, phase_name_ko, industries, initiatives]

// One row per strategy and phase (a strategy without phases is its own single phase).
// `initiatives` lists what the phase includes directly or through sub-initiatives.
MATCH (r:Region {id: $region})-[:ADOPTS]->(s:Strategy)
OPTIONAL MATCH (s)-[h:HAS_PHASE]->(ph:Strategy)
WITH s, CASE WHEN ph IS NULL THEN s ELSE ph END AS phase, h.order AS phase_order
OPTIONAL MATCH (phase)-[:TARGETS]->(i:Industry)
WITH s, phase, phase_order, i
ORDER BY i.id
WITH s, phase, phase_order, collect(DISTINCT i.id) AS industries
OPTIONAL MATCH (phase)-[:INCLUDES*1..6]->(x:Initiative)
WITH s, phase, phase_order, industries, x
ORDER BY x.start, x.id
WITH s, phase, phase_order, industries,
     collect(DISTINCT {id: x.id, name_ko: x.name_ko, name_en: x.name_en, kind: x.kind, start: x.start, status: x.status, budget_krw: x.budget_krw}) AS found
RETURN s.id AS strategy,
       s.name_ko AS name_ko,
       s.name_en AS name_en,
       s.announced AS announced,
       phase.id AS phase,
       phase_order,
       phase.name_ko AS phase_name_ko,
       industries,
       [x IN found WHERE x.id IS NOT NULL] AS initiatives
ORDER BY strategy, phase_order, phase
