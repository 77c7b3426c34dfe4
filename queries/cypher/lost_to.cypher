// name: lost_to
// description_ko: 누가 누구에게 졌나 - 같은 공모 차수에서 탈락한 지역과 그 차수에 선정된 경쟁 지역 (기준 시점 선택)
// description_en: Who lost to whom - regions not selected in a designation round, each with the rival regions selected in the same round (optionally as of a date)
// params:
//   round: {type: string, required: false, default: null, example: null, description: "DesignationRound id; empty = every round"}
//   designation: {type: string, required: false, default: null, example: national-strategic-industry-complex, description: "only rounds of this Designation (scheme) id"}
//   region: {type: string, required: false, default: null, example: null, description: "only where this Region id lost or won"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: only outcomes known by the end of that period"}
// returns: [round, name_ko, name_en, designation, year, decided, loser, loser_ko, loser_en, loser_ko_then, winner, winner_ko, winner_en, winner_ko_then, loser_evidence, winner_evidence, sources]

// The pairs of round_rivals where one side was not selected and the other designated.
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
  AND a.outcome = 'not_selected' AND b.outcome = 'designated'
  AND ($region IS NULL OR $region IN [a.id, b.id])
RETURN rd.id AS round,
       rd.name_ko AS name_ko,
       rd.name_en AS name_en,
       d.id AS designation,
       rd.year AS year,
       rd.decided AS decided,
       a.id AS loser,
       a.name_ko AS loser_ko,
       a.name_en AS loser_en,
       a.then_ko AS loser_ko_then,
       b.id AS winner,
       b.name_ko AS winner_ko,
       b.name_en AS winner_en,
       b.then_ko AS winner_ko_then,
       a.evidence AS loser_evidence,
       b.evidence AS winner_evidence,
       reduce(acc = a.sources, s IN b.sources | CASE WHEN s IN acc THEN acc ELSE acc + [s] END) AS sources
ORDER BY year, round, loser, winner
