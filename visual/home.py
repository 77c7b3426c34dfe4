"""The home page: regions, industries, organisations and named queries, each linking to its
view; a form to compare regions (overlap view and heatmap); a search box over names, aliases
and former names whose suggestions come from ``/search`` as you type (the page's only script,
asking only its own server); links to the console and the review inbox."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from queries import catalog
from queries.store import GraphStore
from visual.page import Page, escape, fill, template
from visual.style import label_style

LEVELS_KO = {
    "province": "도",
    "special_self_governing_province": "특별자치도",
    "metropolitan_city": "광역시",
    "special_city": "특별시",
    "special_self_governing_city": "특별자치시",
    "city": "시",
    "county": "군",
    "district": "구",
    "area": "지구",
}


def _link(href: str, name_ko: str, name_en: str, extra: str = "") -> str:
    tail = f' <span class="rsg-muted">{escape(extra)}</span>' if extra else ""
    return (
        f'<li><a href="{escape(href)}">{escape(name_ko)}</a> '
        f'<span class="rsg-en">{escape(name_en)}</span>{tail}</li>'
    )


def _query_href(query: catalog.NamedQuery) -> str:
    params = {p.name: p.example for p in query.params if p.required and p.example is not None}
    args = urlencode(
        {k: ",".join(map(str, v)) if isinstance(v, list) else v for k, v in params.items()}
    )
    return f"/views/query/{quote(query.name)}" + (f"?{args}" if args else "")


def render(store: GraphStore) -> Page:
    query = catalog.get("view_home")
    rows: list[dict[str, Any]] = store.read(query.text, query.bind({})).rows
    rows.sort(key=lambda r: (-int(r["links"]), str(r["id"])))
    regions = [r for r in rows if r["label"] == "Region"]
    industries = [r for r in rows if r["label"] == "Industry"]
    orgs = [r for r in rows if r["label"] == "Organization"]
    region_items = "\n".join(
        _link(
            f"/views/region/{quote(r['id'])}",
            r["name_ko"],
            r["name_en"],
            f"{LEVELS_KO.get(r['detail'], r['detail'] or '')} · {r['links']}",
        )
        for r in regions
    )
    checks = "\n".join(
        f'<label><input type="checkbox" name="regions" value="{escape(r["id"])}"> '
        f"{escape(r['name_ko'])}</label>"
        for r in regions
    )
    industry_items = "\n".join(
        _link(f"/views/industry/{quote(r['id'])}", r["name_ko"], r["name_en"], str(r["links"]))
        for r in industries
    )
    org_items = "\n".join(
        _link(
            f"/views/organizations?organization={quote(r['id'])}",
            r["name_ko"],
            r["name_en"],
            str(r["links"]),
        )
        for r in orgs
    )
    query_items = "\n".join(
        _link(_query_href(q), q.description_ko, q.description_en, q.name)
        for q in catalog.catalog().values()
    )
    colours = label_style("Region").color
    return fill(
        "home.html",
        scripts=["app"],
        styles=["style"],
        connect=True,
        app=template("home.js"),
        style=template("home.css").replace("REGION_COLOUR", colours),
        regions=region_items,
        region_checks=checks,
        industries=industry_items,
        organizations=org_items,
        queries=query_items,
        region_count=str(len(regions)),
        industry_count=str(len(industries)),
        organization_count=str(len(orgs)),
    )
