"""``rsg extract``, ``rsg ingest``, ``rsg review``, ``rsg eval`` and ``rsg calibrate``: new
documents -> facts."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.prompt import Prompt
from rich.table import Column, Table

from api.cli.common import fail
from api.cli.output import err, out
from ontology.errors import RsgError, TooLarge, ValidationFailed

if TYPE_CHECKING:
    from ingest.documents.document import ExtractedFact, Extraction, Pipeline
    from ingest.documents.reader import RawText

Paths = Annotated[list[Path], typer.Argument(help="files or folders (read recursively)")]
#: How many items ``rsg review --list`` shows unless told otherwise.
LIST_LIMIT = 50


def register(app: typer.Typer) -> None:
    """Add the commands to the ``rsg`` app."""

    @app.command()
    def extract(
        paths: Paths,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
        published: Annotated[
            str | None, typer.Option(help="the documents' date (ISO), for relative dates")
        ] = None,
    ) -> None:
        """후보 사실 추출 / entities and candidate facts of documents (nothing is stored)."""
        if fmt not in ("table", "json"):
            raise typer.BadParameter("use table or json", param_hint="--format")
        results = []
        try:
            pipeline = _pipeline()
            for raw, extraction, _facts in _run(pipeline, paths, published):
                results.append(extraction)
                if fmt == "table":
                    _table(raw, extraction)
        except RsgError as exc:
            raise fail(exc) from None
        if fmt == "json":
            sys.stdout.write(
                json.dumps([r.model_dump() for r in results], ensure_ascii=False, indent=2) + "\n"
            )

    @app.command()
    def ingest(
        paths: Paths,
        published: Annotated[str | None, typer.Option(help="the documents' date (ISO)")] = None,
    ) -> None:
        """검토 대기열에 추가 / extract candidate facts into the review queue."""
        from ingest.documents.review import Queue, source_id
        from ingest.documents.source import SourceInfo
        from ingest.graph.dataset import default_data_dir

        try:
            queue = Queue(_home())
            pipeline = _pipeline()
            added = 0
            for raw, extraction, facts in _run(pipeline, paths, published):
                doc = extraction.document
                info = SourceInfo.model_validate(doc.model_dump(exclude={"path"}))
                source = source_id(raw.path, info, default_data_dir())
                added += queue.add(source, str(raw.path), doc.published, facts, info, raw.text)
        except RsgError as exc:
            raise fail(exc) from None
        pending = queue.count("pending")
        err.print(f"queued {added} new candidate(s); {pending} pending → `rsg review`")

    @app.command()
    def review(
        accept: Annotated[list[str] | None, typer.Option("--accept", help="accept item ID")] = None,
        reject: Annotated[list[str] | None, typer.Option("--reject", help="reject item ID")] = None,
        set_: Annotated[
            list[str] | None,
            typer.Option("--set", help="edit before accepting: FIELD=VALUE (object_id=..., ...)"),
        ] = None,
        list_: Annotated[bool, typer.Option("--list", help="list pending items and stop")] = False,
        accept_all: Annotated[
            bool,
            typer.Option(
                "--accept-all",
                help="accept every pending item --source, --min-confidence and --below choose, "
                "but those naming a node new to the graph (they need an id: one by one)",
            ),
        ] = False,
        reject_all: Annotated[
            bool,
            typer.Option(
                "--reject-all",
                help="reject every pending item --source, --min-confidence and --below choose",
            ),
        ] = False,
        source: Annotated[str | None, typer.Option(help="only the items of this Source id")] = None,
        min_confidence: Annotated[
            float | None,
            typer.Option(min=0.0, max=1.0, help="only items at this confidence or above"),
        ] = None,
        below: Annotated[
            float | None,
            typer.Option(min=0.0, max=1.0, help="only items under this confidence"),
        ] = None,
        limit: Annotated[
            int, typer.Option(min=0, help="list at most this many items (0: all of them)")
        ] = LIST_LIMIT,
        data: Annotated[
            Path | None, typer.Option(help="data folder (default RSG_DATA_DIR)")
        ] = None,
        decisions: Annotated[
            Path | None,
            typer.Option(
                help="YAML file of decisions, applied together and checked once: "
                "accept: [{id: ID, set: {FIELD: VALUE}}], reject: [ID, ...]"
            ),
        ] = None,
    ) -> None:
        """검토 / accept, edit or reject queued candidates (interactive without options)."""
        from ingest.documents.review import EDITABLE, Item, Queue, needs_ids
        from ingest.graph.dataset import default_data_dir

        edits = _edits(set_ or [], EDITABLE)
        try:
            queue = Queue(_home())
            data_dir = data or default_data_dir()
            chosen = [(item_id, edits) for item_id in accept or []]
            dropped = list(reject or [])
            if decisions is not None:
                more, less = _decisions(decisions, EDITABLE)
                chosen, dropped = chosen + more, dropped + less
            if accept_all and reject_all:
                raise typer.BadParameter("give one of them", param_hint="--accept-all/--reject-all")

            def pick(limit: int | None = None) -> list[Item]:
                return queue.items(
                    "pending",
                    source=source,
                    min_confidence=min_confidence,
                    below=below,
                    limit=limit,
                )

            if accept_all or reject_all:
                matching = pick()
                ready = [i for i in matching if reject_all or not needs_ids(i, edits)]
                if accept_all:
                    chosen += [(i.id, edits) for i in ready]
                else:
                    dropped += [i.id for i in ready]
                if len(ready) < len(matching):
                    err.print(
                        f"left pending: {len(matching) - len(ready)} item(s) naming a node new "
                        "to the graph → accept each with --accept ID --set subject_id=... "
                        "--set subject_name_en=... (or object_...)"
                    )
                if not chosen and not dropped:
                    err.print("nothing to decide: no pending item matches")
                    return
            if chosen or dropped:
                done = queue.decide_many(data_dir, chosen, dropped)
                for item in done:
                    where = data_dir / "facts" / f"{item.source}.yaml"
                    out.print(
                        f"{item.status} {item.id}"
                        + (f" → {where}" if item.status == "accepted" else "")
                    )
                taken = sum(i.status == "accepted" for i in done)
                err.print(f"{taken} accepted, {len(done) - taken} rejected")
                return
            if list_ or not sys.stdin.isatty():
                total = queue.count(
                    "pending", source=source, min_confidence=min_confidence, below=below
                )
                _list(pick(limit or None), total)
                return
            _interactive(queue, pick(), data_dir, EDITABLE)
        except RsgError as exc:
            raise fail(exc) from None

    @app.command("eval")
    def evaluate(
        gold: Annotated[
            Path | None,
            typer.Option(
                help="gold folder (default tests/ingest/gold), or a document-level gold file "
                "such as data/eval/realnews.yaml"
            ),
        ] = None,
        corpus: Annotated[
            Path | None, typer.Option(help="the documents' texts (the five source documents)")
        ] = None,
        reference_only: Annotated[
            bool, typer.Option(help="link only reference data, not curated-fact nodes")
        ] = False,
        split: Annotated[
            str | None, typer.Option(help="gold file only: score one split (tune or heldout)")
        ] = None,
        details: Annotated[
            bool, typer.Option(help="gold file only: each document's misses and false alarms")
        ] = False,
        against: Annotated[
            Path | None,
            typer.Option(
                help="gold file only: a second annotation of the same texts, scored against "
                "--gold as if it were the extractor's output (annotator agreement; no --corpus)"
            ),
        ] = None,
    ) -> None:
        """추출 평가 / precision, recall and F1 against the gold annotations."""
        if against is not None:
            _agreement(gold, against, details)
            return
        if gold is not None and gold.is_file():
            _evaluate_set(gold, corpus, split, details, reference_only)
            return
        from ingest.documents.evaluation import evaluate_all, report_rows

        try:
            scores = evaluate_all(gold, corpus, reference_only=reference_only)
        except RsgError as exc:
            raise fail(exc) from None
        for title, rows in report_rows(scores):
            _print_table(title, rows)

    @app.command()
    def calibrate(
        sets: Annotated[
            list[str],
            typer.Argument(
                help="GOLD=TEXTS pairs: a document-level gold file and the folder of its texts"
            ),
        ],
        out_file: Annotated[
            Path | None,
            typer.Option("--out", help="where to write the table (default: the data folder's)"),
        ] = None,
        held_out_runs: Annotated[
            Path | None,
            typer.Option(
                "--held-out-runs",
                help="count the organisation classes and the facts' types on a held-out runs "
                "file (data/eval/heldout-runs.yaml) instead of on the sets; the facts of the sets "
                "are still counted, for types the runs lack",
            ),
        ] = None,
    ) -> None:
        """조직 신뢰도 보정 / how often each class of organisation is right, for confidences."""
        try:
            _calibrate(sets, out_file, held_out_runs)
        except RsgError as exc:
            raise fail(exc) from None


def _calibrate(sets: list[str], out_file: Path | None, held_out_runs: Path | None) -> None:
    """``rsg calibrate GOLD=TEXTS ...``: count, write and show the calibration table."""
    from ingest.documents import calibration
    from ingest.documents.goldset import calibration_rows, load_goldset
    from ingest.documents.reader import read
    from ingest.documents.review import write_atomic
    from ingest.graph.dataset import default_data_dir

    pairs: list[tuple[Path, Path]] = []
    for item in sets:
        gold, sep, texts = item.partition("=")
        if not sep or not gold or not texts:
            raise typer.BadParameter(
                f"{item!r}: write GOLD=TEXTS, e.g. data/eval/realnews2.yaml=articles/set2",
                param_hint="SETS",
            )
        if not Path(texts).is_dir():
            raise typer.BadParameter(f"{texts}: not a folder of texts", param_hint="SETS")
        pairs.append((Path(gold), Path(texts)))
    jobs = []
    missing: list[str] = []
    for gold_file, folder in pairs:
        for doc in load_goldset(gold_file).documents:
            path = folder / doc.file
            if path.is_file():
                jobs.append((doc, path))
            else:
                missing.append(f"{gold_file.name}: {path} does not exist")
    if missing:
        err.print(f"[yellow]skipped {len(missing)} document(s) without a text:[/yellow]")
        for line in missing:
            err.print(f"  {line}", highlight=False, markup=False)
    if not jobs:
        raise ValidationFailed(
            "no text of any gold document found",
            missing[:20],
            "name the folder that holds each gold file's texts after its =",
        )
    runs = calibration.load_runs(held_out_runs) if held_out_runs else None
    pipeline = _pipeline(calibrated=False)
    rows: list[tuple[calibration.Evidence, bool]] = []
    fact_rows: list[tuple[str, float, bool]] = []
    with _progress() as progress:
        task = progress.add_task("calibrate", total=len(jobs))
        for doc, path in jobs:
            progress.update(task, description=path.name)
            extraction, facts = pipeline.run(read(path))
            org_rows, doc_fact_rows = calibration_rows(doc, extraction, facts, pipeline.gazetteer)
            rows += org_rows
            fact_rows += doc_fact_rows
            progress.advance(task)
    source = ""
    type_rows: list[tuple[str, bool]] = []
    if runs is not None and held_out_runs is not None:
        rows = runs.rows()
        type_rows = runs.fact_rows()
        source = runs.summary(held_out_runs)
    table = calibration.table(
        rows, [p.name for p, _ in pairs], len(jobs), fact_rows, source, type_rows
    )
    target = out_file or default_data_dir() / calibration.FILE_NAME
    write_atomic(target, calibration.dump(table))
    shown: list[tuple[str, ...]] = [("found in", "role", "named", "right", "confidence")]
    for cell in table.classes:
        shown.append(
            (
                "gazetteer" if cell.linked else "new",
                cell.role,
                "more than once" if cell.repeated else "once",
                f"{cell.right}/{cell.total}",
                f"{table.confidence(cell.evidence):.2f}",
            )
        )
    counted_on = source or f"{len(jobs)} documents"
    _print_table(f"{counted_on}, {len(rows)} organisations -> {target}", shown)
    by_fact: list[tuple[str, ...]] = [("fact", "rule's confidence", "right", "confidence")]
    for fc in table.facts:
        calibrated = table.fact_confidence(fc.type, fc.rule)
        by_fact.append(
            (fc.type, f"{fc.rule:.2f}", f"{fc.right}/{fc.total}", f"{calibrated or 0:.2f}")
        )
    _print_table(f"{len(fact_rows)} investment and designation facts", by_fact)
    if table.fact_types:
        by_type: list[tuple[str, ...]] = [("fact", "right", "confidence")]
        for kind_cell in table.fact_types:
            given = table.fact_confidence(kind_cell.type, 0.0)
            by_type.append(
                (kind_cell.type, f"{kind_cell.right}/{kind_cell.total}", f"{given or 0:.2f}")
            )
        _print_table(
            f"{sum(c.total for c in table.fact_types)} facts of the held-out runs: the confidence "
            "of every fact of the type",
            by_type,
        )


def _evaluate_set(
    gold: Path, corpus: Path | None, split: str | None, details: bool, reference_only: bool
) -> None:
    """``rsg eval --gold FILE``: document-level gold, scored per split."""
    from ingest.documents.document import Pipeline
    from ingest.documents.goldset import (
        DocumentResult,
        band_rows,
        detail_lines,
        evaluate,
        report_rows,
    )

    if split not in (None, "tune", "heldout"):
        raise typer.BadParameter("use tune or heldout", param_hint="--split")
    if corpus is None:
        raise typer.BadParameter("name the folder of the article texts", param_hint="--corpus")
    results: list[DocumentResult] = []
    try:
        pipeline = Pipeline.load(reference_only=reference_only)
        scores = evaluate(
            gold,
            corpus,
            split=split,  # type: ignore[arg-type]
            pipeline=pipeline,
            details=results if details else None,
        )
    except RsgError as exc:
        raise fail(exc) from None
    if details:
        for line in detail_lines(results):
            out.print(line, highlight=False, markup=False)
    for title, rows in report_rows(scores):
        _print_table(title, rows)
    if "all" in scores:
        _print_table("precision by confidence / 신뢰도 구간별 정밀도", band_rows(scores["all"]))


def _agreement(gold: Path | None, against: Path, details: bool) -> None:
    """``rsg eval --gold FIRST --against SECOND``: how far two annotators agree."""
    from ingest.documents.agreement import compare
    from ingest.documents.goldset import detail_lines, report_rows
    from ingest.documents.matcher import Gazetteer

    if gold is None:
        raise typer.BadParameter("name the first annotation's gold file", param_hint="--gold")
    for option, path in (("--gold", gold), ("--against", against)):
        if not path.is_file():
            raise typer.BadParameter(
                f"{path}: not a file; name two document-level gold files", param_hint=option
            )
    try:
        agreement = compare(gold, against, Gazetteer.load())
    except RsgError as exc:
        raise fail(exc) from None
    if details:
        for line in detail_lines(agreement.results):
            out.print(line, highlight=False, markup=False)
    for side, files in (("--gold", agreement.only_first), ("--against", agreement.only_second)):
        if files:
            err.print(f"only in {side} (not compared): {', '.join(files)}", markup=False)
    title = f"{against.name} against {gold.name}: {agreement.scores.documents} document(s)"
    for _, rows in report_rows({"all": agreement.scores}):
        _print_table(title, rows)


def _print_table(title: str, rows: list[tuple[str, ...]]) -> None:
    table = Table(title=title)
    for column in rows[0]:
        table.add_column(column, justify="left" if column in ("measure", "kind") else "right")
    for row in rows[1:]:
        table.add_row(*row)
    out.print(table)


def _home() -> Path:
    from queries.settings import StoreSettings

    return StoreSettings().home


def _pipeline(*, calibrated: bool = True) -> Pipeline:
    from ingest.documents.document import Pipeline

    with err.status("loading gazetteer and tokenizer / 사전 불러오는 중"):
        return Pipeline.load(calibrated=calibrated)


#: A sentence of our own that sends the pipeline through every stage once.
WARM_UP = "울산시는 수소 산업을 육성한다. 국비 600억원을 들여 센터를 짓는다.\n"


def _run(
    pipeline: Pipeline, paths: list[Path], published: str | None
) -> Iterator[tuple[RawText, Extraction, list[ExtractedFact]]]:
    """Each readable document's extraction; the others are reported and skipped.

    Each document is read and extracted in a child process under RSG_INGEST_TIMEOUT_S and
    RSG_INGEST_MEMORY_MB (``ingest.documents.sandbox``): whatever one document does, the run
    goes on with the next.
    """
    from ingest.documents.published import parse_iso, published_date
    from ingest.documents.reader import RawText, collect, read
    from ingest.documents.sandbox import isolated
    from ingest.settings import IngestSettings

    limits = IngestSettings()

    # The pipeline builds its tables on first use (seconds), and the data folder's list of
    # sources is read once; done here, every forked child has them, instead of each document
    # paying for them again within its time limit.
    warm = RawText(path=Path("warm-up.txt"), text=WARM_UP, kind="text")
    pipeline.run(warm, published_date(warm))

    def extract(path: Path) -> tuple[RawText, Extraction, list[ExtractedFact]]:
        raw = read(path)
        extraction, facts = pipeline.run(raw, given or published_date(raw))
        return raw, extraction, facts

    given: date | None = parse_iso(published)
    if published and given is None:
        raise typer.BadParameter("write an ISO date such as 2025-06-11", param_hint="--published")
    files = list(collect(paths))
    skipped: Counter[str] = Counter()
    done = 0
    # No refresh thread: each document forks a child, and a fork should copy no thread.
    with _progress(auto_refresh=False) as progress:
        task = progress.add_task("extract", total=len(files))
        for path in files:
            progress.update(task, description=path.name, refresh=True)
            try:
                raw, extraction, facts = isolated(
                    path, partial(extract, path), limits.timeout_s, limits.memory_mb
                )
            except (ValidationFailed, TooLarge) as exc:
                err.print(f"[yellow]skipped:[/yellow] {exc.message} → {exc.hint}", highlight=False)
                skipped[_reason(exc.message)] += 1
                progress.advance(task)
                continue
            done += 1
            progress.advance(task)
            progress.refresh()
            yield raw, extraction, facts
    why = ", ".join(f"{n} {reason}" for reason, n in skipped.items())
    err.print(f"{done} read, {sum(skipped.values())} skipped" + (f" ({why})" if why else ""))


def _progress(*, auto_refresh: bool = True) -> Progress:
    """A bar on standard error: the document's name, the bar, how many of how many."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        auto_refresh=auto_refresh,
    )


