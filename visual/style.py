"""How a view looks: colour and shape per label, names of labels and relationship types in
Korean and English, marks for the overlap view, and money in words."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelStyle:
    name_ko: str
    name_en: str
    color: str
    shape: str  # vis-network shape
    marker: str  # matplotlib marker for the static export


LABEL_STYLES: dict[str, LabelStyle] = {
    "Region": LabelStyle("지역", "Region", "#2f6fb0", "dot", "o"),
    "Industry": LabelStyle("산업", "Industry", "#e08a1e", "diamond", "D"),
    "Strategy": LabelStyle("전략", "Strategy", "#7b4fa0", "box", "s"),
    "Initiative": LabelStyle("사업", "Initiative", "#3a9a5b", "square", "s"),
    "Organization": LabelStyle("기관", "Organisation", "#c2413b", "triangle", "^"),
    "Designation": LabelStyle("지정", "Designation", "#b5a11c", "star", "*"),
    "Source": LabelStyle("출처", "Source", "#6d7a86", "ellipse", "o"),
    "Person": LabelStyle("인물", "Person", "#9c5b39", "triangleDown", "v"),
    "Target": LabelStyle("목표", "Target", "#4aa3a8", "hexagon", "h"),
    "DesignationRound": LabelStyle("공모 차수", "Designation round", "#8c6d1f", "circle", "p"),
    "FormerName": LabelStyle("옛 이름", "Former name", "#9aa4ad", "ellipse", "."),
}
OTHER = LabelStyle("기타", "Other", "#8a8a8a", "dot", "o")

#: Order in which a node's labels decide its main label (sub-labels such as Company last).
LABEL_ORDER = tuple(LABEL_STYLES)


@dataclass(frozen=True)
class MarkStyle:
    name_ko: str
    name_en: str
    color: str  # border colour and edge colour


MARK_STYLES: dict[str, MarkStyle] = {
    "focus": MarkStyle("중심", "focus", "#111111"),
    "shared": MarkStyle("공통", "shared", "#d11f1f"),
    "competing": MarkStyle("경쟁", "competing", "#8f1fd1"),
    "complementary": MarkStyle("상호보완", "complementary", "#1f8fd1"),
    "won": MarkStyle("선정", "designated", "#1f9d3a"),
    "lost": MarkStyle("탈락", "not selected", "#7a7a7a"),
    "pending": MarkStyle("심사 중", "pending", "#d1a01f"),
}

REL_NAMES: dict[str, tuple[str, str]] = {
    "PART_OF": ("소속", "part of"),
    "BROADER": ("상위 산업", "broader"),
    "ADOPTS": ("채택", "adopts"),
    "HAS_PHASE": ("단계", "phase"),
    "INCLUDES": ("포함", "includes"),
    "TARGETS": ("육성", "targets"),
    "PURSUES": ("추진", "pursues"),
    "LOCATED_IN": ("위치", "located in"),
    "INVESTS_IN": ("투자", "invests in"),
    "FUNDED_BY": ("재원", "funded by"),
    "PARTICIPATES_IN": ("참여", "takes part in"),
    "SEEKS": ("유치 추진", "seeks"),
    "HOLDS": ("지정 보유", "holds"),
    "DESIGNATED_AS": ("지정", "designated as"),
    "COOPERATES_WITH": ("협력", "cooperates with"),
    "HAS_TARGET": ("목표", "target"),
    "LEADS": ("대표", "leads"),
    "ROUND_OF": ("공모 차수", "round of"),
    "COVERS": ("대상 산업", "covers"),
    "HAD_NAME": ("옛 이름", "had name"),
    "SEGMENT": ("세부 가치사슬", "segment"),
    "OVERLAPS": ("산업 중복", "overlaps"),  # the heatmap's cells: two regions' shared industries
}

#: Node properties shown as key figures in tooltips: name -> (Korean, English).
FIGURES: dict[str, tuple[str, str]] = {
    "level": ("행정 단위", "level"),
    "kind": ("종류", "kind"),
    "status": ("상태", "status"),
    "start": ("시작", "start"),
    "end": ("종료", "end"),
    "announced": ("발표", "announced"),
    "period_start": ("기간 시작", "period from"),
    "period_end": ("기간 끝", "period to"),
    "budget_krw": ("예산", "budget"),
    "budget_text": ("예산 원문", "budget as written"),
    "authority": ("지정 기관", "authority"),
    "publisher": ("발행", "publisher"),
    "published": ("발행일", "published"),
    "since": ("시작 연도", "since"),
    "segments": ("세부 가치사슬", "segments"),
    "role": ("역할", "role"),
    "basis": ("재원 구분", "basis"),
    "amount_krw": ("금액", "amount"),
    "amount_text": ("금액 원문", "amount as written"),
    "target_year": ("목표 연도", "target year"),
    "date": ("일자", "date"),
    "value": ("값", "value"),
    "unit": ("단위", "unit"),
    "year": ("연도", "year"),
    "decided": ("선정 발표", "decided"),
    "outcome": ("결과", "outcome"),
    "until": ("종료", "until"),
    "area_text": ("면적", "site area"),
    "valid_from": ("유효 시작", "valid from"),
    "valid_to": ("유효 종료", "valid until"),
    # Groups of a folded view (visual/aggregate.py).
    "members": ("묶인 노드 수", "nodes in this group"),
    "examples": ("예", "for example"),
    "relationships": ("관계 수", "relationships"),
}


def label_style(label: str) -> LabelStyle:
    return LABEL_STYLES.get(label, OTHER)


def main_label(labels: list[str]) -> str:
    """The label that decides colour and shape (``Organization`` before ``Company``)."""
    for label in LABEL_ORDER:
        if label in labels:
            return label
    return labels[0] if labels else "Other"


def rel_names(rel_type: str) -> tuple[str, str]:
    return REL_NAMES.get(rel_type, (rel_type, rel_type.lower().replace("_", " ")))


def money_ko(krw: int) -> str:
    """``1050000000000`` -> ``1조 500억 원``; under 10,000 won the plain figure."""
    if krw < 10_000:
        return f"{krw:,}원"
    parts = []
    rest = krw
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        count, rest = divmod(rest, unit)
        if count:
            parts.append(f"{count:,}{name}")
    return " ".join(parts) + " 원"


def money_en(krw: int) -> str:
    """``1050000000000`` -> ``KRW 1.05 trillion``."""
    for unit, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if krw >= unit:
            return f"KRW {krw / unit:,.3g} {name}" if krw < 1000 * unit else f"KRW {krw:,}"
    return f"KRW {krw:,}"
