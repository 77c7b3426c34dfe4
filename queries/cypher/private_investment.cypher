// name: private_investment
// description_ko: 기업의 민간 투자 (투자 기업별·대상 지역별 합계 포함)
// description_en: Private investment by companies, with totals per company and per target region
// params:
//   company: {type: string, required: false, default: null, example: null, description: investing Organization id}
//   region: {type: string, required: false, default: null, example: null, description: "only investments in this Region, its parts, or initiatives located there"}
//   designation: {type: string, required: false, default: null, example: null, description: "only investments tied to a round of this Designation (scheme) id"}
// returns: [company, company_name_ko, company_name_en, target, target_label, target_name_ko, region, amount_krw, amount_text, date, evidence, sources, company_total_krw, region_total_krw, basis, round]

// One row per INVESTS_IN edge. The target's region is the target itself when it is a Region,
// otherwise the region the initiative is located in (the first by id when several).
// Totals add the known amounts; investments without an amount add nothing. basis: announced,
// mou or executed; round: the designation round the investment is tied to.
MATCH (o:Organization)-[v:INVESTS_IN]->(t)
WHERE (t:Initiative OR t:Region)
  AND ($company IS NULL OR o.id = $company)
OPTIONAL MATCH (t)-[:LOCATED_IN*0..1]->(loc:Region)
WITH o, v, t, loc
ORDER BY loc.id
WITH o, v, t, head(collect(loc.id)) AS place_id
OPTIONAL MATCH (place:Region {id: place_id})
OPTIONAL MATCH (place)-[:PART_OF*0..3]->(up:Region)
WITH o, v, t, place, collect(up.id) AS within
WITH o, v, t, place, within,
     [(rd:DesignationRound)-[:ROUND_OF]->(d:Designation) WHERE rd.id = v.round | d.id] AS schemes
WHERE ($region IS NULL OR $region IN within)
  AND ($designation IS NULL OR $designation IN schemes)
WITH collect({company: o.id, company_name_ko: o.name_ko, company_name_en: o.name_en,
              target: t.id, target_label: CASE WHEN t:Region THEN 'Region' ELSE 'Initiative' END,
              target_name_ko: t.name_ko, region: place.id,
              amount_krw: v.amount_krw, amount_text: v.amount_text, date: v.date,
              evidence: v.evidence, sources: v.sources, basis: v.basis, round: v.round}) AS rows
UNWIND rows AS row
RETURN row.company AS company,
       row.company_name_ko AS company_name_ko,
       row.company_name_en AS company_name_en,
       row.target AS target,
       row.target_label AS target_label,
       row.target_name_ko AS target_name_ko,
       row.region AS region,
       row.amount_krw AS amount_krw,
       row.amount_text AS amount_text,
       row.date AS date,
       row.evidence AS evidence,
       row.sources AS sources,
       reduce(total = 0, x IN rows | total + CASE WHEN x.company = row.company THEN coalesce(x.amount_krw, 0) ELSE 0 END) AS company_total_krw,
       reduce(total = 0, x IN rows | total + CASE WHEN x.region = row.region THEN coalesce(x.amount_krw, 0) ELSE 0 END) AS region_total_krw,
       row.basis AS basis,
       row.round AS round
ORDER BY company_total_krw DESC, company, coalesce(amount_krw, 0) DESC, target
