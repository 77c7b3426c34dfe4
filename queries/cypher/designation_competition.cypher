// name: designation_competition
// description_ko: 같은 국가 지정(특화단지·클러스터·특구 등)을 노리거나 보유한 지역들, 목표 연도와 지정 시점, 공모 차수별 경쟁 지역 쌍 (기준 시점 선택)
// description_en: Regions seeking or holding the same national designation, with target years and dates held, and the rival pairs of each round (optionally as of a date)
// params:
//   designation: {type: string, required: false, default: null, example: defense-innovation-cluster, description: "Designation id; empty = every designation"}
//   min_regions: {type: integer, required: false, default: 2, example: 2, description: "only designations sought or held by at least this many regions (1 shows every bid)"}
//   rivals_only: {type: boolean, required: false, default: false, example: false, description: "true = only designations with at least one pair of rivals in a round"}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: bids made and designations held by the end of that period (undated facts left out)"}
// returns: [designation, name_ko, name_en, authority, region_count, holders, seekers, regions, initiatives, rounds, rivals]

// Regions are grouped per designation first (the key is the designation alone): every
// SEEKS/HOLDS to the scheme, those stated for it and those the build rolled up from its rounds
// (`round` names the round). As of a date, a bid counts from its date (else its round's call
// or decision) and a designation from since until `until`.
// Rivals (per round): two places in different bids (partners share `bid`), neither PART_OF
// the other at any depth; a place and its own area, or the partners of one joint bid, are
// never rivals (round_rivals gives each pair with its outcomes).
// The initiatives and the rivals come from subqueries run once per designation: grouping them
// beside the region lists made FalkorDB hash those lists once per row (tier L: 8 s -> 0.3 s).
WITH CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
MATCH (r:Region)-[rel:SEEKS|HOLDS]->(d:Designation)
WHERE $designation IS NULL OR d.id = $designation
OPTIONAL MATCH (rd:DesignationRound {id: rel.round})
WITH at, d, r, rel,
     CASE type(rel) WHEN 'HOLDS' THEN coalesce(rel.since, rd.decided)
                    ELSE coalesce(rel.date, rd.announced, rd.decided) END AS began
WHERE at IS NULL
   OR (left(began + '-01-01', 10) <= at
       AND (rel.until IS NULL
            OR (CASE size(rel.until) WHEN 4 THEN rel.until + '-12-31' WHEN 7 THEN rel.until + '-31' ELSE rel.until END) >= at))
WITH d, r, rel
ORDER BY r.id, type(rel)
WITH d,
     count(DISTINCT r) AS region_count,
     collect(DISTINCT CASE WHEN type(rel) = 'HOLDS' THEN r.id END) AS holders,
     collect(DISTINCT CASE WHEN type(rel) = 'SEEKS' THEN r.id END) AS seekers,
     collect({region: r.id, name_ko: r.name_ko, name_en: r.name_en, level: r.level,
              status: CASE type(rel) WHEN 'HOLDS' THEN 'holds' ELSE 'seeks' END,
              target_year: rel.target_year, since: rel.since, round: rel.round,
              outcome: rel.outcome, bid: rel.bid,
              evidence: rel.evidence, sources: rel.sources}) AS regions
WHERE region_count >= coalesce($min_regions, 1)
CALL {
  WITH d
  OPTIONAL MATCH (x:Initiative)-[da:DESIGNATED_AS]->(d)
  WITH x, da
  ORDER BY x.id
  RETURN collect(CASE WHEN x IS NULL THEN null
                      ELSE {id: x.id, name_ko: x.name_ko, name_en: x.name_en, since: da.since,
                            located_in: [(x)-[:LOCATED_IN]->(place:Region) | place.id],
                            evidence: da.evidence} END) AS initiatives
}
CALL {
  WITH d
  OPTIONAL MATCH (rd:DesignationRound)-[:ROUND_OF]->(d)
  OPTIONAL MATCH (p:Region)-[b:SEEKS|HOLDS]->(rd)
  WITH rd, p,
       CASE WHEN $as_of IS NULL THEN null
            WHEN size($as_of) = 4 THEN $as_of + '-12-31'
            WHEN size($as_of) = 7 THEN $as_of + '-31'
            ELSE $as_of END AS at,
       collect(b) AS edges
  WITH rd, p, at, [e IN edges WHERE type(e) = 'SEEKS'][0] AS s, [e IN edges WHERE type(e) = 'HOLDS'][0] AS h
  WHERE p IS NULL OR at IS NULL
     OR left(coalesce(s.date, rd.announced, h.since, rd.decided, rd.year) + '-01-01', 10) <= at
  WITH rd,
       collect(CASE WHEN p IS NULL THEN null
                    ELSE {id: p.id, bid: coalesce(s.bid, h.bid, p.id),
                          within: [(p)-[:PART_OF*1..4]->(up:Region) | up.id]} END) AS bids
  WITH collect(rd.id) AS rounds,
       collect([a IN bids | [b IN bids WHERE a.id < b.id AND a.bid <> b.bid
                                         AND NOT a.id IN b.within AND NOT b.id IN a.within
                             | {round: rd.id, a: a.id, b: b.id}]]) AS nested
  RETURN [r IN rounds WHERE r IS NOT NULL] AS rounds,
         reduce(acc = [], per IN nested | acc + reduce(inner = [], pairs IN per | inner + pairs)) AS rivals
}
WITH d, region_count, holders, seekers, regions, initiatives, rounds, rivals
WHERE NOT coalesce($rivals_only, false) OR size(rivals) > 0
RETURN d.id AS designation,
       d.name_ko AS name_ko,
       d.name_en AS name_en,
       d.authority AS authority,
       region_count,
       holders,
       seekers,
       regions,
       initiatives,
       rounds,
       rivals
ORDER BY region_count DESC, designation
