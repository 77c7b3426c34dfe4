"""The environment variables the program reads, and warnings for ``RSG_*`` ones it does not.

Every setting comes from a pydantic-settings class; their variable names are derived here
from the classes themselves, so this list cannot drift from what is really read. A variable
with the ``RSG_`` prefix that no class reads is almost always a typo or an old name, and
ignoring it silently is how a key meant to protect the API ends up protecting nothing.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

from pydantic import AliasChoices
from pydantic_settings import BaseSettings

from api.web.settings import ApiSettings
from ingest.settings import BuildSettings, IngestSettings
from queries.settings import Neo4jSettings, StoreSettings
from visual.settings import ViewSettings

#: Every settings class the program reads from the environment.
SETTINGS: tuple[type[BaseSettings], ...] = (
    StoreSettings,
    Neo4jSettings,
    BuildSettings,
    IngestSettings,
    ViewSettings,
    ApiSettings,
)
#: Variables read by the test and reliability tools, not by the program.
TOOLING = frozenset({"RSG_FUZZ_EXAMPLES", "RSG_RELIABILITY_TALLY"})


def _names(settings: type[BaseSettings]) -> list[tuple[str, list[str]]]:
    """(variable, older names still read) for each field of ``settings``."""
    prefix = str(settings.model_config.get("env_prefix", ""))
    names: list[tuple[str, list[str]]] = []
    for field_name, field in settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            choices = [str(choice) for choice in alias.choices]
            names.append((choices[0].upper(), [c.upper() for c in choices[1:]]))
        elif isinstance(alias, str):
            names.append((alias.upper(), []))
        else:
            names.append(((prefix + field_name).upper(), []))
    return names


def variables() -> list[str]:
    """Every variable the program reads, under its documented name."""
    return [name for settings in SETTINGS for name, _old in _names(settings)]


def renamed() -> dict[str, str]:
    """Old name -> current name, for the names still read but no longer documented."""
    return {old: name for settings in SETTINGS for name, olds in _names(settings) for old in olds}


def warnings(environ: Mapping[str, str]) -> list[str]:
    """One line per ``RSG_*`` variable that is unknown or an old name (what to do included)."""
    known = set(variables())
    old_names = renamed()
    present = {key.upper() for key in environ}
    lines: list[str] = []
    for key in sorted(environ):
        name = key.upper()
        if not name.startswith("RSG_") or name in known or name in TOOLING:
            continue
        if name in old_names:
            new = old_names[name]
            used = "ignored: " + new + " is set too" if new in present else "still read"
            lines.append(f"{key} is the old name of {new} ({used}); rename it to {new}")
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]}?" if close else "; see the README's configuration table"
        lines.append(f"{key} is not a setting of rsg and is ignored{hint}")
    return lines