def _reason(message: str) -> str:
    words = ("empty", "binary", "encoding", "text layer", "memory", "longer than", "bomb", "MB",
             "encrypted", "PDF", "opened")  # fmt: skip
    for word in words:
        if word in message:
            return {
                "MB": "too large", "opened": "unreadable", "longer than": "too slow",
                "bomb": "compression bomb",
            }.get(word, word)  # fmt: skip
    return "unreadable"


def _table(raw: RawText, extraction: Extraction) -> None:
    doc = extraction.document
    out.print(f"[b]{raw.path}[/b]  ({raw.kind}, published {doc.published or 'unknown'})")
    entities = Table("type", "id", "text", "start", "end", title="entities / 개체")
    for ent in extraction.entities:
        entities.add_row(
            ent.type,
            ent.id or ("" if ent.value is None else str(ent.value)),
            ent.text,
            str(ent.start),
            str(ent.end),
        )
    out.print(entities)
    facts = Table(
        "type",
        "subject",
        "object",
        "amount",
        "date",
        "evidence",
        "conf",
        title="candidate facts / 후보 사실",
    )
    for fact in extraction.facts:
        facts.add_row(
            fact.type,
            fact.subject,
            fact.object,
            fact.amount_text or "",
            fact.date or "",
            fact.evidence,
            f"{fact.confidence:.2f}",
        )
    out.print(facts)


