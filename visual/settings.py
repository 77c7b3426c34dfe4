"""View settings (``RSG_VIEW_*``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ViewSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RSG_VIEW_", extra="ignore")

    node_limit: int = Field(
        default=2000,
        ge=10,
        description="above this many nodes a view is folded: most connected nodes, rest grouped",
    )
    layout_threshold: int = Field(
        default=300,
        ge=0,
        description="from this many nodes the layout is computed before the page loads "
        "(physics off); below it the browser settles the layout and then stops",
    )
    frame_ancestors: list[str] = Field(
        default_factory=lambda: ["'self'"],
        description="CSP frame-ancestors: the report hosts allowed to embed views in an iframe",
    )
    font_family: str = Field(
        default="NanumGothic", description="Korean font for PNG/SVG (comes with the dependencies)"
    )
    fallback_fonts: list[str] = Field(
        default_factory=lambda: ["Noto Sans CJK KR"],
        description="tried in order when font_family is not installed",
    )
