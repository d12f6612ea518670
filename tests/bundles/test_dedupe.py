"""Duplicates: normalising, keys, grouping, the copy to keep, and the real thing end to end
(a generated document as born-digital PDF and as a scan read by Tesseract)."""

from __future__ import annotations

import json
import random
import shutil

import pytest
from typer.testing import CliRunner

from claimdex.dedupe import Candidate, find_duplicates, key_values, normalise

CERT = """Certificate of Capacity
Worker: Jane Citizen   Claim no: WC-1234   Date of injury: 03/01/2024
Diagnosis: lumbar strain after lifting boxes at the warehouse
Capacity for work from {start} to {end}
[X] The worker has capacity for some employment
Restrictions: no lifting over 10 kg; no repetitive bending; seated breaks every hour.
Hours: 6 per day, 5 days per week. Review in four weeks with the treating doctor.
Medical practitioner: Dr Tom Lee   Provider no. 123456AB
Signature: ________   Date: {start}"""

INVOICE = """City Imaging  ABN 98 765 432 109
Tax Invoice  Invoice date: 20/03/2024
Patient: Jane Citizen  Claim no: WC-1234
MRI lumbar spine, item 63151, referred by Dr Tom Lee   {amount}
Total due {amount}. Payment within 30 days by EFT to the account below."""


def cert(start="12/06/2024", end="10/07/2024") -> str:
    return CERT.format(start=start, end=end)


def ocr(text: str) -> str:
    """What a scan of ``text`` reads back as: a fax header, misread letters and digits."""
    noisy = (text.replace("rn", "m").replace("2024", "2O24").replace("lifting", "1ifting")
             .replace("Capacity", "Capaclty").replace(";", ","))
    return "08/11/2024 14:07  FAX 02 9742 8811  PENRITH PHYSIO  P.001/001\n" + noisy


def cand(id_, text, method="text", parent=None, ingested="2024-01-01T00:00:00", media="pdf"):
    return Candidate(id_, f"/claims/c1/{id_}.pdf", "", text, method, media, parent, ingested, 1)


def grouped(*cands) -> set[frozenset[str]]:
    return {frozenset(g.documents) for g in find_duplicates(list(cands))}


# -- normalising and keys ----------------------------------------------------------------------

def test_normalise_drops_fax_header_page_numbers_case_and_punctuation():
    text = ("12/03/2024 10:33  FAX 02 9687 1100  PARK ST MEDICAL  P.001/003\n"
            "Certificate of CAPACITY.\nWorker:  Jane   Citizen\nPage 1 of 2\n3")
    assert normalise(text) == "certificate of capacity worker jane citizen"


@pytest.mark.parametrize("text, dates, amounts", [
    ("from 12/06/2024 to 10/07/24", {"2024-06-12", "2024-07-10"}, set()),
    ("seen on 3 March 2024 and March 10, 2024", {"2024-03-03", "2024-03-10"}, set()),
    ("Date: 12/O6/2O24", {"2024-06-12"}, set()),  # OCR read 0 as O
    ("Total $1,234.50 and $90", set(), {"1234", "90"}),  # whole dollars: OCR drops cents
    ("on 31/02/2024", set(), set()),  # not a date
])
def test_key_values(text, dates, amounts):
    assert key_values(text) == (frozenset(dates), frozenset(amounts))


# -- grouping ----------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, same", [
    (cand("a", cert()), cand("b", cert()), True),  # saved twice
    (cand("a", cert()), cand("b", "12/06/2024 16:42 FAX 03 9899 4410 BOX HILL MEDICAL P.1/1\n"
                           + cert()), True),  # re-sent by fax: a fax header more
    (cand("a", cert()), cand("b", ocr(cert()), method="ocr"), True),  # a scan of the printout
    (cand("a", cert()), cand("b", "From: Tom Lee\nSent: 12/06/2024\nSubject: certificate\n\n"
                           + cert(), method="email"), True),  # pasted into an email
    (cand("a", cert()), cand("b", cert("10/07/2024", "07/08/2024")), False),  # next period
    (cand("a", cert()), cand("b", ocr(cert("10/07/2024", "07/08/2024")), method="ocr"),
     False),  # next period, scanned
    (cand("a", INVOICE.format(amount="$450.00")), cand("b", INVOICE.format(amount="$520.00")),
     False),  # another amount
    (cand("a", "short note"), cand("b", "short note"), False),  # too little text to tell
    (cand("a", cert()), cand("b", ocr(cert()) + "\nrec 03/06/2001", method="ocr"),
     True),  # a stray date read out of scanner noise, years away
    (cand("a", INVOICE.format(amount="$1,300.00")),
     cand("b", ocr(INVOICE.format(amount="$1. 300.00")), method="ocr"), True),  # digits lost
    (cand("a", INVOICE.format(amount="$1,300.00")),
     cand("b", INVOICE.format(amount="$1. 300.00")), False),  # born digital: no misreads
])
def test_pairs(a, b, same):
    assert (grouped(a, b) == {frozenset({"a", "b"})}) is same


@pytest.mark.parametrize("copies, keep", [
    ([cand("scan", ocr(cert()), method="ocr"), cand("born", cert())], "born"),
    ([cand("att", cert(), parent="mail"), cand("orig", cert())], "orig"),
    ([cand("late", cert(), ingested="2024-05-01"), cand("early", cert(), ingested="2024-02-01")],
     "early"),
])
def test_copy_to_keep(copies, keep):
    (group,) = find_duplicates(copies)
    assert group.keep == keep and group.documents[0] == keep


