"""The login page: a form that sends the API key once; no script at all."""

from __future__ import annotations

from visual.page import Page, escape, fill, template


def render(next_path: str, hours: int, error: str | None = None) -> Page:
    shown = f'<p id="rsg-error" class="rsg-error">{escape(error)}</p>' if error else ""
    return fill(
        "login.html",
        scripts=[],
        styles=["style"],
        style=template("workbench.css"),
        error=shown,
        next=escape(next_path),
        hours=str(hours),
    )


def logout(csrf: str) -> Page:
    """The confirmation page of logging out: a form carrying the session's CSRF token."""
    return fill(
        "logout.html",
        scripts=[],
        styles=["style"],
        style=template("workbench.css"),
        csrf=escape(csrf),
    )
