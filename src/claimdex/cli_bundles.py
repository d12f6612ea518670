"""Bundles and duplicates on the command line: `split` (one PDF per document of a bundle) and
`dupes` (the same document filed more than once)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from claimdex.cli import DbOption, JsonOption, app, err, out, run
from claimdex.errors import UsageError

OptionalDb = Annotated[Optional[Path], typer.Option(
    "--db", dir_okay=False, help="The index the file was ingested into: segments are then named "
    "by the naming convention (claim number, date, type code, author).")]


@dataclass(frozen=True, slots=True)
class _Written:
    page_start: int
    page_end: int
    doc_type: str | None
    reasons: str
    path: Path


@app.command()
def split(
    file: Annotated[Path, typer.Argument(help="A PDF or TIFF holding several documents (a fax "
                                         "bundle, a scanned stack).", exists=True,
                                         dir_okay=False)],
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write one PDF per document "
                                          "into (created if missing; existing files are never "
                                          "overwritten).", file_okay=False)],
    db: OptionalDb = None,
    as_json: JsonOption = False,
) -> None:
    """Find the documents inside FILE and write each as its own PDF into --out.

    Boundaries come from page numbering ("Page 1 of 3"), letterheads, titles, sign-offs,
    blank separator pages and changes of document type or claim number. A document of many
    pages is kept whole. The original file is not changed."""
    written = run(_split_file, file, out_dir, db)
    if as_json:
        for w in written:
            sys.stdout.write(json.dumps({"file": str(file), "page_start": w.page_start,
                                         "page_end": w.page_end, "doc_type": w.doc_type,
                                         "reasons": w.reasons, "written": str(w.path)},
                                        ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(written)} document(s) in {escape(file.name)}")
    for column in ("pages", "type", "why a new document starts here", "written to"):
        table.add_column(column)
    for w in written:
        table.add_row(f"{w.page_start}-{w.page_end}", w.doc_type or "-", escape(w.reasons),
                      escape(str(w.path)))
    out.print(table)


def _split_file(file: Path, out_dir: Path, db: Path | None) -> list[_Written]:
    from claimdex import pipeline
    from claimdex.config import IngestSettings
    from claimdex.hashing import sha256_file
    from claimdex.models import FileResult, FileTask
    from claimdex.split import describe

    path = file.resolve()
    stat = path.stat()
    task = FileTask(path, path.parent.name, sha256_file(path), stat.st_size, stat.st_mtime)
    result = next(pipeline.run_extraction([task], IngestSettings(workers=1)))
    if result.failed:
        raise UsageError(result.problems[0].message)
    top = [d for d in result.documents if d.member == "" and d.pages]
    if not top or top[0].media_type not in ("pdf", "tiff"):
        raise UsageError(f"{file} is not a PDF or TIFF; only those can hold a bundle of pages")
    classifier = _classifier()
    segments = pipeline.split_bundles(FileResult(task, tuple(top), (), 0.0), classifier).documents
    types = _types(segments, classifier)
    names = _names(path, segments, db, types) if db is not None else {}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for seg in segments:
        start, end = seg.pages[0].number, seg.pages[-1].number
        name = names.get(start) or f"{path.stem}_p{start:03d}-{end:03d}.pdf"
        target = _free(out_dir / name)
        _write_pages(path, top[0].media_type, start, end, target)
        reasons = describe(dict(seg.meta).get("split_reasons", "").split(", "))
        written.append(_Written(start, end, types.get(start), reasons, target))
    return written


def _classifier():
    from claimdex.resources import load_classifier

    return load_classifier(on_missing=lambda msg: err.print(f"[yellow]{escape(msg)}[/]"))


def _types(segments, classifier) -> dict[int, str]:
    if classifier is None:
        return {}
    labels = classifier.classify(["\n".join(p.text for p in s.pages) for s in segments])
    return {s.pages[0].number: c.doc_type for s, c in zip(segments, labels, strict=True)}


def _names(path: Path, segments, db: Path, types: dict[int, str]) -> dict[int, str]:
    """Names by the naming convention for segments the index knows (by first page)."""
    from dataclasses import replace

    from claimdex.config import load_settings
    from claimdex.index import IndexStore
    from claimdex.naming import (
        NameRequest,
        NameTemplate,
        assign_names,
        claim_number_of,
        load_taxonomy,
        name_record,
    )

    store = IndexStore.open(db, create=False)
    try:  # the claim is usually the folder's name; else look through every claim
        claims = store.claims()
        order = sorted(claims, key=lambda c: c != path.parent.name)
        view = next((v for v in map(store.claim_view, order)
                     if any(d.path == str(path) for d in v.documents)), None)
    finally:
        store.close()
    if view is None:
        err.print(f"[yellow]{escape(str(path))} is not in {escape(str(db))}; segments are named "
                  "by page range. Ingest the file first to name them by the convention.[/]")
        return {}
    naming = load_settings(None).naming
    template = NameTemplate.parse(naming.template, max_chars=naming.max_length)
    taxonomy, number = load_taxonomy(), claim_number_of(view)
    known = {d.page_start: d for d in view.documents if d.path == str(path) and d.member == ""}
    requests = []
    for seg in segments:
        start = seg.pages[0].number
        doc = known.get(start)
        if doc is None:
            continue
        record = replace(name_record(doc, taxonomy=taxonomy, claim_number=number), ext="pdf")
        requests.append(NameRequest(str(start), "out", record, (f"{start:06d}",)))
    return {int(k): v for k, v in assign_names(requests, template).items()}


def _free(target: Path) -> Path:
    """``target``, or ``name (2).pdf`` ... when a file of that name exists."""
    k = 1
    candidate = target
    while candidate.exists():
        k += 1
        candidate = target.with_name(f"{target.stem} ({k}){target.suffix}")
    return candidate


def _write_pages(source: Path, media_type: str, start: int, end: int, target: Path) -> None:
    import pymupdf

    src = pymupdf.open(source)
    try:
        if media_type != "pdf":  # a TIFF: its frames as PDF pages
            converted = pymupdf.open("pdf", src.convert_to_pdf())
            src.close()
            src = converted
        part = pymupdf.open()
        part.insert_pdf(src, from_page=start - 1, to_page=end - 1)
        part.save(target, garbage=3, deflate=True)
        part.close()
    finally:
        src.close()


@app.command()
def dupes(
    db: DbOption,
    claim: Annotated[Optional[str], typer.Option("--claim", help="Only this claim.")] = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Look for duplicates again before "
                                          "listing (e.g. for an index ingested by an older "
                                          "claimdex).")] = False,
    as_json: JsonOption = False,
) -> None:
    """List documents filed more than once, with the copy to keep.

    Exact copies and near copies (a scan of the printout, an email attachment, a re-sent fax)
    are grouped; documents of one template with different dates or amounts never are. Rules
    and summaries count each group once, through the copy to keep."""
    groups = run(_dupes, db, claim, refresh)
    if as_json:
        for group_id, docs in groups:
            sys.stdout.write(json.dumps({
                "group": group_id, "claim": docs[0].claim, "keep": _shown(docs[0]),
                "documents": [_shown(d) for d in docs],
                "document_ids": [d.id for d in docs]}, ensure_ascii=False) + "\n")
        return
    if not groups:
        out.print("No duplicates.")
        return
    table = Table(title=f"{len(groups)} group(s) of duplicates")
    for column in ("group", "claim", "", "document", "type"):
        table.add_column(column)
    for group_id, docs in groups:
        for index, doc in enumerate(docs):
            table.add_row(group_id if index == 0 else "", escape(doc.claim) if index == 0 else "",
                          "keep" if doc.is_primary else "copy", escape(_shown(doc)),
                          doc.doc_type or "-")
    out.print(table)


def _shown(doc) -> str:
    name = doc.name
    if doc.page_start > 1 or (doc.page_end and doc.page_end > doc.page_start):
        name += f" (pages {doc.page_start}-{doc.page_end})"
    return name


def _dupes(db: Path, claim: str | None, refresh: bool):
    from claimdex.index import IndexStore

    store = IndexStore.open(db, create=False)
    try:
        if claim is not None and claim not in store.claims():
            raise UsageError(f"claim {claim!r} is not in {db}")
        if refresh:
            from claimdex.dedupe import dedupe_claims

            report = dedupe_claims(store, [claim] if claim else None)
            err.print(f"Checked {report.claims} claim(s): {report.groups} group(s), "
                      f"{report.extra_copies} extra copies.")
        return store.duplicate_groups(claim)
    finally:
        store.close()
