// name: region_portfolio
// description_ko: 한 지역이 추진하는 산업과 세부 가치사슬, 관련 사업과 예산·재원 (기준 시점 선택)
// description_en: The industries one region pursues, with value-chain segments, the initiatives behind each and their money (optionally as of a date)
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk-gimje, description: Region id}
//   as_of: {type: date, required: false, default: null, example: "2025", description: "YYYY, YYYY-MM or YYYY-MM-DD: only what the region pursued by the end of that period (undated facts left out; initiatives starting later dropped)"}
// returns: [industry, name_ko, name_en, segments, since, derived, evidence, sources, initiatives, initiative_count, budget_krw, funded_krw]

// An initiative counts for the region when one of the region's strategies includes it (through
// phases and sub-initiatives) or when it is located in the region; it counts for an industry
// when it targets that industry or a narrower one. budget_krw adds the initiatives' own
// budgets (a sub-initiative's budget may be part of its parent's); funded_krw adds their
// FUNDED_BY amounts.
// As of: `at` is the last day of the asked period; a start date counts from its first day
// (docs/graph-contract.md, "As-of dates"), compared as padded ISO strings.
MATCH (r:Region {id: $region})
WITH r,
     CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
OPTIONAL MATCH (r)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x1:Initiative)
WITH r, at, collect(DISTINCT x1) AS included
OPTIONAL MATCH (x2:Initiative)-[:LOCATED_IN]->(r)
WITH r, at, included, collect(DISTINCT x2) AS located
WITH r, at, included + [y IN located WHERE NOT y IN included] AS mine
WITH r, at, [y IN mine WHERE at IS NULL OR y.start IS NULL OR left(y.start + '-01-01', 10) <= at] AS mine
MATCH (r)-[p:PURSUES]->(i:Industry)
WHERE at IS NULL OR left(p.since + '-01-01', 10) <= at
OPTIONAL MATCH (x:Initiative)-[:TARGETS]->(:Industry)-[:BROADER*0..6]->(i)
WHERE x IN mine
WITH DISTINCT p, i, x
OPTIONAL MATCH (x)-[f:FUNDED_BY]->(:Organization)
WITH p, i, x, toInteger(sum(f.amount_krw)) AS funded
ORDER BY x.id
WITH p, i,
     collect(CASE WHEN x IS NULL THEN null ELSE {id: x.id, name_ko: x.name_ko, name_en: x.name_en, kind: x.kind, start: x.start, status: x.status, budget_krw: x.budget_krw, funded_krw: funded} END) AS initiatives,
     sum(x.budget_krw) AS budget,
     sum(funded) AS funded_total
RETURN i.id AS industry,
       i.name_ko AS name_ko,
       i.name_en AS name_en,
       coalesce(p.segments, []) AS segments,
       p.since AS since,
       p.derived AS derived,
       p.evidence AS evidence,
       p.sources AS sources,
       initiatives,
       size(initiatives) AS initiative_count,
       toInteger(budget) AS budget_krw,
       toInteger(funded_total) AS funded_krw
ORDER BY initiative_count DESC, industry
