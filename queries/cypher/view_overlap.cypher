// name: view_overlap
// description_ko: 지역 간 중복 뷰 그래프 - 여러 지역이 추진하는 산업과 세부 가치사슬, 유치·보유 지정, 지역 간 협력
// description_en: Overlap view graph - the industries and segments several regions pursue, the designations they seek or hold, and their cooperation
// params:
//   regions: {type: list, required: true, default: null, example: [jeonbuk, gyeongbuk-gumi], description: "two or more Region ids"}
// returns: [a, rel, b]

// Which items are shared, competing or complementary is worked out from these triples by the
// view (visual/marks.py): an industry pursued by two or more of the regions is shared, a
// designation round is competed for when two of them are rivals in it (different places,
// neither inside the other, not partners of one bid), and a segment of a shared industry that
// only one region works on is complementary. Bids show on their round (the scheme-level edges
// the build rolls up from rounds are left out; ROUND_OF leads to the scheme).
MATCH (a:Region)
WHERE a.id IN $regions
RETURN a, null AS rel, null AS b
UNION
MATCH (a:Region)-[rel:PURSUES|SEEKS|HOLDS]->(b)
WHERE a.id IN $regions
  AND NOT (type(rel) IN ['SEEKS', 'HOLDS'] AND coalesce(rel.derived, false))
RETURN a, rel, b
UNION
MATCH (r:Region)-[:SEEKS|HOLDS]->(a:DesignationRound)-[rel:ROUND_OF]->(b:Designation)
WHERE r.id IN $regions
RETURN a, rel, b
UNION
MATCH (a:Region)-[rel:COOPERATES_WITH]->(b:Region)
WHERE a.id IN $regions AND b.id IN $regions
RETURN a, rel, b
UNION
MATCH (r:Region)-[:PURSUES]->(a:Industry)-[rel:BROADER]->(b:Industry)
WHERE r.id IN $regions
RETURN a, rel, b
