"""One document read and extracted in a child process, under a time and a memory ceiling.

A document can cost far more than its size says: a compression-bomb PDF inflates a few
hundred kilobytes into gigabytes, and a 19 MB text took 222 s and 2.7 GB. Each document
therefore runs in a forked child (which shares the loaded pipeline with its parent for free):
past ``timeout_s`` the child is killed, past ``memory_mb`` of new address space its
allocations fail, and either way the document is refused with the reason while the run goes
on with the next one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TypeVar

from ontology.errors import RsgError, ValidationFailed

T = TypeVar("T")


def _address_space() -> int:
    """Bytes of address space this process maps now."""
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(conn: Connection, work: Callable[[], object], memory_mb: int) -> None:
    ceiling = _address_space() + memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    try:
        conn.send(("ok", work()))
    except MemoryError:
        conn.send(("memory", "", ""))
    except RsgError as exc:
        conn.send(("refused", exc.message, exc.hint))
    except Exception as exc:  # every failure is this document's, reported
        conn.send(("failed", f"{type(exc).__name__}: {exc}"[:300], ""))
    finally:
        conn.close()


def _refused(path: Path, reason: str, hint: str) -> ValidationFailed:
    return ValidationFailed(f"{path}: {reason}", [f"{path}: {reason}"], hint)


def isolated(path: Path, work: Callable[[], T], timeout_s: float, memory_mb: int) -> T:
    """``work()`` for the document at ``path`` in a child process; its result, or a
    ValidationFailed that names the document and what went wrong."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, work, memory_mb), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout_s):
            child.kill()
            raise _refused(
                path,
                f"took longer than {timeout_s:g} s to read and extract / 시간 초과",
                "split the document, or raise RSG_INGEST_TIMEOUT_S",
            )
        try:
            status, *payload = receive.recv()
        except (EOFError, OSError):
            child.join(5)
            raise _refused(
                path,
                f"stopped the reader (exit code {child.exitcode}), probably out of memory",
                "split the document, or raise RSG_INGEST_MEMORY_MB",
            ) from None
    finally:
        receive.close()
        with contextlib.suppress(Exception):
            child.join(5)
    if status == "ok":
        result: T = payload[0]
        return result
    if status == "memory":
        raise _refused(
            path,
            f"needs more than {memory_mb} MB of memory to read and extract / 메모리 초과",
            "split the document, or raise RSG_INGEST_MEMORY_MB",
        )
    if status == "refused":
        message = str(payload[0])
        reason = message.removeprefix(f"{path}: ")
        raise _refused(path, reason, str(payload[1]))
    raise _refused(path, f"could not be extracted ({payload[0]})", "report it with the file")
