"""Build synthetic corpora: balanced training texts, or whole claim folders with labels.

Command line::

    python -m claimdex.generator.corpus claims --out DIR --seed N --claims K [--formats ...]
    python -m claimdex.generator.corpus texts --out FILE.csv --seed N --per-type N

Same seed, same arguments, same registered templates: byte-identical outputs.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import claimdex.generator.templates  # noqa: F401  (registers every template module)
from claimdex.generator.model import (
    DECISIONS,
    DOC_TYPES,
    REGISTRY,
    ClaimStory,
    Decision,
    Doc,
    DocSpec,
    Person,
    Template,
)
from claimdex.generator.noise import fax_header, ocr_noise
from claimdex.generator.plan import applicable_omissions, plan_claim
from claimdex.generator.render import EXTENSIONS, cover_email, plain_text, render
from claimdex.generator.story import SCHEME_CODES, make_story

DAY = dt.timedelta(days=1)

DEFAULT_FORMATS: dict[str, float] = {"pdf": 0.55, "scan_pdf": 0.15, "tiff": 0.06,
                                     "eml": 0.10, "docx": 0.08, "txt": 0.06}

DOCUMENT_COLUMNS = (
    "claim", "file", "member", "doc_type", "template", "hard_negative_of", "doc_date",
    "claim_number", "worker", "employer", "author", "case_manager", "cert_from", "cert_to",
    "capacity", "decision", "handover_from", "handover_to", "exam_date", "examiner",
    "injury_date", "format", "plan_date",
)
CLAIM_COLUMNS = (
    "claim", "claim_number", "scheme", "worker", "employer", "injury_date",
    "notification_date", "body_part", "psychological", "case_managers", "omitted",
    "nominated_treating_doctor",
)
TEXT_COLUMNS = ("text", "doc_type", "template", "hard_negative_of")
_FORCE_ALL = frozenset({"ime_report", "rehab_report", "investigation_report", "legal_document"})


class TemplateFailure(RuntimeError):
    pass


# --------------------------------------------------------------------------- template choice


def _invoice_keys(story: ClaimStory, who: Person) -> tuple[str, ...]:
    if who == story.physio:
        return ("physio",)
    if who == story.treating_doctor:
        return ("gp", "pharmacy", "imaging", "statement")
    if who == story.specialist:
        return ("specialist", "hospital", "imaging")
    if who == story.rehab_consultant:
        return ("rehab",)
    if who == story.investigator:
        return ("investigation",)
    if who == story.solicitor:
        return ("legal",)
    return ()


_SPECIAL = {
    "correspondence": ("ime_appointment", "new_case_manager"),
    "invoice": ("ime_fee", "investigation", "legal", "rehab"),
}


def preferred_templates(story: ClaimStory, spec: DocSpec) -> list[str]:
    """Template names suited to ``spec`` (e.g. an IME appointment letter for a
    correspondence whose ``about`` is the appointment date); all names when nothing fits."""
    names = [name for name, _ in REGISTRY[spec.doc_type] if not _foreign(name)]
    about = spec.about
    keys: tuple[str, ...] = ()
    if spec.doc_type == "correspondence":
        if isinstance(about, dt.date):
            keys = ("ime_appointment",)
        elif isinstance(about, tuple):
            keys = ("new_case_manager",)
    elif spec.doc_type == "invoice":
        if isinstance(about, dt.date):
            keys = ("ime_fee",)
        elif isinstance(about, Person):
            keys = _invoice_keys(story, about)
    if keys:
        chosen = [n for n in names if any(k in n.split("/", 1)[1] for k in keys)]
    else:
        special = _SPECIAL.get(spec.doc_type, ())
        chosen = [n for n in names if not any(k in n.split("/", 1)[1] for k in special)]
    return chosen or names


_FOREIGN_PREFIXES = ("us_", "uk_", "nz_", "ca_")


def _foreign(name: str) -> bool:
    """International templates (templates/international.py): training texts use them, but an
    Australian claim file holds Australian documents."""
    return name.split("/", 1)[1].startswith(_FOREIGN_PREFIXES)


def choose_template(story: ClaimStory, spec: DocSpec, rng: random.Random
                    ) -> tuple[str, Template] | None:
    """A registered template for ``spec`` (``None`` when the type has none)."""
    options = dict(REGISTRY[spec.doc_type])
    if not options:
        return None
    name = rng.choice(preferred_templates(story, spec))
    return name, options[name]


def _make_doc(story: ClaimStory, spec: DocSpec, rng: random.Random, name: str, fn: Template,
              strict: bool) -> Doc | None:
    try:
        doc = fn(story, spec, rng)
    except Exception as exc:  # a broken template must not stop a corpus run
        if strict:
            raise TemplateFailure(f"{name} failed on {spec.doc_type} {spec.date}: {exc!r}") from exc
        print(f"warning: template {name} failed: {exc!r}", file=sys.stderr)
        return None
    if doc.template != name:
        doc = dataclasses.replace(doc, template=name)
    return doc


# --------------------------------------------------------------------------- balanced docs


def _synthetic_decision(story: ClaimStory, kind: str, rng: random.Random) -> Decision:
    for dec in story.decisions:
        if dec.kind == kind:
            return dec
    notif, piawe = story.notification_date, story.piawe
    if kind in ("provisional", "reasonable_excuse"):
        day = notif + rng.randint(0, 7) * DAY
    elif kind in ("accepted", "disputed"):
        day = notif + rng.randint(28, 84) * DAY
    else:
        day = story.injury.date + rng.randint(100, 250) * DAY
    amount = {"provisional": 0.95, "accepted": 0.95, "work_capacity": rng.uniform(0.3, 0.8)}
    return Decision(day, kind, round(piawe * amount.get(kind, 0.0), 2))


def spec_for(story: ClaimStory, doc_type: str, rng: random.Random, *, index: int = 0,
             template_name: str = "") -> DocSpec:
    """A plausible :class:`DocSpec` of ``doc_type`` for ``story`` (``index`` cycles the
    decision kinds of liability notices; ``template_name`` picks a matching ``about``)."""
    if doc_type == "liability_notice":
        dec = _synthetic_decision(story, DECISIONS[index % len(DECISIONS)], rng)
        return DocSpec(doc_type, dec.date, dec)
    if doc_type == "handover_note" and len(story.case_managers) < 2:
        raise ValueError("a handover note needs a story with two case managers")
    plan = [s for s in plan_claim(story, rng, force=_FORCE_ALL) if s.doc_type == doc_type]
    if not plan:
        return DocSpec(doc_type, story.notification_date + rng.randint(0, 30) * DAY)
    if template_name:
        fitting = [s for s in plan if template_name in preferred_templates(story, s)]
        plan = fitting or plan
    return rng.choice(plan)


def iter_documents(rng: random.Random, n_per_type: int, *, strict: bool = False
                   ) -> Iterator[Doc]:
    """``n_per_type`` documents of every type that has templates, cycling through that
    type's templates (balanced) and through the schemes, each from a fresh story."""
    for i in range(n_per_type):
        for k, doc_type in enumerate(DOC_TYPES):
            templates = REGISTRY[doc_type]
            if not templates:
                continue
            name, fn = templates[i % len(templates)]
            scheme = SCHEME_CODES[(i + k) % len(SCHEME_CODES)]
            n_cm = rng.choice((2, 3)) if doc_type == "handover_note" else None
            story = make_story(rng, scheme, n_case_managers=n_cm)
            spec = spec_for(story, doc_type, rng, index=i, template_name=name)
            doc = _make_doc(story, spec, rng, name, fn, strict)
            if doc is not None:
                yield doc


