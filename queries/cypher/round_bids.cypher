// name: round_bids
// description_ko: 분석 투영의 공모 차수 x 지역 행렬 자료 - 차수마다 신청·보유 지역, 신청 묶음(bid), 시작 시점, 상위 지역
// description_en: What the projection's round x region matrix is made from - per designation round, the places that bid for or hold it, their bid, when the bid began and the regions each lies in
// params: {}
// returns: [designation, round, region, bid, began, within]

// One row per (round, place); a round nobody bid for gives one row with region null.
// `began` is the date a bid counts from as of a date (designation_competition: the bid's
// date, else the round's call, the designation's since, the decision, the year); `within`
// the regions the place lies in (PART_OF, up to 4 hops). queries/projection.py reads it once
// per build and finds the rivals of every round from it.
MATCH (rd:DesignationRound)-[:ROUND_OF]->(d:Designation)
OPTIONAL MATCH (p:Region)-[b:SEEKS|HOLDS]->(rd)
WITH d, rd, p, collect(b) AS edges
WITH d, rd, p,
     [e IN edges WHERE type(e) = 'SEEKS'][0] AS s,
     [e IN edges WHERE type(e) = 'HOLDS'][0] AS h
RETURN d.id AS designation,
       rd.id AS round,
       p.id AS region,
       CASE WHEN p IS NULL THEN null ELSE coalesce(s.bid, h.bid, p.id) END AS bid,
       coalesce(s.date, rd.announced, h.since, rd.decided, rd.year) AS began,
       CASE WHEN p IS NULL THEN [] ELSE [(p)-[:PART_OF*1..4]->(up:Region) | up.id] END AS within
ORDER BY designation, round, region
