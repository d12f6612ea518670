"""The command line. The only module that prints, exits or reads environment variables."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from claimdex import __version__
from claimdex.errors import ClaimdexError

app = typer.Typer(
    name="claimdex",
    help="Read, classify, index and search workers' compensation claim files, offline.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,  # tracebacks with locals would print health information
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", help="The index database file (SQLite).",
                                        dir_okay=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


def _debug() -> bool:
    return os.environ.get("CLAIMDEX_DEBUG") == "1"


def run(fn, *args, **kwargs):
    """The one translation point from errors to messages and exit codes."""
    try:
        return fn(*args, **kwargs)
    except ClaimdexError as exc:
        err.print(f"[bold red]Error:[/] {escape(str(exc))}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("Interrupted; the index keeps every file completed so far. Re-run to finish.")
        raise typer.Exit(130) from None
    except typer.Exit:
        raise
    except Exception as exc:
        if _debug():
            raise
        err.print(f"[bold red]Error:[/] unexpected {exc.__class__.__name__}; "
                  "re-run with --debug for details", highlight=False)
        raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        out.print(f"claimdex {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show internal errors in full (may "
                                        "include file names, never document text).")] = False,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what is being done to "
                                          "stderr: file names and counts, never document "
                                          "text (default: warnings only).")] = False,
) -> None:
    """claimdex reads claim files (PDF, scans, TIFF faxes, emails, Word, zip exports),
    indexes their text in a SQLite file and lets you search it. Nothing leaves this machine."""
    from claimdex.logging_setup import configure_logging

    configure_logging(verbose=verbose, debug=debug)
    if debug:
        os.environ["CLAIMDEX_DEBUG"] = "1"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to read. Each subfolder "
                                                "of a folder is one claim.")],
    db: DbOption,
    claim: Annotated[Optional[str], typer.Option(help="Put every file in this claim instead of "
                                                 "using folder names.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (default: CPU count).")]
    = os.cpu_count() or 1,
    timeout: Annotated[float, typer.Option(min=1, help="Seconds allowed per file before it is "
                                           "stopped and recorded as failed.")] = 120.0,
    memory_mb: Annotated[int, typer.Option("--memory-mb", min=256, help="Memory limit per worker "
                                           "process, in MB.")] = 3072,
    password: Annotated[Optional[str], typer.Option(help="Password for encrypted PDFs.")] = None,
    ocr: Annotated[bool, typer.Option(help="OCR scanned pages and images (needs Tesseract).")]
    = True,
    prune: Annotated[bool, typer.Option(help="Remove files from the index that are no longer "
                                        "under PATHS.")] = False,
    retry_failed: Annotated[bool, typer.Option(help="Try again files that failed before even "
                                               "if unchanged.")] = False,
    classify: Annotated[bool, typer.Option(help="Classify each document (needs the model in "
                                           "models/).")] = True,
    as_json: JsonOption = False,
) -> None:
    """Read every file under PATHS into the index: text page by page, type, embeddings.

    Unchanged files (same SHA-256) are skipped, changed files replaced. A file that cannot be
    read is recorded as failed with the reason; the batch goes on. Exit status: 0 all files
    read, 1 some failed (the rest indexed), 2 usage error.
    """
    from claimdex.config import ExtractSettings, IngestSettings

    settings = IngestSettings(
        workers=workers, timeout_seconds=timeout, memory_limit_mb=memory_mb, prune=prune,
        retry_failed=retry_failed, extract=ExtractSettings(password=password, ocr=ocr))
    report = run(_ingest, paths, db, settings, claim, classify, as_json)
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
    else:
        _print_report(report)
    raise typer.Exit(1 if report.failures else 0)


def _ingest(paths, db, settings, claim, classify, quiet):
    from claimdex import pipeline
    from claimdex.extract.ocr import tesseract_available

    if settings.extract.ocr and not tesseract_available():
        err.print("[yellow]Tesseract is not installed: scanned pages and images will not be "
                  "read. Install it with 'apt-get install tesseract-ocr'.[/]")
    classifier = _load_classifier() if classify else None
    from claimdex.fields import extract_fields

    with _RichProgress(enabled=not quiet and err.is_terminal) as progress:
        return pipeline.ingest(paths, db_path=db, settings=settings, claim=claim,
                               classifier=classifier, fields=extract_fields, progress=progress)


def _load_classifier():
    """The shipped classifier, or None with a note when no model is installed yet."""
    try:
        from claimdex.resources import load_classifier
    except ImportError:
        return None
    return load_classifier(on_missing=lambda msg: err.print(f"[yellow]{msg}[/]"))


class _RichProgress:
    """A rich progress bar with files/s and pages/s on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.pages = 0
        self._progress = None

    def __enter__(self):
        if self.enabled:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]Reading"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn(),
                console=err, transient=False)
            self._progress.__enter__()
        return self

    def __exit__(self, *exc):
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def start(self, total: int) -> None:
        if self._progress is not None:
            self._task = self._progress.add_task("files", total=total, rate="")

    def advance(self, pages: int) -> None:
        self.pages += pages
        if self._progress is None:
            return
        task = self._progress.tasks[0]
        elapsed = max(task.elapsed or 0.0, 1e-6)
        done = task.completed + 1
        self._progress.update(self._task, advance=1,
                              rate=f"{done / elapsed:.1f} files/s · {self.pages / elapsed:.1f} pages/s")


