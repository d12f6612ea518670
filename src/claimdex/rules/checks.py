"""The rules, one small function each: a claim and its settings in, findings out."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from claimdex.models import ClaimView, DocumentView, Evidence, Finding
from claimdex.rules.pack import BusinessCalendar, RuleSettings
from claimdex.timeline import CAPACITY_TEXT, Timeline, dated, name_key, source_of


@dataclass(frozen=True, slots=True)
class _Claim:
    view: ClaimView
    timeline: Timeline
    calendar: BusinessCalendar

    def of_type(self, doc_type: str) -> tuple[DocumentView, ...]:
        return self.view.of_type(doc_type)

    def finding(self, settings: RuleSettings, message: str, evidence: list[Evidence]) -> Finding:
        seen: set[tuple[str, tuple[int, ...]]] = set()
        unique = []
        for item in evidence:
            if (item.document_id, item.pages) not in seen:
                seen.add((item.document_id, item.pages))
                unique.append(item)
        return Finding(self.view.claim, settings.rule, settings.severity, message, tuple(unique),
                       settings.standard)

    def anchor(self) -> list[Evidence]:
        """Evidence that the claim exists: its notification, else its first dated document."""
        note = self.timeline.notification
        if note is not None and note.sources:
            return [note.sources[0].evidence(_day(note.value), "notification")]
        docs = sorted((d for d in self.view.documents if d.is_primary and dated(d)),
                      key=lambda d: dated(d))
        return [_evidence(docs[0], "first dated document")] if docs else []


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _evidence(doc: DocumentView, note: str = "", field: str = "doc_date") -> Evidence:
    return source_of(doc, field).evidence(dated(doc, field) or dated(doc), note)


def _fmt(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else "an unknown date"


def consent_missing(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    if claim.of_type("consent_form"):
        return []
    return [claim.finding(settings, "No signed consent form (worker's authority) is on file.",
                          claim.anchor())]


def _exchanges(claim: _Claim, settings: RuleSettings) -> list[Evidence]:
    """Third-party exchanges of information, earliest first."""
    found: list[tuple[dt.date, Evidence]] = []
    for doc_type in settings.get("exchange_types"):  # type: ignore[union-attr]
        for doc in claim.of_type(str(doc_type)):
            days = [d for d in (dated(doc, sure=True), dated(doc, "exam_date", sure=True)) if d]
            if days:
                day = min(days)
                field = "exam_date" if dated(doc, "exam_date", sure=True) == day else "doc_date"
                found.append((day, source_of(doc, field).evidence(day, str(doc_type).replace("_", " "))))
    if settings.get("practitioner_requests"):
        for doc in claim.view.documents:
            day = dated(doc, sure=True)
            if doc.is_primary and doc.value("information_request") == "treating_practitioner" and day:
                found.append((day, _evidence(doc, "request to a treating practitioner")))
    return [e for _, e in sorted(found, key=lambda x: x[0])]


def consent_late(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    consents = [(dated(d, sure=True), d) for d in claim.of_type("consent_form")]
    if not consents or any(day is None for day, _ in consents):
        return []  # missing is another rule; an undated consent may well be early
    first_day, first = min(consents, key=lambda x: x[0])
    exchanges = _exchanges(claim, settings)
    if not exchanges or _day(exchanges[0].date or "") is None:
        return []
    exchange_day = _day(exchanges[0].date)
    if first_day <= exchange_day:
        return []
    message = (f"The first consent form is dated {_fmt(first_day)}, after information was first "
               f"exchanged with a third party on {_fmt(exchange_day)} ({exchanges[0].note}).")
    return [claim.finding(settings, message, [_evidence(first, "first consent form"), exchanges[0]])]


def handover_missing(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    span = int(settings.get("business_days"))  # type: ignore[arg-type]
    notes = [(dated(d), d) for d in claim.of_type("handover_note")]
    out: list[Finding] = []
    for change in claim.timeline.changes:
        start = claim.calendar.add(change.after, -span)
        end = claim.calendar.add(change.by, span)
        covering = [d for day, d in notes if day is not None and start <= day <= end]
        wide_start, wide_end = claim.calendar.add(change.after, -4 * span), claim.calendar.add(change.by, 4 * span)
        # a note naming either manager, or whose date was only guessed, counts if near
        near = [d for day, d in notes if (day is None or wide_start <= day <= wide_end)
                and (_names(d, change.new) or _names(d, change.old) or dated(d, sure=True) is None)]
        if covering or near:
            continue
        when = (f"on {_fmt(change.by)}" if change.after == change.by
                else f"between {_fmt(change.after)} and {_fmt(change.by)}")
        message = (f"The case manager changed from {change.old} to {change.new} {when}; no "
                   f"handover note is dated within {span} business days of the change.")
        evidence = [s.evidence(None, f"case manager {name}")
                    for s, name in zip(change.sources, (change.new, change.old), strict=False)]
        out.append(claim.finding(settings, message, evidence))
    return out


def _names(doc: DocumentView, person: str) -> bool:
    return any(name_key(f.value) == name_key(person) for f in doc.fields
               if f.name in ("handover_to", "handover_from"))


def coc_gap(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    capacities = set(settings.get("capacities"))  # type: ignore[arg-type]
    min_gap = int(settings.get("min_gap_days"))  # type: ignore[arg-type]
    certs = claim.timeline.certificates
    out: list[Finding] = []
    cover = None  # the certificate reaching furthest so far
    for cert in certs:
        if cover is not None and cover.end is not None:
            uncovered = (cert.start - cover.end).days - 1
            first_day = cover.end + dt.timedelta(days=1)
            last_day = cert.start - dt.timedelta(days=1)
            if uncovered >= max(1, min_gap) and cover.capacity in capacities and not _unread_in(
                    claim, first_day, last_day):
                message = (f"No certificate of capacity covers {_fmt(first_day)} to {_fmt(last_day)} "
                           f"({uncovered} day{'s' if uncovered != 1 else ''}); the certificate before "
                           f"the gap certified {CAPACITY_TEXT.get(cover.capacity or '', '?')}.")
                out.append(claim.finding(settings, message, [
                    cover.source.evidence(cover.end, f"certificate {_fmt(cover.start)} to {_fmt(cover.end)}"),
                    cert.source.evidence(cert.start, f"next certificate from {_fmt(cert.start)}")]))
        if cover is None or cover.end is None:
            cover = cert if cover is None else cover
        elif cert.end is None or cert.end >= cover.end:
            cover = cert
    return out


def _unread_in(claim: _Claim, first: dt.date, last: dt.date) -> bool:
    """A certificate on file whose period could not be read may cover the gap. Stay silent
    when one is not dated at all, or when what such certificates could cover (a week before
    their date to five weeks after) leaves less than a week of the gap uncovered."""
    unread = [day for day, _ in claim.timeline.unread_certificates]
    if any(day is None for day in unread):
        return True
    near = [day for day in unread if day is not None
            and first - dt.timedelta(days=42) <= day <= last + dt.timedelta(days=7)]
    if not near:
        return False
    days = {first + dt.timedelta(days=i) for i in range((last - first).days + 1)}
    for day in near:
        days -= {day + dt.timedelta(days=i) for i in range(-7, 36)}
    return len(days) < 7


def imp_missing(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    limit = int(settings.get("no_capacity_days_over"))  # type: ignore[arg-type]
    span = int(settings.get("business_days"))  # type: ignore[arg-type]
    nil = [c for c in claim.timeline.certificates if c.capacity == "none" and c.end is not None]
    days = _union_days((c.start, c.end) for c in nil)  # type: ignore[misc]
    if days <= limit:
        return []
    plans = [(dated(d, sure=True), d) for d in claim.of_type("injury_management_plan")]
    note = claim.timeline.notification
    anchor = _day(note.value) if note is not None else None
    evidence = claim.anchor() + [c.source.evidence(c.start, f"no capacity {_fmt(c.start)} to {_fmt(c.end)}")
                                 for c in nil[:3]]
    if anchor is None:
        if plans:
            return []
        return [claim.finding(settings, f"Certificates certify no capacity for {days} days (a "
                              "significant injury) and no injury management plan is on file.", evidence)]
    deadline = claim.calendar.add(anchor, span)
    if any(day is not None and day <= deadline for day, _ in plans) or any(day is None for day, _ in plans):
        return []
    later = sorted(day for day, _ in plans if day is not None)
    what = (f"the first plan is dated {_fmt(later[0])}" if later
            else "no injury management plan is on file")
    message = (f"Certificates certify no capacity for {days} days (a significant injury); an injury "
               f"management plan was due within {span} business days of notification on "
               f"{_fmt(anchor)} (by {_fmt(deadline)}), but {what}.")
    if later:
        first_plan = min((d for d in plans if d[0] is not None), key=lambda x: x[0])[1]
        evidence.append(_evidence(first_plan, "first injury management plan"))
    return [claim.finding(settings, message, evidence)]


def _union_days(periods) -> int:
    total = 0
    reach: dt.date | None = None
    for start, end in sorted(periods):
        if reach is not None and start <= reach:
            start = reach + dt.timedelta(days=1)
        if end >= start:
            total += (end - start).days + 1
        reach = end if reach is None else max(reach, end)
    return total


def liability_notice_late(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    window = int(settings.get("calendar_days"))  # type: ignore[arg-type]
    note = claim.timeline.notification
    anchor = _day(note.value) if note is not None else None
    if anchor is None:
        return []
    notices = [(dated(d, sure=True), d) for d in claim.of_type("liability_notice")]
    deadline = anchor + dt.timedelta(days=window)
    if any(day is None or day <= deadline for day, _ in notices):
        return []
    later = sorted((x for x in notices if x[0] is not None), key=lambda x: x[0])
    if later:
        day, doc = later[0]
        message = (f"The first liability notice is dated {_fmt(day)}, {(day - anchor).days} days "
                   f"after notification on {_fmt(anchor)} (due within {window} calendar days).")
        evidence = claim.anchor() + [_evidence(doc, "first liability notice")]
    else:
        message = (f"No liability notice is on file; one was due within {window} calendar days of "
                   f"notification on {_fmt(anchor)}.")
        evidence = claim.anchor()
    return [claim.finding(settings, message, evidence)]


def claim_form_missing(claim: _Claim, settings: RuleSettings) -> list[Finding]:
    decisions = set(settings.get("decisions"))  # type: ignore[arg-type]
    accepted = [d for d in claim.of_type("liability_notice") if d.value("decision") in decisions]
    if not accepted or claim.of_type("claim_form"):
        return []
    first = min(accepted, key=lambda d: dated(d) or dt.date.max)
    return [claim.finding(settings, "Liability was accepted but no worker's claim form is on file.",
                          [_evidence(first, "liability accepted", "decision")])]


RULES = {
    "CONSENT_MISSING": consent_missing,
    "CONSENT_LATE": consent_late,
    "HANDOVER_MISSING": handover_missing,
    "COC_GAP": coc_gap,
    "IMP_MISSING": imp_missing,
    "LIABILITY_NOTICE_LATE": liability_notice_late,
    "CLAIM_FORM_MISSING": claim_form_missing,
}
