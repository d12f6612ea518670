"""The naming convention: the sanitiser (tables and properties), templates, placeholders, n."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdex.errors import ConfigError
from claimdex.models import ClaimView, DocumentView, Field
from claimdex.naming import (
    DEFAULT_TEMPLATE,
    NameRequest,
    NameTemplate,
    assign_names,
    claim_number_of,
    is_safe_filename,
    load_taxonomy,
    name_record,
    primary_documents,
    safe_filename,
    short_person,
)

TAXONOMY = load_taxonomy()
TEMPLATE = NameTemplate.parse(DEFAULT_TEMPLATE)
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)),
                    *(f"LPT{i}" for i in range(10))}


def doc(path="/c/X/scan.pdf", doc_type="certificate_of_capacity", member="", confidence=0.9, **fields):
    return DocumentView(f"id-{path}-{member}", path, member, "X", doc_type, confidence, 1, 1, "pdf",
                        tuple(Field(k, v, 1, 0, 1) for k, v in fields.items()))


@pytest.mark.parametrize(("raw", "safe"), [
    ("report.pdf", "report.pdf"),
    ("a/b\\c.pdf", "a_b_c.pdf"),
    ("../../etc/passwd", "_.._etc_passwd"),
    ("..", "unnamed"),
    (".", "unnamed"),
    ("", "unnamed"),
    ("CON", "CON_"),
    ("con.txt", "con_.txt"),
    ("LPT9.tar.gz", "LPT9_.tar.gz"),
    ("nul .pdf", "nul_.pdf"),
    ("COMMENT.pdf", "COMMENT.pdf"),
    ("name. ", "name"),
    ("name...pdf", "name.pdf"),
    ("  spaced  out .pdf", "spaced out.pdf"),
    ('what?<is>:this*"|.pdf', "what__is__this___.pdf"),
    ("tab\there\nnewline\x00nul.pdf", "tab_here_newline_nul.pdf"),
    ("evil\u202etxt.exe", "eviltxt.exe"),
    ("zero\u200bwidth.pdf", "zerowidth.pdf"),
    ("e\u0301cole.pdf", "\u00e9cole.pdf"),  # NFD -> NFC
    (".hidden", "hidden"),
    ("surrogate\udcff.pdf", "surrogate_.pdf"),
])
def test_sanitiser_table(raw, safe):
    assert safe_filename(raw) == safe
    assert safe_filename(safe) == safe


def test_long_names_are_cut_keeping_the_extension():
    name = safe_filename("x" * 400 + ".pdf")
    assert len(name) == 150 and name.endswith(".pdf")
    wide = safe_filename("語" * 200 + ".docx", max_chars=255)
    assert len(wide.encode("utf-8")) <= 255 and wide.endswith(".docx")


def _assert_safe(name: str, max_chars: int) -> None:
    assert name and name not in (".", "..")
    assert len(name) <= max_chars and len(name.encode("utf-8")) <= 255
    assert not any(c in name for c in '<>:"/\\|?*')
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in name)
    assert name == unicodedata.normalize("NFC", name)
    assert name[-1] not in ". " and name[0] not in ". "
    assert name.split(".")[0].rstrip(" ").upper() not in WINDOWS_RESERVED


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=400), st.integers(min_value=16, max_value=255))
def test_sanitiser_is_always_safe_idempotent_and_bounded(raw, max_chars):
    name = safe_filename(raw, max_chars=max_chars)
    _assert_safe(name, max_chars)
    assert safe_filename(name, max_chars=max_chars) == name
    assert is_safe_filename(name, max_chars=max_chars)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
       st.sampled_from(["CON", "aux", "Lpt1", "nul", "..", ". ", "a/b", "\x00", "x" * 200]))
def test_sanitiser_on_hostile_mixtures(text, hostile):
    for raw in (hostile + text, text + hostile, hostile + "." + text, text + "." + hostile):
        _assert_safe(safe_filename(raw), 150)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(["", "2024-03-09", "bad-date"]))
def test_rendered_names_are_safe_and_match_the_pattern(author, claim_number, date):
    fields = {k: v for k, v in (("author", author), ("claim_number", claim_number), ("doc_date", date)) if v}
    record = name_record(doc(**fields), taxonomy=TAXONOMY)
    pattern = TEMPLATE.pattern(TAXONOMY)
    for n in (None, 3):
        name = TEMPLATE.render(record, n=n)
        _assert_safe(name, 150)
        assert pattern.fullmatch(name), name


def test_default_template_renders_the_convention():
    d = doc(doc_date="2024-03-09", author="Dr Charlotte Aumua, MBBS FRACGP", claim_number="GIL-22052225")
    record = name_record(d, taxonomy=TAXONOMY)
    assert TEMPLATE.render(record) == "GIL-22052225_2024-03-09_COC_Aumua-C.pdf"
    assert TEMPLATE.render(record, n=2) == "GIL-22052225_2024-03-09_COC_Aumua-C_2.pdf"


def test_unknown_values_render_as_visible_placeholders():
    record = name_record(doc(path="/c/X/Scan 01.TIF", doc_type=None), taxonomy=TAXONOMY)
    name = TEMPLATE.render(record)
    assert name == "NOCLAIM_UNDATED_UNK_NOAUTHOR.tif"
    assert "None" not in name and "__" not in name


def test_claim_number_falls_back_to_the_claims_consensus():
    view = ClaimView("X", (doc("/c/X/a.pdf", claim_number="WC-1"), doc("/c/X/b.pdf", claim_number="WC-1"),
                           doc("/c/X/c.pdf", claim_number="WC-2"), doc("/c/X/d.pdf")))
    assert claim_number_of(view) == "WC-1"
    record = name_record(view.documents[3], taxonomy=TAXONOMY, claim_number=claim_number_of(view))
    assert TEMPLATE.render(record).startswith("WC-1_")
    own = name_record(view.documents[2], taxonomy=TAXONOMY, claim_number="WC-1")
    assert TEMPLATE.render(own).startswith("WC-2_")


def test_values_never_contain_separators():
    record = name_record(doc(author="Smith_Jones", claim_number="AB_12.3/4"), taxonomy=TAXONOMY)
    name = TEMPLATE.render(record)
    assert name == "AB-12-3-4_UNDATED_COC_Smith-Jones.pdf"


@pytest.mark.parametrize(("raw", "short"), [
    ("Dr Charlotte Aumua", "Aumua-C"),
    ("CHARLOTTE AUMUA", "Aumua-C"),
    ("Aumua, Charlotte", "Aumua-C"),
    ("Lan Nguyen, Case Manager", "Nguyen-L"),
    ("A/Prof Mary O'Brien", "OBrien-M"),
    ("Stringybark Cleaning Services Pty Ltd", "StringybarkCleaning"),
    ("Smith", "Smith"),
])
def test_author_is_shortened(raw, short):
    assert short_person(raw) == short


def test_long_values_are_shrunk_but_n_and_extension_kept():
    template = NameTemplate.parse("{claim_number}_{original}_{author}_{n}.{ext}", max_chars=60)
    record = name_record(doc(path="/c/X/" + "long name " * 20 + ".pdf", author="Dr " + "Verylongname" * 10,
                             claim_number="C" * 40), taxonomy=TAXONOMY)
    name = template.render(record, n=12)
    assert len(name) <= 60 and name.endswith("_12.pdf")


@pytest.mark.parametrize(("template", "message"), [
    ("{claim_number}_{date}", "must contain {ext}"),
    ("{colour}.{ext}", "unknown field {colour}"),
    ("{date:%d/%m/%Y}.{ext}", "not safe"),
    ("sub/{type_code}.{ext}", "folder separator"),
    ("{type_code}:{author}.{ext}", "not safe"),
    ("{author!r}.{ext}", "conversions"),
    ("{type_code.{ext}", "not a valid template"),
    ("CON.{ext}", "not safe"),
])
def test_bad_templates_are_refused_at_load(template, message):
    with pytest.raises(ConfigError, match=message):
        NameTemplate.parse(template, source="claimdex.toml: naming.template")


def test_template_without_n_gets_one_before_the_extension():
    template = NameTemplate.parse("{type_code}-{date:%Y%m%d}.{ext}")
    record = name_record(doc(doc_date="2024-03-09"), taxonomy=TAXONOMY)
    assert template.render(record) == "COC-20240309.pdf"
    assert template.render(record, n=2) == "COC-20240309_2.pdf"
    assert template.pattern(TAXONOMY).fullmatch("COC-20240309_2.pdf")


@pytest.mark.parametrize(("name", "conforms"), [
    ("GIL-1_2024-03-09_COC_Aumua-C.pdf", True),
    ("GIL-1_2024-03-09_COC_Aumua-C_3.pdf", True),
    ("NOCLAIM_UNDATED_UNK_NOAUTHOR.tif", True),
    ("GIL-1_2024-03-09_COC_Aumua-C.PDF", False),  # extensions are lower case
    ("GIL-1_2024-3-9_COC_Aumua-C.pdf", False),
    ("GIL-1_2024-03-09_XYZ_Aumua-C.pdf", False),
    ("scan0001.pdf", False),
    ("GIL-1_2024-03-09_COC.pdf", False),
])
def test_lint_pattern(name, conforms):
    assert bool(TEMPLATE.pattern(TAXONOMY).fullmatch(name)) is conforms


def _request(key, folder="/c/X", **fields):
    record = name_record(doc(path=key, **fields), taxonomy=TAXONOMY)
    return NameRequest(key, folder, record, (fields.get("doc_date", "9999"), key))


def test_n_only_where_names_would_clash_and_deterministic():
    same = {"doc_date": "2024-03-09", "author": "Jo Bloggs", "claim_number": "C1"}
    requests = [_request("/c/X/b.pdf", **same), _request("/c/X/a.pdf", **same),
                _request("/c/X/c.pdf", doc_date="2024-03-10", author="Jo Bloggs", claim_number="C1")]
    names = assign_names(requests, TEMPLATE)
    assert names == {"/c/X/a.pdf": "C1_2024-03-09_COC_Bloggs-J_1.pdf",
                     "/c/X/b.pdf": "C1_2024-03-09_COC_Bloggs-J_2.pdf",
                     "/c/X/c.pdf": "C1_2024-03-10_COC_Bloggs-J.pdf"}
    assert assign_names(list(reversed(requests)), TEMPLATE) == names


def test_names_clash_case_insensitively_and_skip_taken_names():
    requests = [_request("/c/X/a.PDF", claim_number="c1"), _request("/c/X/b.pdf", claim_number="C1")]
    names = assign_names(requests, TEMPLATE)
    assert len({n.casefold() for n in names.values()}) == 2
    taken = {"C1_UNDATED_COC_NOAUTHOR.pdf", "C1_UNDATED_COC_NOAUTHOR_2.pdf"}
    single = assign_names([_request("/c/X/b.pdf", claim_number="C1")], TEMPLATE,
                          taken=lambda _r, name: name in taken)
    assert single == {"/c/X/b.pdf": "C1_UNDATED_COC_NOAUTHOR_3.pdf"}


def test_same_names_in_different_folders_do_not_clash():
    requests = [_request("/c/X/a.pdf", folder="/c/X"), _request("/c/Y/a.pdf", folder="/c/Y")]
    assert set(assign_names(requests, TEMPLATE).values()) == {"NOCLAIM_UNDATED_COC_NOAUTHOR.pdf"}


def test_files_are_named_after_their_primary_document():
    view = ClaimView("X", (doc("/c/X/mail.eml", "correspondence"),
                           doc("/c/X/mail.eml", "certificate_of_capacity", member="cert.pdf"),
                           doc("/c/X/bundle.zip", "invoice", member="inv.pdf")))
    primary = primary_documents(view)
    assert primary["/c/X/mail.eml"].doc_type == "correspondence"
    assert primary["/c/X/bundle.zip"] is None
