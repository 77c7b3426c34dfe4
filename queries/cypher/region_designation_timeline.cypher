// name: region_designation_timeline
// description_ko: 한 지역(과 그 안의 시·군·구역)의 지정 연표 - 어느 공모에 언제 신청해 선정·탈락했고 언제부터 보유했는지, 당시 지역 이름과 함께 (기준 시점 선택)
// description_en: A region's designation timeline (with its cities, counties and areas) - which rounds it bid for and when, won or lost, and held since when, with the region's name at the time (optionally as of a date)
// params:
//   region: {type: string, required: true, default: null, example: jeonbuk, description: Region id}
//   include_parts: {type: boolean, required: false, default: true, example: true, description: "also the bids of its cities, counties and areas (PART_OF)"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: bids filed by the end of that period, outcomes known then, and whether each designation was held then"}
// returns: [date, place, place_ko, place_en, place_ko_then, round, round_ko, round_en, designation, designation_ko, designation_en, year, industries, outcome, filed, since, until, held, target_year, role, role_ko, area_m2, area_text, partners, evidence, sources]

// One row per place and round (a bid, won or not), and one per designation stated without a
// round (v1 facts: a target year, or a date held). Bids, outcomes and partners as in
// round_results; `date` is when the designation came (since) or, before that, the filing
// date (else the target year). `held`: designated by the as-of date (today without one) and
// not ended. `place_ko_then`: the place's name on that date (전라북도 until 2024-01-17).
MATCH (top:Region {id: $region})
WITH top,
     CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
MATCH (r:Region)-[:PART_OF*0..4]->(top)
WHERE r = top OR coalesce($include_parts, true)
WITH DISTINCT at, r
MATCH (r)-[b:SEEKS|HOLDS]->(t)
WHERE t:DesignationRound OR (t:Designation AND NOT coalesce(b.derived, false))
WITH at, r, t, collect(b) AS edges
WITH at, r, t,
     [e IN edges WHERE type(e) = 'SEEKS'][0] AS s,
     [e IN edges WHERE type(e) = 'HOLDS'][0] AS h
OPTIONAL MATCH (t)-[:ROUND_OF]->(scheme:Designation)
WITH at, r, t, s, h, coalesce(scheme, t) AS d, CASE WHEN scheme IS NULL THEN null ELSE t END AS rd
WITH at, r, d, rd, s, h,
     coalesce(s.date, rd.announced, h.since, rd.decided, rd.year, s.target_year) AS filed
WHERE at IS NULL OR left(filed + '-01-01', 10) <= at
WITH at, r, d, rd, s, h, filed, coalesce(h.since, rd.decided) AS came,
     CASE WHEN h IS NOT NULL
               AND (at IS NULL OR left(coalesce(h.since, rd.decided, rd.year, filed) + '-01-01', 10) <= at) THEN 'designated'
          WHEN s.outcome IN ['designated', 'not_selected']
               AND (at IS NULL OR left(coalesce(s.decided, rd.decided, rd.year) + '-01-01', 10) <= at) THEN s.outcome
          ELSE 'pending' END AS outcome
WITH at, r, d, rd, s, h, filed, outcome,
     CASE WHEN outcome = 'designated' THEN coalesce(came, filed) ELSE filed END AS date,
     coalesce(s.bid, h.bid) AS bid
WITH r, d, rd, s, h, filed, outcome, date, bid,
     outcome = 'designated'
       AND (h.until IS NULL
            OR (CASE size(h.until) WHEN 4 THEN h.until + '-12-31' WHEN 7 THEN h.until + '-31' ELSE h.until END)
               >= coalesce(at, '9999-12-31')) AS held,
     coalesce([(r)-[:HAD_NAME]->(f:FormerName)
               WHERE left(coalesce(f.valid_from, '0001') + '-01-01', 10) <= left(date + '-01-01', 10)
                 AND (CASE size(f.valid_to) WHEN 4 THEN f.valid_to + '-12-31' WHEN 7 THEN f.valid_to + '-31' ELSE f.valid_to END) >= left(date + '-01-01', 10)
               | f.name_ko][0], r.name_ko) AS then_ko,
     CASE WHEN rd IS NULL OR bid IS NULL THEN []
          ELSE [(p:Region)-[pb:SEEKS|HOLDS]->(rd) WHERE pb.bid = bid AND p.id <> r.id | p.id] END AS partners
RETURN date,
       r.id AS place,
       r.name_ko AS place_ko,
       r.name_en AS place_en,
       then_ko AS place_ko_then,
       rd.id AS round,
       rd.name_ko AS round_ko,
       rd.name_en AS round_en,
       d.id AS designation,
       d.name_ko AS designation_ko,
       d.name_en AS designation_en,
       rd.year AS year,
       CASE WHEN rd IS NULL THEN [] ELSE [(rd)-[:COVERS]->(i:Industry) | i.id] END AS industries,
       outcome,
       s.date AS filed,
       CASE WHEN outcome = 'designated' THEN coalesce(h.since, rd.decided) END AS since,
       h.until AS until,
       held,
       s.target_year AS target_year,
       coalesce(h.role, s.role) AS role,
       coalesce(h.role_ko, s.role_ko) AS role_ko,
       coalesce(h.area_m2, s.area_m2) AS area_m2,
       coalesce(h.area_text, s.area_text) AS area_text,
       reduce(acc = [], p IN partners | CASE WHEN p IN acc THEN acc ELSE acc + [p] END) AS partners,
       [x IN [s, h] WHERE x IS NOT NULL | x.evidence] AS evidence,
       reduce(acc = [], x IN [s, h] | acc + [y IN coalesce(x.sources, []) WHERE NOT y IN acc]) AS sources
ORDER BY date, place, designation
