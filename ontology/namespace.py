"""The RSG ontology namespace as an rdflib ``DefinedNamespace``, and the IRI bases.

Terms mirror ``ontology/rsg.ttl`` and the graph contract (``ontology/contract.py``); asking
for a term that is not listed raises ``AttributeError`` (``_fail``). ``uri`` has no term: it
is the subject IRI of a node (``RESOURCE_BASE`` + ``<label>/<id>``).
"""

# Relationship terms keep the ontology's lowerCamel names, as rdflib's own namespaces do.
# ruff: noqa: N815

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

ONTOLOGY_NS = "https://w3id.org/rsg/ontology#"
RESOURCE_BASE = "https://w3id.org/rsg/id/"


class RSG(DefinedNamespace):
    """Regional Strategy Graph vocabulary (지역 신산업 전략 지식그래프 어휘)."""

    _NS = Namespace(ONTOLOGY_NS)
    _fail = True

    # Classes / 클래스
    Region: URIRef  # 지역 / Region
    Industry: URIRef  # 산업 / Industry
    Strategy: URIRef  # 전략 / Strategy
    Initiative: URIRef  # 사업 / Initiative
    Organization: URIRef  # 기관 / Organization
    Designation: URIRef  # 지정 제도 / Designation scheme
    DesignationRound: URIRef  # 지정 공모 차수 / Designation round
    FormerName: URIRef  # 옛 이름 / Former name of a region
    Source: URIRef  # 출처 / Source
    Person: URIRef  # 인물 / Person
    Target: URIRef  # 목표 / Target
    Company: URIRef  # 기업 / Company: an Organization of kind company
    University: URIRef  # 대학 / University: an Organization of kind university
    ResearchInstitute: URIRef  # 연구기관: an Organization of kind research_institute
    GovernmentBody: URIRef  # 정부기관 / Government body: an Organization of kind government_body
    Association: URIRef  # 협회·단체 / Association: an Organization of kind association
    PublicInstitution: URIRef  # 공공기관: an Organization of kind public_institution
    Fact: URIRef  # 사실 진술 / Fact: the statement behind one relationship

    # Node properties / 노드 속성
    id: URIRef  # 식별자 / identifier: every node, text
    name_ko: URIRef  # 한국어 이름 / Korean name: every node, text
    name_en: URIRef  # 영어 이름 / English name: every node, text
    aliases: URIRef  # 별칭 / aliases: every node, list of text
    sources: URIRef  # 출처 / sources: every node and Fact, Source list
    level: URIRef  # 행정 단위 / level: Region, text
    admin_code: URIRef  # 행정구역 코드 / administrative code: Region, text
    valid_from: URIRef  # 유효 시작 / valid from: Region, date
    valid_to: URIRef  # 유효 종료 / valid to: Region, date
    area_kind: URIRef  # 구역 유형 / area kind: Region, text
    ksic: URIRef  # 한국표준산업분류 코드 / KSIC code: Industry, list of text
    segment: URIRef  # 가치사슬 부문 여부 / value-chain segment: Industry, boolean
    definition_ko: URIRef  # 한국어 정의 / Korean definition: Industry, text
    definition_en: URIRef  # 영어 정의 / English definition: Industry, text
    announced: URIRef  # 발표 시점 / announced: Strategy, date
    period_start: URIRef  # 계획 기간 시작 / period start: Strategy, date
    period_end: URIRef  # 계획 기간 종료 / period end: Strategy, date
    description_ko: URIRef  # 한국어 설명 / Korean description: Strategy, Initiative, text
    description_en: URIRef  # 영어 설명 / English description: Strategy, Initiative, text
    kind: URIRef  # 유형 / kind: Initiative, Organization, Source, text
    start: URIRef  # 시작 / start: Initiative, date
    end: URIRef  # 종료 / end: Initiative, date
    status: URIRef  # 진행 상태 / status: Initiative, text
    budget_krw: URIRef  # 사업비(원) / budget (KRW): Initiative, integer
    budget_text: URIRef  # 사업비 원문 표기 / budget as written: Initiative, text
    area_m2: URIRef  # 면적(㎡) / area (m²): Initiative, decimal
    area_text: URIRef  # 면적 원문 표기 / area as written: Initiative, text
    region: URIRef  # 소재 지역 / region: Organization, text
    authority: URIRef  # 지정 기관 / designating authority: Designation, text
    publisher: URIRef  # 발행처 / publisher: Source, text
    byline: URIRef  # 작성자 / byline: Source, text
    published: URIRef  # 발행 시점 / published: Source, date
    published_hint: URIRef  # 발행 시점 단서 / publication date hint: Source, text
    title: URIRef  # 제목 / title: Source, text
    url: URIRef  # 웹 주소 / URL: Source, text
    file: URIRef  # 원문 파일 이름 / file name: Source, text
    title_ko: URIRef  # 한국어 직함 / Korean job title: Person, Fact, text
    title_en: URIRef  # 영어 직함 / English job title: Person, Fact, text
    value: URIRef  # 목표값 / value: Target, decimal
    unit: URIRef  # 단위 / unit: Target, text
    year: URIRef  # 달성 시점 / target date: Target, date
    text: URIRef  # 목표 원문 표기 / target as written: Target, text

    # Relationships / 관계
    partOf: URIRef  # 소속 지역: (Region)-[:PART_OF]->(Region)
    broader: URIRef  # 상위 산업: (Industry)-[:BROADER]->(Industry)
    adopts: URIRef  # 전략 채택: (Region)-[:ADOPTS]->(Strategy)
    hasPhase: URIRef  # 단계: (Strategy)-[:HAS_PHASE]->(Strategy)
    includes: URIRef  # 포함 사업: (Strategy|Initiative)-[:INCLUDES]->(Initiative)
    targets: URIRef  # 육성 산업: (Initiative|Strategy)-[:TARGETS]->(Industry)
    pursues: URIRef  # 추진 산업: (Region)-[:PURSUES]->(Industry)
    locatedIn: URIRef  # 소재지: (Initiative|Organization)-[:LOCATED_IN]->(Region)
    investsIn: URIRef  # 투자: (Organization)-[:INVESTS_IN]->(Initiative|Region)
    fundedBy: URIRef  # 재원 출처: (Initiative)-[:FUNDED_BY]->(Organization)
    participatesIn: URIRef  # 사업 참여: (Organization)-[:PARTICIPATES_IN]->(Initiative)
    seeks: URIRef  # 지정 추진: (Region)-[:SEEKS]->(Designation)
    holds: URIRef  # 지정 보유: (Region)-[:HOLDS]->(Designation)
    designatedAs: URIRef  # 지정됨: (Initiative)-[:DESIGNATED_AS]->(Designation)
    cooperatesWith: URIRef  # 지역 협력: (Region)-[:COOPERATES_WITH]->(Region)
    hasTarget: URIRef  # 목표 설정: (Initiative|Strategy)-[:HAS_TARGET]->(Target)
    leads: URIRef  # 대표: (Person)-[:LEADS]->(Region|Organization)
    roundOf: URIRef  # 공모 차수: (DesignationRound)-[:ROUND_OF]->(Designation)
    covers: URIRef  # 대상 산업: (DesignationRound)-[:COVERS]->(Industry)
    hadName: URIRef  # 옛 이름: (Region)-[:HAD_NAME]->(FormerName)

    # Fact and relationship properties / 사실·관계 속성
    evidence: URIRef  # 근거 문구 / evidence: Fact, text
    evidence_start: URIRef  # 근거 시작 위치 / evidence start: Fact, integer
    evidence_end: URIRef  # 근거 끝 위치 / evidence end: Fact, integer
    order: URIRef  # 순서 / order: Fact, integer
    since: URIRef  # 시작 시점 / since: Fact, date
    segments: URIRef  # 가치사슬 부문 / segments: Fact, list of text
    derived: URIRef  # 도출 여부 / derived: Fact, boolean
    amount_krw: URIRef  # 금액(원) / amount (KRW): Fact, integer
    amount_text: URIRef  # 금액 원문 표기 / amount as written: Fact, text
    date: URIRef  # 일자 / date: Fact, date
    basis: URIRef  # 재원 구분 / funding basis: Fact, text
    role: URIRef  # 역할 / role: Fact, text
    target_year: URIRef  # 지정 목표 시점 / target year: Fact, date
    decided: URIRef  # 선정 발표 시점 / decided: DesignationRound, Fact, date
    parent: URIRef  # 당시 상위 지역 / parent then: FormerName, text
    outcome: URIRef  # 선정 결과 / outcome: Fact, text
    until: URIRef  # 종료 시점 / until: Fact, date
    bid: URIRef  # 신청 단위 / bid: Fact, text
    industries: URIRef  # 신청 산업 / industries: Fact, list of text
    role_ko: URIRef  # 역할(한국어) / role in Korean: Fact, text
    round: URIRef  # 공모 차수 식별자 / round: Fact, text
