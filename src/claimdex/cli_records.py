"""Records tools on the command line: `names lint`, `rename` (plan, apply, resume, undo), `export`."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from claimdex.cli import JsonOption, app, err, out, run
from claimdex.errors import UsageError

names_app = typer.Typer(help="The naming convention for claim documents.", no_args_is_help=True)
app.add_typer(names_app, name="names")

ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", dir_okay=False, help="Settings file to use instead of ./claimdex.toml and "
    "~/.config/claimdex/claimdex.toml.")]
TemplateOption = Annotated[Optional[str], typer.Option(
    "--template", help="Naming template, e.g. '{claim_number}_{date:%Y-%m-%d}_{type_code}_{author}"
    "_{n}.{ext}' (default: from claimdex.toml).")]
ThresholdOption = Annotated[Optional[float], typer.Option(
    "--threshold", min=0.0, max=1.0, help="Documents classified below this confidence are 'unsure' "
    "(default 0.6, or naming.confidence_threshold in claimdex.toml).")]
OptionalDb = Annotated[Optional[Path], typer.Option("--db", dir_okay=False,
                                                    help="The index database file (SQLite).")]
ClaimOption = Annotated[Optional[str], typer.Option("--claim", help="Only this claim.")]


def _naming(config: Path | None, template: str | None, threshold: float | None):
    from dataclasses import replace

    from claimdex.config import load_settings
    from claimdex.naming import NameTemplate, load_taxonomy

    naming = load_settings(config).naming
    if template is not None:
        naming = replace(naming, template=template)
    if threshold is not None:
        naming = replace(naming, confidence_threshold=threshold)
    source = "--template" if template is not None else "the naming template"
    return naming, NameTemplate.parse(naming.template, max_chars=naming.max_length, source=source), \
        load_taxonomy()


def _views(store, claim: str | None):
    claims = [claim] if claim else store.claims()
    if claim and claim not in store.claims():
        raise UsageError(f"claim {claim!r} is not in {store.path}; see the claims with 'claimdex search'")
    return [store.claim_view(c) for c in claims]


@contextmanager
def _progress(label: str, enabled: bool):
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


# -- names lint ---------------------------------------------------------------------------------------

@names_app.command("lint")
def names_lint(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders whose names to check.")],
    db: OptionalDb = None,
    strict: Annotated[bool, typer.Option(help="With --db: a name that follows the pattern but "
                                         "differs from the one the index gives also fails.")] = False,
    template: TemplateOption = None,
    config: ConfigOption = None,
    as_json: JsonOption = False,
) -> None:
    """Which file names do not follow the naming convention, and what they would be.

    Exit status 1 when some names do not conform, 0 otherwise (for scripts). With --db the
    name each indexed file would get is shown."""
    results = run(_lint, paths, db, strict, template, config)
    bad = [r for r in results if not r["conforms"]]
    if as_json:
        for result in results:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    else:
        if bad:
            table = Table(title="Names that do not follow the convention")
            for column in ("file", "reason", "would be"):
                table.add_column(column, overflow="fold")
            for r in bad:
                table.add_row(escape(r["path"]), r["reason"], escape(r["proposed"] or "-"))
            out.print(table)
        out.print(f"{len(results) - len(bad)} of {len(results)} names follow the convention.")
    raise typer.Exit(1 if bad else 0)


def _lint(paths, db, strict, template, config):
    from claimdex.naming import is_safe_filename
    from claimdex.pipeline import discover

    naming, name_template, taxonomy = _naming(config, template, None)
    pattern = name_template.pattern(taxonomy)
    files = sorted(d.path for d in discover(paths, exclude=[db] if db else []))
    proposed = _proposals(db, files, name_template, taxonomy, naming.confidence_threshold) if db else {}
    results = []
    for path in files:
        name, new = path.name, proposed.get(str(path))
        reason = ""
        if not is_safe_filename(name, max_chars=naming.max_length):
            reason = "not safe on every file system"
        elif not pattern.fullmatch(name):
            reason = "does not follow the pattern"
        elif strict and new and new != name:
            reason = "differs from the name the index gives"
        results.append({"path": str(path), "conforms": not reason, "reason": reason,
                        "proposed": new if (new and new != name) else None})
    return results


def _proposals(db, files, name_template, taxonomy, threshold) -> dict[str, str]:
    from claimdex.index import IndexStore
    from claimdex.rename import plan_renames

    wanted = {str(f) for f in files}
    store = IndexStore.open(db, create=False)
    try:
        views = [v for v in _views(store, None) if any(d.path in wanted for d in v.documents)]
        plan = plan_renames(views, template=name_template, taxonomy=taxonomy, threshold=threshold,
                            hashes={p: h for p, (h, _) in store.known_files().items()})
    finally:
        store.close()
    return {str(r.old_path): r.new_path.name for r in plan.rows if r.new_path is not None}


# -- rename --------------------------------------------------------------------------------------------

@app.command()
def rename(
    db: OptionalDb = None,
    claim: ClaimOption = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", file_okay=False, help="Write correctly "
                                                    "named copies into this folder (one subfolder "
                                                    "per claim); originals untouched.")] = None,
    in_place: Annotated[bool, typer.Option("--in-place", help="Rename the original files "
                                           "instead of copying them.")] = False,
    apply: Annotated[bool, typer.Option("--apply", help="Perform the plan. Without it nothing "
                                        "changes (dry run).")] = False,
    plan_file: Annotated[Optional[Path], typer.Option("--plan", dir_okay=False, help="Without "
                                                      "--apply: write the plan to this CSV for "
                                                      "review. With --apply: perform this "
                                                      "(possibly edited) plan.")] = None,
    include_unsure: Annotated[bool, typer.Option("--include-unsure", help="Also rename documents "
                                                 "below the confidence threshold.")] = False,
    threshold: ThresholdOption = None,
    template: TemplateOption = None,
    config: ConfigOption = None,
    manifest: Annotated[Optional[Path], typer.Option("--manifest", dir_okay=False, help="Where to "
                                                     "write the manifest (default: beside the "
                                                     "database or plan).")] = None,
    undo: Annotated[Optional[Path], typer.Option("--undo", dir_okay=False, help="Restore the state "
                                                 "before a run, from its manifest or journal.")] = None,
    resume: Annotated[Optional[Path], typer.Option("--resume", dir_okay=False, help="Complete an "
                                                   "interrupted run from its journal.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Give files conventional names: copies in --out DIR, or --in-place. Dry run by default.

    Every applied run writes a manifest (old path, new path, SHA-256) and a journal; a run
    interrupted at any point can be completed with --resume JOURNAL or undone with
    --undo MANIFEST. Nothing is ever overwritten. Documents below the confidence threshold
    are left out of --apply unless --include-unsure, and listed for review."""
    show = not as_json and err.is_terminal
    if undo or resume:
        if sum(bool(x) for x in (undo, resume, apply, plan_file, out_dir, in_place)) > 1:
            run(_fail, "--undo and --resume are used alone")
        with _progress("Undoing" if undo else "Resuming", show) as progress:
            report = run(_undo_or_resume, undo, resume, progress)
        _print_report(report, as_json)
        return
    if apply and plan_file is not None:
        with _progress("Renaming", show) as progress:
            report = run(_apply_file, plan_file, manifest, include_unsure, progress)
        _print_report(report, as_json)
        return
    plan = run(_plan, db, claim, out_dir, in_place, threshold, template, config)
    if not apply:
        if plan_file is not None:
            run(_write_plan, plan, plan_file)
            err.print(f"Plan written to {escape(str(plan_file))}; review it, then run "
                      f"'claimdex rename --apply --plan {escape(str(plan_file))}'.")
        _print_plan(plan, as_json)
        return
    with _progress("Renaming", show) as progress:
        report = run(_apply, plan, manifest or _default_manifest(db), include_unsure, progress)
    _print_report(report, as_json)


