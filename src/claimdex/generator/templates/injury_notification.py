"""Injury notification templates: the employer tells the insurer about a work injury."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import date_style, fmt_date, join_lines, pick, tick
from claimdex.generator.model import ClaimStory, Doc, DocSpec, template

DOC_TYPE = "injury_notification"


# ---------------------------------------------------------------- private helpers


def _dater(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _opt(rng: random.Random, p: float, text: str) -> str | None:
    return text if rng.random() < p else None


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str | None], fields: dict,
         hard_negative_of: str = "", headers: dict[str, str] | None = None) -> Doc:
    text = join_lines(*lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Doc(doc_type=DOC_TYPE, template=f"{DOC_TYPE}/{variant}", kind=kind, text=text,
               date=spec.date, fields=fields, email_headers=headers or {},
               hard_negative_of=hard_negative_of)


def _fields(story: ClaimStory, spec: DocSpec, **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "employer": story.employer.name,
        "injury_date": story.injury.date,
    }
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _email(person_first: str, person_last: str, domain: str) -> str:
    local = f"{person_first}.{person_last}".lower().replace("'", "").replace(" ", "")
    return f"{local}@{domain or 'example.com.au'}"


def _he(story: ClaimStory) -> tuple[str, str]:
    t = story.worker.title
    if t in ("Ms", "Mrs", "Miss"):
        return "she", "her"
    if t == "Mr":
        return "he", "his"
    return "they", "their"


def _first_aid(story: ClaimStory, rng: random.Random) -> str:
    if story.injury.psychological:
        return pick(rng, "EAP details provided", "Nil - EAP offered",
                    "Spoke with manager; sent home")
    return pick(rng, "Ice pack applied by first aid officer", "Nil first aid",
                "First aid officer attended; advised to see GP",
                "Ambulance called", "Taken to medical centre by supervisor")


def _time_lost(story: ClaimStory, rng: random.Random) -> tuple[str, bool]:
    lost = rng.random() < 0.7
    if lost:
        return pick(rng, "Yes - has not returned to work since the injury",
                    "Yes - left work early on the day and remains off",
                    "Yes - off work, certificate to follow"), True
    return pick(rng, "No - remains at work on normal duties",
                "No - working modified duties"), False


def _witnesses(story: ClaimStory, rng: random.Random) -> list[str]:
    return rng.choice([
        ["Nil"],
        [f"{story.employer_contact.name} ({story.employer_contact.role or 'supervisor'}) - "
         f"{story.employer_contact.phone or 'via switch'}"],
        ["Co-worker (name to be confirmed)"],
        ["Not witnessed"],
    ])


def _policy(story: ClaimStory, rng: random.Random) -> str:
    return f"{pick(rng, 'WC', 'POL', 'P')}{rng.randint(1000000, 9999999)}"


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "employer_report_form")
def employer_report_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long employer's report of injury: employer, worker, incident, witnesses, time lost."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    lost_txt, lost = _time_lost(story, rng)
    title = pick(rng, "Employer's Report of Injury", "Injury Notification Form",
                 "Notification of Workplace Injury", "Employer Injury Notification")
    lines: list[str | None] = [
        f"# {title}",
        pick(rng, f"{story.insurer.name} - {story.scheme.act}",
             f"To be sent to {story.insurer.name} within 48 hours of becoming aware of the injury",
             f"{story.scheme.regulator}"),
        "",
        "## 1. Employer details",
        f"Business name: {emp.name}",
        f"ABN: {emp.abn}" if emp.abn else None,
        f"Address: {emp.address}",
        f"Policy number: {_policy(story, rng)}",
        f"Contact person: {ec.formal}, {ec.role or 'Manager'}",
        f"Phone: {ec.phone or emp.phone}",
        "",
        "## 2. Worker details",
        f"Name: {w.name}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Address: {story.worker_address}",
        f"Phone: {w.phone or '-'}",
        f"Occupation: {story.worker_occupation}",
        "Employment status: " + pick(rng, "[x] Full time [ ] Part time [ ] Casual",
                                     "[ ] Full time [x] Part time [ ] Casual",
                                     "[ ] Full time [ ] Part time [x] Casual"),
        "",
        "## 3. Incident details",
        f"Date of incident: {D(inj.date)}   Time: {inj.time}",
        f"Location: {inj.location}",
        f"Description of incident: {inj.mechanism}",
        f"Body part injured: {inj.body_part}",
        f"Nature of injury: {inj.nature}",
        f"Date employer became aware: {D(inj.date + dt.timedelta(days=rng.choice((0, 0, 1))))}",
        "",
        "## 4. Witnesses",
        *[f"- {x}" for x in _witnesses(story, rng)],
        "",
        "## 5. First aid and treatment",
        f"First aid given: {_first_aid(story, rng)}",
        f"Treating doctor (if known): {story.treating_doctor.formal}, {story.practice.name}",
        "",
        "## 6. Time lost",
        f"{tick(lost)} Worker has lost time from work",
        f"{tick(not lost)} No time lost",
        f"Details: {lost_txt}",
        ("Suitable duties available: "
         + pick(rng, "[x] Yes [ ] No", "[ ] Yes [x] No", "[x] Yes [ ] No - limited")),
        "",
        "## 7. Employer declaration",
        pick(rng, "I declare the information provided is true and correct to the best of my "
                  "knowledge.",
             "The information in this notification is accurate as at the date below."),
        f"Name: {ec.formal}   Position: {ec.role or 'Manager'}",
        f"Signature: ____________   Date: {D(spec.date)}",
        f"Date notified to insurer: {D(story.notification_date)}",
        "",
        pick(rng, "Page 1 of 2", "", "Keep a copy for your records."),
    ]
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part,
                notification_date=story.notification_date)
    return _doc(spec, "employer_report_form", "form", lines, f)


@template(DOC_TYPE, "phone_intake_record")
def phone_intake_record(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Insurer's record of a telephone notification from the employer."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    cm = story.case_manager_on(spec.date)
    t = f"{rng.randint(8, 16)}:{rng.choice(('05', '12', '27', '33', '48', '56'))}"
    triage = pick(rng, "Low", "Medium", "High")
    lines: list[str | None] = [
        f"{story.insurer.name}",
        ("# "
         + pick(rng, "New Injury Notification - Phone", "Telephone Notification Record",
                "INTAKE: verbal notification")),
        "",
        f"Call received: {D(story.notification_date)} {t}",
        f"Caller: {ec.name}, {ec.role or 'employer representative'} - {emp.name}",
        f"Caller phone: {ec.phone or emp.phone or '-'}",
        f"Intake officer: {pick(rng, 'Intake team', 'ID 4471', 'ID 2208', 'New claims team')}",
        f"Record created: {D(spec.date)}",
        "",
        "## Details provided",
        f"Worker: {w.name}, DOB {D(story.worker_dob)}, ph {w.phone or 'not provided'}",
        f"Occupation: {story.worker_occupation}",
        f"DOI: {D(inj.date)} approx {inj.time}",
        f"Where: {inj.location}",
        f"What happened (as described by caller): {inj.mechanism}",
        f"Injury: {inj.body_part} - {inj.nature}",
        f"First aid: {_first_aid(story, rng)}",
        f"Time lost: {_time_lost(story, rng)[0]}",
        ("Medical treatment: "
         + pick(rng, "Seen GP", "Has appointment with GP", "Unknown at time of call")),
        f"Worker aware notification made: {pick(rng, 'Yes', 'Yes', 'Unsure')}",
        "",
        "## Outcome",
        f"Claim number issued: {story.claim_number}",
        f"Triage: {triage}",
        f"Allocated to: {cm.name}" + pick(rng, "", " (Case Manager)"),
        pick(rng, "Employer advised to send wage records and any incident report.",
             "Employer advised of 3-day contact requirement; worker to be contacted today.",
             "Advised employer re suitable duties and provided RTW coordinator info."),
    ]
    f = _fields(story, spec, claim_number=story.claim_number, body_part=inj.body_part,
                notification_date=story.notification_date, case_manager=cm.name)
    return _doc(spec, "phone_intake_record", "note", lines, f)


@template(DOC_TYPE, "online_lodgement_confirmation")
def online_lodgement_confirmation(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Automatic email confirming an online injury notification, with a summary."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    ref = pick(rng, story.claim_number, f"N{rng.randint(10000000, 99999999)}")
    dom = story.insurer.email_domain or "insurer.example"
    lines: list[str | None] = [
        pick(rng, f"Dear {ec.first},", f"Hi {ec.first}", "Dear Employer,"),
        "",
        pick(rng, "Thank you - we have received your injury notification.",
             "Your online notification of injury has been lodged successfully.",
             "This email confirms we received your notification of a workplace injury."),
        f"{'Claim' if ref == story.claim_number else 'Notification'} reference: {ref}",
        "",
        "Summary of what you told us:",
        f"| Worker | {w.name} |",
        f"| Date of injury | {D(inj.date)} |",
        f"| Injury | {inj.body_part}, {inj.nature} |",
        f"| Employer | {emp.name} |",
        f"| Lodged by | {ec.name} |",
        f"| Lodged on | {D(story.notification_date)} |",
        "",
        "What happens next:",
        pick(rng, "- A case manager will contact you and the worker within 3 business days.",
             "- We will contact the worker to discuss the injury and any support needed."),
        pick(rng, "- Please upload the worker's wage details for the last 52 weeks.",
             "- Send us any certificate of capacity you receive.",
             "- Tell us as soon as possible if the worker returns to work."),
        "",
        "Please do not reply to this email.",
        f"{story.insurer.name}",
    ]
    headers = {
        "From": f"{story.insurer.name} <noreply@{dom}>",
        "To": _email(ec.first, ec.last, emp.email_domain),
        "Subject": pick(rng, f"Injury notification received - {ref}",
                        f"Confirmation: notification {ref}", "We've received your notification"),
        "Date": D(spec.date),
    }
    f = _fields(story, spec, notification_date=story.notification_date, body_part=inj.body_part,
                claim_number=story.claim_number if ref == story.claim_number else None)
    return _doc(spec, "online_lodgement_confirmation", "email", lines, f, headers=headers)


@template(DOC_TYPE, "employer_email_mentions_claim")
def employer_email_mentions_claim(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Employer's notification email that says the worker will send a CoC and claim form."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    he, his = _he(story)
    dom = story.insurer.email_domain or "insurer.example"
    lines: list[str | None] = [
        pick(rng, "Hi,", "Good morning,", "Hello claims team,", "To whom it may concern,"),
        "",
        pick(rng,
             f"I'm writing to notify you of a workplace injury to one of our employees, {w.name}.",
             f"Please accept this email as notification of an injury sustained by {w.name} on "
             f"{D(inj.date)}.",
             f"We need to report an injury at {emp.name}."),
        "",
        f"{w.name} is a {story.worker_occupation.lower()} with us. On {D(inj.date)} at about "
        f"{inj.time}, {inj.mechanism[0].lower() + inj.mechanism[1:]}",
        (f"It happened in the {inj.location}. "
         + pick(rng, "First aid was provided on site.", "There were no witnesses.",
                "A co-worker saw it happen.", "It was reported to me straight away.")),
        "",
        pick(rng,
             f"{w.first} has seen {his} GP and will send through {his} certificate of capacity "
             f"and claim form directly to you.",
             f"{he.capitalize()} is seeing the doctor today and will forward the certificate of "
             f"capacity and the worker's claim form once completed.",
             f"I've given {w.first} a claim form. {he.capitalize()} will send it to you with "
             f"{his} medical certificate."),
        pick(rng, f"{he.capitalize()} is currently off work.",
             "We have suitable duties available when cleared.",
             f"{he.capitalize()} is back at work on light duties for now."),
        "",
        f"Our policy number is {_policy(story, rng)}." if rng.random() < 0.6 else None,
        pick(rng, "Let me know if you need anything else from us.",
             "Please let me know the claim number once allocated.",
             "Happy to provide wage details when required."),
        "",
        pick(rng, "Regards,", "Kind regards,", "Thanks,"),
        f"{ec.name}",
        f"{ec.role or 'Manager'} | {emp.name}",
        f"{ec.phone or emp.phone}" if (ec.phone or emp.phone) else None,
    ]
    headers = {
        "From": f"{ec.name} <{_email(ec.first, ec.last, emp.email_domain)}>",
        "To": pick(rng, f"newclaims@{dom}", f"claims@{dom}", f"notifications@{dom}"),
        "Subject": pick(rng, f"Injury notification - {w.name}",
                        f"New injury - {w.last} - {emp.name}",
                        f"Workplace injury {D(inj.date)}", "Notification of injury"),
        "Date": D(spec.date),
    }
    f = _fields(story, spec, author=ec.name, body_part=None)
    return _doc(spec, "employer_email_mentions_claim", "email", lines, f,
                hard_negative_of="claim_form", headers=headers)


@template(DOC_TYPE, "employer_letter")
def employer_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Formal letter on the employer's letterhead notifying the insurer."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    he, his = _he(story)
    lost_txt, _ = _time_lost(story, rng)
    lines: list[str | None] = [
        f"{emp.name}",
        f"{emp.address}",
        f"ABN {emp.abn}" if emp.abn else None,
        "---",
        D(spec.date),
        "",
        "Claims Department",
        f"{story.insurer.name}",
        f"{story.insurer.address}",
        "",
        pick(rng, "Dear Sir/Madam,", "Dear Claims Officer,", "Dear Case Manager,"),
        "",
        ("Re: "
         + pick(rng, "Notification of injury", "Workplace injury notification", "Notice of injury")
         + f" - {w.name}"),
        "",
        pick(rng,
             f"We write to notify you that our employee, {w.formal}, was injured at work on "
             f"{D(inj.date)}.",
             f"In accordance with our obligations under the {story.scheme.act}, we notify you of "
             f"a workplace injury sustained by {w.formal} on {D(inj.date)}."),
        "",
        f"{w.title} {w.last} is employed as a {story.worker_occupation.lower()}. "
        f"{inj.mechanism} The incident occurred at approximately {inj.time} in the "
        f"{inj.location}. {he.capitalize()} injured {his} {inj.body_part}.",
        "",
        f"First aid: {_first_aid(story, rng)}. Time lost: {lost_txt}.",
        _opt(rng, 0.6, f"Witness: {_witnesses(story, rng)[0]}."),
        "",
        pick(rng, f"Please direct any enquiries to the undersigned on {ec.phone or emp.phone}.",
             "We enclose a copy of our internal incident report.",
             "We will provide wage information on request."),
        "",
        "Yours faithfully,",
        "",
        f"{ec.formal}",
        f"{ec.role or 'Manager'}",
    ]
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part)
    return _doc(spec, "employer_letter", "letter", lines, f)


@template(DOC_TYPE, "short_email")
def short_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A brief notification email, a handful of lines."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    dom = story.insurer.email_domain or "insurer.example"
    lines: list[str | None] = [
        pick(rng, "Hi team,", "Hi,", "Morning,"),
        "",
        pick(rng,
             f"Notifying injury - {w.name}, {story.worker_occupation.lower()}, DOI "
             f"{D(inj.date)}, {inj.body_part} ({inj.nature}). {_time_lost(story, rng)[0]}.",
             f"{w.name} hurt {_he(story)[1]} {inj.body_part} at work on {D(inj.date)}. "
             f"{inj.mechanism}",
             f"Please log a new injury for {w.name} (DOI {D(inj.date)}) - {inj.body_part}."),
        "",
        pick(rng, "Thanks", "Cheers", "Regards"),
        pick(rng, ec.first, ec.name),
        _opt(rng, 0.5, f"{ec.role or 'Manager'}, {emp.name}"),
    ]
    headers = {
        "From": _email(ec.first, ec.last, emp.email_domain),
        "To": f"claims@{dom}",
        "Subject": pick(rng, "New injury", f"Injury - {w.last}", "Injury notification",
                        f"FW: incident {D(inj.date)}"),
        "Date": D(spec.date),
    }
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part)
    if not lines[-1]:
        del f["employer"]
    return _doc(spec, "short_email", "email", lines, f, headers=headers)


@template(DOC_TYPE, "tabular_notification")
def tabular_notification(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Notification form laid out as two-column tables with tick boxes."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    lost_txt, lost = _time_lost(story, rng)
    gender = {"Mr": "M", "Ms": "F", "Mrs": "F", "Miss": "F"}.get(w.title, "-")
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Injury Notification", "Employer Notification of Injury",
                "WORKPLACE INJURY - EMPLOYER NOTICE")),
        _opt(rng, 0.5, f"{story.scheme.regulator} | {story.insurer.name}"),
        "",
        "| Employer | " + emp.name + " |",
        f"| Employer phone | {emp.phone or '-'} |",
        f"| Notified by | {ec.name} |",
        f"| Date of notification | {D(story.notification_date)} |",
        "",
        f"| Worker | {w.name} |",
        f"| Gender | {gender} |",
        f"| DOB | {D(story.worker_dob)} |",
        f"| Job | {story.worker_occupation} |",
        "",
        f"| Date/time of injury | {D(inj.date)} {inj.time} |",
        f"| Location | {inj.location} |",
        f"| Mechanism | {inj.mechanism} |",
        f"| Body location | {inj.body_part} |",
        f"| Nature | {inj.nature} |",
        "",
        f"{tick(True)} Reported to supervisor",
        f"{tick(rng.random() < 0.6)} First aid given",
        f"{tick(rng.random() < 0.8)} Medical treatment sought",
        f"{tick(lost)} Time off work",
        f"{tick(rng.random() < 0.3)} Notifiable incident reported to regulator",
        "",
        f"Comments: {lost_txt}",
        f"Form completed: {D(spec.date)}",
    ]
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part,
                notification_date=story.notification_date)
    return _doc(spec, "tabular_notification", "form", lines, f)


@template(DOC_TYPE, "broker_notification")
def broker_notification(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Insurance broker notifies the insurer on behalf of the employer (email)."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    broker = pick(rng, "Coastal Risk Partners", "Summit Insurance Brokers",
                  "Meridian Broking Group")
    bdom = broker.lower().split()[0] + ".example"
    dom = story.insurer.email_domain or "insurer.example"
    lines: list[str | None] = [
        pick(rng, "Dear Claims Team,", "Hi there,"),
        "",
        f"We act as insurance broker for {emp.name} and on their behalf notify the following "
        "workplace injury.",
        "",
        f"Insured: {emp.name} (ABN {emp.abn or 'n/a'})",
        f"Policy: {_policy(story, rng)}",
        f"Worker: {w.name}",
        f"Date of injury: {D(inj.date)}",
        f"Injury: {inj.body_part} - {inj.nature}",
        f"Circumstances: {inj.mechanism}",
        f"Employer contact: {ec.name}, {ec.phone or emp.phone or 'phone on file'}",
        "",
        pick(rng, "The employer's incident report is attached.",
             "Please acknowledge receipt and advise the claim number.",
             "Please copy us on all correspondence with the insured."),
        "",
        "Kind regards,",
        f"Claims Services Team | {broker}",
    ]
    headers = {
        "From": f"claims@{bdom}",
        "To": f"newclaims@{dom}",
        "Subject": f"Notification of injury - {emp.name} - {w.name}",
        "Date": D(spec.date),
    }
    if rng.random() < 0.5:
        headers["Cc"] = _email(ec.first, ec.last, emp.email_domain)
    f = _fields(story, spec, body_part=inj.body_part)
    return _doc(spec, "broker_notification", "email", lines, f, headers=headers)


@template(DOC_TYPE, "incident_report_forwarded")
def incident_report_forwarded(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Employer's internal incident report sent to the insurer as its injury notice."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    inc = f"INC-{inj.date.year}-{rng.randint(100, 9999):04d}"
    causes = [pick(rng, "Manual handling", "Slip/trip", "Workload", "Plant/equipment"),
              pick(rng, "Inadequate training", "Time pressure", "Housekeeping", "Unknown")]
    lines: list[str | None] = [
        (f"{emp.name} - "
         + pick(rng, "Incident & Injury Report", "WHS Incident Report", "Incident Notification")),
        f"Incident no. {inc}    Report date: {D(spec.date)}",
        "",
        "## Person involved",
        f"{w.name} ({story.worker_occupation})",
        "",
        "## Incident",
        f"Date/time: {D(inj.date)} {inj.time}",
        f"Location: {inj.location}",
        f"Description: {inj.mechanism}",
        f"Injury: {inj.body_part}, {inj.nature}",
        f"Treatment: {_first_aid(story, rng)}",
        "",
        "## Investigation",
        f"Contributing factors: {', '.join(causes)}",
        ("Corrective action: "
         + pick(rng, "Refresher manual handling training", "Review of task and equipment",
                "Mediation offered", "Housekeeping audit")),
        "",
        "## Notification",
        f"Insurer notified: {D(story.notification_date)} ({story.insurer.name})",
        f"Regulator notified: {pick(rng, 'Not required', 'Not a notifiable incident', 'Yes')}",
        f"Reported by: {ec.formal}, {ec.role or 'Manager'}",
    ]
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part,
                notification_date=story.notification_date)
    return _doc(spec, "incident_report_forwarded", "report", lines, f)


@template(DOC_TYPE, "fax_ocr_notice")
def fax_ocr_notice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """OCR'd fax of a completed notice of injury: header line, no markup, labels run together."""
    D = _dater(rng)
    w, emp, inj, ec = story.worker, story.employer, story.injury, story.employer_contact
    lines: list[str | None] = [
        f"{D(spec.date)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d} FROM:"
        f"{(emp.phone or 'UNKNOWN').replace(' ', '')} "
        f"TO:{(story.insurer.phone or '').replace(' ', '')} "
        f"P.{1}/{rng.randint(1, 3)}",
        "NOTICE OF INJURY - EMPLOYER",
        f"EMPLOYER {emp.name.upper()} CONTACT {ec.name.upper()} PH {ec.phone or emp.phone}",
        f"WORKER {w.name.upper()} OCC {story.worker_occupation.upper()}",
        f"DATE OF INJURY {D(inj.date)} TIME {inj.time}",
        f"HOW {inj.mechanism}",
        f"INJURY {inj.body_part.upper()} {inj.nature.upper()}",
        f"WITNESS {_witnesses(story, rng)[0].upper()}",
        f"TIME LOST {pick(rng, 'YES', 'NO', 'YES - CERT TO FOLLOW')}",
        ("SIGNED "
         + pick(rng, "[illegible]", ec.last.upper(), "~~")
         + f" DATE {D(story.notification_date)}"),
    ]
    f = _fields(story, spec, author=ec.name, body_part=inj.body_part,
                notification_date=story.notification_date)
    return _doc(spec, "fax_ocr_notice", "form", lines, f)
