"""File notes: the case manager's internal notes (calls, diary notes, case conferences,
team leader reviews, very short system notes)."""

from __future__ import annotations

import datetime as dt
import random
import re

from claimdex.generator.common import date_style, fmt_date, money, pick
from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Doc,
    DocSpec,
    Person,
    template,
)

DT = "file_note"

_CAP_SHORT = {"none": "nil capacity", "suitable_duties": "suitable duties",
              "pre_injury_duties": "PID / full capacity"}
_CAP_LONG = {"none": "no current capacity for work",
             "suitable_duties": "capacity for suitable duties",
             "pre_injury_duties": "fit for pre-injury duties"}


# ----------------------------------------------------------------------------- helpers


def _fd(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _short(d: dt.date) -> str:
    return f"{d.day}/{d.month}"


def _cert(story: ClaimStory, spec: DocSpec) -> Certificate | None:
    if isinstance(spec.about, Certificate):
        return spec.about
    best = None
    for c in story.certificates:
        if c.issued <= spec.date:
            best = c
    if best is None and story.certificates:
        best = story.certificates[0]
    return best


def _user(p: Person) -> str:
    return (p.first[0] + p.last).lower().replace("'", "").replace(" ", "")


def _clock(rng: random.Random) -> str:
    h = rng.randint(8, 16)
    m = rng.choice((0, 5, 10, 12, 15, 20, 25, 30, 34, 40, 45, 50, 55))
    return pick(rng, f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}",
                f"{h:02d}{m:02d}")


def _header(story: ClaimStory, spec: DocSpec, rng: random.Random, f, cm: Person,
            kind_label: str, fields: dict) -> list[str]:
    """One of several file-note header styles."""
    style = rng.randrange(4)
    if style == 0:
        fields["claim_number"] = story.claim_number
        fields["worker"] = story.worker.name
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
        return ["# FILE NOTE", f"Claim: {story.claim_number}   Worker: {story.worker.name}",
                f"Date: {f(spec.date)}   Time: {_clock(rng)}   By: {cm.name}",
                f"Type: {kind_label}", "---"]
    if style == 1:
        fields["claim_number"] = story.claim_number
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
        return [f"Note type: {kind_label} | Created by: {_user(cm)} ({cm.name}) | "
                f"{f(spec.date)} {_clock(rng)}",
                f"Claim {story.claim_number}", ""]
    if style == 2:
        fields["worker"] = story.worker.name
        return [f"{f(spec.date)} - {kind_label.upper()} - {story.worker.last.upper()}, "
                f"{story.worker.first}", ""]
    return [f"{f(spec.date)} {_clock(rng)}", ""]


def _sign(rng: random.Random, cm: Person, fields: dict) -> list[str]:
    s = rng.randrange(3)
    if s == 0:
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
        return ["", f"{cm.name}", cm.role or "Case Manager"]
    if s == 1:
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
        return ["", f"- {cm.first[0]}{cm.last[0]} ({cm.name})"]
    return ["", f"{cm.first[0]}{cm.last[0]}".upper()]



def _tidy(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines and trimming the ends."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)

def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict,
         hn: str = "") -> Doc:
    return Doc(doc_type=DT, template=f"{DT}/{variant}", kind=kind,
               text=_tidy(lines), date=spec.date, fields=fields,
               hard_negative_of=hn)


# ----------------------------------------------------------------------------- templates


