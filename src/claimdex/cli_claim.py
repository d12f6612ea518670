"""Commands about one claim as a whole: ``check`` (missing and late records) and ``summary``
(a handover summary for an incoming case manager)."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from claimdex.cli import DbOption, JsonOption, app, err, out, run

RulesOption = Annotated[Optional[Path], typer.Option(
    "--rules", help="A rules file (YAML) with your own time frames and settings; anything it "
    "leaves out keeps the default. Start from a copy of claimdex/data/rules.yaml.",
    dir_okay=False)]


class SummaryFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
def check(
    db: DbOption,
    claim: Annotated[Optional[str], typer.Option(help="Only this claim (default: every claim in "
                                                 "the index).")] = None,
    rules: RulesOption = None,
    as_json: JsonOption = False,
) -> None:
    """Flag missing or late required records, with the evidence and the standard for each.

    Checks consent, handover notes, certificate gaps, the injury management plan, the first
    liability notice and the claim form. Each flag names the documents (and pages) it rests on and the standard it comes from.
    With --json, one JSON object per line: claim, rule, severity, message, evidence, standard.
    Exit status 0 whether or not flags are found; 2 for a usage error."""
    results, checked = run(_check, db, claim, rules)
    if as_json:
        for finding in results:
            sys.stdout.write(json.dumps(finding.as_dict(), ensure_ascii=False) + "\n")
        return
    if not checked:
        out.print("No claim could be checked.")
        return
    if not results:
        out.print(f"No missing or late records found ({checked} claim(s) checked).")
        return
    table = Table(show_lines=True)
    for column in ("claim", "rule", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("what", ratio=3)
    table.add_column("evidence", ratio=2, overflow="fold")
    for f in results:
        evidence = "\n".join(f"{_short(e.name)} p.{','.join(map(str, e.pages))}"
                             + (f" ({e.note})" if e.note else "") for e in f.evidence)
        table.add_row(escape(f.claim), f.rule, f.severity, escape(f.message), escape(evidence))
    out.print(table)
    out.print(f"{len(results)} flag(s) in {checked} claim(s) checked. Run with --json to see the "
              "standard each flag comes from.")


def _short(name: str) -> str:
    """A document as the table shows it: the file name (and member), not the whole path."""
    path, sep, member = name.partition("::")
    return Path(path).name + (sep + member if sep else "")


def _open(db: Path):
    from claimdex.errors import UsageError
    from claimdex.index import IndexStore

    if not db.exists():
        raise UsageError(f"{db} does not exist; run 'claimdex ingest' first or check the path")
    return IndexStore.open(db, create=False)


def _claims(store, claim: str | None) -> list[str]:
    from claimdex.errors import UsageError

    known = store.claims()
    if claim is None:
        return known
    if claim not in known:
        hint = f" (claims in this index: {', '.join(known[:10])}{'...' if len(known) > 10 else ''})" \
            if known else " (the index has no documents)"
        raise UsageError(f"claim {claim!r} is not in {store.path}{hint}")
    return [claim]


def _check(db: Path, claim: str | None, rules_file: Path | None):
    from claimdex.metadata import check_metadata
    from claimdex.rules import evaluate_rules, load_rule_pack

    pack = load_rule_pack(rules_file)
    store = _open(db)
    try:
        claims = _claims(store, claim)
        findings = []
        checked = 0
        with err.status("Checking claims...") if err.is_terminal and len(claims) > 5 else _Quiet():
            for name in claims:
                view = store.claim_view(name)
                problem = _not_ready(view)
                if problem:
                    err.print(f"[yellow]Not checked:[/] {escape(problem)}")
                    continue
                findings.extend(evaluate_rules(view, pack=pack))
                findings.extend(check_metadata(store, view))
                checked += 1
        return findings, checked
    finally:
        store.close()


def _not_ready(view) -> str | None:
    """Why a claim cannot be checked fairly (every record would look missing), or None."""
    if not view.documents:
        return f"claim {view.claim} has no documents"
    if all(d.doc_type in (None, "unknown") for d in view.documents):
        return (f"claim {view.claim}: no document has a type (indexed without the classifier); "
                "re-run 'claimdex ingest' with classification")
    if not any(d.fields for d in view.documents):
        return (f"claim {view.claim}: no fields were extracted from its documents; re-run "
                "'claimdex ingest' with a current claimdex")
    return None


class _Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@app.command()
def summary(
    db: DbOption,
    claim: Annotated[str, typer.Option(help="The claim to summarise (its folder name in the "
                                       "index).")],
    fmt: Annotated[SummaryFormat, typer.Option("--format", help="md (Markdown), html (one "
                                               "self-contained page) or json.")] = SummaryFormat.md,
    out_file: Annotated[Optional[Path], typer.Option("--out", help="Write the summary to this "
                                                     "file instead of printing it.",
                                                     dir_okay=False)] = None,
    rules: RulesOption = None,
) -> None:
    """Write a handover summary of one claim for an incoming case manager.

    Who, what injury, where the claim stands, what happened when, what is outstanding, and
    the key documents. Every stated fact cites the document and page it came from."""
    text = run(_summary, db, claim, fmt, rules)
    if out_file is None:
        sys.stdout.write(text)
        return
    try:
        out_file.write_text(text, encoding="utf-8")
    except OSError as exc:
        err.print(f"[bold red]Error:[/] {escape(str(out_file))} could not be written "
                  f"({escape(exc.strerror or str(exc))})", highlight=False)
        raise typer.Exit(1) from None
    err.print(f"Summary written to {escape(str(out_file))}")


def _summary(db: Path, claim: str, fmt: SummaryFormat, rules_file: Path | None) -> str:
    from claimdex.rules import evaluate_rules, load_rule_pack
    from claimdex.summary import render_html, render_json, render_markdown, summarize_claim
    from claimdex.timeline import build_timeline

    pack = load_rule_pack(rules_file)
    store = _open(db)
    try:
        name = _claims(store, claim)[0]
        view = store.claim_view(name)
    finally:
        store.close()
    problem = _not_ready(view)
    if problem:
        err.print(f"[yellow]Note:[/] {escape(problem)}; the summary will be mostly empty.")
    timeline = build_timeline(view)
    result = summarize_claim(view, evaluate_rules(view, pack=pack, timeline=timeline),
                             timeline=timeline)
    render = {SummaryFormat.md: render_markdown, SummaryFormat.html: render_html,
              SummaryFormat.json: render_json}[fmt]
    return render(result)
