"""The review queue: candidate facts waiting for a person, and what accepting one writes.

The queue is one SQLite file, ``RSG_HOME/review/queue.sqlite``, changed only in transactions
that hold its write lock, so two ``rsg ingest`` runs (or the CLI and the API) never lose or
half-write an item. Accepting a candidate appends it, in the curated data format with its
evidence, to ``facts/<source>.yaml`` of the data folder (and the source to ``sources.yaml``
when it is new); the whole data folder is then validated by the loader, and the files are
put back as they were if it does not pass.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field

from ingest.documents import proposal
from ingest.documents.document import ExtractedFact
from ingest.documents.listing import entries
from ingest.documents.source import SourceInfo
from ingest.documents.source import source_id as made_source_id
from ontology.errors import NotFound, RsgError, StoreUnavailable, ValidationFailed
from ontology.models import REF_RE, SLUG

Status = Literal["pending", "accepted", "rejected"]
_INITIATIVE_KIND = {"Initiative": "project", "Event": "event", "Law": "law"}
EDITABLE: tuple[str, ...] = (
    "rel",
    "subject",
    "object",
    "evidence",
    "amount_krw",
    "amount_text",
    "date",
    "role",
)
EDITABLE += ("basis", "subject_name_en", "object_name_en", "subject_kind", "object_kind")
EDITABLE += ("subject_id", "object_id")
#: A bid for a designation round (object ``DesignationRound:<id>``) and the round it is tied to.
BID_EDITS = ("outcome", "decided", "bid", "role_ko", "industries", "area_m2", "area_text")
EDITABLE += (*BID_EDITS, "until", "round")


class Item(BaseModel):
    id: str
    source: str
    path: str
    published: str | None = None
    #: What the document says of itself (``ingest.documents.source``), for its Source entry.
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    status: Status = "pending"
    added: str
    decided: str | None = None
    fact: ExtractedFact
    edits: dict[str, str] = Field(default_factory=dict)
    #: The paragraph of the raw document the evidence lies in (line breaks as spaces) and the
    #: evidence's offsets in it; None for entries queued before paragraphs were kept.
    paragraph: str | None = None
    evidence_at: tuple[int, int] | None = None


#: A paragraph longer than this (a document without blank lines) is cut to its lines.
PARAGRAPH_MAX = 1200
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_of(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The paragraph of ``text`` holding ``text[start:end]``, with the span's offsets in it.

    Paragraphs end at blank lines; where that gives more than ``PARAGRAPH_MAX`` characters,
    at line breaks. Line breaks inside are given as spaces (one for one, so offsets hold) and
    the paragraph's outer white space is left out. None when the span is not in the text."""
    if not 0 <= start < end <= len(text):
        return None
    begin = max((m.end() for m in _BLANK_LINE.finditer(text, 0, start)), default=0)
    after = _BLANK_LINE.search(text, end)
    stop = after.start() if after else len(text)
    if stop - begin > PARAGRAPH_MAX:
        begin = text.rfind("\n", begin, start) + 1 or begin
        cut = text.find("\n", end, stop)
        stop = cut if cut >= 0 else stop
    while begin < start and text[begin].isspace():
        begin += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    body = re.sub(r"[\r\n]", " ", text[begin:stop])
    return body, start - begin, end - begin


