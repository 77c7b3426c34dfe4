// name: search
// description_ko: 이름·영문명·별칭·id로 노드 찾기 (대소문자 무시, 종류 필터)
// description_en: Find nodes by Korean or English name, alias or id (case-insensitive), optionally of some labels only
// params:
//   q: {type: string, required: true, default: null, example: 배터리, description: "text to look for (part of a name, alias or id)"}
//   labels: {type: list, required: false, default: [], example: [Industry, Region], description: "labels to search (Region, Industry, Strategy, Initiative, Organization, Company, University, ResearchInstitute, GovernmentBody, Association, PublicInstitution, Designation, Source, Person, Target); empty = all"}
//   limit: {type: integer, required: false, default: 20, example: 20, description: most nodes to return}
//   as_of: {type: date, required: false, default: null, example: null, description: "YYYY, YYYY-MM or YYYY-MM-DD: also give each region's name valid on the last day of that period (name_ko_then)"}
// returns: [label, id, name_ko, name_en, aliases, matched_on, rank, former_names, name_ko_then, name_en_then]

// Labels come only from the allow-list below; a label outside it matches nothing (so the
// build's BuildInfo node is never found). rank: 0 exact, 1 prefix, 2 part of a name or id,
// 3 part of an alias. A region's former names are among its aliases (전라북도 finds
// 전북특별자치도); former_names gives each with the dates it was in force, and name_*_then the
// name valid at `as_of` (today's name without it).
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
WITH n, main, aliases_hit, rank, names_hit,
     [(n)-[:HAD_NAME]->(f:FormerName) | {name_ko: f.name_ko, name_en: f.name_en, valid_from: f.valid_from, valid_to: f.valid_to, parent: f.parent}] AS former,
     CASE WHEN $as_of IS NULL THEN null
          WHEN size($as_of) = 4 THEN $as_of + '-12-31'
          WHEN size($as_of) = 7 THEN $as_of + '-31'
          ELSE $as_of END AS at
WITH n, main, aliases_hit, rank, names_hit, former,
     [f IN former WHERE at IS NOT NULL
                    AND left(coalesce(f.valid_from, '0001') + '-01-01', 10) <= at
                    AND (CASE size(f.valid_to) WHEN 4 THEN f.valid_to + '-12-31' WHEN 7 THEN f.valid_to + '-31' ELSE f.valid_to END) >= at][0] AS then
RETURN [l IN labels(n) WHERE l IN main][0] AS label,
       n.id AS id,
       n.name_ko AS name_ko,
       n.name_en AS name_en,
       coalesce(n.aliases, []) AS aliases,
       names_hit + aliases_hit AS matched_on,
       rank,
       former AS former_names,
       coalesce(then.name_ko, n.name_ko) AS name_ko_then,
       coalesce(then.name_en, n.name_en) AS name_en_then
ORDER BY rank, size(coalesce(n.name_ko, '')), id
LIMIT $limit
