// name: initiatives_timeline
// description_ko: 연도별·지역별 사업 시작 현황 (사업 목록과 예산)
// description_en: Initiatives by start year and region, with their kinds, status and budgets
// params:
//   region: {type: string, required: false, default: null, example: jeonbuk-gimje, description: "only this Region id (where initiatives are located or whose strategies include them)"}
//   include_parts: {type: boolean, required: false, default: false, example: false, description: "with region: also initiatives of its cities, counties and areas"}
//   from_year: {type: integer, required: false, default: null, example: null, description: first start year to show}
//   to_year: {type: integer, required: false, default: null, example: null, description: last start year to show}
//   undated: {type: boolean, required: false, default: false, example: false, description: "also list initiatives without a start date (year empty)"}
// returns: [year, region, name_ko, name_en, initiative_count, budget_krw, initiatives]

// The year is the first four characters of `start` (dates keep the source's precision).
// An initiative with several regions appears under each of them.
MATCH (x:Initiative)
WHERE (x.start IS NOT NULL OR coalesce($undated, false))
WITH x, CASE WHEN x.start IS NULL THEN null ELSE toInteger(substring(x.start, 0, 4)) END AS year
WHERE ($from_year IS NULL OR year >= $from_year)
  AND ($to_year IS NULL OR year <= $to_year)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(located:Region)
WITH x, year, collect(DISTINCT located) AS located
OPTIONAL MATCH (owner:Region)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x)
WITH x, year, located, collect(DISTINCT owner) AS owners
UNWIND (CASE WHEN size(located + owners) = 0 THEN [null] ELSE located + owners END) AS r
WITH DISTINCT x, year, r
OPTIONAL MATCH (r)-[:PART_OF*0..3]->(up:Region)
WITH x, year, r, collect(up.id) AS within
WHERE $region IS NULL
   OR r.id = $region
   OR (coalesce($include_parts, false) AND $region IN within)
WITH year, r, x
ORDER BY x.start, x.id
WITH year, r,
     count(x) AS initiative_count,
     sum(coalesce(x.budget_krw, 0)) AS budget,
     collect({id: x.id, name_ko: x.name_ko, name_en: x.name_en, kind: x.kind, start: x.start,
              end: x.end, status: x.status, budget_krw: x.budget_krw}) AS initiatives
RETURN year,
       r.id AS region,
       r.name_ko AS name_ko,
       r.name_en AS name_en,
       initiative_count,
       toInteger(budget) AS budget_krw,
       initiatives
ORDER BY year, region
