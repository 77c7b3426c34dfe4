// name: round_rivals
// description_ko: 같은 지정 공모 차수를 두고 겨룬 지역 쌍과 각자의 결과 (서로 속한 지역, 공동 신청 상대는 제외; 기준 시점 선택)
// description_en: Pairs of regions that competed in the same designation round, with each side's outcome (a place and its own areas, and partners of one joint bid, are never rivals; optionally as of a date)
// params:
//   round: {type: string, required: false, default: null, example: null, description: "DesignationRound id; empty = every round"}
//   designation: {type: string, required: false, default: null, example: national-strategic-industry-complex, description: "only rounds of this Designation (scheme) id"}
//   region: {type: string, required: false, default: null, example: null, description: "only pairs with this Region id on one side (it is then region_a)"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: bids filed by the end of that period, outcomes known then"}
// returns: [round, name_ko, name_en, designation, year, region_a, name_ko_a, name_en_a, name_ko_a_then, outcome_a, region_b, name_ko_b, name_en_b, name_ko_b_then, outcome_b, evidence_a, evidence_b, sources]

// Rivals: two places that each SEEK (or HOLD) the round, in different bids (partners of a
// joint bid share the `bid` id), neither PART_OF the other at any depth. Bids and outcomes
// as in round_results. name_ko_*_then: the name when the bid was filed.
WITH CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
MATCH (rd:DesignationRound)-[:ROUND_OF]->(d:Designation)
WHERE ($round IS NULL OR rd.id = $round)
  AND ($designation IS NULL OR d.id = $designation)
  AND (at IS NULL OR left(coalesce(rd.announced, rd.year) + '-01-01', 10) <= at)
MATCH (r:Region)-[b:SEEKS|HOLDS]->(rd)
WITH at, d, rd, r, collect(b) AS edges
WITH at, d, rd, r,
     [e IN edges WHERE type(e) = 'SEEKS'][0] AS s,
     [e IN edges WHERE type(e) = 'HOLDS'][0] AS h
WITH at, d, rd, r, s, h, coalesce(s.date, rd.announced, h.since, rd.decided, rd.year) AS filed
WHERE at IS NULL OR left(filed + '-01-01', 10) <= at
WITH at, d, rd, r, s, h, filed, coalesce(s.bid, h.bid, r.id) AS bid,
     CASE WHEN h IS NOT NULL
               AND (at IS NULL OR left(coalesce(h.since, rd.decided, rd.year) + '-01-01', 10) <= at) THEN 'designated'
          WHEN s.outcome IN ['designated', 'not_selected']
               AND (at IS NULL OR left(coalesce(s.decided, rd.decided, rd.year) + '-01-01', 10) <= at) THEN s.outcome
          ELSE 'pending' END AS outcome
WITH d, rd, r, bid, outcome,
     coalesce([(r)-[:HAD_NAME]->(f:FormerName)
               WHERE left(coalesce(f.valid_from, '0001') + '-01-01', 10) <= left(filed + '-01-01', 10)
                 AND (CASE size(f.valid_to) WHEN 4 THEN f.valid_to + '-12-31' WHEN 7 THEN f.valid_to + '-31' ELSE f.valid_to END) >= left(filed + '-01-01', 10)
               | f.name_ko][0], r.name_ko) AS then_ko,
     [x IN [s, h] WHERE x IS NOT NULL | x.evidence] AS evidence,
     reduce(acc = [], x IN [s, h] | acc + [y IN coalesce(x.sources, []) WHERE NOT y IN acc]) AS sources
WITH d, rd,
     collect({id: r.id, name_ko: r.name_ko, name_en: r.name_en, then_ko: then_ko, bid: bid,
              outcome: outcome, evidence: evidence, sources: sources,
              within: [(r)-[:PART_OF*1..4]->(up:Region) | up.id]}) AS bids
UNWIND bids AS a
UNWIND bids AS b
WITH d, rd, a, b
WHERE a.bid <> b.bid
  AND NOT a.id IN b.within
  AND NOT b.id IN a.within
  AND (($region IS NULL AND a.id < b.id) OR a.id = $region)
RETURN rd.id AS round,
       rd.name_ko AS name_ko,
       rd.name_en AS name_en,
       d.id AS designation,
       rd.year AS year,
       a.id AS region_a,
       a.name_ko AS name_ko_a,
       a.name_en AS name_en_a,
       a.then_ko AS name_ko_a_then,
       a.outcome AS outcome_a,
       b.id AS region_b,
       b.name_ko AS name_ko_b,
       b.name_en AS name_en_b,
       b.then_ko AS name_ko_b_then,
       b.outcome AS outcome_b,
       a.evidence AS evidence_a,
       b.evidence AS evidence_b,
       reduce(acc = a.sources, s IN b.sources | CASE WHEN s IN acc THEN acc ELSE acc + [s] END) AS sources
ORDER BY year, round, region_a, region_b
