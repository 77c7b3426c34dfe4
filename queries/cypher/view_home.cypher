// name: view_home
// description_ko: 첫 화면 목록 - 관계가 있는 지역, 산업, 사업에 참여하는 기관과 연결 수
// description_en: Home page lists - regions with facts, industries, organisations in initiatives, each with its number of links
// params:
//   min_links: {type: integer, required: false, default: 1, example: 1, description: "only items with at least this many links"}
// returns: [label, id, name_ko, name_en, detail, links]

// PART_OF, BROADER and HAD_NAME come from reference data; only fact links count for a region.
MATCH (r:Region)-[f]-()
WHERE NOT type(f) IN ['PART_OF', 'BROADER', 'HAD_NAME']
WITH r, count(f) AS links
WHERE links >= coalesce($min_links, 1)
RETURN 'Region' AS label, r.id AS id, r.name_ko AS name_ko, r.name_en AS name_en, r.level AS detail, links
UNION
MATCH (i:Industry)
OPTIONAL MATCH (i)<-[f:PURSUES|TARGETS]-()
WITH i, count(f) AS links
WHERE links >= coalesce($min_links, 1)
// A value-chain segment may have several broader industries: one row per industry all the
// same, its parents' ids joined in id order (null for a top-level industry).
OPTIONAL MATCH (i)-[:BROADER]->(up:Industry)
WITH i, links, up
ORDER BY up.id
WITH i, links, collect(up.id) AS ups
RETURN 'Industry' AS label, i.id AS id, i.name_ko AS name_ko, i.name_en AS name_en,
       CASE WHEN size(ups) = 0 THEN null
            ELSE reduce(joined = '', up_id IN ups | joined + CASE WHEN joined = '' THEN '' ELSE ', ' END + up_id)
       END AS detail, links
UNION
MATCH (o:Organization)-[f:PARTICIPATES_IN|FUNDED_BY|INVESTS_IN]-()
WITH o, count(f) AS links
WHERE links >= coalesce($min_links, 1)
RETURN 'Organization' AS label, o.id AS id, o.name_ko AS name_ko, o.name_en AS name_en, o.kind AS detail, links
