"""Claims-system metadata CSVs: detection, reading, storage at ingest, the type mapping and the
METADATA_MISMATCH check (a case that fires and one that must not, for each condition)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from claimdex.config import IngestSettings
from claimdex.errors import ConfigError
from claimdex.index import IndexStore
from claimdex.metadata import (
    RULE_ID,
    MetadataRow,
    detect_columns,
    is_metadata_csv,
    load_claimcenter_types,
    load_metadata_rows,
    metadata_mismatches,
    parse_date,
    read_metadata,
    read_metadata_csv,
)
from claimdex.models import ClaimView, DocumentView, Field
from claimdex.naming import load_taxonomy
from claimdex.pipeline import discover, ingest

TAXONOMY = load_taxonomy()
CLAIMCENTER = load_claimcenter_types(TAXONOMY)


@pytest.mark.parametrize(("header", "roles"), [
    (["Document ID", "Name", "Document Type", "Document Date"], ("name", "documenttype", "documentid", "document")),
    (["PublicID", "FileName", "Category", "Date Received"], ("filename", "category", "publicid", "received")),
    (["file", "doc_type", "doc_date", "member"], ("file", "doctype", "", "document")),
    (["Title", "Type", "Created"], ("title", "type", "", "received")),
    (["Name", "Date", "Hours", "Rate"], None),  # a payroll sheet: no type column
    (["Document Type", "Document Date"], None),  # no file name
    (["Name", "Type"], None),  # neither an id nor a date
])
def test_column_detection_is_lenient(header, roles):
    columns = detect_columns(header)
    if roles is None:
        assert columns is None
        return
    norm = [re.sub(r"[^a-z0-9]", "", h.lower()) for h in header]
    name, doc_type, doc_ref, kind = roles
    assert norm[columns.name] == name and norm[columns.doc_type] == doc_type
    assert (norm[columns.doc_ref] if columns.doc_ref >= 0 else "") == doc_ref
    assert columns.date_kind == kind


def _folder(tmp_path: Path, csv_text: str, files=("scan1.pdf", "scan2.pdf"), name="DocumentList.csv",
            encoding="utf-8") -> Path:
    folder = tmp_path / "C1"
    folder.mkdir(parents=True, exist_ok=True)
    for file in files:
        (folder / file).write_text(f"text of {file}")
    (folder / name).write_bytes(csv_text.encode(encoding))
    return folder / name


def test_metadata_csv_is_recognised_by_header_and_names(tmp_path):
    good = _folder(tmp_path, "Document ID,Name,Document Type,Document Date\n"
                             "D1,scan1.pdf,Medical Certificate,09/03/2024\n")
    assert is_metadata_csv(good)
    stranger = _folder(tmp_path / "x", "Document ID,Name,Document Type,Document Date\n"
                                       "D1,other.pdf,Medical Certificate,09/03/2024\n")
    assert not is_metadata_csv(stranger)  # describes files that are not here
    payroll = _folder(tmp_path / "y", "Name,Date,Hours\nscan1.pdf,2024-03-09,7.6\n", name="wages.csv")
    assert not is_metadata_csv(payroll)


def test_semicolons_and_windows_encoding(tmp_path):
    path = _folder(tmp_path, "Nom;Type de document;Date;Document Id\n", files=("café.pdf",),
                   name="export.csv", encoding="cp1252")
    path.write_bytes("Name;Document Type;Date;Document Id\ncafé.pdf;Lettre;09.03.2024;7\n".encode("cp1252"))
    assert is_metadata_csv(path)
    (row,), problems = read_metadata_csv(path)
    assert (row.name, row.doc_type, row.doc_date, row.doc_ref, row.line) == ("café.pdf", "Lettre", "09.03.2024", "7", 2)
    assert problems == ()


def test_rows_without_a_name_are_reported_not_fatal(tmp_path):
    path = _folder(tmp_path, "Document ID,Name,Type,Date\nD1,scan1.pdf,Letter,2024-03-09\nD2,,Letter,\n"
                             "D3,scan2.pdf,Invoice,2024-03-10\n")
    rows, problems = read_metadata_csv(path)
    assert [r.line for r in rows] == [2, 4]
    assert len(problems) == 1 and "line 3" in problems[0].message and str(path) in problems[0].message


def test_discover_skips_metadata_csvs_but_not_other_csvs(tmp_path):
    path = _folder(tmp_path, "Document ID,Name,Type,Date\nD1,scan1.pdf,Letter,2024-03-09\n")
    (path.parent / "wages.csv").write_text("Name,Hours\nJo,7.6\n")
    names = {d.path.name for d in discover([tmp_path])}
    assert names == {"scan1.pdf", "scan2.pdf", "wages.csv"}


def test_ingest_reads_and_stores_metadata_and_refreshes_it(tmp_path):
    path = _folder(tmp_path / "claims", "Document ID,Name,Type,Date\nD1,scan1.pdf,Letter,2024-03-09\n"
                                        "D2,scan2.pdf,Invoice,2024-03-10\n", files=("scan1.txt", "scan2.txt"))
    path.write_text("Document ID,Name,Type,Date\nD1,scan1.txt,Letter,2024-03-09\nD2,scan2.txt,Invoice,2024-03-10\n")
    db = tmp_path / "index.db"
    report = ingest([tmp_path / "claims"], db_path=db, settings=IngestSettings(workers=1))
    assert report.files == 2 and report.failures == 0
    store = IndexStore.open(db, create=False)
    try:
        view = store.claim_view("C1")
        assert {Path(d.path).name for d in view.documents} == {"scan1.txt", "scan2.txt"}
        rows = load_metadata_rows(store, view)
        assert [(r.name, r.doc_type, r.doc_ref) for r in rows] == [("scan1.txt", "Letter", "D1"),
                                                                  ("scan2.txt", "Invoice", "D2")]
    finally:
        store.close()
    path.unlink()
    ingest([tmp_path / "claims"], db_path=db, settings=IngestSettings(workers=1))
    assert sqlite3.connect(db).execute("select count(*) from external_metadata").fetchone()[0] == 0


def test_read_metadata_walks_a_folder(pristine_claims):
    scan = read_metadata(pristine_claims)  # the generator's documents.csv is such a file
    assert scan.sources == (str(pristine_claims / "documents.csv"),)
    assert len(scan.rows) > 40 and all(r.doc_type for r in scan.rows)
    assert any(r.date_kind == "document" for r in scan.rows)


def _doc(name, doc_type="certificate_of_capacity", confidence=0.95, member="", date="2024-03-09"):
    fields = (Field("doc_date", date, 2, 10, 20),) if date else ()
    return DocumentView(f"id:{name}:{member}", f"/exp/C1/{name}", member, "C1", doc_type, confidence, 1, 2,
                        "pdf", fields)


def _row(name, doc_type="", date="", kind="document", member="", claim="", folder="/exp/C1"):
    return MetadataRow(f"{folder}/DocumentList.csv", 7, folder, name, doc_type, "D9", member, "", date,
                       kind if date else "", claim)


VIEW = ClaimView("C1", (_doc("cert.pdf"), _doc("mail.eml", "correspondence"),
                        _doc("mail.eml", "invoice", member="inv.pdf"), _doc("unsure.pdf", "ime_report", 0.4),
                        _doc("twin.pdf", "invoice"), _doc("twin.tif", "invoice")))


@pytest.mark.parametrize(("row", "fires"), [
    (_row("cert.pdf", "Liability Notice"), "records type 'Liability Notice'"),
    (_row("cert.pdf", "medical_certificate"), None),  # the claims system's own code for our type
    (_row("cert.pdf", "Certificate of capacity"), None),  # our name
    (_row("cert.pdf", "COC"), None),  # our code
    (_row("cert.pdf", "Work capacity certificate"), None),  # a taxonomy alias
    (_row("cert.pdf", "Misc scanned item"), None),  # unrecognised: cannot tell
    (_row("CERT", "Invoice"), "records type 'Invoice'"),  # name without extension, any case
    (_row("unsure.pdf", "Invoice"), None),  # our classification is unsure: no claim either way
    (_row("mail.eml", "invoice", member="inv.pdf"), None),  # the attachment, not the email
    (_row("mail.eml", "invoice"), "reads as correspondence"),
    (_row("twin", "Letter"), None),  # two files share the stem: ambiguous, left out
    (_row("cert.pdf", "Liability Notice", claim="OTHER-CLAIM"), None),
    (_row("cert.pdf", "Liability Notice", folder="/elsewhere"), None),
    (_row("cert.pdf", "Liability Notice", folder="/exp"), None),  # a CSV for many claims needs the claim
    (_row("cert.pdf", "Liability Notice", folder="/exp", claim="c1"), "records type 'Liability Notice'"),
    (_row("C1/cert.pdf", "Liability Notice", folder="/exp"), "records type 'Liability Notice'"),
    (_row("cert.pdf", date="2024-04-09"), "records its date as 2024-04-09"),
    (_row("cert.pdf", date="10/03/2024"), None),  # within a day (time zones)
    (_row("cert.pdf", date="09/03/2024 10:15 AM"), None),
    (_row("cert.pdf", date="2024-03-01", kind="received"), "received on 2024-03-01, before its own date"),
    (_row("cert.pdf", date="2024-03-20", kind="received"), None),  # received after it was written
    (_row("cert.pdf", date="not a date"), None),
])
def test_metadata_mismatch(row, fires):
    findings = metadata_mismatches(VIEW, [row], taxonomy=TAXONOMY, claimcenter=CLAIMCENTER)
    if fires is None:
        assert findings == ()
        return
    (finding,) = findings
    assert finding.rule == RULE_ID and finding.claim == "C1" and finding.severity == "warning"
    assert fires in finding.message and "DocumentList.csv line 7" in finding.message
    (evidence,) = finding.evidence
    assert evidence.source.endswith("DocumentList.csv") and evidence.line == 7
    assert evidence.document_id.startswith("id:")
    assert set(finding.as_dict()) == {"claim", "rule", "severity", "message", "evidence"}


def test_date_finding_cites_the_page_of_the_date():
    (finding,) = metadata_mismatches(VIEW, [_row("cert.pdf", date="2023-01-01")], taxonomy=TAXONOMY)
    assert finding.evidence[0].page == 2


@pytest.mark.parametrize(("text", "day"), [
    ("2024-03-09", "2024-03-09"), ("9/3/2024", "2024-03-09"), ("09-03-2024", "2024-03-09"),
    ("9 March 2024", "2024-03-09"), ("09-Mar-24", "2024-03-09"), ("2024-03-09T23:10:00+10:00", "2024-03-09"),
    ("13/25/2024", None), ("", None),
])
def test_claims_system_dates(text, day):
    parsed = parse_date(text)
    assert (parsed.isoformat() if parsed else None) == day


def test_shipped_mapping_covers_every_type():
    assert set(CLAIMCENTER) == {*TAXONOMY.ids, "unknown"}
    assert all(m.type_code and m.section for m in CLAIMCENTER.values())


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("invoice,invoice", "invioce,invoice"), "line 17: unknown type id 'invioce'"),
    (lambda t: t + "invoice,x,Y,dup\n", "'invoice' is mapped twice"),
    (lambda t: t.replace("legal_document,legal,LEGAL", "legal_document,,LEGAL"), "needs a claimcenter_type"),
    (lambda t: "\n".join(line for line in t.splitlines() if not line.startswith("file_note")) + "\n",
     "no mapping for file_note"),
    (lambda t: t.replace("claimcenter_section", "section"), "missing column"),
])
def test_mapping_errors_name_the_file_and_line(tmp_path, edit, message):
    from claimdex.metadata import CLAIMCENTER_FILE

    path = tmp_path / "claimcenter_types.csv"
    path.write_text(edit(CLAIMCENTER_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_claimcenter_types(TAXONOMY, path)
    assert str(path) in str(info.value)