def test_next_certificate_repeating_the_dates_of_the_first_is_another_document():
    first = ("Work capacity certificate\nWorker: Jane Citizen  Claim no: WC-1234\n"
             "Date of injury: 25/11/2022\nExamined on 25/11/2022\n"
             "No capacity for any employment from 25/11/2022 to 27/11/2022\n"
             "Restrictions: no use of the right hand. Review on 27/11/2022.\nDr Tom Lee")
    second = ("Work capacity certificate\nWorker: Jane Citizen  Claim no: WC-1234\n"
              "Date of injury: Friday 25 November 2022\nExamined on Sunday 27 November 2022\n"
              "No capacity for any employment from Monday 28 November 2022 to Wednesday "
              "30 November 2022\nRestrictions: no use of the right hand. Review on 30/11/2022."
              "\nDr Tom Lee")
    # every date of the first is in the second, so only where they stand tells them apart
    assert grouped(cand("a", first), cand("b", second)) == set()
    assert grouped(cand("a", first), cand("b", ocr(second), method="ocr")) == set()


def test_groups_never_join_documents_that_disagree():
    # the OCR copy could pass for either certificate on its text alone; it joins its own
    docs = [cand("june", cert()), cand("july", cert("10/07/2024", "07/08/2024")),
            cand("june-scan", ocr(cert()), method="ocr")]
    assert grouped(*docs) == {frozenset({"june", "june-scan"})}


def test_group_ids_are_deterministic():
    first = find_duplicates([cand("a", cert()), cand("b", cert())])
    again = find_duplicates([cand("b", cert()), cand("a", cert())])
    assert first[0].id == again[0].id and first[0].kind == "exact"


def _same_template_pairs(doc_type: str):
    """Two documents of ``doc_type`` from one template and one story, about different things."""
    import claimdex.generator.templates  # noqa: F401  (registers the templates)
    from claimdex.generator.model import REGISTRY
    from claimdex.generator.plan import plan_claim
    from claimdex.generator.render import plain_text
    from claimdex.generator.story import make_story

    for name, fn in REGISTRY[doc_type]:
        for seed in range(6):
            rng = random.Random(f"dedupe-neg:{name}:{seed}")
            story = make_story(rng)
            specs = [s for s in plan_claim(story, rng) if s.doc_type == doc_type]
            if len(specs) < 2:
                continue
            try:
                a, b = fn(story, specs[0], rng), fn(story, specs[1], rng)
            except Exception:  # a template that does not fit this spec: not this test's concern
                continue
            yield name, plain_text(a, random.Random(1)), plain_text(b, random.Random(1))
            break


@pytest.mark.parametrize("doc_type", ["certificate_of_capacity", "invoice"])
def test_distinct_documents_of_one_template_are_never_grouped(doc_type):
    pairs = list(_same_template_pairs(doc_type))
    assert len(pairs) >= 3
    for name, a, b in pairs:
        assert grouped(cand("a", a), cand("b", b)) == set(), name


# -- end to end: ingest, store, CLI --------------------------------------------------------------

@pytest.fixture(scope="module")
def ocr_pair_db(tmp_path_factory):
    if shutil.which("tesseract") is None:
        pytest.skip("Tesseract is not installed")
    from claimdex.config import IngestSettings
    from claimdex.generator.render import render
    from claimdex.pipeline import ingest
    from tests.bundles.builders import claim_documents

    root = tmp_path_factory.mktemp("dupes")
    folder = root / "claims" / "C1"
    folder.mkdir(parents=True)
    story, docs = claim_documents(21)
    certs = [d for d in docs if d.doc_type == "certificate_of_capacity"]
    render(certs[0], "pdf", folder / "certificate.pdf", random.Random(1), story=story)
    render(certs[0], "scan_pdf", folder / "scan0001.pdf", random.Random(2), story=story)
    render(certs[1], "pdf", folder / "next certificate.pdf", random.Random(3), story=story)
    db = root / "index.db"
    report = ingest([root / "claims"], db_path=db, settings=IngestSettings(workers=2))
    assert report.failures == 0
    return db, folder


def test_ocr_and_digital_copies_are_grouped_at_ingest(ocr_pair_db):
    from claimdex.index import IndexStore

    db, folder = ocr_pair_db
    store = IndexStore.open(db, create=False)
    try:
        groups = store.duplicate_groups()
        view = store.claim_view("C1")
    finally:
        store.close()
    assert len(groups) == 1
    _, docs = groups[0]
    assert [d.path for d in docs] == [str(folder / "certificate.pdf"), str(folder / "scan0001.pdf")]
    assert [d.is_primary for d in docs] == [True, False]
    primary = {d.path: d.is_primary for d in view.documents}
    assert primary[str(folder / "next certificate.pdf")] is True  # another period: its own


def test_dupes_command_prints_one_json_line_per_group(ocr_pair_db):
    from claimdex.cli import app

    db, folder = ocr_pair_db
    result = CliRunner().invoke(app, ["dupes", "--db", str(db), "--json", "--refresh"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(lines) == 1
    assert lines[0]["keep"] == str(folder / "certificate.pdf")
    assert lines[0]["documents"] == [str(folder / "certificate.pdf"), str(folder / "scan0001.pdf")]
    assert lines[0]["group"].startswith("dup-")
    table = CliRunner().invoke(app, ["dupes", "--db", str(db), "--claim", "C1"])
    assert table.exit_code == 0 and "keep" in table.stdout
    unknown = CliRunner().invoke(app, ["dupes", "--db", str(db), "--claim", "nope"])
    assert unknown.exit_code == 2
