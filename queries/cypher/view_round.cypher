// name: view_round
// description_ko: 공모 차수 뷰 그래프 - 지정 제도, 그 차수, 대상 산업, 신청·선정 지역(과 서로 속한 관계)
// description_en: Designation round view graph - the scheme, the round, the industries it covers, the places that bid for or won it (and how they lie in each other)
// params:
//   round: {type: string, required: true, default: null, example: nsic-2023-battery, description: DesignationRound id}
// returns: [a, rel, b]

// Rows are (node, relationship, node) triples. Which places won, lost or wait is worked out
// by the view from their SEEKS and HOLDS edges (visual/views.py); PART_OF edges among the
// bidders show why a place and its own area are never rivals.
MATCH (a:DesignationRound {id: $round})
RETURN a, null AS rel, null AS b
UNION
MATCH (a:DesignationRound {id: $round})-[rel:ROUND_OF|COVERS]->(b)
RETURN a, rel, b
UNION
MATCH (a:Region)-[rel:SEEKS|HOLDS]->(b:DesignationRound {id: $round})
RETURN a, rel, b
UNION
MATCH (a:Region)-[:SEEKS|HOLDS]->(:DesignationRound {id: $round})<-[:SEEKS|HOLDS]-(b:Region)
MATCH (a)-[rel:PART_OF]->(b)
RETURN a, rel, b
