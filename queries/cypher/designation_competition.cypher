// name: designation_competition
// description_ko: 같은 국가 지정(특화단지·클러스터·특구 등)을 노리거나 보유한 지역들, 목표 연도와 지정 시점
// description_en: Regions seeking or holding the same national designation, with target years and dates held
// params:
//   designation: {type: string, required: false, default: null, example: defense-innovation-cluster, description: "Designation id; empty = every designation"}
//   min_regions: {type: integer, required: false, default: 2, example: 2, description: "only designations sought or held by at least this many regions (1 shows every bid)"}
// returns: [designation, name_ko, name_en, authority, region_count, holders, seekers, regions, initiatives]

// Regions are grouped per designation first (the key is the designation alone). The
// initiatives come from a subquery run once per designation: grouping them beside the region
// lists made FalkorDB hash those lists once per initiative row (tier L: 8 s against 0.3 s).
MATCH (r:Region)-[rel:SEEKS|HOLDS]->(d:Designation)
WHERE $designation IS NULL OR d.id = $designation
WITH d, r, rel
ORDER BY r.id, type(rel)
WITH d,
     count(DISTINCT r) AS region_count,
     collect(DISTINCT CASE WHEN type(rel) = 'HOLDS' THEN r.id END) AS holders,
     collect(DISTINCT CASE WHEN type(rel) = 'SEEKS' THEN r.id END) AS seekers,
     collect({region: r.id, name_ko: r.name_ko, name_en: r.name_en, level: r.level,
              status: CASE type(rel) WHEN 'HOLDS' THEN 'holds' ELSE 'seeks' END,
              target_year: rel.target_year, since: rel.since,
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
RETURN d.id AS designation,
       d.name_ko AS name_ko,
       d.name_en AS name_en,
       d.authority AS authority,
       region_count,
       holders,
       seekers,
       regions,
       initiatives
ORDER BY region_count DESC, designation
