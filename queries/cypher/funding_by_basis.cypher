// name: funding_by_basis
// description_ko: 재원 구분(국비·도비·시군비·민간·혼합·미상)별 예산 합계와 재원 기관
// description_en: Funding lines grouped by basis (national, provincial, municipal, private, mixed, unknown) with totals and funders
// params:
//   region: {type: string, required: false, default: null, example: null, description: "only initiatives located in this Region (or its parts) or included in its strategies"}
//   basis: {type: string, required: false, default: null, example: national, description: "one basis only: national, provincial, municipal, private, mixed or unknown"}
// returns: [basis, amount_krw, funding_lines, lines_without_amount, initiatives, funders, lines]
MATCH (x:Initiative)-[f:FUNDED_BY]->(o:Organization)
WHERE ($basis IS NULL OR f.basis = $basis)
  AND ($region IS NULL
       OR (x)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(:Region {id: $region})
       OR (:Region {id: $region})-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x))
WITH f, x, o
ORDER BY coalesce(f.amount_krw, 0) DESC, x.id, o.id
WITH f.basis AS basis,
     sum(coalesce(f.amount_krw, 0)) AS amount,
     count(f) AS lines_count,
     sum(CASE WHEN f.amount_krw IS NULL THEN 1 ELSE 0 END) AS no_amount,
     count(DISTINCT x) AS initiatives,
     collect(DISTINCT o.id) AS funders,
     collect({initiative: x.id, name_ko: x.name_ko, funder: o.id, funder_name_ko: o.name_ko,
              amount_krw: f.amount_krw, amount_text: f.amount_text,
              evidence: f.evidence, sources: f.sources}) AS lines
RETURN basis,
       toInteger(amount) AS amount_krw,
       lines_count AS funding_lines,
       toInteger(no_amount) AS lines_without_amount,
       initiatives,
       funders,
       lines
ORDER BY amount_krw DESC, basis
