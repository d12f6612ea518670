"""Stories, claim plans, noise, rendering and corpus writing of the synthetic generator.

Rendering and corpus tests use stand-in templates registered for the duration of a test
(``standins`` fixture), so they do not depend on the real template modules."""

from __future__ import annotations

import csv
import datetime as dt
import email
import email.policy
import io
import random
import shutil

import pymupdf
import pytest
from PIL import Image

from claimdex.generator import corpus
from claimdex.generator.model import (
    CAPACITIES,
    DOC_TYPES,
    REGISTRY,
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Decision,
    Doc,
    DocSpec,
)
from claimdex.generator.noise import fax_header, ocr_noise, parse_markup, strip_markup
from claimdex.generator.plan import OMIT_FLAGS, applicable_omissions, gap_candidates, plan_claim
from claimdex.generator.render import FORMATS, cover_email, render
from claimdex.generator.story import SCHEME_CODES, make_story, significant_injury, valid_abn

DAY = dt.timedelta(days=1)
N_STORIES = 150


# --------------------------------------------------------------------------- stand-ins


def _standin(doc_type: str):
    def build(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
        w = story.worker
        fields: dict[str, object] = {"doc_date": spec.date, "claim_number": story.claim_number,
                                     "worker": w.name, "employer": story.employer.name,
                                     "injury_date": story.injury.date}
        lines = [f"# {doc_type.replace('_', ' ').title()}", story.insurer.name,
                 f"Date: {spec.date:%d/%m/%Y}", f"Claim number: {story.claim_number}",
                 f"Worker: {w.formal}", f"Employer: {story.employer.name}", "",
                 "## Details", f"Injury: {story.injury.diagnosis} ({story.injury.body_part})",
                 "[x] Information confirmed", "[ ] Further information required", "",
                 "| Item | Value |", "|---|---|", f"| Date of injury | {story.injury.date} |",
                 f"| Occupation | {story.worker_occupation} |", "---",
                 "Please contact the case manager if anything here is wrong."]
        if isinstance(spec.about, Certificate):
            c = spec.about
            lines.append(f"Certified {c.capacity} from {c.date_from} to {c.date_to}.")
            fields.update(cert_from=c.date_from, cert_to=c.date_to, capacity=c.capacity)
        if isinstance(spec.about, Decision):
            fields["decision"] = spec.about.kind
        if isinstance(spec.about, tuple):
            fields.update(handover_from=spec.about[0].person.name,
                          handover_to=spec.about[1].person.name)
        cm = story.case_manager_on(spec.date)
        fields["author"] = cm.name
        kind = "email" if doc_type == "correspondence" and rng.random() < 0.5 else "form"
        headers = {}
        if kind == "email":
            headers = {"From": f"{cm.name} <{cm.email}>", "To": w.email,
                       "Subject": f"Your claim {story.claim_number}",
                       "Date": spec.date.strftime("%a, %d %b %Y 10:00:00 +1000")}
        return Doc(doc_type, f"{doc_type}/standin", kind, "\n".join(lines), spec.date, fields,
                   headers)

    return build


@pytest.fixture
def standins(monkeypatch):
    for doc_type in DOC_TYPES:
        monkeypatch.setitem(REGISTRY, doc_type, [(f"{doc_type}/standin", _standin(doc_type))])
    yield


def _doc(story: ClaimStory | None = None, doc_type: str = "certificate_of_capacity",
         lines: int = 0) -> tuple[ClaimStory, Doc]:
    story = story or make_story(random.Random(7))
    spec = DocSpec(doc_type, story.certificates[0].issued, story.certificates[0])
    doc = _standin(doc_type)(story, spec, random.Random(1))
    if lines:
        extra = "\n".join(f"Paragraph {i}: the worker attended the clinic for review and "
                          f"treatment of the injury." for i in range(lines))
        doc = Doc(doc.doc_type, doc.template, "report", doc.text + "\n" + extra, doc.date,
                  doc.fields)
    return story, doc


# --------------------------------------------------------------------------- stories


def _stories(n: int = N_STORIES) -> list[ClaimStory]:
    return [make_story(random.Random(seed)) for seed in range(n)]


def test_story_dates_and_people_are_coherent():
    for s in _stories():
        inj = s.injury.date
        assert dt.date(2021, 1, 1) <= inj <= dt.date(2025, 12, 31)
        assert inj <= s.notification_date <= inj + 10 * DAY
        assert s.claim_lodged >= s.notification_date
        assert s.case_managers[0].start == s.notification_date
        assert 1 <= len(s.case_managers) <= 3
        starts = [c.start for c in s.case_managers]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert len({c.person.name for c in s.case_managers}) == len(s.case_managers)
        assert s.worker_dob < inj and 18 <= (inj - s.worker_dob).days // 365 <= 67
        assert valid_abn(s.employer.abn) and valid_abn(s.insurer.abn)
        assert 200 < s.piawe < 4000 and 20 < s.hourly_rate < 80
        assert s.treating_doctor.provider_number and s.treating_doctor.title == "Dr"


def test_certificates_contiguous_and_progressing():
    order = {c: i for i, c in enumerate(CAPACITIES)}
    for s in _stories():
        certs = s.certificates
        assert certs[0].date_from == s.injury.date and certs[0].first
        assert not any(c.first for c in certs[1:])
        for c in certs:
            assert c.date_from <= c.date_to and c.issued <= c.date_to
            assert c.issued >= s.injury.date
            assert 1 <= (c.date_to - c.date_from).days + 1 <= 28
            assert (c.capacity == "none") == (c.hours_per_day == 0)
        for a, b in zip(certs, certs[1:], strict=False):
            assert a.date_from < b.date_from <= a.date_to + DAY  # no gaps
            assert a.issued <= b.issued
            assert order[a.capacity] <= order[b.capacity]


def test_decisions_ordered_and_first_is_prompt():
    kinds = set()
    for s in _stories():
        d = s.decisions
        assert [x.date for x in d] == sorted(x.date for x in d)
        assert d[0].kind in ("provisional", "reasonable_excuse")
        assert s.notification_date <= d[0].date <= s.notification_date + 7 * DAY
        kinds.update(x.kind for x in d)
    assert {"provisional", "accepted", "disputed"} <= kinds


def test_schemes_and_psychological_share():
    for code in SCHEME_CODES:
        s = make_story(random.Random(3), code)
        assert s.scheme.code == code
    stories = _stories(300)
    psych = sum(s.injury.psychological for s in stories)
    assert 30 <= psych <= 95
    assert len({s.scheme.code for s in stories}) == len(SCHEME_CODES)
    assert len({s.insurer.name for s in stories}) > 15
    assert len({s.worker.last for s in stories}) > 100
    psych_story = make_story(random.Random(5), psychological=True, n_case_managers=3)
    assert psych_story.injury.psychological and len(psych_story.case_managers) == 3


def test_story_is_deterministic():
    assert make_story(random.Random(42)) == make_story(random.Random(42))
    assert make_story(random.Random(42)) != make_story(random.Random(43))


# --------------------------------------------------------------------------- plans


def _count(specs: list[DocSpec], doc_type: str) -> int:
    return sum(s.doc_type == doc_type for s in specs)


def test_plan_contents():
    for seed in range(80):
        rng = random.Random(seed)
        story = make_story(rng)
        specs = plan_claim(story, rng)
        assert 15 <= len(specs) <= 45
        assert [s.date for s in specs] == sorted(s.date for s in specs)
        assert all(s.date >= story.injury.date for s in specs)
        for doc_type in ("injury_notification", "claim_form", "consent_form", "wage_information"):
            assert _count(specs, doc_type) >= 1, doc_type
        certs = [s.about for s in specs if s.doc_type == "certificate_of_capacity"]
        assert certs == list(story.certificates)
        assert [s.about for s in specs if s.doc_type == "liability_notice"] == list(story.decisions)
        handovers = [s for s in specs if s.doc_type == "handover_note"]
        assert len(handovers) == len(story.case_managers) - 1
        for h in handovers:
            old, new = h.about
            assert isinstance(old, CaseManagerStint) and old.start < new.start
            assert new.start <= h.date <= new.start + 5 * DAY
        imps = [s for s in specs if s.doc_type == "injury_management_plan"]
        if significant_injury(story):
            assert imps and imps[0].date <= story.notification_date + 21 * DAY
        consent = next(s for s in specs if s.doc_type == "consent_form")
        assert abs((consent.date - story.claim_lodged).days) <= 5
        for ime in (s for s in specs if s.doc_type == "ime_report"):
            assert isinstance(ime.about, dt.date) and ime.about < ime.date
            assert consent.date <= ime.about
            letters = [s for s in specs if s.doc_type == "correspondence" and s.about == ime.about]
            assert letters and letters[0].date < ime.about


def test_plan_force_and_deterministic():
    story = make_story(random.Random(11))
    forced = frozenset({"ime_report", "rehab_report", "investigation_report", "legal_document"})
    specs = plan_claim(story, random.Random(1), force=forced)
    for doc_type in forced:
        assert _count(specs, doc_type) >= 1
    assert plan_claim(story, random.Random(5)) == plan_claim(story, random.Random(5))
    with pytest.raises(ValueError):
        plan_claim(story, random.Random(1), frozenset({"nonsense"}))


def _story_with(pred, start: int = 0) -> ClaimStory:
    for seed in range(start, start + 500):
        story = make_story(random.Random(seed))
        if pred(story):
            return story
    raise AssertionError("no story found")


@pytest.mark.parametrize("flag", ["consent_form", "claim_form", "liability_notice",
                                  "handover_note", "injury_management_plan"])
def test_omit_drops_type(flag):
    story = _story_with(lambda s: flag in applicable_omissions(s))
    full = plan_claim(story, random.Random(2))
    assert _count(full, flag) >= 1
    cut = plan_claim(story, random.Random(2), frozenset({flag}))
    assert _count(cut, flag) == 0
    assert _count(cut, "injury_notification") == 1


def test_omit_coc_gap_leaves_a_gap():
    story = _story_with(lambda s: bool(gap_candidates(s.certificates)))
    specs = plan_claim(story, random.Random(3), frozenset({"coc_gap"}))
    certs = [s.about for s in specs if s.doc_type == "certificate_of_capacity"]
    assert len(certs) == len(story.certificates) - 1
    gaps = [b.date_from - a.date_to for a, b in zip(certs, certs[1:], strict=False)
            if b.date_from > a.date_to + DAY]
    assert len(gaps) == 1


def test_omit_late_consent_and_late_liability():
    for seed in range(20):
        story = make_story(random.Random(seed))
        flags = frozenset({"late_consent", "late_liability"})
        specs = plan_claim(story, random.Random(seed), flags)
        consent = next(s for s in specs if s.doc_type == "consent_form")
        checks = [s.date for s in specs if s.doc_type in ("ime_report", "investigation_report")]
        assert checks and consent.date > min(checks)
        first = next(s for s in specs if s.doc_type == "liability_notice")
        assert first.date > story.notification_date + 7 * DAY
        assert first.about.date == first.date
        normal = plan_claim(story, random.Random(seed))
        first = next(s for s in normal if s.doc_type == "liability_notice")
        assert first.date <= story.notification_date + 7 * DAY


def test_omit_flags_are_known():
    assert set(OMIT_FLAGS) == {"consent_form", "handover_note", "injury_management_plan",
                               "claim_form", "liability_notice", "late_consent", "coc_gap",
                               "late_liability"}


# --------------------------------------------------------------------------- noise


MARKUP = "\n".join(["# Certificate of Capacity", "## Part A", "Name: Jo Bloggs",
                    "[x] Initial", "[ ] Progress", "", "| Date | Capacity |", "|---|---|",
                    "| 3/04/2024 | none |", "---", "Signed"])


def test_parse_and_strip_markup():
    kinds = [b.kind for b in parse_markup(MARKUP)]
    assert kinds == ["h1", "h2", "text", "box", "box", "blank", "table", "rule", "text"]
    table = parse_markup(MARKUP)[6]
    assert table.header and table.rows == (("Date", "Capacity"), ("3/04/2024", "none"))
    plain = strip_markup(MARKUP)
    assert "#" not in plain and "[X] Initial" in plain and "[ ] Progress" in plain
    assert "|" not in plain and "3/04/2024  none" in plain
    piped = strip_markup(MARKUP, box_style="glyphs", table_style="pipes")
    assert "☒ Initial" in piped and "☐ Progress" in piped and "3/04/2024 | none" in piped


def test_ocr_noise_and_fax_header():
    text = strip_markup(MARKUP) * 5
    assert ocr_noise(text, random.Random(1), 0) == text
    noisy = ocr_noise(text, random.Random(1), 0.3)
    assert noisy != text and noisy == ocr_noise(text, random.Random(1), 0.3)
    assert abs(len(noisy) - len(text)) < len(text) * 0.3
    line = fax_header(random.Random(2), sender="Park St Medical", phone="02 9687 1100",
                      when=dt.date(2024, 3, 12), page=1, pages=3)
    assert "\n" not in line and "2024" in line or "24" in line


# --------------------------------------------------------------------------- rendering


def _pdf_text(data: bytes) -> str:
    pdf = pymupdf.open("pdf", data)
    return "".join(page.get_text() for page in pdf)


def test_render_pdf(tmp_path):
    story, doc = _doc(lines=120)
    path = tmp_path / "a.pdf"
    assert render(doc, "pdf", path, random.Random(1)) == [("", doc.doc_type)]
    pdf = pymupdf.open(path)
    assert pdf.page_count >= 2
    text = _pdf_text(path.read_bytes())
    assert story.claim_number in text and story.worker.name in text
    assert "#" not in text.split("\n")[0]
    meta = pdf.metadata
    assert "standin" not in str(meta) and "MuPDF" not in str(meta)
    assert b"MuPDF" not in path.read_bytes()


def test_render_scan_pdf_has_no_text_layer(tmp_path):
    _, doc = _doc(lines=70)
    path = tmp_path / "s.pdf"
    render(doc, "scan_pdf", path, random.Random(2))
    pdf = pymupdf.open(path)
    assert pdf.page_count >= 2
    for page in pdf:
        assert page.get_text().strip() == ""
        assert len(page.get_images()) == 1


def test_render_tiff_frames(tmp_path):
    _, doc = _doc(lines=70)
    pages = pymupdf.open("pdf", _render_bytes(doc, "pdf", tmp_path, 3)).page_count
    path = tmp_path / "f.tif"
    render(doc, "tiff", path, random.Random(3))
    with Image.open(path) as img:
        assert img.n_frames == pages
        assert img.size[0] > 1000


def _render_bytes(doc: Doc, fmt: str, tmp_path, seed: int) -> bytes:
    path = tmp_path / f"x{seed}.{fmt}"
    render(doc, fmt, path, random.Random(seed))
    return path.read_bytes()


def test_render_eml_with_attachment(tmp_path):
    story, doc = _doc()
    cover = cover_email(doc, random.Random(4), story)
    path = tmp_path / "m.eml"
    labels = render(doc, "eml", path, random.Random(4), story=story, cover=cover,
                    attachment_name="scan0001.pdf")
    assert labels == [("", "correspondence"), ("scan0001.pdf", doc.doc_type)]
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["Subject"] and msg["From"] and msg["Date"] and msg["Message-ID"]
    parts = list(msg.iter_attachments())
    assert len(parts) == 1 and parts[0].get_filename() == "scan0001.pdf"
    assert story.claim_number in _pdf_text(parts[0].get_content())
    body = msg.get_body(("plain",)).get_content()
    assert cover.fields["author"] in body
    assert cover.fields["doc_date"] >= doc.date


def test_render_eml_for_email_docs(tmp_path):
    story = make_story(random.Random(8))
    spec = DocSpec("correspondence", story.notification_date + 3 * DAY)
    doc = None
    for seed in range(20):
        doc = _standin("correspondence")(story, spec, random.Random(seed))
        if doc.kind == "email":
            break
    path = tmp_path / "e.eml"
    assert render(doc, "eml", path, random.Random(5)) == [("", "correspondence")]
    msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert msg["Subject"] == doc.email_headers["Subject"]
    assert not list(msg.iter_attachments())
    assert story.worker.formal in msg.get_body(("plain",)).get_content()


def test_render_docx_and_txt(tmp_path):
    import docx

    story, doc = _doc()
    path = tmp_path / "d.docx"
    render(doc, "docx", path, random.Random(6))
    d = docx.Document(str(path))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert story.claim_number in text and story.worker_occupation in cells
    assert "python-docx" not in (d.core_properties.comments + d.core_properties.author)
    assert path.read_bytes() == _render_bytes(doc, "docx", tmp_path, 6)
    txt = tmp_path / "t.txt"
    render(doc, "txt", txt, random.Random(7))
    content = txt.read_text(encoding="utf-8")
    assert story.claim_number in content and "# " not in content
    with pytest.raises(ValueError):
        render(doc, "rtf", tmp_path / "x.rtf", random.Random(1))


def test_render_is_deterministic(tmp_path):
    _, doc = _doc(lines=10)
    for fmt in FORMATS:
        assert _render_bytes(doc, fmt, tmp_path, 9) == _render_bytes(doc, fmt, tmp_path, 9), fmt


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_scan_is_ocr_legible(tmp_path):
    import pytesseract

    story, doc = _doc()
    path = tmp_path / "s.pdf"
    render(doc, "scan_pdf", path, random.Random(10))
    page = pymupdf.open(path)[0]
    xref = page.get_images()[0][0]
    image = Image.open(io.BytesIO(page.parent.extract_image(xref)["image"]))
    text = pytesseract.image_to_string(image)
    words = ["Claim", "Worker", "Employer", story.worker.last, "Occupation"]
    found = [w for w in words if w.lower() in text.lower()]
    assert len(found) >= 4, (found, text[:500])


# --------------------------------------------------------------------------- corpus


def test_iter_documents_balanced(standins):
    docs = list(corpus.iter_documents(random.Random(1), 3, strict=True))
    assert len(docs) == 3 * len(DOC_TYPES)
    counts = {t: sum(d.doc_type == t for d in docs) for t in DOC_TYPES}
    assert set(counts.values()) == {3}
    decisions = [d.fields["decision"] for d in docs if d.doc_type == "liability_notice"]
    assert decisions == ["provisional", "accepted", "reasonable_excuse"]
    handovers = [d for d in docs if d.doc_type == "handover_note"]
    assert all(d.fields["handover_from"] != d.fields["handover_to"] for d in handovers)
    again = list(corpus.iter_documents(random.Random(1), 3, strict=True))
    assert [d.text for d in docs] == [d.text for d in again]


def test_training_texts_deterministic(standins, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    n = corpus.write_training_texts(a, 5, 2, noise_fraction=0.5, strict=True)
    corpus.write_training_texts(b, 5, 2, noise_fraction=0.5, strict=True)
    assert n == 2 * len(DOC_TYPES)
    assert a.read_bytes() == b.read_bytes()
    rows = list(csv.DictReader(a.open(encoding="utf-8")))
    assert list(rows[0]) == ["text", "doc_type", "template", "hard_negative_of"]
    assert all(r["text"].strip() and "# " not in r["text"][:2] for r in rows)


def test_claim_files(standins, tmp_path):
    formats = {"pdf": 1.0, "scan_pdf": 0.3, "tiff": 0.2, "eml": 1.0, "docx": 1.0, "txt": 1.0}
    rows = corpus.write_claim_files(tmp_path / "a", 3, 2, formats, strict=True)
    corpus.write_claim_files(tmp_path / "b", 3, 2, formats, strict=True)
    for name in ("documents.csv", "claims.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    claims = list(csv.DictReader((tmp_path / "a" / "claims.csv").open(encoding="utf-8")))
    assert len(claims) == 2
    assert list(claims[0]) == list(corpus.CLAIM_COLUMNS)
    docs = list(csv.DictReader((tmp_path / "a" / "documents.csv").open(encoding="utf-8")))
    assert list(docs[0])[:21] == list(corpus.DOCUMENT_COLUMNS)[:21]
    assert len(docs) == len(rows) >= 30
    for row in docs:
        path = tmp_path / "a" / row["claim"] / row["file"]
        assert path.is_file() and path.stat().st_size > 0
        for key in ("doc_date", "cert_from", "cert_to", "injury_date", "exam_date"):
            if row[key]:
                dt.date.fromisoformat(row[key])
    for claim in claims:
        folder = tmp_path / "a" / claim["claim"]
        files = {r["file"] for r in docs if r["claim"] == claim["claim"]}
        assert {p.name for p in folder.iterdir()} == files
        assert claim["case_managers"]
    members = [r for r in docs if r["member"]]
    for row in members:
        cover = next(r for r in docs if r["file"] == row["file"] and r["claim"] == row["claim"]
                     and not r["member"])
        assert cover["doc_type"] == "correspondence" and cover["format"] == "eml"
    assert {r["format"] for r in docs} >= {"pdf", "eml", "docx", "txt"}


def test_cli(standins, tmp_path, capsys):
    assert corpus.main(["texts", "--out", str(tmp_path / "t.csv"), "--seed", "1",
                        "--per-type", "1"]) == 0
    assert (tmp_path / "t.csv").is_file()
    assert corpus.main(["claims", "--out", str(tmp_path / "c"), "--seed", "1", "--claims", "1",
                        "--formats", "pdf=1,txt=1"]) == 0
    assert (tmp_path / "c" / "documents.csv").is_file()
    assert "wrote" in capsys.readouterr().out


def test_real_templates_smoke(tmp_path):
    """With whatever templates are registered: one claim folder renders."""
    if not any(REGISTRY.values()):
        pytest.skip("no templates registered yet")
    rows = corpus.write_claim_files(tmp_path, 1, 1, {"pdf": 1, "txt": 1})
    assert rows