class Queue:
    """The review queue of one RSG_HOME: a SQLite file, one row per candidate.

    Every change is one transaction that holds the database's write lock (``BEGIN
    IMMEDIATE``) from its first read to its commit, so two ``rsg ingest`` runs, or the CLI and
    the API, never lose or half-write an item, and an accept writes its fact into the data folder
    and marks the item in the same hold. Adding a document's candidates costs what the document
    brings, not what the queue already holds; listing reads only the rows asked for.
    """

    def __init__(self, home: Path) -> None:
        self.dir = home / "review"
        self.file = self.dir / "queue.sqlite"
        #: The queue file of earlier versions; its items are taken in once, then it is renamed.
        self.legacy = self.dir / "queue.json"

    @contextlib.contextmanager
    def _transaction(self, write: bool) -> Iterator[sqlite3.Connection]:
        self.dir.mkdir(parents=True, exist_ok=True)
        con: sqlite3.Connection | None = None
        try:
            con = sqlite3.connect(self.file, timeout=BUSY_S, isolation_level=None)
            if con.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                con.execute("PRAGMA journal_mode=WAL")
                con.executescript(_SCHEMA)
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
            if self.legacy.is_file():
                self._take_legacy(con)
            con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            if con is not None:
                con.close()
            raise self._failed(exc) from exc
        try:
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._failed(exc) from exc
            raise
        finally:
            con.close()

    def _failed(self, exc: sqlite3.Error) -> RsgError:
        if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
            return StoreUnavailable(
                f"{self.file}: the review queue stayed locked for {BUSY_S:.0f} s",
                "another `rsg ingest` or review is writing to it; try again when it ends",
            )
        return _damaged(self.file, exc)

    def _take_legacy(self, con: sqlite3.Connection) -> None:
        """Take in the items of an earlier version's ``queue.json`` (once; kept as
        ``queue.json.imported``). Items already in the database are left as they are."""
        con.execute("BEGIN IMMEDIATE")
        try:
            if self.legacy.is_file():
                try:
                    data = json.loads(self.legacy.read_text(encoding="utf-8"))
                    items = [Item.model_validate(item) for item in data["items"]]
                except (ValueError, KeyError, TypeError) as exc:
                    raise _damaged(self.legacy, exc) from exc
                con.executemany(_INSERT, [_row(item) for item in items])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        with contextlib.suppress(FileNotFoundError):
            self.legacy.replace(self.legacy.with_name(self.legacy.name + ".imported"))

    def items(
        self,
        status: Status | None = None,
        *,
        source: str | None = None,
        min_confidence: float | None = None,
        below: float | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Item]:
        """Items in queue order, those matching every filter given, ``limit`` from ``offset``:
        one document's (``source``), at ``min_confidence`` or above, under ``below``."""
        for name, value in (("limit", limit), ("offset", offset)):
            if value is not None and not 0 <= value <= ROW_MAX:
                raise ValidationFailed(
                    f"{name} {value} is out of range",
                    [f"{name}: a whole number from 0 to {ROW_MAX}"],
                    "ask for a smaller page",
                )
        where, args = _where(status, source, min_confidence, below)
        sql = f"SELECT body FROM items{where} ORDER BY seq LIMIT ? OFFSET ?"
        with self._transaction(write=False) as con:
            rows = con.execute(sql, [*args, -1 if limit is None else limit, offset]).fetchall()
        return [Item.model_validate_json(body) for (body,) in rows]

    def count(
        self,
        status: Status | None = None,
        *,
        source: str | None = None,
        min_confidence: float | None = None,
        below: float | None = None,
    ) -> int:
        where, args = _where(status, source, min_confidence, below)
        with self._transaction(write=False) as con:
            (n,) = con.execute(f"SELECT count(*) FROM items{where}", args).fetchone()
        return int(n)

    def sources(
        self,
        status: Status | None = "pending",
        *,
        source: str | None = None,
        min_confidence: float | None = None,
    ) -> list[tuple[str, int]]:
        """The documents that have matching items, in the order they were first queued, each
        with its number of items."""
        where, args = _where(status, source, min_confidence)
        sql = f"SELECT source, count(*) FROM items{where} GROUP BY source ORDER BY min(seq)"
        with self._transaction(write=False) as con:
            return [(str(s), int(n)) for s, n in con.execute(sql, args).fetchall()]

    def add(
        self,
        source: str,
        path: str,
        published: str | None,
        facts: list[ExtractedFact],
        info: SourceInfo | None = None,
        text: str | None = None,
    ) -> int:
        """Queue new candidates; ones already queued (same source and fact) are left alone.

        With the document's raw ``text``, each keeps the paragraph its evidence lies in."""
        now = _now()
        about = info.model_dump(exclude={"published"}) if info is not None else {}
        with self._transaction(write=True) as con:
            added = 0
            for fact in facts:
                item_id = candidate_id(source, fact)
                if con.execute("SELECT 1 FROM items WHERE id = ?", (item_id,)).fetchone():
                    continue
                found = paragraph_of(text, fact.start, fact.end) if text else None
                item = Item(
                    id=item_id,
                    source=source,
                    path=path,
                    published=published,
                    added=now,
                    fact=fact,
                    paragraph=found[0] if found else None,
                    evidence_at=found[1:] if found else None,
                    **about,
                )
                con.execute(_INSERT, _row(item))
                added += 1
            return added

    def get(self, item_id: str) -> Item:
        with self._transaction(write=False) as con:
            return _one(con, item_id)

    def reject(self, item_id: str) -> Item:
        return self._decide(item_id, "rejected", {})

    def accept(self, item_id: str, data_dir: Path, edits: dict[str, str] | None = None) -> Item:
        """Write the fact (with ``edits`` applied) into the data folder, then mark it accepted.

        The status check, the write and the mark happen in one hold of the queue's write lock:
        accepts sent at the same moment neither lose a fact nor write one twice.
        """
        with self._transaction(write=True) as con:
            item = _pending(con, item_id)
            merged = {**item.edits, **(edits or {})}
            write_fact(data_dir, item, merged)
            return _store(con, _decided(item, "accepted", merged))

    def decide_many(
        self,
        data_dir: Path,
        accept: list[tuple[str, dict[str, str]]],
        reject: list[str] | None = None,
    ) -> list[Item]:
        """Accept (with each one's edits) and reject many items with one check of the data
        folder at the end: every accepted fact is written, or none is (the files are put
        back if the loader rejects the result). All in one hold of the write lock, as
        ``accept``."""
        reject = reject or []
        with self._transaction(write=True) as con:
            wanted = [*(i for i, _ in accept), *reject]
            found = _pending_of(con, wanted)
            missing = [i for i in wanted if i not in found]
            if missing:
                raise ValidationFailed(
                    f"{len(missing)} review item(s) are not pending",
                    [f"{item_id}: unknown or already decided" for item_id in missing],
                    "list the pending items with `rsg review --list`",
                )
            chosen = [(found[i], {**found[i].edits, **edits}) for i, edits in accept]
            write_facts(data_dir, chosen)
            done = [_store(con, _decided(item, "accepted", edits)) for item, edits in chosen]
            done += [_store(con, _decided(found[i], "rejected", {})) for i in reject]
            return done

    def _decide(self, item_id: str, status: Status, edits: dict[str, str]) -> Item:
        with self._transaction(write=True) as con:
            return _store(con, _decided(_pending(con, item_id), status, edits))


