"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) served from this server, never from a CDN.

The scripts and styles are the copies that the pinned ``fastapi-offline`` package ships
(MIT); FastAPI's own pages would load them from a CDN and show nothing offline. The pages'
Content-Security-Policy allows only this server, so a page that tried anything else would be
refused by the browser too.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from ontology.errors import ConfigError

STATIC = "/docs-assets"
#: blob: workers are how ReDoc searches; data: images are Swagger UI's icons.
POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

#: The one address in ReDoc's bundle that it loads by itself (the logo in its side bar).
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

router = APIRouter(include_in_schema=False)


def assets() -> Path:
    """The folder of Swagger UI and ReDoc files inside the installed package."""
    folder = Path(str(resources.files("fastapi_offline").joinpath("static")))
    if not (folder / "swagger-ui-bundle.js").is_file():
        raise ConfigError(
            f"Swagger UI 파일 없음 / the Swagger UI files are missing from {folder}",
            "reinstall the project (make install), which pins fastapi-offline",
        )
    return folder


@cache
def redoc_script() -> str:
    """ReDoc's bundle with its side-bar logo taken from this server instead of a CDN."""
    text = (assets() / "redoc.standalone.js").read_text(encoding="utf-8")
    return text.replace(REDOC_LOGO, f"{STATIC}/favicon.png")


def _secured(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = POLICY
    page.headers["X-Content-Type-Options"] = "nosniff"
    page.headers["Referrer-Policy"] = "no-referrer"
    return page


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return _secured(
        get_swagger_ui_html(
            openapi_url=f"{root}{request.app.openapi_url}",
            title=f"{request.app.title} - API",
            swagger_js_url=f"{root}{STATIC}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{STATIC}/swagger-ui.css",
            swagger_favicon_url=f"{root}{STATIC}/favicon.png",
            # validatorUrl: null keeps Swagger UI from sending the schema to its online validator
            swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": False},
        )
    )


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    return _secured(
        get_redoc_html(
            openapi_url=f"{root}{request.app.openapi_url}",
            title=f"{request.app.title} - ReDoc",
            redoc_js_url=f"{root}{STATIC}/redoc.js",
            redoc_favicon_url=f"{root}{STATIC}/favicon.png",
            with_google_fonts=False,
        )
    )


@router.get(f"{STATIC}/redoc.js")
def redoc_js() -> Response:
    return Response(
        redoc_script(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )


def install(app: FastAPI) -> None:
    """The two pages and their files; the app is made with ``docs_url=None, redoc_url=None``."""
    app.include_router(router)  # before the mount, which would answer redoc.js otherwise
    app.mount(STATIC, StaticFiles(directory=assets()), name="docs-assets")
