"""Property-based tests (hypothesis) for the checks that stand between untrusted input and the
file system or the index: zip member names, the date parser, and the file-name sanitiser.

Date parser: ``claimdex.fields`` exports only ``extract_fields``; the parser it uses is
``claimdex.fields._dates`` (``find_dates`` then ``resolve``). Both are tested here, the
parser directly and through ``extract_fields`` (the injury date of a certificate).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from claimdex.errors import UnsafeArchiveMemberError
from claimdex.extract.archive import check_member_name
from claimdex.fields import extract_fields
from claimdex.fields._dates import find_dates, resolve
from claimdex.models import Page
from claimdex.naming import safe_filename

# -- zip member names --------------------------------------------------------------------------

HOSTILE_PARTS = ["..", ".", "", "/", "\\", "C:", "c:\\", "\x00", "\n", "\r", "\t", "\x7f",
                 "\u202e", "\u200b", "\u2024\u2024", "\uff0e\uff0e", "%2e%2e", "~", "a", "b.pdf",
                 " ", "...", "\u0338", "e\u0301"]
member_names = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(HOSTILE_PARTS), max_size=8).map("/".join),
    st.lists(st.one_of(st.sampled_from(HOSTILE_PARTS), st.text(max_size=6)), max_size=8).map("".join),
)


@settings(max_examples=600, deadline=None)
@given(member_names)
@example("../../etc/passwd")
@example("/etc/passwd")
@example("C:\\Windows\\win.ini")
@example("a/../../b")
@example("ok/\x00/x")
def test_member_names_never_escape(name):
    try:
        safe = check_member_name(name)
    except UnsafeArchiveMemberError as exc:
        assert str(exc)  # rejected with a message
        return
    assert safe and not safe.startswith("/")
    assert "\\" not in safe and "\x00" not in safe
    # A drive letter left first once "." segments are dropped ("./C:" -> "C:"): see
    # test_known_gaps.test_member_name_cannot_become_a_drive.
    assert all(ch.isprintable() for ch in safe), repr(safe)
    parts = safe.split("/")
    assert all(part not in ("", ".", "..") for part in parts), safe
    base = "/extract/here"
    joined = posixpath.normpath(posixpath.join(base, safe))
    assert joined.startswith(base + "/"), (name, safe)


ordinary_part = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"),
                                               whitelist_characters=" -_.()'&,"),
                        min_size=1, max_size=20).filter(lambda p: p.strip(".") != "")


@settings(max_examples=300, deadline=None)
@given(st.lists(ordinary_part, min_size=1, max_size=5))
@example(["Letters", "Cert of capacity (2).pdf"])
@example(["Ärztlicher Bericht.pdf"])
def test_ordinary_relative_names_are_accepted_unchanged(parts):
    import unicodedata

    name = "/".join(parts)
    assume(not re.match(r"^[A-Za-z]:", name))
    assert check_member_name(name) == unicodedata.normalize("NFC", name)


# -- dates -----------------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# How Australian claim documents write a date (day first), and unambiguous month-first ones.
WRITTEN = {
    "dd/mm/yyyy": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dd.mm.yyyy": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "dd-mm-yyyy": lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    "d Month yyyy": lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year}",
    "dth Mon yyyy": lambda d: f"{d.day}{_ordinal(d.day)} {MONTHS[d.month - 1][:3]} {d.year}",
    "Month d, yyyy": lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
    "yyyy-mm-dd": lambda d: d.isoformat(),
}


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@settings(max_examples=400, deadline=None)
@given(dates, st.sampled_from(sorted(WRITTEN)), st.sampled_from(["", "Date: ", "Seen on "]),
       st.sampled_from(["", ".", " at 10:30am", " (review in 2 weeks)"]))
def test_written_dates_read_back(day, style, before, after):
    text = f"Certificate of capacity\n{before}{WRITTEN[style](day)}{after}\nWorker: Lan Bui"
    mentions = find_dates(text, 1)
    resolve(mentions)
    assert [m.value for m in mentions] == [day], (text, mentions)
    (m,) = mentions
    assert text[m.start:m.end].strip(" .,") in WRITTEN[style](day) + after


@settings(max_examples=200, deadline=None)
@given(dates.filter(lambda d: d.day > 12))
def test_month_first_only_on_evidence(day):
    """'11/16/2024' can only be month-first: the whole document is then read month-first."""
    text = f"Date: {day.month:02d}/{day.day:02d}/{day.year}\nReviewed {day.month}/{day.month}/{day.year}"
    mentions = find_dates(text, 1)
    assert resolve(mentions) is True
    assert mentions[0].value == day


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
@example("31/02/2024 00/00/0000 99/99/99 2024-13-45 0 January 0 29 Feb 2023")
@example("1/1/1 12/12/12 ” 2O24-O1-O1 ¹²/³/⁴⁵⁶⁷")
def test_parser_never_fails_and_spans_are_sound(text):
    mentions = find_dates(text, 3)
    resolve(mentions)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and m.page == 3
        if m.value is not None:
            assert isinstance(m.value, dt.date) and 1900 <= m.value.year <= 2100


@settings(max_examples=60, deadline=None)
@given(dates, st.sampled_from(["dd/mm/yyyy", "d Month yyyy", "yyyy-mm-dd"]))
def test_extract_fields_reads_the_injury_date(day, style):
    page = Page(1, f"Certificate of Capacity\nWorker: Lan Bui\nDate of injury: {WRITTEN[style](day)}\n"
                   "The worker has capacity for suitable duties.", "text")
    found = {f.name: f for f in extract_fields([page], "certificate_of_capacity")}
    assert found["injury_date"].value == day.isoformat()
    field = found["injury_date"]
    assert page.text[field.start:field.end].strip() == WRITTEN[style](day)


# -- file names --------------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(st.sampled_from(HOSTILE_PARTS), max_size=8).map("/".join)))
def test_sanitised_names_stay_in_their_folder(raw):
    name = safe_filename(raw)
    assert name not in (".", "..") and "/" not in name and "\\" not in name and "\x00" not in name
    folder = "/claims/claim_0412"
    assert posixpath.dirname(posixpath.normpath(posixpath.join(folder, name))) == folder


@pytest.mark.parametrize("raw", ["../../etc/passwd", "..", "CON", "a\\..\\b", "\u202etxt.exe"])
def test_sanitiser_examples(raw):
    test_sanitised_names_stay_in_their_folder.hypothesis.inner_test(raw)