def _fail(message: str):
    raise UsageError(message)


def _plan(db, claim, out_dir, in_place, threshold, template, config):
    from claimdex.index import IndexStore
    from claimdex.rename import plan_renames

    if db is None:
        raise UsageError("give --db FILE (or --apply --plan FILE, --undo or --resume)")
    if (out_dir is None) == (not in_place):
        raise UsageError("choose one of --out DIR (copies) and --in-place (rename the originals)")
    naming, name_template, taxonomy = _naming(config, template, threshold)
    store = IndexStore.open(db, create=False)
    try:
        views = _views(store, claim)
        hashes = {p: h for p, (h, _) in store.known_files().items()}
    finally:
        store.close()
    return plan_renames(views, template=name_template, taxonomy=taxonomy,
                        threshold=naming.confidence_threshold,
                        out_dir=out_dir.resolve() if out_dir else None, hashes=hashes)


def _write_plan(plan, path):
    from claimdex.rename import write_plan

    try:
        write_plan(plan, path)
    except FileExistsError as exc:
        raise UsageError(f"{path} already exists; choose another name or delete it") from exc
    except OSError as exc:
        raise UsageError(f"{path} could not be written: {exc.strerror or exc}") from exc


def _default_manifest(beside: Path) -> Path:
    from claimdex.rename import default_manifest

    return default_manifest(beside.resolve().parent)


def _apply(plan, manifest, include_unsure, progress):
    from claimdex.rename import apply_renames

    return apply_renames(plan, manifest=manifest, include_unsure=include_unsure, progress=progress)


def _apply_file(plan_file, manifest, include_unsure, progress):
    from claimdex.rename import read_plan

    return _apply(read_plan(plan_file), manifest or _default_manifest(plan_file), include_unsure, progress)


