"""Dates as claim documents write them: Australian day-first in every common form, US
month-first only on evidence, OCR slips inside numbers, dates written without a year."""

from __future__ import annotations

import datetime as dt

import pytest

from claimdex.fields._dates import find_dates, fix_ocr_digits, resolve, resolve_partial

D = dt.date


def read(text: str) -> list[dt.date | None]:
    mentions = find_dates(fix_ocr_digits(text), 1)
    month_first = resolve(mentions)
    full = [m.value for m in mentions if m.value]
    resolve_partial(mentions, {1: fix_ocr_digits(text)}, max(full) if full else None, month_first)
    return [m.value for m in mentions]


@pytest.mark.parametrize(("text", "expected"), [
    ("3/04/2024", D(2024, 4, 3)),
    ("03/04/2024", D(2024, 4, 3)),
    ("3 April 2024", D(2024, 4, 3)),
    ("3 Apr 2024", D(2024, 4, 3)),
    ("2024-04-03", D(2024, 4, 3)),
    ("03.04.24", D(2024, 4, 3)),
    ("03/04/24", D(2024, 4, 3)),
    ("Wednesday 3 April 2024", D(2024, 4, 3)),
    ("Wednesday, 3 April 2024", D(2024, 4, 3)),
    ("03-Apr-2024", D(2024, 4, 3)),
    ("3rd of April 2024", D(2024, 4, 3)),
    ("Sent: 13 Feb. 2022 18:21", D(2022, 2, 13)),
    ("Date: Tue, 31 May 2022 07:20:37 +1000", D(2022, 5, 31)),
    ("DOB: 02 / 11 / 1979", D(1979, 11, 2)),
])
def test_australian_forms_read_day_first(text, expected):
    assert read(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Date of accident: 11/16/24. Date of exam: 01/06/25", [D(2024, 11, 16), D(2025, 1, 6)]),
    ("Injured April 3, 2024; seen May 9, 2024", [D(2024, 4, 3), D(2024, 5, 9)]),
    # no evidence either way: day-first
    ("Seen 01/06/25 and 02/07/25", [D(2025, 6, 1), D(2025, 7, 2)]),
    # one unambiguous day-first date settles the document
    ("Injured 25/03/2024, reviewed 04/05/2024", [D(2024, 3, 25), D(2024, 5, 4)]),
])
def test_month_first_only_on_evidence(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Date: 12 / 06 / 2O24", D(2024, 6, 12)),
    ("from O3/O4/2024", D(2024, 4, 3)),
    ("14 June 2O24", D(2024, 6, 14)),
])
def test_ocr_letters_inside_numbers(text, expected):
    assert read(text)[0] == expected


def test_partial_dates_take_the_nearest_year():
    assert read("Letter 02/01/2025. Certificate 28/12 to 10/1.") == [
        D(2025, 1, 2), D(2024, 12, 28), D(2025, 1, 10)]


@pytest.mark.parametrize("text", ["L4/5 disc", "pain 7/10 score 4/52", "Phone 0400 503 700",
                                  "$1,317.90 per week", "version 1.2.3", "ABN 85 650 436 055"])
def test_not_dates(text):
    assert all(v is None for v in read(text)) or read(text) == []
