"""Timeline pages, oldest first, no script: a region's initiatives by start year and its
designation bids and holdings by date (with the place's name at the time); an industry's
initiatives and the designation rounds covering it."""

from __future__ import annotations

from html import escape
from typing import Any

from visual.koreamap import money_text
from visual.page import Page, fill, template


def _initiatives(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    events = []
    for row in rows:
        names = []
        for item in row.get("initiatives") or []:
            if isinstance(item, dict):
                names.append(str(item.get("name_ko") or item.get("id") or ""))
            else:
                names.append(str(item))
        budget = money_text(row.get("budget_krw"))
        text = f"사업 {row.get('initiative_count', len(names))}건 / initiatives: " + ", ".join(
            names
        )
        if budget:
            text += f" · {budget}"
        events.append((str(row.get("year") or "–"), text))
    return events


def _designations(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    events = []
    for row in rows:
        when = str(row.get("date") or row.get("since") or row.get("year") or "–")
        name = row.get("round_ko") or row.get("designation_ko") or row.get("designation") or ""
        place = row.get("place_ko_then") or row.get("place_ko") or row.get("place") or ""
        outcome = {"designated": "선정 / designated", "not_selected": "탈락 / not selected"}.get(
            str(row.get("outcome") or ""), str(row.get("outcome") or "")
        )
        held = " · 보유 / held" if row.get("held") else ""
        events.append((when, f"{place}: {name} {outcome}{held}".strip()))
    return events


def render(
    region: dict[str, Any], initiatives: list[dict[str, Any]], bids: list[dict[str, Any]]
) -> Page:
    events = sorted(_initiatives(initiatives) + _designations(bids), key=lambda e: e[0])
    return _page(region, "region", events)


def render_industry(industry: dict[str, Any], rows: list[dict[str, Any]]) -> Page:
    """An industry's timeline: initiatives targeting it (or a sub-industry) by start date and
    designation rounds covering it, with their places (and winners), oldest first."""
    events = []
    for row in rows:
        places = ", ".join(str(p) for p in row.get("places") or [] if p)
        won = ", ".join(str(p) for p in row.get("selected") or [] if p)
        kind = "사업 / initiative" if row["kind"] == "Initiative" else "공모 / designation round"
        text = f"{kind}: {row.get('name_ko') or row['id']}"
        if places:
            text += f" · {places}"
        if won:
            text += f" · 선정 / selected: {won}"
        events.append((str(row.get("date") or "–"), text))
    return _page(industry, "industry", events)


def _page(subject: dict[str, Any], kind: str, events: list[tuple[str, str]]) -> Page:
    """The timeline page of a region or an industry: its dated events, escaped, in order."""
    items = "".join(
        f'<li><span class="rsg-when">{escape(when)}</span> {escape(text)}</li>'
        for when, text in events
    )
    return fill(
        "timeline.html",
        scripts=[],
        styles=["style"],
        style=template("workbench.css"),
        name_ko=escape(str(subject.get("name_ko") or subject["id"])),
        name_en=escape(str(subject.get("name_en") or "")),
        view=f"/views/{kind}/{escape(str(subject['id']))}",
        events=items or '<li class="rsg-muted">기록이 없습니다 / nothing dated</li>',
        count=str(len(events)),
    )
