// name: strategy_targets
// description_ko: 전략·사업의 정량 목표 (값, 단위, 목표 연도, 원문 표현)
// description_en: Quantified targets of strategies and initiatives (value, unit, target year, original wording)
// params:
//   region: {type: string, required: false, default: null, example: null, description: "only targets of this Region's strategies and initiatives (including those located there)"}
// returns: [region, holder, holder_label, holder_name_ko, target, value, unit, year, text, evidence, sources]
MATCH (holder)-[h:HAS_TARGET]->(t:Target)
WHERE holder:Strategy OR holder:Initiative
OPTIONAL MATCH (owner:Region)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(holder)
OPTIONAL MATCH (holder)-[:LOCATED_IN]->(located:Region)
WITH holder, h, t, collect(DISTINCT owner.id) + collect(DISTINCT located.id) AS places
WITH holder, h, t, reduce(acc = [], p IN places | CASE WHEN p IN acc THEN acc ELSE acc + [p] END) AS places
WHERE $region IS NULL OR $region IN places
RETURN head(places) AS region,
       holder.id AS holder,
       CASE WHEN holder:Strategy THEN 'Strategy' ELSE 'Initiative' END AS holder_label,
       holder.name_ko AS holder_name_ko,
       t.id AS target,
       t.value AS value,
       t.unit AS unit,
       t.year AS year,
       t.text AS text,
       h.evidence AS evidence,
       h.sources AS sources
ORDER BY region, holder, target
