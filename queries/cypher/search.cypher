// name: search
// description_ko: 이름·영문명·별칭·id로 노드 찾기 (대소문자 무시, 종류 필터)
// description_en: Find nodes by Korean or English name, alias or id (case-insensitive), optionally of some labels only
// params:
//   q: {type: string, required: true, default: null, example: 배터리, description: "text to look for (part of a name, alias or id)"}
//   labels: {type: list, required: false, default: [], example: [Industry, Region], description: "labels to search (Region, Industry, Strategy, Initiative, Organization, Company, University, ResearchInstitute, GovernmentBody, Association, PublicInstitution, Designation, Source, Person, Target); empty = all"}
//   limit: {type: integer, required: false, default: 20, example: 20, description: most nodes to return}
// returns: [label, id, name_ko, name_en, aliases, matched_on, rank]

// Labels come only from the allow-list below; a label outside it matches nothing (so the
// build's BuildInfo node is never found). rank: 0 exact, 1 prefix, 2 part of a name or id,
// 3 part of an alias.
WITH toLower(trim($q)) AS needle,
     ['Region', 'Industry', 'Strategy', 'Initiative', 'Organization', 'Company', 'University',
      'ResearchInstitute', 'GovernmentBody', 'Association', 'PublicInstitution', 'Designation',
      'Source', 'Person', 'Target'] AS allowed,
     ['Region', 'Industry', 'Strategy', 'Initiative', 'Organization', 'Designation', 'Source',
      'Person', 'Target'] AS main
WITH needle, main,
     CASE WHEN size(coalesce($labels, [])) = 0 THEN allowed
          ELSE [l IN $labels WHERE l IN allowed] END AS wanted
WHERE size(needle) > 0
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN wanted)
  AND (toLower(n.id) CONTAINS needle
       OR toLower(coalesce(n.name_ko, '')) CONTAINS needle
       OR toLower(coalesce(n.name_en, '')) CONTAINS needle
       OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS needle))
WITH n, main, needle,
     [x IN [n.id, n.name_ko, n.name_en] WHERE x IS NOT NULL] AS names,
     [alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS needle] AS aliases_hit
WITH n, main, aliases_hit,
     CASE
       WHEN any(x IN names WHERE toLower(x) = needle) OR any(a IN aliases_hit WHERE toLower(a) = needle) THEN 0
       WHEN any(x IN names WHERE toLower(x) STARTS WITH needle) THEN 1
       WHEN any(x IN names WHERE toLower(x) CONTAINS needle) THEN 2
       ELSE 3
     END AS rank,
     [x IN names WHERE toLower(x) CONTAINS needle] AS names_hit
RETURN [l IN labels(n) WHERE l IN main][0] AS label,
       n.id AS id,
       n.name_ko AS name_ko,
       n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases,
       names_hit + aliases_hit AS matched_on,
       rank
ORDER BY rank, size(coalesce(n.name_ko, '')), id
LIMIT $limit