def _edits(items: list[str], editable: tuple[str, ...]) -> dict[str, str]:
    edits = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or name not in editable:
            raise typer.BadParameter(
                f"{item!r}: write FIELD=VALUE with FIELD one of {', '.join(editable)}",
                param_hint="--set",
            )
        edits[name] = value
    return edits


def _decisions(
    path: Path, editable: tuple[str, ...]
) -> tuple[list[tuple[str, dict[str, str]]], list[str]]:
    """(accepted ids with their edits, rejected ids) from a decisions file."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        accepted = [
            (str(entry["id"]), {str(k): str(v) for k, v in (entry.get("set") or {}).items()})
            for entry in data.get("accept") or []
        ]
        rejected = [str(item_id) for item_id in data.get("reject") or []]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise typer.BadParameter(f"{path}: {exc}", param_hint="--decisions") from exc
    for item_id, edits in accepted:
        unknown = sorted(set(edits) - set(editable))
        if unknown:
            raise typer.BadParameter(
                f"{item_id}: {', '.join(unknown)} cannot be set (editable: {', '.join(editable)})",
                param_hint="--decisions",
            )
    return accepted, rejected


def _list(pending: Sequence[object], total: int) -> None:
    from ingest.documents.review import Item

    if not total:
        err.print(
            "nothing pending here / 검토할 후보 없음 → queue documents with `rsg ingest PATH`"
        )
        return
    shown = (
        f"{total} pending"
        if len(pending) == total
        else f"{len(pending)} of {total} pending; --limit 0 shows all"
    )
    table = Table(
        "type",
        "subject",
        "object",
        "amount",
        "evidence",
        "source",
        Column("confidence", justify="right"),
        title=f"review queue / 검토 대기열 ({shown})",
    )
    table.columns.insert(0, Column("id", no_wrap=True, min_width=10))
    for item in pending:
        assert isinstance(item, Item)
        f = item.fact
        table.add_row(
            item.id,
            f.type,
            f.subject,
            f.object,
            f.amount_text or "",
            f.evidence,
            item.source,
            f"{f.confidence:.2f}",
        )
    out.print(table)


def _interactive(
    queue: object, pending: Sequence[object], data_dir: Path, editable: tuple[str, ...]
) -> None:
    from ingest.documents.review import Item, Queue

    assert isinstance(queue, Queue)
    for n, item in enumerate(pending, 1):
        assert isinstance(item, Item)
        f = item.fact
        out.print(
            f"\n[b]{n}/{len(pending)}[/b]  {item.id}  [cyan]{f.type}[/cyan]  "
            f"{f.subject} → {f.object}  {f.amount_text or ''} {f.date or ''}"
        )
        out.print(f"  문장 / sentence: {f.sentence}", highlight=False, markup=False)
        out.print(
            f"  근거 / evidence: «{f.evidence}»  (confidence {f.confidence:.2f})",
            highlight=False,
            markup=False,
        )
        choice = Prompt.ask(
            "accept / edit / reject / skip / quit",
            console=out,
            choices=["a", "e", "r", "s", "q"],
            default="s",
        )
        if choice == "q":
            return
        if choice == "r":
            queue.reject(item.id)
            continue
        if choice == "s":
            continue
        edits: dict[str, str] = {}
        if choice == "e":
            for name in editable:
                value = Prompt.ask(f"  {name}", console=out, default="")
                if value:
                    edits[name] = value
        try:
            queue.accept(item.id, data_dir, edits)
            out.print("  accepted / 승인")
        except ValidationFailed as exc:
            err.print(f"  [red]not accepted:[/red] {exc.message}", highlight=False)
            for problem in exc.problems[:10]:
                err.print(f"    {problem}", highlight=False, markup=False)
