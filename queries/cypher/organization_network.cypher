// name: organization_network
// description_ko: 기관·기업이 참여·출자·투자하는 사업과 지역, 여러 지역·사업에 걸친 공통 파트너
// description_en: Which organisations take part in, fund or invest in which initiatives and regions; partners shared across regions or initiatives
// params:
//   organization: {type: string, required: false, default: null, example: null, description: "one Organization id"}
//   kind: {type: string, required: false, default: null, example: null, description: "Organization kind: company, university, research_institute, government_body, association, public_institution"}
//   region: {type: string, required: false, default: null, example: null, description: "only links to initiatives of this Region (located there or in its strategies)"}
//   min_regions: {type: integer, required: false, default: 1, example: 2, description: "only organisations linked to at least this many regions (2 = partners shared across regions)"}
//   min_initiatives: {type: integer, required: false, default: 1, example: 1, description: only organisations linked to at least this many initiatives}
// returns: [organization, name_ko, name_en, kind, labels, initiative_count, region_count, regions, links]

// Links: PARTICIPATES_IN (with its role), FUNDED_BY (the organisation funds the initiative,
// with the basis) and INVESTS_IN an initiative. An initiative's regions are where it is
// located and the regions whose strategies include it.
MATCH (o:Organization)-[rel:PARTICIPATES_IN|FUNDED_BY|INVESTS_IN]-(x:Initiative)
WHERE ($organization IS NULL OR o.id = $organization)
  AND ($kind IS NULL OR o.kind = $kind)
OPTIONAL MATCH (x)-[:LOCATED_IN]->(located:Region)
WITH o, rel, x, collect(DISTINCT located.id) AS located
OPTIONAL MATCH (owner:Region)-[:ADOPTS]->(:Strategy)-[:HAS_PHASE|INCLUDES*0..6]->(x)
WITH o, rel, x, located, collect(DISTINCT owner.id) AS owners
WITH o, rel, x, located + [y IN owners WHERE NOT y IN located] AS places
WHERE $region IS NULL OR $region IN places
WITH o, rel, x, places
ORDER BY x.id, type(rel)
WITH o,
     collect({initiative: x.id, name_ko: x.name_ko, name_en: x.name_en, relation: type(rel),
              role: rel.role, basis: rel.basis, amount_krw: rel.amount_krw,
              regions: places, evidence: rel.evidence, sources: rel.sources}) AS links,
     count(DISTINCT x) AS initiative_count,
     collect(places) AS place_lists
WITH o, links, initiative_count,
     reduce(acc = [], ps IN place_lists | acc + [p IN ps WHERE NOT p IN acc]) AS regions
WHERE size(regions) >= coalesce($min_regions, 1)
  AND initiative_count >= coalesce($min_initiatives, 1)
RETURN o.id AS organization,
       o.name_ko AS name_ko,
       o.name_en AS name_en,
       o.kind AS kind,
       [l IN labels(o) WHERE l <> 'Organization'] AS labels,
       initiative_count,
       size(regions) AS region_count,
       regions,
       links
ORDER BY region_count DESC, initiative_count DESC, organization