def _undo_or_resume(undo, resume, progress):
    from claimdex.rename import resume_renames, undo_renames

    for path in (undo, resume):
        if path is not None and not path.is_file():
            raise UsageError(f"{path} does not exist")
    return undo_renames(undo, progress=progress) if undo else resume_renames(resume, progress=progress)


def _print_plan(plan, as_json: bool) -> None:
    counts = {s: plan.count(s) for s in ("rename", "unsure", "unchanged", "skip")}
    if as_json:
        sys.stdout.write(json.dumps({"rows": [r.as_dict() for r in plan.rows], **counts},
                                    ensure_ascii=False) + "\n")
        return
    table = Table(title="Rename plan (dry run: nothing changed)")
    for column in ("status", "claim", "type", "conf", "current name", "new name", "note"):
        table.add_column(column, overflow="fold")
    for r in plan.rows:
        if r.status != "unchanged":
            table.add_row(r.status, escape(r.claim), r.doc_type or "-",
                          "" if r.confidence is None else f"{r.confidence:.2f}",
                          escape(r.old_path.name), escape(r.new_path.name if r.new_path else "-"),
                          escape(r.reason))
    out.print(table)
    out.print(f"{counts['rename']} to rename, {counts['unsure']} unsure (left out unless "
              f"--include-unsure), {counts['unchanged']} already named, {counts['skip']} cannot be "
              "renamed. Add --apply to perform it.")


def _print_report(report, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False) + "\n")
    elif hasattr(report, "restored"):
        out.print(f"Restored {report.restored} file(s).")
    else:
        out.print(f"Renamed {report.renamed}, skipped {report.skipped}, already named "
                  f"{report.unchanged}, failed {report.failed}. Manifest: {escape(str(report.manifest))}")
        out.print(f"Undo with: claimdex rename --undo {escape(str(report.manifest))}")
        if report.unsure:
            table = Table(title="Left out for review (below the confidence threshold)")
            for column in ("file", "would be", "why"):
                table.add_column(column, overflow="fold")
            for r in report.unsure:
                table.add_row(escape(str(r.old_path)), escape(r.new_path.name if r.new_path else "-"),
                              escape(r.reason))
            out.print(table)
    for problem in report.problems:
        err.print(f"[yellow]Not done:[/] {escape(problem.message)}")
    if report.problems:
        raise typer.Exit(1)


# -- export ----------------------------------------------------------------------------------------------

class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", dir_okay=False, help="The index database file (SQLite).")],
    claim: ClaimOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="csv, json (one array) or jsonl.")]
    = ExportFormat.csv,
    output: Annotated[Optional[Path], typer.Option("--out", dir_okay=False, help="Write to this "
                                                   "new file instead of standard output.")] = None,
    mapping: Annotated[Optional[Path], typer.Option("--mapping", dir_okay=False, help="Type mapping "
                                                    "CSV (default labels/claimcenter_types.csv).")]
    = None,
    threshold: ThresholdOption = None,
    template: TemplateOption = None,
    config: ConfigOption = None,
) -> None:
    """Export one row per document for the claims system, with its type codes and new name.

    Each row carries the type and its claims-system codes, confidence, the new name, date,
    author, fields, page range, duplicate group and flags."""
    count = run(_export, db, claim, fmt.value, output, mapping, threshold, template, config)
    if output is not None:
        err.print(f"{count} document(s) written to {escape(str(output))}.")


def _export(db, claim, fmt, output, mapping, threshold, template, config):
    from claimdex.export import export_documents, write_export
    from claimdex.index import IndexStore
    from claimdex.metadata import load_claimcenter_types, load_metadata_rows, metadata_mismatches
    from claimdex.rename import plan_renames

    naming, name_template, taxonomy = _naming(config, template, threshold)
    claimcenter = load_claimcenter_types(taxonomy, mapping)
    store = IndexStore.open(db, create=False)
    try:
        views = _views(store, claim)
        hashes = {p: h for p, (h, _) in store.known_files().items()}
        mismatched = {e.document_id for v in views
                      for f in metadata_mismatches(v, load_metadata_rows(store, v), taxonomy=taxonomy,
                                                   claimcenter=claimcenter,
                                                   threshold=naming.confidence_threshold)
                      for e in f.evidence}
    finally:
        store.close()
    plan = plan_renames(views, template=name_template, taxonomy=taxonomy,
                        threshold=naming.confidence_threshold, hashes=hashes)
    names = {str(r.old_path): r.new_path.name for r in plan.rows if r.new_path is not None}
    rows = export_documents(views, taxonomy=taxonomy, claimcenter=claimcenter, names=names,
                            threshold=naming.confidence_threshold, mismatched=mismatched)
    if output is None:
        return write_export(rows, fmt, sys.stdout)
    try:
        with open(output, "x", encoding="utf-8", newline="") as fh:
            return write_export(rows, fmt, fh)
    except FileExistsError as exc:
        raise UsageError(f"{output} already exists; choose another name or delete it") from exc
