// name: view_industry
// description_ko: 산업 뷰 그래프 - 산업과 세부 가치사슬, 이를 추진하는 모든 지역, 선택적으로 관련 사업과 그 위치
// description_en: Industry view graph - an industry and its value-chain segments, every region pursuing it or a segment, and optionally the initiatives targeting them with their locations
// params:
//   industry: {type: string, required: true, default: null, example: battery, description: Industry id}
//   initiatives: {type: boolean, required: false, default: true, example: true, description: "false = regions and segments only"}
// returns: [a, rel, b]

// Segments are the narrower Industry nodes (BROADER, up to four steps down).
MATCH (a:Industry {id: $industry})
RETURN a, null AS rel, null AS b
UNION
MATCH (a:Industry {id: $industry})-[rel:BROADER]->(b:Industry)
RETURN a, rel, b
UNION
MATCH (a:Industry)-[rel:BROADER]->(b:Industry)-[:BROADER*0..3]->(:Industry {id: $industry})
RETURN a, rel, b
UNION
MATCH (a:Region)-[rel:PURSUES]->(b:Industry)-[:BROADER*0..4]->(:Industry {id: $industry})
RETURN a, rel, b
UNION
MATCH (a:Initiative)-[rel:TARGETS]->(b:Industry)-[:BROADER*0..4]->(:Industry {id: $industry})
WHERE coalesce($initiatives, true)
RETURN a, rel, b
UNION
MATCH (a:Initiative)-[rel:LOCATED_IN]->(b:Region)
WHERE coalesce($initiatives, true)
  AND (a)-[:TARGETS]->(:Industry)-[:BROADER*0..4]->(:Industry {id: $industry})
RETURN a, rel, b