#: The largest limit or offset the queue's file takes (SQLite's 64-bit integer).
ROW_MAX = 2**63 - 1
#: How long a transaction waits for another one's write lock before it gives up.
BUSY_S = 60.0
#: The layout below; a file of an older layout is brought up to it when opened.
SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    confidence REAL NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_status ON items (status, source, seq);
CREATE INDEX IF NOT EXISTS items_in_order ON items (status, seq);
"""
_INSERT = (
    "INSERT OR IGNORE INTO items (id, status, source, confidence, body) VALUES (?, ?, ?, ?, ?)"
)


def _row(item: Item) -> tuple[str, str, str, float, str]:
    return (item.id, item.status, item.source, item.fact.confidence, item.model_dump_json())


def _where(
    status: Status | None,
    source: str | None,
    min_confidence: float | None,
    below: float | None = None,
) -> tuple[str, list[Any]]:
    parts: list[str] = []
    args: list[Any] = []
    for column, value in (("status = ?", status), ("source = ?", source)):
        if value is not None:
            parts.append(column)
            args.append(value)
    if min_confidence is not None:
        parts.append("confidence >= ?")
        args.append(min_confidence)
    if below is not None:
        parts.append("confidence < ?")
        args.append(below)
    return (" WHERE " + " AND ".join(parts) if parts else ""), args


def _store(con: sqlite3.Connection, item: Item) -> Item:
    con.execute(
        "UPDATE items SET status = ?, body = ? WHERE id = ?",
        (item.status, item.model_dump_json(), item.id),
    )
    return item


def _pending_of(con: sqlite3.Connection, ids: list[str]) -> dict[str, Item]:
    found: dict[str, Item] = {}
    for item_id in dict.fromkeys(ids):
        row = con.execute(
            "SELECT body FROM items WHERE id = ? AND status = 'pending'", (item_id,)
        ).fetchone()
        if row is not None:
            found[item_id] = Item.model_validate_json(row[0])
    return found


def _damaged(path: Path, exc: Exception) -> ValidationFailed:
    return ValidationFailed(
        f"{path}: the review queue is damaged",
        [f"{path}: {exc}"],
        "move the file aside; `rsg ingest` starts a new queue",
    )


def _one(con: sqlite3.Connection, item_id: str) -> Item:
    """The item ``item_id``; NotFound if the queue has none."""
    row = con.execute("SELECT body FROM items WHERE id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFound(f"no review item {item_id!r}", "list the queue with `rsg review --list`")
    return Item.model_validate_json(row[0])


def _pending(con: sqlite3.Connection, item_id: str) -> Item:
    """The pending item ``item_id``; NotFound or ValidationFailed if it is not one."""
    item = _one(con, item_id)
    if item.status != "pending":
        raise ValidationFailed(
            f"review item {item_id} is already {item.status}",
            [f"{item_id}: {item.status}"],
            "only pending items can be accepted or rejected",
        )
    return item


def _decided(item: Item, status: Status, edits: dict[str, str]) -> Item:
    return item.model_copy(update={"status": status, "decided": _now(), "edits": edits})


def candidate_id(source: str, fact: ExtractedFact) -> str:
    key = "|".join([source, fact.type, fact.subject, fact.object, str(fact.amount_krw)])
    return hashlib.sha1(key.encode()).hexdigest()[:10]


def source_id(path: Path, info: SourceInfo | None = None, data_dir: Path | None = None) -> str:
    """The Source id of a document: the one ``sources.yaml`` already gives its file or URL,
    else one made from what the document says of itself, the file name last
    (``ingest.documents.source.source_id``)."""
    if data_dir is not None and (path.name or (info and info.url)):
        for entry in entries(data_dir / "sources.yaml", "sources"):
            if entry.get("file") == path.name or (
                info and info.url and entry.get("url") == info.url
            ):
                return str(entry["id"])
    return made_source_id(path, info)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step (a temporary file in the same folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ---- accepted facts -> data files ---------------------------------------------------------


def fact_records(
    item: Item, edits: dict[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(nodes, facts) in the curated format for one accepted candidate."""
    fact = item.fact
    rel = edits.get("rel") or fact.type
    evidence = edits.get("evidence") or fact.evidence
    subject = edits.get("subject") or fact.subject
    obj = edits.get("object") or fact.object
    nodes: list[dict[str, Any]] = []
    if rel in _INITIATIVE_KIND:  # a new initiative (budget, event, law) located in the region
        node = _new_node(obj, "object", edits, evidence, kind=_INITIATIVE_KIND[rel])
        amount = edits.get("amount_krw") or fact.amount_krw
        if amount is not None and rel == "Initiative":
            node["budget_krw"] = int(amount)
            node["budget_text"] = edits.get("amount_text") or fact.amount_text
        if fact.date and rel == "Event":
            node["start"] = edits.get("date") or fact.date
        nodes.append(node)
        obj_ref = f"Initiative:{node['id']}"
        return nodes, [{"rel": "LOCATED_IN", "from": obj_ref, "to": subject, "evidence": evidence}]
    refs = []
    new = _new_roles(rel, subject, obj)
    for role, ref in (("subject", subject), ("object", obj)):
        if role not in new:
            refs.append(ref)
        else:
            kind = "company" if ref.startswith("Organization:") else "project"
            node = _new_node(ref, role, edits, evidence, kind=edits.get(f"{role}_kind", kind))
            nodes.append(node)
            refs.append(f"{node['label']}:{node['id']}")
    record: dict[str, Any] = {"rel": rel, "from": refs[0], "to": refs[1], "evidence": evidence}
    props = _props(rel, fact, edits)
    record.update(props)
    return nodes, [record]