def fragment(text: str, rng: random.Random) -> str:
    """The start of a document, as partial exports and first-page-only scans give it."""
    lines = text.splitlines()
    if len(lines) < 12:
        return text
    keep = rng.randint(max(6, len(lines) // 5), max(7, len(lines) * 3 // 5))
    return "\n".join(lines[:keep])


def write_training_texts(out_csv: str | Path, seed: int, n_per_type: int,
                         noise_fraction: float = 0.3, *, fragment_fraction: float = 0.15,
                         strict: bool = False) -> int:
    """A text-only training set (CSV: text, doc_type, template, hard_negative_of). A share
    ``noise_fraction`` of texts gets OCR noise (and sometimes a fax header line), a share
    ``fragment_fraction`` is cut to its first lines."""
    rng = random.Random(f"claimdex-texts:{seed}")
    out_csv = Path(out_csv)
    out_csv.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out_csv.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(TEXT_COLUMNS)
        for doc in iter_documents(rng, n_per_type, strict=strict):
            text = plain_text(doc, rng)
            if rng.random() < fragment_fraction:
                text = fragment(text, rng)
            if rng.random() < noise_fraction:
                text = ocr_noise(text, rng, rng.uniform(0.02, 0.15))
                if rng.random() < 0.3:
                    text = fax_header(rng, when=doc.date) + "\n" + text
            writer.writerow((text, doc.doc_type, doc.template, doc.hard_negative_of))
            count += 1
    return count


# --------------------------------------------------------------------------- claim folders


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "claim"


def _stamp_name(rng: random.Random, day: dt.date) -> str:
    return f"{day:%Y%m%d}_{rng.randint(7, 18):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"


def poor_name(rng: random.Random, fmt: str, doc: Doc, story: ClaimStory) -> str:
    """A realistic, unhelpful file name for ``doc`` rendered as ``fmt``."""
    ext = EXTENSIONS[fmt]
    day = doc.date + rng.randint(0, 3) * DAY
    n = rng.randint(1, 9999)
    last = re.sub(r"[^A-Za-z]", "", story.worker.last) or "worker"
    if fmt in ("scan_pdf", "tiff"):
        options = [f"scan{n:04d}", f"Scan_{day:%Y%m%d}_{rng.randint(1, 99):02d}",
                   f"SKM_C300i{day:%y%m%d}{rng.randint(100000, 999999)}",
                   f"CCF{day:%d%m%Y}_{rng.randint(1, 30):04d}", f"HPSCAN_{_stamp_name(rng, day)}",
                   f"Xerox Scan_{day:%m%d%Y}{rng.randint(100000, 235959)}", _stamp_name(rng, day),
                   f"IMG_{n:04d}", f"fax{rng.randint(1, 999):03d}", f"Fax_{day:%d%m%y}_{n}",
                   f"doc{rng.randint(10000000, 99999999)}", "Scanned document"]
        if ext == ".pdf":
            clock = f"{rng.randint(7, 20)}.{rng.randint(10, 59)}"
            options += [f"WhatsApp Scan {day:%Y-%m-%d} at {clock}"]
        return rng.choice(options) + (rng.choice((".tif", ".tiff", ".TIF")) if ext == ".tif"
                                      else rng.choice((".pdf", ".pdf", ".PDF")))
    if fmt == "eml":
        subject = doc.email_headers.get("Subject", "") if doc.kind == "email" else ""
        subject = re.sub(r"[\\/:*?\"<>|\r\n]+", "_", subject)[:60].strip()
        options = [f"Message {n}", "email", f"RE_ {subject or 'claim update'}",
                   f"FW_ {subject or 'documents'}", subject or f"Claim {story.claim_number}",
                   f"Email from {last}", "RE_ claim update", f"Outlook item ({rng.randint(1, 9)})"]
        return _safe_file(rng.choice(options)) + ".eml"
    if fmt == "docx":
        options = [f"Document{rng.randint(1, 12)}", "cert", "letter", f"{last} letter",
                   "New Microsoft Word Document", f"Doc ({rng.randint(1, 9)})", f"notes {last}",
                   f"{story.claim_number} {day:%d.%m.%y}", "draft", "report final v2"]
        return _safe_file(rng.choice(options)) + ".docx"
    if fmt == "txt":
        options = ["untitled", "notes", f"New Text Document ({rng.randint(1, 6)})", "file note",
                   f"{last}", f"export_{day:%Y%m%d}", "email copy", "ocr_output"]
        return _safe_file(rng.choice(options)) + ".txt"
    options = [f"Document ({rng.randint(1, 14)})", f"download ({rng.randint(1, 9)})", "download",
               f"{story.claim_number}", f"{last}_{day:%d%m%Y}", f"{n}", "attachment",
               f"Print_{day:%Y%m%d}", f"Copy of {last}", f"{last} {rng.randint(1, 20)}",
               f"{story.claim_number}_{rng.randint(1, 40)}", "letter", "report",
               f"{day:%Y-%m-%d}", f"untitled ({rng.randint(1, 5)})"]
    return _safe_file(rng.choice(options)) + rng.choice((".pdf", ".pdf", ".pdf", ".PDF"))


def _safe_file(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\r\n]+", "_", name).strip(" .") or "file"


def _unique(name: str, used: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    candidate, k = name, 1
    while candidate.lower() in used:
        k += 1
        candidate = f"{stem} ({k}).{ext}" if ext else f"{stem} ({k})"
    used.add(candidate.lower())
    return candidate


def _attachment_name(rng: random.Random, doc: Doc, story: ClaimStory) -> str:
    last = re.sub(r"[^A-Za-z]", "", story.worker.last) or "worker"
    options = (f"scan{rng.randint(1, 9999):04d}.pdf", f"{last}.pdf", "attachment.pdf",
               f"{story.claim_number}.pdf", f"Document{rng.randint(1, 9)}.pdf",
               f"{last}_{doc.date:%d%m%Y}.pdf", f"SKM_C300i{doc.date:%y%m%d}.pdf")
    return _safe_file(rng.choice(options))


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _row(claim: str, file: str, member: str, doc: Doc, fmt: str) -> dict[str, str]:
    row = {c: "" for c in DOCUMENT_COLUMNS}
    row.update(claim=claim, file=file, member=member, doc_type=doc.doc_type,
               template=doc.template, hard_negative_of=doc.hard_negative_of, format=fmt,
               plan_date=doc.date.isoformat())
    for key in DOCUMENT_COLUMNS[6:21]:
        if key in doc.fields:
            row[key] = _value(doc.fields[key])
    return row


def choose_omissions(story: ClaimStory, rng: random.Random) -> frozenset[str]:
    """No omissions for about half the claims, else one or two applicable ones."""
    if rng.random() < 0.45:
        return frozenset()
    options = list(applicable_omissions(story))
    chosen = set(rng.sample(options, min(len(options), rng.choice((1, 1, 1, 2)))))
    if "liability_notice" in chosen:
        chosen.discard("late_liability")
    if "consent_form" in chosen:
        chosen.discard("late_consent")
    return frozenset(chosen)


def _pick_format(rng: random.Random, doc: Doc, weights: dict[str, float]) -> str:
    if doc.kind == "email":
        return rng.choices(("eml", "pdf", "txt", "docx", "scan_pdf"),
                           weights=(70, 15, 8, 3, 4))[0]
    names = [f for f in weights if weights[f] > 0]
    return rng.choices(names, weights=[weights[f] for f in names])[0]


def write_claim(out_dir: Path, story: ClaimStory, rng: random.Random, omit: frozenset[str],
                folder: str, weights: dict[str, float], *, strict: bool = False
                ) -> list[dict[str, str]]:
    """Write the documents of one claim into ``out_dir/folder``; return the label rows."""
    target = out_dir / folder
    target.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    rows: list[dict[str, str]] = []
    for spec in plan_claim(story, rng, omit):
        choice = choose_template(story, spec, rng)
        if choice is None:
            continue
        doc = _make_doc(story, spec, rng, *choice, strict)
        if doc is None:
            continue
        fmt = _pick_format(rng, doc, weights)
        cover = None
        attachment = None
        if fmt == "eml" and doc.kind != "email":
            cover = cover_email(doc, rng, story)
            attachment = _attachment_name(rng, doc, story)
        name = _unique(poor_name(rng, fmt, cover or doc, story), used)
        labels = render(doc, fmt, target / name, rng, story=story, cover=cover,
                        attachment_name=attachment)
        for member, _doc_type in labels:
            labelled = cover if (member == "" and cover is not None) else doc
            rows.append(_row(folder, name, member, labelled, fmt))
    return rows


def _claim_row(folder: str, story: ClaimStory, omit: frozenset[str]) -> dict[str, str]:
    return {
        "claim": folder,
        "claim_number": story.claim_number,
        "scheme": story.scheme.code,
        "worker": story.worker.name,
        "employer": story.employer.name,
        "injury_date": story.injury.date.isoformat(),
        "notification_date": story.notification_date.isoformat(),
        "body_part": story.injury.body_part,
        "psychological": _value(story.injury.psychological),
        "case_managers": ";".join(s.person.name for s in story.case_managers),
        "omitted": ";".join(sorted(omit)),
        "nominated_treating_doctor": story.treating_doctor.name,
    }


def _write_csv(path: Path, columns: Sequence[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_claim_files(out_dir: str | Path, seed: int, n_claims: int,
                      formats: dict[str, float] | None = None, *, strict: bool = False
                      ) -> list[dict[str, str]]:
    """One folder per claim (named after the claim number) of badly named files in mixed
    formats, plus ``documents.csv`` and ``claims.csv`` in ``out_dir``. Returns the
    document rows. ``formats`` weights the formats (default :data:`DEFAULT_FORMATS`);
    email-kind documents are mostly written as ``.eml`` whatever the weights."""
    weights = dict(DEFAULT_FORMATS if formats is None else formats)
    unknown = set(weights) - set(EXTENSIONS)
    if unknown:
        raise ValueError(f"unknown formats: {sorted(unknown)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    doc_rows: list[dict[str, str]] = []
    claim_rows: list[dict[str, str]] = []
    folders: set[str] = set()
    for i in range(n_claims):
        rng = random.Random(f"claimdex-claims:{seed}:{i}")
        story = make_story(rng)
        omit = choose_omissions(story, rng)
        folder = _safe(story.claim_number)
        while folder in folders:
            folder += "_b"
        folders.add(folder)
        doc_rows += write_claim(out, story, rng, omit, folder, weights, strict=strict)
        claim_rows.append(_claim_row(folder, story, omit))
    _write_csv(out / "documents.csv", DOCUMENT_COLUMNS, doc_rows)
    _write_csv(out / "claims.csv", CLAIM_COLUMNS, claim_rows)
    return doc_rows


# --------------------------------------------------------------------------- CLI


def _parse_formats(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, _, weight = part.partition("=")
        out[name.strip()] = float(weight) if weight else 1.0
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimdex.generator.corpus",
                                     description="Generate synthetic claim-file corpora.")
    sub = parser.add_subparsers(dest="command", required=True)
    claims = sub.add_parser("claims", help="claim folders of rendered files plus label CSVs")
    claims.add_argument("--out", required=True, type=Path)
    claims.add_argument("--seed", type=int, default=0)
    claims.add_argument("--claims", type=int, default=10)
    claims.add_argument("--formats", type=_parse_formats, default=None,
                        help="weights, e.g. pdf=0.6,scan_pdf=0.2,eml=0.1,docx=0.1")
    claims.add_argument("--strict", action="store_true", help="fail on a template error")
    texts = sub.add_parser("texts", help="a CSV of plain training texts")
    texts.add_argument("--out", required=True, type=Path)
    texts.add_argument("--seed", type=int, default=0)
    texts.add_argument("--per-type", type=int, default=50)
    texts.add_argument("--noise-fraction", type=float, default=0.3)
    texts.add_argument("--strict", action="store_true", help="fail on a template error")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.command == "claims":
        rows = write_claim_files(args.out, args.seed, args.claims, args.formats,
                                 strict=args.strict)
        files = len({(r["claim"], r["file"]) for r in rows})
        print(f"wrote {args.claims} claims, {files} files ({len(rows)} labelled documents) "
              f"to {args.out} in {time.perf_counter() - started:.1f}s")
    else:
        n = write_training_texts(args.out, args.seed, args.per_type, args.noise_fraction,
                                 strict=args.strict)
        print(f"wrote {n} texts to {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "choose_omissions",
    "choose_template",
    "preferred_templates",
    "iter_documents",
    "main",
    "spec_for",
    "write_claim_files",
    "write_training_texts",
]