@template(DT, "call_to_iw")
def call_to_iw(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _header(story, spec, rng, f, cm, pick(rng, "Phone - outbound", "Telephone call",
                                                   "Call out"), fields)
    lines.append(pick(rng, "Call to IW", "O/G call to IW", "Call to IW - answered",
                      "Rang IW on mob"))
    pain = rng.randint(3, 8)
    body = [
        f"IW advises {story.injury.body_part} still sore, pain {pain}/10"
        + pick(rng, ", worse in mornings.", ", some improvement.", ". Sleep disturbed."),
        pick(rng, "Attending physio 2x/wk, finds it helpful.",
             "Physio 1x/wk. Doing HEP.",
             "Has not started physio yet - waiting on appt."),
    ]
    if cert:
        body.append(f"Current CoC {_short(cert.date_from)}-{_short(cert.date_to)} "
                    f"{_CAP_SHORT[cert.capacity]}. Next NTD appt "
                    f"{_short(cert.date_to - dt.timedelta(days=rng.randint(0, 3)))}.")
    body += [
        pick(rng, "Discussed RTW - IW keen to go back on light duties.",
             "Discussed RTW. IW anxious about returning, reassured.",
             "RTW not discussed at length, IW not ready."),
        pick(rng, f"Confirmed weekly payments being paid based on {story.scheme.earnings_term}.",
             "IW queried payments - explained pay cycle, next pmt Thurs.",
             "No issues with payments."),
        pick(rng, "IW has no further questions.", "IW happy with claim progress.",
             "IW asked about travel reimb - advised to send receipts."),
    ]
    if rng.random() < 0.5:
        rng.shuffle(body)
    lines += body
    lines.append("")
    lines.append("Action: " + pick(rng, "f/u NTD re upgraded CoC. Diary 2 wks.",
                                   "diary f/u after NTD appt.", "nil further at this stage.",
                                   "request physio progress report."))
    lines += _sign(rng, cm, fields)
    return _doc(spec, "call_to_iw", "note", lines, fields)


@template(DT, "tc_from_employer")
def tc_from_employer(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    ec = story.employer_contact
    fields: dict[str, object] = {"doc_date": spec.date, "employer": story.employer.name}
    lines = _header(story, spec, rng, f, cm, pick(rng, "Phone - inbound", "Telephone", "T/C"),
                    fields)
    lines.append(f"T/C from employer - {ec.name} ({ec.role or 'supervisor'}), "
                 f"{story.employer.name}")
    items = [
        pick(rng, "ER confirms suitable duties available: admin, stock counts, labelling.",
             "ER advises no suitable duties currently available.",
             "ER can offer 4 hrs/day, 3 days/wk within restrictions."),
        pick(rng, "ER querying status of claim - advised liability provisionally accepted.",
             "ER asked for copy of latest CoC - will email.",
             "ER has been paying IW wages, wants reimbursement - advised send wage records."),
        pick(rng, "ER has not heard from IW since last wk.",
             "ER says IW in regular contact.",
             "ER raised concern IW seen at gym - advised to put in writing."),
    ]
    rng.shuffle(items)
    lines += items
    lines += ["", pick(rng, "Action: send CoC to ER. Update RTW plan.",
                       "Action: diary f/u ER 1 wk.", "Action: refer to rehab provider for "
                       "workplace assessment.", "Action: nil.")]
    lines += _sign(rng, cm, fields)
    return _doc(spec, "tc_from_employer", "note", lines, fields)


@template(DT, "case_conference_minutes")
def case_conference_minutes(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    gp, ec, rc = story.treating_doctor, story.employer_contact, story.rehab_consultant
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "claim_number": story.claim_number, "author": cm.name,
                                 "case_manager": cm.name, "employer": story.employer.name}
    venue = pick(rng, f"{story.practice.name}", "Teleconference", "Microsoft Teams",
                 f"{story.employer.name} premises")
    title = pick(rng, "Case Conference - Minutes", "CASE CONFERENCE NOTES",
                 "Minutes of case conference")
    lines = [f"# {title}",
             f"Date: {f(spec.date)}   Time: {_clock(rng)}   Venue: {venue}",
             f"Claim no.: {story.claim_number}   Worker: {story.worker.name}", "",
             "## Attendees"]
    attendees = [f"{story.worker.name} (worker)", f"{gp.formal} (NTD)",
                 f"{cm.name} (case manager, {story.insurer.name})"]
    if rng.random() < 0.7:
        attendees.append(f"{ec.name} ({ec.role or 'employer representative'}, "
                         f"{story.employer.name})")
    else:
        fields.pop("employer")
    if rng.random() < 0.6:
        attendees.append(f"{rc.name} ({rc.role or 'rehab consultant'}, "
                         f"{story.rehab_provider.name})")
    lines += [f"- {a}" for a in attendees]
    if rng.random() < 0.4:
        lines += ["Apologies: " + pick(rng, f"{story.physio.formal} (physio)", "Nil")]
    lines += ["", "## Discussion"]
    disc = [
        f"Current status: IW reports ongoing {story.injury.body_part} pain. "
        + pick(rng, "Gradual improvement with physio.", "Plateaued over last 2 wks.",
               "Some flare-ups after increased activity."),
        f"Diagnosis: {story.injury.diagnosis}.",
    ]
    if cert:
        disc.append(f"Capacity: current certificate {f(cert.date_from)} to {f(cert.date_to)}, "
                    f"{_CAP_LONG[cert.capacity]}.")
    disc += [
        pick(rng, "NTD supportive of graded RTW commencing on suitable duties.",
             "NTD considers upgrade to 6 hrs/day possible within 2 wks.",
             "NTD recommends specialist review before any change to capacity."),
        pick(rng, "Employer confirmed suitable duties available within restrictions.",
             "Employer able to provide seated duties in dispatch office.",
             "Employer to identify duties and advise rehab provider."),
        pick(rng, "Treatment: continue physio, review analgesia.",
             "Treatment: referral to exercise physiologist for graded conditioning.",
             "Treatment: awaiting MRI results."),
    ]
    for i, d in enumerate(disc, 1):
        lines.append(f"{i}. {d}")
    lines += ["", "## Actions", "| Action | Responsible | Due |"]
    due = spec.date + dt.timedelta(days=rng.randint(5, 14))
    acts = [
        ("Issue updated CoC reflecting agreed hours", gp.formal),
        ("Prepare RTW plan and circulate", rc.name),
        ("Approve further physio sessions", cm.name),
        ("Confirm duties and start date", ec.name),
        ("Diary review case conference", cm.name),
    ]
    rng.shuffle(acts)
    for a, who in acts[: rng.randint(3, 5)]:
        lines.append(f"| {a} | {who} | {f(due)} |")
    lines += ["", f"Next review: {f(spec.date + dt.timedelta(days=rng.choice((14, 21, 28))))}",
              "", f"Minutes taken by {cm.name}"]
    return _doc(spec, "case_conference_minutes", "note", lines, fields)


@template(DT, "diary_note")
def diary_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date}
    due = spec.date + dt.timedelta(days=rng.randint(3, 14))
    lines = [pick(rng, "DIARY", "Diary note", "Diary entry", "TASK")]
    lines.append(f"Due: {f(due)}")
    if cert and rng.random() < 0.6:
        fields["cert_to"] = cert.date_to
        lines.append(f"CoC expires {f(cert.date_to)} - f/u NTD if updated CoC not rec'd.")
    else:
        lines.append(pick(rng, "F/u physio progress report - requested 2 wks ago.",
                          "Chase wage info from ER for PIAWE calc.",
                          "Review IMP - due for update.",
                          "Call IW re RTW progress."))
    if rng.random() < 0.5:
        lines.append(f"Set by {cm.name}")
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
    return _doc(spec, "diary_note", "note", lines, fields)


@template(DT, "team_leader_review")
def team_leader_review(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    tl_first = pick(rng, "Karen", "Michael", "Leanne", "Stuart", "Amira", "Paul")
    tl_last = pick(rng, "Whitfield", "Barker", "Ionescu", "Delaney", "Foster", "Kaur")
    tl = f"{tl_first} {tl_last}"
    weeks = max(0, (spec.date - story.injury.date).days // 7)
    fields: dict[str, object] = {"doc_date": spec.date, "claim_number": story.claim_number,
                                 "worker": story.worker.name, "case_manager": cm.name,
                                 "author": tl, "injury_date": story.injury.date}
    lines = [f"# {pick(rng, 'Team Leader Review', 'TL FILE REVIEW', 'Claim Review - Team Leader')}",
             f"Claim {story.claim_number} | {story.worker.name} | DOI {f(story.injury.date)} "
             f"| wk {weeks}",
             f"CM: {cm.name}   Reviewed by: {tl} (Team Leader)   Date: {f(spec.date)}", ""]
    lines.append("## Compliance")
    for item in ("Initial contact within 3 business days", "Liability determined within "
                 "timeframe", "IMP issued", "Current CoC on file", "Payments up to date",
                 "Reserves reviewed"):
        lines.append(f"{'[x]' if rng.random() < 0.8 else '[ ]'} {item}")
    lines.append("")
    lines.append("## Comments")
    lines.append(pick(
        rng,
        f"Claim progressing. {story.injury.nature.capitalize()} {story.injury.body_part}. ",
        f"Wk {weeks} claim, {story.injury.body_part} injury. ",
        "Reviewed file notes and medicals. ",
    ) + (f"Current CoC {_CAP_SHORT[cert.capacity]} to {f(cert.date_to)}. " if cert else "")
      + pick(rng, "RTW plan in place.", "No RTW yet - needs focus.",
             "Treatment appears reasonable."))
    lines.append("")
    lines.append("## Directions")
    dirs = [
        "Arrange case conference with NTD within 2 wks.",
        "Consider IME if no progress by next review.",
        "Update IMP to reflect current capacity.",
        "Refer to workplace rehab provider.",
        "Check PIAWE calc - overtime component not verified.",
        "Update reserve.",
    ]
    rng.shuffle(dirs)
    for i, d in enumerate(dirs[: rng.randint(2, 4)], 1):
        lines.append(f"{i}. {d}")
    lines += ["", f"Next TL review: {f(spec.date + dt.timedelta(days=rng.choice((30, 60, 90))))}",
              f"- {tl}"]
    return _doc(spec, "team_leader_review", "note", lines, fields)


@template(DT, "very_short_note")
def very_short_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    fields: dict[str, object] = {"doc_date": spec.date}
    txt = pick(
        rng,
        "Rec'd updated CoC via fax. Saved to file. Payments updated.",
        "Left VM for IW to call back.",
        "Called NTD rooms - Dr not available, msg left with reception.",
        "Physio tax invoice rec'd - processed for payment.",
        "Emailed ER copy of CoC.",
        "IW called - wanted to confirm next pmt date. Confirmed.",
        "No answer on IW mob. SMS sent.",
        "Rec'd med cert - updated capacity in system.",
    )
    style = rng.randrange(3)
    if style == 0:
        lines = [f"{f(spec.date)} {txt}"]
    elif style == 1:
        lines = [f"FN {f(spec.date)}", txt, f"{cm.first[0]}{cm.last[0]}"]
    else:
        lines = [txt, f"{cm.name} {f(spec.date)}"]
        fields["author"] = cm.name
        fields["case_manager"] = cm.name
    return _doc(spec, "very_short_note", "note", lines, fields)


def _stints(story: ClaimStory, spec: DocSpec) -> tuple[CaseManagerStint | None, CaseManagerStint]:
    ab = spec.about
    if (isinstance(ab, tuple) and len(ab) == 2
            and all(isinstance(x, CaseManagerStint) for x in ab)):
        return ab[0], ab[1]
    stints = story.case_managers
    cur_i = 0
    for i, s in enumerate(stints):
        if s.start <= spec.date:
            cur_i = i
    if cur_i > 0:
        return stints[cur_i - 1], stints[cur_i]
    if len(stints) > 1:
        return stints[0], stints[1]
    return None, stints[0]


@template(DT, "reallocation_note")
def reallocation_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """One-or-two-line note that the claim moved to another case manager (not a handover)."""
    f = _fd(rng)
    old, new = _stints(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date}
    eff = f(new.start if old else spec.date)
    if old:
        fields["handover_from"] = old.person.name
        fields["handover_to"] = new.person.name
        txt = pick(
            rng,
            f"Claim reallocated from {old.person.name} to {new.person.name} eff {eff} - "
            "workload balancing.",
            f"File transferred to {new.person.name} "
            f"({pick(rng, 'portfolio change', 'team restructure', 'CM leave')}). "
            f"Prev CM {old.person.name}.",
            f"Reallocation: {old.person.name} -> {new.person.name} as of {eff}.",
        )
    else:
        fields["handover_to"] = new.person.name
        txt = pick(rng, f"Claim allocated to {new.person.name} eff {eff}.",
                   f"Claim reassigned to {new.person.name} in the Complex Claims team.")
    lines = [f"{f(spec.date)} - {pick(rng, 'Reallocation', 'Admin', 'System note', 'File note')}",
             txt]
    if rng.random() < 0.4:
        lines.append(pick(rng, "IW and ER to be notified by letter.", "No further action."))
    return _doc(spec, "reallocation_note", "note", lines, fields, hn="handover_note")


@template(DT, "ntd_call_certificate")
def ntd_call_certificate(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Phone call with the NTD about a certificate: a file note, not the certificate itself."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    gp = cert.doctor if cert else story.treating_doctor
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _header(story, spec, rng, f, cm, pick(rng, "Phone - provider", "Telephone call",
                                                   "Call - NTD"), fields)
    lines.append(pick(rng, f"Call to NTD {gp.formal} re CoC",
                      f"T/C with {gp.formal} (NTD) re certificate",
                      f"Spoke to NTD {gp.formal} re latest CoC"))
    if cert:
        fields.update(cert_from=cert.date_from, cert_to=cert.date_to, capacity=cert.capacity)
        lines.append(f"CoC dated {f(cert.issued)} certifies {_CAP_SHORT[cert.capacity]} "
                     f"{f(cert.date_from)} to {f(cert.date_to)}.")
        if cert.capacity == "suitable_duties":
            lines.append(f"Hrs: {cert.hours_per_day} hrs/day, {cert.days_per_week} days/wk.")
            if cert.restrictions:
                lines.append("Restrictions: " + "; ".join(cert.restrictions) + ".")
    lines += [
        pick(rng, "Dr advises IW progressing slowly, wants to hold current capacity for now.",
             "Dr open to upgrade at next review if physio reports improvement.",
             "Discussed suitable duties available with ER - Dr agreeable to graded RTW.",
             "Dr queried whether ER can accommodate restrictions - confirmed yes."),
        pick(rng, "Asked Dr to specify restrictions more clearly on next CoC (lifting limit).",
             "Dr will consider referral to specialist.",
             "Dr confirmed diagnosis unchanged.",
             "Dr requested approval for further physio - advised to send request."),
        "",
        "Action: " + pick(rng, "update ER with restrictions.", "diary f/u next CoC.",
                          "send Dr copy of suitable duties plan.", "nil."),
    ]
    lines += _sign(rng, cm, fields)
    return _doc(spec, "ntd_call_certificate", "note", lines, fields, hn="certificate_of_capacity")


@template(DT, "system_log_export")
def system_log_export(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    fields: dict[str, object] = {"doc_date": spec.date, "claim_number": story.claim_number,
                                 "worker": story.worker.name}
    lines = [f"Claim Notes - {story.claim_number} - {story.worker.name.upper()}",
             f"Printed {f(spec.date)}", "",
             "| Date | Time | Type | User | Note |"]
    entries = [
        ("Phone", "Call to IW - no answer, VM left."),
        ("Phone", "IW returned call. Pain ongoing, attending physio."),
        ("Doc", "CoC rec'd and indexed."),
        ("Email", "Emailed ER re suitable duties."),
        ("Diary", "F/u NTD re progress report."),
        ("Phone", "T/C from ER - duties available from Mon."),
        ("Payment", "Weekly comp processed."),
        ("Doc", "Physio invoice rec'd."),
        ("Review", "File reviewed. RTW plan on track."),
    ]
    rng.shuffle(entries)
    n = rng.randint(4, 8)
    day = spec.date - dt.timedelta(days=rng.randint(n, n * 4))
    day = max(day, story.injury.date)
    for typ, note in entries[:n]:
        lines.append(f"| {f(day)} | {_clock(rng)} | {typ} | {_user(cm)} | {note} |")
        day = min(spec.date, day + dt.timedelta(days=rng.randint(1, 5)))
    lines += ["", pick(rng, "End of report", "Page 1 of 1", "-- end --")]
    return _doc(spec, "system_log_export", "note", lines, fields)


@template(DT, "strategy_note")
def strategy_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "case_manager": cm.name, "author": cm.name,
                                 "injury_date": story.injury.date}
    lines = [f"## {pick(rng, 'Claim strategy', 'Action plan', 'Case plan - file note')}",
             f"{f(spec.date)} | {cm.name}", "",
             f"Hx: DOI {f(story.injury.date)}. {story.injury.mechanism}",
             f"Dx: {story.injury.diagnosis}.",
             ]
    if cert:
        lines.append(f"Capacity: {_CAP_SHORT[cert.capacity]} to {f(cert.date_to)}.")
    sections = [
        ("Liability", pick(rng, "Accepted. No issues.", "Provisional - decision due soon.",
                           "Accepted; s11A not raised.")),
        ("Medical", pick(rng, "Physio ongoing. Consider specialist referral if no improvement.",
                         "Ix: MRI requested by NTD - approve.",
                         "Rx: analgesia + physio. Review at 6 wks.")),
        ("RTW", pick(rng, "Suitable duties with ER from next wk.",
                     "Refer rehab provider for RTW planning.",
                     "Pre-injury duties expected within 4-6 wks.")),
        ("Risks", pick(rng, "Delayed recovery; IW anxious re RTW.", "Nil identified.",
                       "ER relationship strained.")),
    ]
    rng.shuffle(sections)
    for name, txt in sections:
        lines.append(f"{name}: {txt}")
    lines += ["", "Next steps:", f"- {pick(rng, 'Call IW', 'Case conf', 'Request report')} by "
              f"{f(spec.date + dt.timedelta(days=7))}", "- Diary 2 wks"]
    if story.injury.body_part in "\n".join(lines):
        fields["body_part"] = story.injury.body_part
    return _doc(spec, "strategy_note", "note", lines, fields)


@template(DT, "provider_call")
def provider_call(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    who, org, tag = rng.choice((
        (story.physio, story.physio_practice, "physio"),
        (story.rehab_consultant, story.rehab_provider, "rehab"),
    ))
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _header(story, spec, rng, f, cm, pick(rng, "Phone - provider", "Phone"), fields)
    lines.append(f"{pick(rng, 'T/C from', 'Call to', 'Spoke with')} {who.name} ({tag}, {org.name})")
    if tag == "physio":
        lines += [
            f"Pt attended {rng.randint(3, 12)} sessions to date.",
            pick(rng, "ROM improving, strength still reduced.",
                 "Slow progress, pain limiting exercise.",
                 "Good compliance with HEP."),
            pick(rng, "Requesting further 6 sessions - advised send treatment request form.",
                 "Recommends transition to gym-based program.",
                 "Suggests hydrotherapy trial."),
        ]
    else:
        lines += [
            pick(rng, "Workplace assessment completed - duties identified.",
                  "RTW plan drafted, awaiting NTD sign off.",
                  "IW commenced suitable duties Mon, tolerating well."),
            pick(rng, "Will send progress report by end of wk.",
                  "Requests approval for further 10 hrs.",
                  "Concern re IW motivation, to discuss at case conf."),
        ]
    lines.append("Action: " + pick(rng, "diary f/u.", "approve as requested.", "await report."))
    lines += _sign(rng, cm, fields)
    return _doc(spec, "provider_call", "note", lines, fields)


@template(DT, "piawe_payment_note")
def piawe_payment_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    term = story.scheme.earnings_term
    base = story.hourly_rate * story.ordinary_hours
    extra = max(0.0, story.piawe - base)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name}
    lines = [f"File note - {term} / payments", f"{f(spec.date)}", "",
             f"IW: {story.worker.name}" + (f"  Claim: {story.claim_number}"
                                           if rng.random() < 0.5 else "")]
    if "Claim:" in lines[-1]:
        fields["claim_number"] = story.claim_number
    lines += [
        pick(rng, "Wage info rec'd from ER (52 wks pay history).",
             "Payroll records received from employer.",
             "ER provided payslips for relevant period."),
        f"Ordinary: {story.ordinary_hours:g} hrs x {money(story.hourly_rate)} = {money(base)}",
    ]
    if extra > 0.5:
        lines.append(f"Overtime/allowances avg: {money(extra)}")
    lines.append(f"{term} calculated: {money(story.piawe)} p/w")
    lines.append(pick(rng, "Letter to IW confirming rate to issue.",
                      "Payments adjusted from next cycle; arrears calc to follow.",
                      "Entered in system."))
    lines += _sign(rng, cm, fields)
    return _doc(spec, "piawe_payment_note", "note", lines, fields)


@template(DT, "claim_review_long")
def claim_review_long(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A long structured file review note (e.g. 13-week or 26-week claim review)."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    inj = story.injury
    weeks = max(1, (spec.date - inj.date).days // 7)
    fields: dict[str, object] = {"doc_date": spec.date, "claim_number": story.claim_number,
                                 "worker": story.worker.name, "employer": story.employer.name,
                                 "injury_date": inj.date, "body_part": inj.body_part,
                                 "author": cm.name, "case_manager": cm.name}
    title = pick(rng, f"{weeks}-week claim review", "FILE REVIEW NOTE", "Claim Review - File Note",
                 "Periodic claim review")
    lines = [f"# {title}", f"Claim: {story.claim_number}   Worker: {story.worker.name}",
             f"Employer: {story.employer.name}   Occupation: {story.worker_occupation}",
             f"DOI: {f(inj.date)}   Review date: {f(spec.date)}   Wk {weeks}",
             f"Case manager: {cm.name}", "---"]
    n = 0
    numbered = rng.random() < 0.6

    def sec(name: str) -> None:
        nonlocal n
        n += 1
        lines.append("")
        lines.append(f"## {n}. {name}" if numbered else f"## {name}")

    sec("Injury / Hx")
    lines += [f"Mechanism: {inj.mechanism}", f"Nature: {inj.nature}. Body part: {inj.body_part}.",
              f"Dx: {inj.diagnosis}.",
              f"Notified {f(story.notification_date)}; claim form rec'd {f(story.claim_lodged)}."]
    sec("Liability")
    if story.decisions:
        for d in story.decisions:
            if d.date <= spec.date:
                lines.append(f"- {f(d.date)}: {d.kind.replace('_', ' ')}"
                             + (f" ({money(d.weekly_amount)} p/w)" if d.weekly_amount else ""))
    lines.append(pick(rng, "No liability issues identified.",
                      "Liability status current; no disputes lodged.",
                      "Consider whether further factual information is required."))
    sec("Certification")
    certs = [c for c in story.certificates if c.issued <= spec.date] or list(story.certificates[:1])
    if certs:
        lines.append("| Issued | From | To | Capacity | Hrs/day | Days/wk | Doctor |")
        for c in certs:
            lines.append(f"| {f(c.issued)} | {f(c.date_from)} | {f(c.date_to)} | "
                         f"{_CAP_SHORT[c.capacity]} | {c.hours_per_day or '-'} | "
                         f"{c.days_per_week or '-'} | {c.doctor.formal} |")
        last = certs[-1]
        if last.restrictions:
            lines.append("Current restrictions: " + "; ".join(last.restrictions) + ".")
    else:
        lines.append("No CoC on file - follow up NTD.")
    sec("Treatment")
    tx = [
        f"NTD: {story.treating_doctor.formal}, {story.practice.name}. Reviews every 2-4 wks.",
        f"Physio: {story.physio.formal}, {story.physio_practice.name}; "
        f"{rng.randint(4, 16)} sessions approved to date.",
        pick(rng, f"Specialist: referred to {story.specialist.formal}; appt pending.",
             f"Specialist: reviewed by {story.specialist.formal}, conservative Mx recommended.",
             "Specialist: not required at this stage."),
        pick(rng, "Ix: MRI completed, results consistent with Dx.", "Ix: X-ray NAD.",
             "Ix: nil further planned."),
        pick(rng, "Medication: simple analgesia.", "Medication: NSAIDs + neuropathic agent.",
             "Medication: per NTD."),
    ]
    lines += [f"- {t}" for t in tx]
    sec("Return to work")
    lines += [
        pick(rng, "IW on suitable duties with pre-injury ER, hours increasing per plan.",
             "IW currently not working. ER has duties available.",
             "IW returned to pre-injury duties; monitoring.",
             "ER unable to accommodate; consider vocational options."),
        f"Rehab provider: {story.rehab_consultant.name} ({story.rehab_provider.name}).",
        pick(rng, "RTW plan reviewed and current.", "RTW plan requires update.",
             "No RTW plan yet - referral sent."),
    ]
    sec("Weekly payments")
    lines += [f"{story.scheme.earnings_term}: {money(story.piawe)}.",
              pick(rng, "Payments current.", "Step-down applies from wk 14.",
                   "Make-up pay calculated on actual hours worked.")]
    sec("Costs / reserve")
    paid = rng.randint(2, 40) * 250
    lines += [f"Paid to date: {money(paid)}. Estimate: {money(paid * rng.choice((2, 3, 4)))}.",
              pick(rng, "Reserve adequate.", "Reserve increased.", "Reserve reduced.")]
    sec("Risks / barriers")
    risks = ["Delayed recovery beyond expected timeframe", "Psychosocial flags (fear avoidance)",
             "Limited suitable duties at ER", "Poor communication with NTD",
             "Secondary psychological condition", "Nil significant"]
    rng.shuffle(risks)
    lines += [f"- {r}" for r in risks[: rng.randint(1, 3)]]
    sec("Plan / actions")
    acts = ["Case conference with NTD and ER", "Request updated physio report",
            "Update IMP", "Consider IME re capacity and treatment", "Call IW fortnightly",
            "Review PIAWE", "Diary next review"]
    rng.shuffle(acts)
    for i, a in enumerate(acts[: rng.randint(3, 6)], 1):
        due = spec.date + dt.timedelta(days=rng.choice((7, 14, 21, 28)))
        lines.append(f"{i}. {a} - by {f(due)}")
    lines += ["", f"Next review: {f(spec.date + dt.timedelta(days=rng.choice((28, 42, 91))))}",
              "", f"{cm.name}", cm.role or "Case Manager"]
    return _doc(spec, "claim_review_long", "note", lines, fields)
