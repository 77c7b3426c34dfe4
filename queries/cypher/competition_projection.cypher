// name: competition_projection
// description_ko: 분석 투영의 지정 경쟁 자료 - 지정마다 신청·보유 지역(시점·결과·근거)과 지정된 사업
// description_en: What the projection's designation competition is made from - per designation, the places seeking or holding it (dates, outcomes, evidence) and the initiatives designated
// params: {}
// returns: [designation, name_ko, name_en, authority, edges, initiatives]

// One row per designation sought or held, with its SEEKS/HOLDS edges as a list (those stated for the scheme
// and those the build rolled up from its rounds), in designation_competition's order, and
// `began` (when the edge counts as of a date) worked out as that query does. The projection
// (queries/projection.py) filters, groups and adds the rivals from the round x region matrix.
MATCH (r:Region)-[rel:SEEKS|HOLDS]->(d:Designation)
OPTIONAL MATCH (rd:DesignationRound {id: rel.round})
WITH d, r, rel, rd
ORDER BY r.id, type(rel)
WITH d, collect({region: r.id, name_ko: r.name_ko, name_en: r.name_en, level: r.level,
                           status: CASE type(rel) WHEN 'HOLDS' THEN 'holds' ELSE 'seeks' END,
                           target_year: rel.target_year, since: rel.since, round: rel.round,
                           outcome: rel.outcome, bid: rel.bid,
                           evidence: rel.evidence, sources: rel.sources, until: rel.until,
                           began: CASE type(rel) WHEN 'HOLDS' THEN coalesce(rel.since, rd.decided)
                                  ELSE coalesce(rel.date, rd.announced, rd.decided) END}) AS edges
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
RETURN d.id AS designation,
       d.name_ko AS name_ko,
       d.name_en AS name_en,
       d.authority AS authority,
       edges,
       initiatives
ORDER BY designation
