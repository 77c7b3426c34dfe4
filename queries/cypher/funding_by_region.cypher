// name: funding_by_region
// description_ko: 지역별 사업 예산과 재원(국비·도비·시군비·민간) 합계
// description_en: Per region, the initiatives' budgets and their funding by basis (national, provincial, municipal, private)
// params:
//   region: {type: string, required: false, default: null, example: jeonbuk-jeonju, description: "Region id; empty = every region with money on record"}
//   include_parts: {type: boolean, required: false, default: false, example: false, description: "also count initiatives located in the region's cities, counties and areas (PART_OF)"}
// returns: [region, name_ko, name_en, initiatives, budget_krw, national_krw, provincial_krw, municipal_krw, private_krw, other_krw, funded_krw, funding_lines, lines_without_amount]

// An initiative belongs to a region when it is located there or one of the region's strategies
// includes it. Amounts are FUNDED_BY amount_krw; a line without an amount is counted in
// lines_without_amount so that a missing figure is not mistaken for zero. other_krw holds
// the mixed and unknown bases.
MATCH (r:Region)
WHERE $region IS NULL OR r.id = $region
OPTIONAL MATCH lp = (x1:Initiative)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..3]->(r)
WHERE coalesce($include_parts, false) OR length(lp) = 1
WITH r, collect(DISTINCT x1) AS located
OPTIONAL MATCH (r)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x2:Initiative)
WITH r, located, collect(DISTINCT x2) AS included
UNWIND located + included AS x
WITH DISTINCT r, x
OPTIONAL MATCH (x)-[f:FUNDED_BY]->(:Organization)
WITH r, x,
     sum(CASE WHEN f.basis = 'national' THEN coalesce(f.amount_krw, 0) ELSE 0 END) AS national,
     sum(CASE WHEN f.basis = 'provincial' THEN coalesce(f.amount_krw, 0) ELSE 0 END) AS provincial,
     sum(CASE WHEN f.basis = 'municipal' THEN coalesce(f.amount_krw, 0) ELSE 0 END) AS municipal,
     sum(CASE WHEN f.basis = 'private' THEN coalesce(f.amount_krw, 0) ELSE 0 END) AS private,
     sum(CASE WHEN f.basis IN ['mixed', 'unknown'] THEN coalesce(f.amount_krw, 0) ELSE 0 END) AS other,
     count(f) AS lines,
     sum(CASE WHEN f IS NOT NULL AND f.amount_krw IS NULL THEN 1 ELSE 0 END) AS no_amount
WITH r,
     count(x) AS initiatives,
     sum(coalesce(x.budget_krw, 0)) AS budget,
     sum(national) AS national,
     sum(provincial) AS provincial,
     sum(municipal) AS municipal,
     sum(private) AS private,
     sum(other) AS other,
     sum(lines) AS lines,
     sum(no_amount) AS no_amount
WHERE budget > 0 OR lines > 0
RETURN r.id AS region,
       r.name_ko AS name_ko,
       r.name_en AS name_en,
       initiatives,
       toInteger(budget) AS budget_krw,
       toInteger(national) AS national_krw,
       toInteger(provincial) AS provincial_krw,
       toInteger(municipal) AS municipal_krw,
       toInteger(private) AS private_krw,
       toInteger(other) AS other_krw,
       toInteger(national + provincial + municipal + private + other) AS funded_krw,
       toInteger(lines) AS funding_lines,
       toInteger(no_amount) AS lines_without_amount
ORDER BY budget_krw DESC, funded_krw DESC, region
