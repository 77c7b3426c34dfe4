"""The home page's lists: each region, industry and organisation once, however many parents."""

from __future__ import annotations

import re
from collections import Counter

from ingest.graph.build import BuildReport
from queries.catalog import get
from queries.falkor_backend import FalkorStore
from visual import home


def test_an_industry_with_several_broader_parents_is_listed_once(
    store: FalkorStore, built: BuildReport
) -> None:
    del built
    query = get("view_home")
    rows = store.read(query.text, query.bind({})).rows
    counts = Counter((row["label"], row["id"]) for row in rows)
    assert [key for key, count in counts.items() if count > 1] == []
    several = store.read(
        "MATCH (i:Industry)-[:BROADER]->(up:Industry) WITH i, collect(up.id) AS ups "
        "WHERE size(ups) > 1 RETURN i.id AS id, ups",
        {},
    ).rows
    assert len(several) >= 10  # drones, collaborative robots, ... (the seed data)
    listed = {row["id"]: row["detail"] for row in rows if row["label"] == "Industry"}
    for row in several:
        if row["id"] in listed:
            assert listed[row["id"]] == ", ".join(sorted(row["ups"]))
    assert listed["drones"] == "defense, mobility"


def test_the_home_page_links_each_industry_once(store: FalkorStore, built: BuildReport) -> None:
    del built
    html = home.render(store).html
    links = Counter(re.findall(r'href="/views/industry/([^"]+)"', html))
    assert links["drones"] == 1
    assert [name for name, count in links.items() if count > 1] == []