def _print_report(report) -> None:
    table = Table(title="Ingest summary", show_header=False)
    for key in ("files", "documents", "pages", "ocr_pages", "skipped", "failures", "seconds"):
        value = report.as_dict()[key]
        table.add_row(key.replace("_", " "), f"{value}")
    if report.pruned:
        table.add_row("pruned", str(report.pruned))
    out.print(table)
    if report.problems:
        failed = Table(title="Not read", show_lines=False)
        failed.add_column("file")
        failed.add_column("reason")
        for problem in report.problems:
            failed.add_row(escape(problem.path + (f" :: {problem.member}" if problem.member else "")),
                           escape(problem.message))
        out.print(failed)


class SearchMode(StrEnum):
    hybrid = "hybrid"
    fts = "fts"
    semantic = "semantic"


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    db: DbOption,
    claim: Annotated[Optional[str], typer.Option(help="Only this claim.")] = None,
    doc_type: Annotated[Optional[str], typer.Option("--type", help="Only this document type, "
                                                    "e.g. certificate_of_capacity.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many hits.")] = 20,
    semantic: Annotated[bool, typer.Option("--semantic", help="Rank by meaning only (sentence "
                                           "embeddings), not by the words.")] = False,
    fts: Annotated[bool, typer.Option("--fts", help="Rank by the words only (full-text, every "
                                      "word must appear).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Search the index: words and meaning combined (hybrid), or --fts / --semantic.

    Full-text ranking uses SQLite FTS5 over every page; semantic ranking compares sentence
    embeddings of documents with the query's. Hybrid fuses both rankings."""
    if semantic and fts:
        err.print("[bold red]Error:[/] choose one of --semantic and --fts")
        raise typer.Exit(2)
    mode = SearchMode.semantic if semantic else SearchMode.fts if fts else SearchMode.hybrid
    hits = run(_search, db, query, claim, doc_type, limit, mode)
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit.as_dict(), ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print("No matches.")
        return
    table = Table(show_lines=False)
    for column in ("score", "claim", "type", "document", "page", "snippet"):
        table.add_column(column)
    for hit in hits:
        name = Path(hit.path).name + (f" :: {hit.member}" if hit.member else "")
        table.add_row(f"{hit.score:.3f}", escape(hit.claim), hit.doc_type or "-", escape(name),
                      str(hit.page), escape(hit.snippet))
    out.print(table)


def _search(db, query, claim, doc_type, limit, mode):
    from claimdex.index import IndexStore

    store = IndexStore.open(db, create=False)
    try:
        if mode is SearchMode.fts or not store.has_embeddings():
            if mode is SearchMode.semantic:
                err.print("[yellow]This index has no embeddings (ingested without a classifier); "
                          "using full-text search.[/]")
            return store.search(query, claim=claim, doc_type=doc_type, limit=limit)
        from claimdex.resources import DEFAULT_EMBEDDER, load_embedder

        vector = load_embedder(store.meta("embedder") or DEFAULT_EMBEDDER).embed([query])[0]
        if mode is SearchMode.semantic:
            return store.semantic_search(vector, claim=claim, doc_type=doc_type, limit=limit)
        return store.hybrid_search(query, vector, claim=claim, doc_type=doc_type, limit=limit)
    finally:
        store.close()


class EmbedderChoice(StrEnum):
    static = "static"
    minilm = "minilm"


ModelOption = Annotated[Optional[Path], typer.Option("--model", help="A model folder (default: "
                                                     "the one shipped in models/).",
                                                     file_okay=False)]


@app.command()
def classify(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to classify.")],
    model: ModelOption = None,
    password: Annotated[Optional[str], typer.Option(help="Password for encrypted PDFs.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for reading files.")]
    = os.cpu_count() or 1,
    as_json: JsonOption = False,
) -> None:
    """Classify every document in PATHS (no database needed): type, confidence, reasons.

    One line per document with its page range. Documents the model is unsure of are
    'unknown', with the best guess shown."""
    from claimdex.config import ExtractSettings, IngestSettings

    settings = IngestSettings(workers=workers, extract=ExtractSettings(password=password))
    rows, problems = run(_classify, paths, model, settings)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        table = Table()
        for column in ("document", "pages", "type", "confidence", "reasons"):
            table.add_column(column)
        for row in rows:
            guess = row["doc_type"] if row["doc_type"] != "unknown" else f"unknown ({row['best_guess']}?)"
            table.add_row(escape(row["path"]), f"{row['page_start']}-{row['page_end']}", guess,
                          f"{row['confidence']:.2f}", escape(", ".join(row["reasons"])))
        out.print(table)
    for problem in problems:
        err.print(f"[yellow]Not read:[/] {escape(problem.message)}")
    raise typer.Exit(1 if problems else 0)


def _classify(paths, model_dir, settings):
    from claimdex.pipeline import classify_paths
    from claimdex.resources import load_classifier

    classifier = load_classifier(model_dir)
    return classify_paths(paths, classifier=classifier, settings=settings)


@app.command()
def train(
    labels: Annotated[list[Path], typer.Option("--labels", help="Labels CSV (repeatable): a "
                                               "doc_type column and a file (or text) column.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the model folder.",
                                          file_okay=False)] = Path("models/doctype-v1"),
    c: Annotated[float, typer.Option("--c", min=0.001, help="Inverse regularisation strength.")]
    = 4.0,
    embeddings: Annotated[bool, typer.Option(help="Use sentence embeddings as features.")] = True,
    embed_weight: Annotated[float, typer.Option(min=0.0, help="Weight of the embedding features "
                                                "against the TF-IDF ones.")] = 0.5,
    embedder: Annotated[EmbedderChoice, typer.Option(help="Embedding model: the static model "
                                                     "distilled from MiniLM (fast) or MiniLM "
                                                     "itself.")] = "static",
    as_json: JsonOption = False,
) -> None:
    """Train the document-type classifier from labelled documents and write it to --out.

    Use the generated corpus plus your own corrected labels to adapt claimdex to your
    documents. Prints figures measured on templates held out of training."""
    from claimdex.resources import MINILM_NAME, STATIC_NAME

    name = STATIC_NAME if embedder == EmbedderChoice.static else MINILM_NAME
    info = run(_train, labels, out_dir, c, embed_weight if embeddings else 0.0, name)
    if as_json:
        sys.stdout.write(json.dumps(info) + "\n")
        return
    out.print(f"Model written to {escape(str(out_dir))}: {info['examples']} examples, "
              f"{len(info['per_type'])} types.")
    held = info.get("heldout_templates")
    if held:
        out.print(f"On held-out templates: macro-F1 {held['macro_f1']:.3f}, accuracy "
                  f"{held['accuracy']:.3f} ({held['n']} documents).")


def _train(label_files, out_dir, c, embed_weight, embedder_name):
    from claimdex.classify import DocTypeClassifier
    from claimdex.resources import load_embedder
    from claimdex.training import load_examples

    examples, problems = load_examples(label_files)
    for problem in problems:
        err.print(f"[yellow]Not read:[/] {escape(problem.message)}")
    if not examples:
        from claimdex.errors import UsageError

        raise UsageError("no labelled documents could be read from the labels given")
    embedder = load_embedder(embedder_name) if embed_weight else None
    model = DocTypeClassifier.fit([e.text for e in examples], [e.doc_type for e in examples],
                                  groups=[e.group for e in examples], embedder=embedder,
                                  embed_weight=embed_weight, c=c)
    model.save(out_dir)
    return model.info


@app.command("eval")
def evaluate(
    labels: Annotated[list[Path], typer.Option("--labels", help="Labels CSV (repeatable).")],
    model: ModelOption = None,
    as_json: JsonOption = False,
) -> None:
    """Measure the classifier on labelled documents: precision, recall, F1, confusion.

    Prints per-type figures, macro-F1 and the confusion matrix (rows: true type)."""
    report = run(_evaluate, labels, model)
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict()) + "\n")
        return
    table = Table(title=f"{report.n} documents: macro-F1 {report.macro_f1:.3f}, "
                        f"accuracy {report.accuracy:.3f}, unknown {report.unknown_rate:.1%}")
    for column in ("type", "precision", "recall", "F1", "n"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, p, r, f, n in report.per_type:
        table.add_row(name, f"{p:.2f}", f"{r:.2f}", f"{f:.2f}", str(n))
    out.print(table)
    matrix = Table(title="Confusion (rows: true, columns: predicted)")
    short = [*report.labels, "unknown"]
    matrix.add_column("")
    for name in short:
        matrix.add_column(name[:4], justify="right")
    for name, row in zip(report.labels, report.confusion, strict=False):
        matrix.add_row(name, *[str(x) if x else "." for x in row])
    out.print(matrix)


def _evaluate(label_files, model_dir):
    from claimdex.resources import load_classifier
    from claimdex.training import evaluate as score
    from claimdex.training import load_examples

    examples, problems = load_examples(label_files)
    for problem in problems:
        err.print(f"[yellow]Not read:[/] {escape(problem.message)}")
    classifier = load_classifier(model_dir)
    predicted = [c.doc_type for c in classifier.classify([e.text for e in examples])]
    return score([e.doc_type for e in examples], predicted, classifier.classes)


# Commands of the other stages register themselves on `app`.
from claimdex import cli_bundles, cli_claim, cli_records  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    # Run as ``python -m claimdex.cli`` this file is __main__, a copy apart from the module
    # claimdex.cli on whose app the other stages' commands registered: run that app.
    from claimdex.cli import app as registered

    registered()