def _props(rel: str, fact: ExtractedFact, edits: dict[str, str]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    amount = edits.get("amount_krw") or fact.amount_krw
    if rel in ("INVESTS_IN", "FUNDED_BY") and amount is not None:
        props["amount_krw"] = int(amount)
        props["amount_text"] = edits.get("amount_text") or fact.amount_text
    when = edits.get("date") or fact.date
    if rel == "INVESTS_IN" and when:
        props["date"] = when
    to_round = (edits.get("object") or fact.object).startswith("DesignationRound:")
    if rel == "SEEKS" and when:
        # A bid for a round has the date it was filed; a scheme named alone, the target year.
        props["date" if to_round else "target_year"] = when if to_round else when[:4]
    if rel == "HOLDS" and when:
        props["since"] = when
    if rel in ("SEEKS", "HOLDS"):
        props.update(_bid_props(rel, edits))
    if rel == "INVESTS_IN":
        props.update({k: edits[k] for k in ("basis", "round") if edits.get(k)})
    if rel == "FUNDED_BY":
        props["basis"] = edits.get("basis") or fact.props.get("basis", "unknown")
    if rel in ("SEEKS", "HOLDS") and (role := edits.get("role")):
        props["role"] = role
    if rel == "PARTICIPATES_IN" and (role := edits.get("role") or fact.props.get("role")):
        props["role"] = role
    return props


def _bid_props(rel: str, edits: dict[str, str]) -> dict[str, Any]:
    """The bid's own fields (docs/graph-contract.md): outcome and decision on a SEEKS, the end
    on a HOLDS; industries comma-separated, the area in square metres as a number."""
    names = [n for n in BID_EDITS if rel == "SEEKS" or n not in ("outcome", "decided")]
    props: dict[str, Any] = {n: edits[n] for n in names if edits.get(n)}
    if rel == "HOLDS" and edits.get("until"):
        props["until"] = edits["until"]
    if "industries" in props:
        props["industries"] = [i.strip() for i in props["industries"].split(",") if i.strip()]
    if "area_m2" in props:
        props["area_m2"] = float(props["area_m2"])
    return props


def _new_node(
    ref: str, role: str, edits: dict[str, str], evidence: str, kind: str
) -> dict[str, Any]:
    label, _, name = ref.partition(":")
    node_id = edits.get(f"{role}_id")
    name_en = edits.get(f"{role}_name_en")
    if not node_id or not re.fullmatch(SLUG, node_id) or not name_en:
        raise ValidationFailed(
            f"the {role} {name!r} is new to the graph and needs an id and an English name",
            [f"{role}: give {role}_id=<slug> and {role}_name_en=<English name>"],
            f"accept with --set {role}_id=... --set {role}_name_en=... (or use the prompts)",
        )
    return {
        "label": label,
        "id": node_id,
        "name_ko": name,
        "name_en": name_en,
        "kind": kind,
        "evidence": evidence[:60],
    }


def needs_ids(item: Item, edits: dict[str, str] | None = None) -> list[str]:
    """The roles (``subject``, ``object``) of ``item`` that name a node new to the graph and
    still lack the id or English name accepting it needs (``fact_records``)."""
    edits = {**item.edits, **(edits or {})}
    rel = edits.get("rel") or item.fact.type
    subject = edits.get("subject") or item.fact.subject
    new = _new_roles(rel, subject, edits.get("object") or item.fact.object)
    return [r for r in new if not (edits.get(f"{r}_id") and edits.get(f"{r}_name_en"))]


def _new_roles(rel: str, subject: str, obj: str) -> list[str]:
    """The roles whose node an accept creates: the object of an initiative, event or law;
    otherwise each side that is not a reference to a node of the graph."""
    if rel in _INITIATIVE_KIND:
        return ["object"]
    return [role for role, ref in (("subject", subject), ("object", obj)) if not REF_RE.match(ref)]


def write_fact(data_dir: Path, item: Item, edits: dict[str, str]) -> None:
    """Append the accepted fact to the data folder; undone if the loader rejects the result."""
    write_facts(data_dir, [(item, edits)])


def write_facts(data_dir: Path, chosen: list[tuple[Item, dict[str, str]]]) -> None:
    """Append accepted facts to the data folder and check it once; all undone if the loader
    rejects the result (checking after each fact took most of a long review session)."""
    from ingest.graph.dataset import load_graph_data

    sources_file = data_dir / "sources.yaml"
    files = [sources_file, *{data_dir / "facts" / f"{item.source}.yaml" for item, _ in chosen}]
    files.append(proposal.gazetteer_path(data_dir))
    saved = {p: p.read_text(encoding="utf-8") if p.is_file() else None for p in files}
    graph_nodes = load_graph_data(data_dir).nodes
    added: set[str] = set()
    try:
        for item, edits in chosen:
            if item.fact.type == proposal.NEW_ORGANIZATION:  # a name for the gazetteer
                name = item.fact.subject.partition(":")[2]
                kind = item.fact.object.partition(":")[2]
                write_atomic(*proposal.gazetteer_text(data_dir, name, kind, edits))
                continue
            nodes, facts = fact_records(item, edits)
            # An organisation the gazetteer knows and the graph does not yet: its node too.
            ends = [f[end] for f in facts for end in ("from", "to")]
            for node in proposal.graph_nodes(ends, graph_nodes, data_dir):
                if node["id"] not in added:
                    nodes.append(node)
                    added.add(node["id"])
            _ensure_source(sources_file, item)
            _append(data_dir / "facts" / f"{item.source}.yaml", item.source, nodes, facts)
        load_graph_data(data_dir)
    except BaseException:
        for path, text in saved.items():
            if text is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, text)
        raise


