"""The claim timeline: events in order with their sources, certificate periods, case-manager
stints and changes read robustly from noisy sightings, claim facts chosen by vote."""

from __future__ import annotations

import datetime as dt

from claimdex.timeline import build_timeline, claim_fact, name_key
from tests.claim.build import cert, doc, view

D = dt.date


def test_events_are_dated_ordered_and_sourced():
    tl = build_timeline(view(
        doc("liability_notice", "2024-03-08", decision="provisional", name="pl.pdf"),
        doc("injury_notification", "2024-03-04", injury_date="2024-03-02"),
        cert("2024-03-04", "2024-03-17", "none", author="Anita Raman"),
        doc("ime_report", "2024-04-20", exam_date="2024-04-10", examiner="Helen Forsyth"),
        doc("consent_form", "2024-03-05"),
    ))
    kinds = [(e.date, e.kind) for e in tl.events]
    assert kinds == sorted(kinds, key=lambda k: k[0])
    assert (D(2024, 3, 2), "injury") in kinds and (D(2024, 3, 4), "notification") in kinds
    assert (D(2024, 4, 10), "ime") in kinds and (D(2024, 4, 20), "ime") in kinds
    notice = next(e for e in tl.events if e.kind == "liability")
    assert "provisional" in notice.text and notice.source.name == "claim/pl.pdf"
    assert "04/03/2024 to 17/03/2024" in next(e.text for e in tl.events if e.kind == "certificate")
    assert all(e.source is not None for e in tl.events)


def test_notification_prefers_the_employer_notice():
    tl = build_timeline(view(doc("liability_notice", "2024-03-08", notification_date="2024-03-06"),
                             doc("injury_notification", "2024-03-05")))
    assert tl.notification.value == "2024-03-05"
    tl = build_timeline(view(doc("liability_notice", "2024-03-08", notification_date="2024-03-06"),
                             doc("claim_form", "2024-03-07")))
    assert tl.notification.value == "2024-03-06"


def test_change_of_case_manager_and_its_window():
    tl = build_timeline(view(
        doc("file_note", "2024-03-01", case_manager="Chloe Nguyen"),
        doc("correspondence", "2024-03-20", case_manager="Chloe Nguyen"),
        doc("correspondence", "2024-04-10", case_manager="Daniel O'Brien"),
        doc("file_note", "2024-04-30", case_manager="Daniel O'Brien"),
        doc("file_note", "2024-05-09", case_manager="Chloe Nguyen"),  # a late mention
        doc("liability_notice", "2024-05-20", case_manager="Daniel O'Brien"),
    ))
    assert [s.name for s in tl.case_managers] == ["Chloe Nguyen", "Daniel O'Brien"]
    (change,) = tl.changes
    assert (change.after, change.by) == (D(2024, 3, 20), D(2024, 4, 10))


def test_early_misdated_sighting_does_not_move_the_change():
    tl = build_timeline(view(
        doc("file_note", "2024-01-05", case_manager="Daniel O'Brien"),  # misread date
        *[doc("correspondence", f"2024-02-{d:02d}", case_manager="Chloe Nguyen") for d in (1, 9, 20)],
        *[doc("correspondence", f"2024-03-{d:02d}", case_manager="Daniel O'Brien") for d in (4, 12, 25)],
    ))
    (change,) = tl.changes
    assert change.old == "Chloe Nguyen" and change.by == D(2024, 3, 4)


def test_spellings_of_one_person_are_one_case_manager():
    assert name_key("Dr Tahlia K. Kelly") == name_key("tahlia kelly") == "t kelly"
    tl = build_timeline(view(doc("file_note", "2024-03-01", case_manager="Tahlia Kelly"),
                             doc("file_note", "2024-03-09", case_manager="T. Kelly")))
    assert len(tl.case_managers) == 1 and not tl.changes


def test_a_weak_single_sighting_is_ignored():
    tl = build_timeline(view(doc("file_note", "2024-03-01", case_manager="Tahlia Kelly"),
                             doc("file_note", "2024-03-09", confidence=0.5, case_manager="Sam Lee")))
    assert [s.name for s in tl.case_managers] == ["Tahlia Kelly"]


def test_certificates_with_unreadable_periods_are_kept_apart():
    tl = build_timeline(view(cert("2024-03-04", "2024-03-17", "none"),
                             cert("2024-03-18", "2023-01-01", "none"),  # ends before it starts
                             doc("certificate_of_capacity", "2024-04-01", capacity="none")))
    assert len(tl.certificates) == 1 and len(tl.unread_certificates) == 2


def test_claim_fact_votes_and_prefers_the_right_documents():
    v = view(doc("file_note", "2024-03-01", worker="Jon Smith"),
             doc("file_note", "2024-03-02", worker="Jon Smith"),
             doc("claim_form", "2024-03-03", worker="John Smith"),
             doc("injury_notification", "2024-03-03", worker="John Smith"))
    fact = claim_fact(v, "worker")
    assert fact.value in ("John Smith", "Jon Smith")  # same key: j smith
    assert fact.votes == 4 and fact.sources[0].doc_type in ("claim_form", "injury_notification")
    employer = claim_fact(view(doc("claim_form", None, employer="Acme Pty Ltd"),
                               doc("file_note", None, employer="ACME PTY LTD"),
                               doc("file_note", None, employer="Other Co")), "employer")
    assert employer.value in ("Acme Pty Ltd", "ACME PTY LTD") and employer.votes == 2
