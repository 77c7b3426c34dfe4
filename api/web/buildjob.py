"""A graph build started from the review inbox, run in a background thread of the server.

One build at a time per app; ``status()`` says what it is doing (the build's own steps and
load progress) for the page to poll. The build itself is ``ingest.graph.build.Build``, as
``rsg build`` runs it: validation, SHACL, exports, a staged load that switches at the end
(so the live graph stays as it was if anything fails), under the build lock of RSG_HOME.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from ingest.graph.build import Build
from ingest.settings import BuildSettings
from ontology.errors import RsgError
from queries.settings import StoreSettings
from queries.store import GraphStore

State = Literal["idle", "running", "done", "failed"]


@dataclass
class Progress:
    state: State = "idle"
    step: str = ""
    done: int = 0
    total: int = 0
    started: float | None = None
    seconds: float | None = None
    build_id: str | None = None
    nodes: int | None = None
    relationships: int | None = None
    error: str | None = None
    hint: str | None = None
    problems: list[str] = field(default_factory=list)


class BuildJob:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._progress = Progress()
        self._thread: threading.Thread | None = None

    def status(self) -> dict[str, Any]:
        with self._lock:
            return asdict(self._progress)

    def start(self, store: GraphStore) -> bool:
        """Start a build unless one is running; True when this call started it."""
        with self._lock:
            if self._progress.state == "running":
                return False
            self._progress = Progress(state="running", started=time.time())
            self._thread = threading.Thread(target=self._run, args=(store,), daemon=True)
            self._thread.start()
            return True

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _update(self, **changes: Any) -> None:
        with self._lock:
            for key, value in changes.items():
                setattr(self._progress, key, value)

    def _run(self, store: GraphStore) -> None:
        started = time.perf_counter()
        settings = BuildSettings()
        try:
            report = Build(
                store,
                StoreSettings().home,
                settings.data_dir,
                settings.corpus,
                step=lambda text: self._update(step=text),
                advance=lambda done, total: self._update(done=done, total=total),
            ).run()
        except RsgError as exc:
            self._update(
                state="failed",
                error=exc.message,
                hint=exc.hint,
                problems=list(getattr(exc, "problems", []))[:50],
                seconds=time.perf_counter() - started,
            )
            return
        except Exception as exc:  # the page must hear of any failure, not spin for ever
            self._update(state="failed", error=repr(exc), seconds=time.perf_counter() - started)
            return
        self._update(
            state="done",
            step="",
            build_id=report.build_id,
            nodes=report.nodes,
            relationships=report.relationships,
            seconds=time.perf_counter() - started,
        )