def _ensure_source(path: Path, item: Item) -> None:
    text = path.read_text(encoding="utf-8")
    if re.search(rf"^\s*- id: {re.escape(item.source)}\s*$", text, re.M):
        return
    name = Path(item.path).name
    about = ", ".join(p for p in (item.publisher, item.published) if p)
    entry = {
        "id": item.source,
        "name_ko": item.title or name,
        "name_en": f"Article ({about})" if item.title and about else (item.title or name),
        "publisher": item.publisher,
        "published": item.published,
        "kind": "document",
        "url": item.url,
        "file": name,
    }
    entry = {key: value for key, value in entry.items() if value is not None}
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False)
    indented = "".join(f"  {line}\n" for line in block.splitlines())
    write_atomic(path, text.rstrip("\n") + "\n" + indented)


def _dump_items(records: list[dict[str, Any]]) -> str:
    if not records:
        return ""
    block = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=1000)
    return "".join(f"  {line}\n" for line in block.splitlines())


def _append(
    path: Path, source: str, nodes: list[dict[str, Any]], facts: list[dict[str, Any]]
) -> None:
    if not path.is_file():
        head = f"# Facts accepted in review (rsg review) for {source}.\nsource: {source}\n"
        body = f"{head}nodes:\n{_dump_items(nodes)}facts:\n{_dump_items(facts)}"
        write_atomic(path, body.replace("nodes:\nfacts:", "nodes: []\nfacts:"))
        return
    text = path.read_text(encoding="utf-8")
    if nodes:
        node_text = _dump_items(nodes)
        if re.search(r"^nodes:\s*\[\]\s*$", text, re.M):
            text = re.sub(
                r"^nodes:\s*\[\]\s*$",
                "nodes:\n" + node_text.rstrip("\n"),
                text,
                count=1,
                flags=re.M,
            )
        elif re.search(r"^facts:", text, re.M):
            text = re.sub(r"^facts:", lambda _: node_text + "facts:", text, count=1, flags=re.M)
        else:
            text = text.rstrip("\n") + "\nnodes:\n" + node_text
    if re.search(r"^facts:\s*\[\]\s*$", text, re.M):
        text = re.sub(r"^facts:\s*\[\]\s*$", "facts:", text, count=1, flags=re.M)
    if not re.search(r"^facts:", text, re.M):
        text = text.rstrip("\n") + "\nfacts:\n"
    write_atomic(path, text.rstrip("\n") + "\n" + _dump_items(facts))
