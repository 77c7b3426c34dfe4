"""Views over HTTP and from the CLI: pages, images, downloads, embed mode, security headers,
the home page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from ingest.graph.build import BuildReport
from tests.api.test_cli import rsg
from visual.settings import ViewSettings

PAGES = [
    "/views/region/jeonbuk-gimje",
    "/views/industry/battery",
    "/views/overlap?regions=jeonbuk&regions=gyeongbuk-gumi",
    "/views/organizations?region=jeonbuk-jeonju",
    "/views/funding",
    "/views/query/regions_by_industry?industry=battery",
    "/views/heatmap?regions=jeonbuk,gyeongbuk-gumi,jeonbuk-gimje",
]


@pytest.mark.parametrize("url", PAGES)
def test_each_view_is_an_offline_page_with_strict_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "unsafe" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert not re.search(r"(src|href)=\"(https?:)?//", response.text)
    assert "download=1" in response.text  # download links are in the page data


def test_embed_mode_and_downloads(client: TestClient) -> None:
    page = client.get("/views/region/jeonbuk-gimje?embed=1").text
    assert 'class="rsg-embedded"' in page
    attachment = client.get("/views/region/jeonbuk-gimje?download=1")
    disposition = unquote(attachment.headers["content-disposition"])
    assert "rsg-region-김제시 지역 뷰.html" in disposition
    assert 'filename="rsg-region' in disposition
    png = client.get("/views/region/jeonbuk-gimje?format=png&download=1")
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    svg = client.get("/views/overlap?regions=jeonbuk,gyeongbuk-gumi&format=svg&lang=en")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in svg.content


def test_frame_ancestors_follow_the_settings(client: TestClient) -> None:
    client.app.state.view_settings = ViewSettings(  # type: ignore[attr-defined]
        frame_ancestors=["'self'", "https://reports.example.org"]
    )
    try:
        policy = client.get("/views/funding").headers["content-security-policy"]
    finally:
        client.app.state.view_settings = None  # type: ignore[attr-defined]
    assert "frame-ancestors 'self' https://reports.example.org" in policy


def test_cypher_view_and_errors(client: TestClient) -> None:
    body = {
        "query": "MATCH p = (:Region {id: $id})-[:PURSUES]->() RETURN p",
        "params": {"id": "jeonbuk"},
    }
    response = client.post("/views/cypher", json=body)
    assert response.status_code == 200
    assert "전북특별자치도" in response.text
    write = client.post("/views/cypher", json={"query": "MATCH (n) DETACH DELETE n"})
    assert write.status_code == 403
    missing = client.get("/views/region/nowhere")
    assert missing.status_code == 404
    assert missing.json()["hint"]
    assert client.get("/views/overlap?regions=jeonbuk").status_code == 400
    assert client.get("/views/query/no_such_query").status_code == 404


def test_home_page_links_to_every_kind_of_view(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert 'href="/views/region/jeonbuk-gimje"' in html
    assert 'href="/views/industry/battery"' in html
    assert "/views/query/region_portfolio?region=" in html
    assert 'action="/views/overlap"' in html
    # One inline script (the search suggestions), allowed by its hash; it may ask this server only.
    assert html.count("<script") == 1
    assert "<script src" not in html
    policy = response.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy
    assert "connect-src 'self'" in policy
    assert 'href="/console"' in html
    assert 'href="/inbox"' in html


def test_cli_writes_html_and_png_with_korean_names(
    home: Path, built: BuildReport, tmp_path: Path
) -> None:
    page = tmp_path / "김제 지역.html"
    done = rsg(home, "view", "region", "jeonbuk-gimje", "--out", str(page))
    assert done.returncode == 0, done.stderr
    assert "김제시" in page.read_text(encoding="utf-8")
    image = tmp_path / "중복.png"
    done = rsg(home, "view", "overlap", "jeonbuk", "gyeongbuk-gumi", "--out", str(image))
    assert done.returncode == 0, done.stderr
    assert image.read_bytes().startswith(b"\x89PNG")
    big = tmp_path / "big.html"
    folded = rsg(home, "view", "region", "jeonbuk", "--out", str(big), "--limit", "10")
    assert folded.returncode == 0, folded.stderr
    assert "grouped by kind" in folded.stderr
    drawn = re.search(r"\((\d+) nodes", folded.stdout)
    assert drawn is not None
    assert 1 < int(drawn.group(1)) <= 10
    assert "종류별로 묶었습니다" in big.read_text(encoding="utf-8")


def test_pictures_come_in_document_sizes_and_the_page_links_to_them(client: TestClient) -> None:
    from typing import get_args

    from api.web.routers.views import PresetName
    from visual.static import PRESETS

    assert set(get_args(PresetName)) == set(PRESETS)
    pdf = client.get("/views/region/jeonbuk-gimje?format=pdf&preset=a4&download=1")
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert unquote(pdf.headers["content-disposition"]).endswith("김제시 지역 뷰-a4.pdf")
    slide = client.get("/views/funding?format=svg&preset=slide&lang=en")
    assert re.search(rb'<svg[^>]* width="960(\.\d+)?pt" height="540(\.\d+)?pt"', slide.content)
    assert client.get("/views/funding?format=png&preset=letter").status_code == 422
    page = client.get("/views/region/jeonbuk-gimje").text
    for preset in (None, *PRESETS):
        for fmt in ("png", "svg", "pdf"):
            sized = f"&amp;preset={preset}" if preset else ""
            assert f"format={fmt}&amp;download=1{sized}" in page.replace("\\u0026", "&amp;")


def test_cli_writes_a_pdf_at_a_preset_and_refuses_a_preset_for_html(
    home: Path, built: BuildReport, tmp_path: Path
) -> None:
    target = tmp_path / "김제.pdf"
    done = rsg(home, "view", "region", "jeonbuk-gimje", "--out", str(target), "--preset", "a4")
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"%PDF")
    html = tmp_path / "김제.html"
    refused = rsg(home, "view", "region", "jeonbuk-gimje", "--out", str(html), "--preset", "a4")
    assert refused.returncode != 0
    assert "preset" in refused.stderr
    assert not html.exists()
