// name: round_results
// description_ko: 지정 공모 차수별 선정 지역과 탈락 지역, 심사 중인 신청 (공동 신청 상대, 역할, 면적, 근거; 기준 시점 선택)
// description_en: Winners and losers of each designation round, and bids still pending (with joint-bid partners, roles, site areas and evidence; optionally as of a date)
// params:
//   round: {type: string, required: false, default: null, example: null, description: "DesignationRound id; empty = every round"}
//   designation: {type: string, required: false, default: null, example: national-strategic-industry-complex, description: "only rounds of this Designation (scheme) id"}
//   industry: {type: string, required: false, default: null, example: null, description: "only rounds covering this Industry id or a narrower one"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: the bids filed by the end of that period, with the outcome known then (later results show as pending)"}
// returns: [round, name_ko, name_en, designation, designation_ko, designation_en, year, industries, announced, decided, status, bid_count, winners, losers, pending]

// A round counts from its call (else the start of its year).
// A bid is a place's SEEKS or HOLDS edge to the round (a HOLDS alone is a winning bid). It
// counts from its own date, else the round's call, decision or year. Its outcome: designated
// when the place HOLDS the round (from since, else the round's decision), else the SEEKS
// outcome once decided, else pending. Partners share the edge's `bid` id. `name_ko_then` is
// the place's name when the bid was filed (전라북도 before 2024-01-18).
WITH CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
MATCH (rd:DesignationRound)-[:ROUND_OF]->(d:Designation)
WHERE ($round IS NULL OR rd.id = $round)
  AND ($designation IS NULL OR d.id = $designation)
  AND ($industry IS NULL OR (rd)-[:COVERS]->(:Industry)-[:BROADER*0..6]->(:Industry {id: $industry}))
  AND (at IS NULL OR left(coalesce(rd.announced, rd.year) + '-01-01', 10) <= at)
OPTIONAL MATCH (r:Region)-[b:SEEKS|HOLDS]->(rd)
WITH at, d, rd, r, collect(b) AS edges
WITH at, d, rd, r,
     [e IN edges WHERE type(e) = 'SEEKS'][0] AS s,
     [e IN edges WHERE type(e) = 'HOLDS'][0] AS h
WITH at, d, rd, r, s, h, coalesce(s.date, rd.announced, h.since, rd.decided, rd.year) AS filed
WHERE r IS NULL OR at IS NULL OR left(filed + '-01-01', 10) <= at
WITH at, d, rd, r, s, h, filed, coalesce(s.bid, h.bid, r.id) AS bid,
     CASE WHEN h IS NOT NULL
               AND (at IS NULL OR left(coalesce(h.since, rd.decided, rd.year) + '-01-01', 10) <= at) THEN 'designated'
          WHEN s.outcome IN ['designated', 'not_selected']
               AND (at IS NULL OR left(coalesce(s.decided, rd.decided, rd.year) + '-01-01', 10) <= at) THEN s.outcome
          ELSE 'pending' END AS outcome
WITH at, d, rd, r, s, h, filed, bid, outcome,
     [(r)-[:HAD_NAME]->(f:FormerName)
      WHERE left(coalesce(f.valid_from, '0001') + '-01-01', 10) <= left(filed + '-01-01', 10)
        AND (CASE size(f.valid_to) WHEN 4 THEN f.valid_to + '-12-31' WHEN 7 THEN f.valid_to + '-31' ELSE f.valid_to END) >= left(filed + '-01-01', 10)
      | f.name_ko][0] AS former,
     [(r)-[:PART_OF]->(up:Region) | up.id] AS parents
ORDER BY r.id
WITH at, d, rd,
     collect(CASE WHEN r IS NULL THEN null ELSE
       {region: r.id, name_ko: r.name_ko, name_en: r.name_en, name_ko_then: coalesce(former, r.name_ko),
        level: r.level, parents: parents, bid: bid, outcome: outcome, filed: s.date,
        since: CASE WHEN outcome = 'designated' THEN coalesce(h.since, rd.decided) END,
        role: coalesce(h.role, s.role), role_ko: coalesce(h.role_ko, s.role_ko),
        area_m2: coalesce(h.area_m2, s.area_m2), area_text: coalesce(h.area_text, s.area_text),
        evidence: [x IN [s, h] WHERE x IS NOT NULL | x.evidence],
        sources: reduce(acc = [], x IN [s, h] | acc + [y IN coalesce(x.sources, []) WHERE NOT y IN acc])}
     END) AS bids
WITH at, d, rd,
     [x IN bids | {region: x.region, name_ko: x.name_ko, name_en: x.name_en, name_ko_then: x.name_ko_then,
                   level: x.level, parents: x.parents, bid: x.bid, outcome: x.outcome, filed: x.filed,
                   since: x.since, role: x.role, role_ko: x.role_ko, area_m2: x.area_m2, area_text: x.area_text,
                   partners: [y IN bids WHERE y.bid = x.bid AND y.region <> x.region | y.region],
                   evidence: x.evidence, sources: x.sources}] AS bids
RETURN rd.id AS round,
       rd.name_ko AS name_ko,
       rd.name_en AS name_en,
       d.id AS designation,
       d.name_ko AS designation_ko,
       d.name_en AS designation_en,
       rd.year AS year,
       [(rd)-[:COVERS]->(i:Industry) | i.id] AS industries,
       rd.announced AS announced,
       rd.decided AS decided,
       CASE WHEN rd.decided IS NOT NULL AND (at IS NULL OR left(rd.decided + '-01-01', 10) <= at)
            THEN 'decided' ELSE 'open' END AS status,
       size(reduce(acc = [], x IN bids | CASE WHEN x.bid IN acc THEN acc ELSE acc + [x.bid] END)) AS bid_count,
       [x IN bids WHERE x.outcome = 'designated'] AS winners,
       [x IN bids WHERE x.outcome = 'not_selected'] AS losers,
       [x IN bids WHERE x.outcome = 'pending'] AS pending
ORDER BY year, round
