"""Worker's claim form templates (the worker claims compensation and signs a declaration)."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import date_style, fmt_date, join_lines, money, pick, tick
from claimdex.generator.model import ClaimStory, Doc, DocSpec, template

DOC_TYPE = "claim_form"


# ---------------------------------------------------------------- private helpers


def _dater(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _opt(rng: random.Random, p: float, text: str) -> str | None:
    return text if rng.random() < p else None


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str | None], fields: dict,
         hard_negative_of: str = "") -> Doc:
    text = join_lines(*lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Doc(doc_type=DOC_TYPE, template=f"{DOC_TYPE}/{variant}", kind=kind, text=text,
               date=spec.date, fields=fields, hard_negative_of=hard_negative_of)


def _fields(story: ClaimStory, spec: DocSpec, **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "author": story.worker.name,
        "injury_date": story.injury.date,
    }
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _sig(story: ClaimStory, rng: random.Random) -> str:
    w = story.worker
    return pick(rng, "[signed]", f"{w.first[0]}. {w.last}", "(signature)", w.name,
                "[signature]")


def _gender(story: ClaimStory) -> str:
    return {"Mr": "Male", "Ms": "Female", "Mrs": "Female", "Miss": "Female"}.get(
        story.worker.title, "Prefer not to say")


def _reported(story: ClaimStory) -> dt.date:
    return min(story.injury.date + dt.timedelta(days=0), story.notification_date)


def _witness(story: ClaimStory, rng: random.Random) -> str:
    ec = story.employer_contact
    return pick(rng, f"{ec.name} ({ec.role or 'supervisor'})",
                "No witnesses", "A co-worker was nearby but did not see it happen",
                "Nil", f"{story.employer_contact.name}")


def _nature_ticks(story: ClaimStory) -> list[str]:
    opts = ["Sprain/strain", "Fracture", "Laceration/cut", "Bruise/crush", "Burn",
            "Psychological", "Hernia", "Disease/illness", "Other"]
    nat = story.injury.nature.lower()
    out = []
    hit = False
    for o in opts:
        on = (o.lower().split("/")[0] in nat) or (o == "Psychological"
                                                 and story.injury.psychological)
        hit = hit or on
        out.append(f"{tick(on)} {o}")
    if not hit:
        out[-1] = f"[x] Other: {story.injury.nature}"
    return out


def _earnings_rows(story: ClaimStory, rng: random.Random, D) -> list[str]:
    rows = ["| Week ending | Hours | Gross pay |"]
    day = story.injury.date - dt.timedelta(days=(story.injury.date.weekday() + 1) % 7 or 7)
    for _ in range(rng.choice((4, 6, 8))):
        hrs = round(story.ordinary_hours + rng.choice((0, 0, 2, 4, -4, 6)), 1)
        rows.append(f"| {D(day)} | {hrs} | {money(hrs * story.hourly_rate)} |")
        day -= dt.timedelta(days=7)
    return rows


_PRONOUNS = {"he": "I", "she": "I", "they": "I", "his": "my", "her": "my", "their": "my",
             "him": "me", "them": "me", "himself": "myself", "herself": "myself",
             "themselves": "myself", "was": "was", "worker": "I"}


def _first_person(text: str) -> str:
    """Crude third- to first-person rewrite of a one-sentence mechanism."""
    out = []
    for word in text.split(" "):
        core = word.rstrip(".,;:")
        tail = word[len(core):]
        low = core.lower()
        if low in _PRONOUNS and low != "was":
            rep = _PRONOUNS[low]
            if core[:1].isupper() and rep != "I":
                rep = rep.capitalize()
            out.append(rep + tail)
        else:
            out.append(word)
    text = " ".join(out)
    return text.replace("The I ", "I ").replace("the I ", "I ")


def _mechanism_first_person(story: ClaimStory, rng: random.Random) -> str:
    inj = story.injury
    lead = pick(rng, "I was working at", "I was at", "I was doing my normal job at")
    return (f"{lead} {inj.location}. {_first_person(inj.mechanism)} "
            + pick(rng, "I told my supervisor straight away.",
                   "I tried to keep working but the pain got worse.",
                   "I went home early and saw my doctor.", "I stopped work and reported it."))


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "scheme_claim_form")
def scheme_claim_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long multi-part scheme claim form adapted to story.scheme."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    title = story.scheme.claim_form_name or "Workers compensation claim form"
    lang = pick(rng, "English", "English", "English", "English", "Arabic", "Vietnamese",
                "Mandarin", "Greek")
    lines: list[str | None] = [
        f"# {title}",
        f"{story.scheme.regulator} - {story.scheme.act}",
        pick(rng, "Please use BLOCK LETTERS and tick the boxes that apply.",
             "Complete all parts of this form and give it to your employer or insurer.",
             "Before you start: read the guide to making a claim."),
        "",
        "## Part A - Worker details",
        f"Title: {w.title}   First name: {w.first}   Family name: {w.last}",
        f"Date of birth: {D(story.worker_dob)}   Gender: {_gender(story)}",
        f"Residential address: {story.worker_address}",
        f"Phone: {w.phone or '-'}   Email: {w.email or '-'}",
        f"Preferred language: {lang}   Interpreter required: "
        + ("[ ] Yes [x] No" if lang == "English" else pick(rng, "[x] Yes [ ] No",
                                                             "[ ] Yes [x] No")),
        "",
        "## Part B - Employer details",
        f"Employer name: {emp.name}",
        f"Workplace address: {emp.address}",
        f"ABN: {emp.abn}" if emp.abn else None,
        f"Employer contact: {story.employer_contact.formal}, "
        f"{story.employer_contact.phone}".rstrip(", "),
        f"Your occupation: {story.worker_occupation}",
        "Employment type: " + pick(rng, "[x] Full time [ ] Part time [ ] Casual",
                                   "[ ] Full time [x] Part time [ ] Casual",
                                   "[ ] Full time [ ] Part time [x] Casual"),
        "Date started with this employer: "
        + D(inj.date - dt.timedelta(days=rng.randint(200, 4000))),
        "",
        "## Part C - Injury details",
        f"Date of injury: {D(inj.date)}   Time: {inj.time}",
        f"Where did it happen: {inj.location}",
        f"What part of your body was injured: {inj.body_part}",
        "What type of injury:",
        *_nature_ticks(story),
        f"How did the injury happen: {_mechanism_first_person(story, rng)}",
        f"Date you told your employer: {D(_reported(story))}",
        f"Who did you tell: {story.employer_contact.name}",
        f"Witnesses: {_witness(story, rng)}",
        f"Have you stopped work because of this injury? "
        f"{pick(rng, '[x] Yes [ ] No', '[ ] Yes [x] No')}",
        "",
        "## Part D - Medical treatment",
        f"Nominated treating doctor: {story.treating_doctor.formal}",
        f"Practice: {story.practice.name}, {story.practice.address}",
        f"{tick(True)} I have attached a "
        f"{story.scheme.certificate_name or 'certificate of capacity'}",
        "",
        "## Part E - Earnings",
        f"Ordinary hours per week: {story.ordinary_hours:g}   "
        f"Hourly rate: {money(story.hourly_rate)}",
        ("Do you regularly work overtime or shift work? "
         + pick(rng, "[x] Yes [ ] No", "[ ] Yes [x] No")),
        ("Do you have another job? "
         + pick(rng, "[ ] Yes [x] No", "[ ] Yes [x] No",
                "[x] Yes [ ] No - weekend retail, approx 8 hrs")),
        "",
        "## Part F - Other information",
        ("Have you had a previous workers compensation claim? "
         + pick(rng, "[ ] Yes [x] No", "[x] Yes [ ] No - details attached")),
        f"Bank details for weekly payments: BSB {rng.randint(100, 999)}-{rng.randint(100, 999)}  "
        f"Account ending {rng.randint(1000, 9999)}",
        "",
        "## Part G - Worker declaration",
        pick(rng,
             "I declare that the information in this claim is true and correct. I understand that "
             "it is an offence to make a false or misleading statement.",
             "I declare that the information I have given is true. I am aware that providing false "
             "or misleading information is an offence and may result in prosecution."),
        f"Signature: {_sig(story, rng)}",
        f"Date: {D(spec.date)}",
        "",
        "Office use only",
        _opt(rng, 0.6, f"Claim number: {story.claim_number}"),
        f"Date received: {D(story.claim_lodged)}",
        "",
        pick(rng, "Page 1 of 4", "Page 4 of 4", ""),
    ]
    has_claim = any(ln and ln.startswith("Claim number:") for ln in lines)
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part,
                claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "scheme_claim_form", "form", lines, f)


@template(DOC_TYPE, "with_privacy_consent")
def with_privacy_consent(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Claim form ending with a substantial privacy consent / authority section (hard negative)."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    lines: list[str | None] = [
        "# " + pick(rng, story.scheme.claim_form_name or "Claim form",
                    "Workers Compensation Claim Form", "Claim for Compensation"),
        f"{story.insurer.name}",
        "",
        "## 1. About you",
        f"Name: {w.name}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Address: {story.worker_address}",
        f"Mobile: {w.phone or '-'}",
        "",
        "## 2. Your employer",
        f"Employer: {emp.name}",
        f"Address: {emp.address}",
        f"Occupation: {story.worker_occupation}",
        "",
        "## 3. Your injury",
        f"Date of injury: {D(inj.date)} at {inj.time}",
        f"Body part: {inj.body_part}",
        f"Nature of injury: {inj.nature}",
        f"What happened: {inj.mechanism}",
        f"Reported to: {story.employer_contact.name} on {D(_reported(story))}",
        "",
        "## 4. Earnings",
        f"Normal hours: {story.ordinary_hours:g} per week  Rate: {money(story.hourly_rate)}/hr",
        "",
        "## 5. Declaration",
        "I declare the information provided is true and complete.",
        f"Signed: {_sig(story, rng)}   Date: {D(spec.date)}",
        "",
        "## 6. Privacy consent and authority",
        pick(rng,
             f"I authorise {story.insurer.name} to collect my personal and health information "
             "from, and disclose it to, my employer, treating practitioners, rehabilitation "
             "providers, independent medical examiners, investigators, legal advisers and the "
             "regulator, for the purpose of managing my claim.",
             "I consent to any doctor, hospital, health practitioner or employer providing the "
             "insurer with information relevant to this claim, including information about any "
             "pre-existing condition, and to the insurer disclosing information as needed to "
             "manage my claim."),
        pick(rng, "I understand this authority remains in force for the life of the claim.",
             "A copy of this authority is as valid as the original."),
        f"{tick(True)} I have read the privacy statement",
        f"{tick(rng.random() < 0.6)} I agree to be contacted by SMS",
        f"Worker signature: {_sig(story, rng)}",
        f"Name: {w.name}",
        f"Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "with_privacy_consent", "form", lines, f, hard_negative_of="consent_form")


@template(DOC_TYPE, "worker_and_employer_sections")
def worker_and_employer_sections(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Worker's claim with a section the employer completes on receipt (Victorian style)."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    received = max(spec.date, story.claim_lodged - dt.timedelta(days=rng.randint(0, 3)))
    lines: list[str | None] = [
        "# " + pick(rng, "Worker's Claim for Compensation", "Worker Injury Claim Form",
                    story.scheme.claim_form_name or "Claim form"),
        pick(rng, "Weekly payments and medical and like expenses",
             "For weekly payments and/or medical expenses"),
        "",
        "## Section 1 - Worker's details",
        f"Surname: {w.last.upper()}   Given names: {w.first}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Address: {story.worker_address}",
        f"Phone: {w.phone or ''}",
        "",
        "## Section 2 - Claim details",
        f"{tick(True)} Weekly payments  {tick(True)} Medical and like expenses",
        f"Date injury happened: {D(inj.date)}",
        f"Date you first noticed the injury: {D(inj.date)}",
        f"Injury / condition: {inj.diagnosis}",
        f"Describe what happened: {_mechanism_first_person(story, rng)}",
        f"Where: {inj.location}",
        f"Employer told on: {D(_reported(story))}",
        "",
        "## Section 3 - Employment",
        f"Employer: {emp.name}, {emp.address}",
        f"Job title: {story.worker_occupation}",
        f"Usual hours: {story.ordinary_hours:g} per week",
        "",
        "## Section 4 - Declaration",
        "I declare the information I have given is true and correct.",
        f"Worker's signature: {_sig(story, rng)}   Date: {D(spec.date)}",
        "",
        "---",
        "## Section 5 - Employer use only",
        f"Date claim received from worker: {D(received)}",
        f"Received by: {story.employer_contact.formal}",
        f"Forwarded to insurer on: {D(received + dt.timedelta(days=rng.randint(1, 7)))}",
        _opt(rng, 0.4, f"Insurer claim number: {story.claim_number}"),
        "Employer signature: [signed]",
    ]
    has_claim = any(ln and story.claim_number in ln for ln in lines)
    f = _fields(story, spec, employer=emp.name,
                claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "worker_and_employer_sections", "form", lines, f)


@template(DOC_TYPE, "numbered_questions")
def numbered_questions(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Application for compensation as a long list of numbered questions."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    qs = [
        ("Full name", w.name),
        ("Date of birth", D(story.worker_dob)),
        ("Residential address", story.worker_address),
        ("Contact phone", w.phone or "-"),
        ("Employer's name", emp.name),
        ("Employer's address", emp.address),
        ("Your occupation", story.worker_occupation),
        ("Date of injury/disease", D(inj.date)),
        ("Time of injury", inj.time),
        ("Place where injury occurred", inj.location),
        ("Describe how the injury occurred", inj.mechanism),
        ("Part of body injured", inj.body_part),
        ("Nature of injury", inj.nature),
        ("Were you performing your normal duties?",
         pick(rng, "Yes", "Yes", "No - helping out in another area")),
        ("When did you report the injury to your employer?", D(_reported(story))),
        ("Name of person you reported to", story.employer_contact.name),
        ("Witness(es)", _witness(story, rng)),
        ("Name of your doctor", story.treating_doctor.formal),
        ("Have you had time off work?", pick(rng, "Yes", "No", "Yes - since the day of injury")),
        ("Have you had any previous injury to the same body part?",
         pick(rng, "No", "No", "Yes - minor, years ago")),
        ("Average weekly hours", f"{story.ordinary_hours:g}"),
        ("Do you receive any other income or benefits?", pick(rng, "No", "No", "Centrelink - no")),
    ]
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Application for Compensation", "Application for workers compensation",
                story.scheme.claim_form_name or 'Claim form')),
        pick(rng, f"{story.insurer.name}", f"{story.scheme.regulator}", ""),
        "",
    ]
    for i, (q, a) in enumerate(qs, start=1):
        lines.append(f"{i}. {q}: {a}" if rng.random() < 0.7 else f"Q{i} {q}\n{a}")
    lines += [
        "",
        "Declaration",
        f"I, {w.name}, apply for compensation and declare that the statements above are true.",
        f"Signature: {_sig(story, rng)}   Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "numbered_questions", "form", lines, f)


@template(DOC_TYPE, "employee_parts_abcd")
def employee_parts_abcd(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Employee claim with parts for employee, supervisor and employer (Comcare style)."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    sup = story.employer_contact
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Claim for workers compensation", "Claim for compensation - employee",
                story.scheme.claim_form_name or 'Claim form')),
        "",
        "## Part A - Employee",
        f"Name: {w.formal}",
        f"Employee ID: {rng.randint(100000, 999999)}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Home address: {story.worker_address}",
        f"Position: {story.worker_occupation}",
        "",
        "## Part B - Injury or disease",
        f"{tick(not inj.psychological)} Injury  {tick(inj.psychological)} Disease / condition",
        f"Date: {D(inj.date)}  Time: {inj.time}",
        f"Location: {inj.location}",
        f"Describe the injury: {inj.nature} - {inj.body_part}",
        f"What were you doing: {inj.mechanism}",
        ("Was it during a work break? "
         + pick(rng, "[ ] Yes [x] No", "[ ] Yes [x] No", "[x] Yes [ ] No")),
        "",
        "## Part C - Supervisor",
        f"Supervisor: {sup.formal}, {sup.role or 'Supervisor'}",
        f"Date supervisor notified: {D(_reported(story))}",
        ("Supervisor comments: "
         + pick(rng, "Agree with the description.",
                "Incident reported immediately; first aid given.",
                "Not witnessed. Reported same day.")),
        "",
        "## Part D - Employer",
        f"Employer: {emp.name}",
        f"Address: {emp.address}",
        f"ABN: {emp.abn or '-'}",
        "",
        "## Employee declaration",
        "I declare that the information I have provided is true and correct and that I have not "
        "knowingly withheld any information.",
        f"Signature: {_sig(story, rng)}",
        f"Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "employee_parts_abcd", "form", lines, f)


@template(DOC_TYPE, "online_submission_summary")
def online_submission_summary(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Printed summary of a claim lodged through an online portal by the worker."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    sub = f"{pick(rng, 'WC', 'CLM', 'OL')}-{rng.randint(1000000, 9999999)}"
    lines: list[str | None] = [
        (f"{story.insurer.name} - "
         + pick(rng, "Online claim lodgement", "Make a claim online", "Worker claim portal")),
        f"# {pick(rng, 'Your claim submission', 'Claim summary', 'Submitted claim details')}",
        f"Submission ID: {sub}",
        f"Submitted: {D(spec.date)} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
        "",
        "## Your details",
        f"Name: {w.name}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Email: {w.email or 'not provided'}",
        f"Mobile: {w.phone or 'not provided'}",
        "",
        "## Your employer",
        f"Business name: {emp.name}",
        f"Job title: {story.worker_occupation}",
        "",
        "## What happened",
        f"Date: {D(inj.date)}",
        f"Body part: {inj.body_part}",
        f"Injury type: {inj.nature}",
        f"Description: {inj.mechanism}",
        "",
        "## Uploaded documents",
        f"- {story.scheme.certificate_name or 'Certificate of capacity'}.pdf",
        _opt(rng, 0.5, "- payslips.pdf"),
        _opt(rng, 0.4, "- photo_of_injury.jpg"),
        "",
        "## Declaration",
        f"{tick(True)} I declare the information in this claim is true and correct",
        f"{tick(True)} I agree to the privacy statement",
        f"Electronically signed by {w.name}",
        "",
        pick(rng, "Keep this summary for your records.",
             "A case manager will contact you within 3 business days."),
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "online_submission_summary", "form", lines, f)


@template(DOC_TYPE, "handwritten_ocr")
def handwritten_ocr(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """OCR of a hand-completed paper claim: capitals, run-together labels, no markup."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    lines: list[str | None] = [
        _opt(rng, 0.5, f"RECEIVED {D(story.claim_lodged)}"),
        f"{(story.scheme.claim_form_name or 'WORKERS CLAIM FORM').upper()}",
        f"1 WORKER NAME {w.name.upper()} DOB {D(story.worker_dob)}",
        f"ADDRESS {story.worker_address.upper()}",
        f"PH {w.phone or ''}",
        f"2 EMPLOYER {emp.name.upper()} OCCUPATION {story.worker_occupation.upper()}",
        f"3 DATE OF INJURY {D(inj.date)} TIME {inj.time.upper()}",
        f"WHAT HAPPENED {inj.mechanism.upper()}",
        f"BODY PART {inj.body_part.upper()}",
        f"TOLD EMPLOYER {D(_reported(story))} WHO {story.employer_contact.name.upper()}",
        f"4 DOCTOR {story.treating_doctor.formal.upper()}",
        "5 DECLARATION I declare the information is true and correct",
        f"SIGNED {pick(rng, '~~~', 'T.K', '[illegible]')} DATE {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "handwritten_ocr", "form", lines, f)


@template(DOC_TYPE, "short_one_page")
def short_one_page(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A compact one-page claim."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    lines: list[str | None] = [
        f"# {pick(rng, 'Claim Form', 'Workers Compensation Claim', 'Worker claim (short form)')}",
        f"Worker: {w.name}   DOB: {D(story.worker_dob)}",
        f"Employer: {emp.name}",
        f"Injury: {inj.body_part}, {inj.nature}, {D(inj.date)}",
        f"How: {inj.mechanism}",
        f"Doctor: {story.treating_doctor.formal}",
        f"I claim compensation and declare the above is true. Signed {_sig(story, rng)} "
        f"{D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "short_one_page", "form", lines, f)


@template(DOC_TYPE, "earnings_schedule_form")
def earnings_schedule_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Claim form with a detailed earnings schedule and other-employment section."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    lines: list[str | None] = [
        f"# {story.scheme.claim_form_name or 'Claim form'}",
        "",
        "## Worker",
        f"{w.formal}, {story.worker_address}",
        f"DOB {D(story.worker_dob)}   Ph {w.phone or '-'}",
        "",
        "## Injury",
        f"Injured on {D(inj.date)} at {inj.location}.",
        f"Injury: {inj.diagnosis} ({inj.body_part}).",
        f"Description: {inj.mechanism}",
        "",
        "## Employment and earnings",
        f"Employer: {emp.name}",
        f"Position: {story.worker_occupation}",
        ("Award/agreement: "
         + pick(rng, "Storage Services Award", "Enterprise agreement", "Not sure",
                "Individual contract")),
        f"Ordinary hours: {story.ordinary_hours:g}   Base rate: {money(story.hourly_rate)}",
        "Earnings for the weeks before the injury (from payslips):",
        *_earnings_rows(story, rng, D),
        ("Allowances: "
         + pick(rng, "nil", "shift allowance", "tool allowance $15/wk", "first aid allowance")),
        "",
        "## Other employment",
        pick(rng, "[x] I do not have other employment",
             "[x] I have other employment: casual bar work, about 6 hours a week"),
        "",
        "## Declaration",
        pick(rng, "I declare that the information in this form is true and correct.",
             "I declare that all information provided is true and I have not withheld anything "
             "relevant to my claim."),
        f"{_sig(story, rng)}",
        f"{w.name}  {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "earnings_schedule_form", "form", lines, f)


@template(DOC_TYPE, "narrative_statement_claim")
def narrative_statement_claim(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Claim whose injury section is a long first-person account in the worker's words."""
    D = _dater(rng)
    w, emp, inj = story.worker, story.employer, story.injury
    if inj.psychological:
        account = [
            f"Over the last few months at {emp.name} I have been under a lot of pressure.",
            _first_person(inj.mechanism),
            pick(rng, "I started having trouble sleeping and felt sick going to work.",
                 "I felt anxious every morning and could not concentrate."),
            f"On {D(inj.date)} I could not continue and went to see "
            f"{story.treating_doctor.formal}.",
        ]
    else:
        account = [
            f"On {D(inj.date)} at about {inj.time} I was working at {inj.location}.",
            _first_person(inj.mechanism),
            pick(rng, "I felt immediate pain and had to stop.",
                 "At first I thought it was nothing but by the end of the shift I could "
                 "hardly move.",
                 "I felt something go and could not straighten up."),
            f"I reported it to {story.employer_contact.name}"
            + pick(rng, " straight away.", " the next morning.", " before I went home."),
            f"I saw {story.treating_doctor.formal} who gave me a certificate.",
        ]
    lines: list[str | None] = [
        f"# {story.scheme.claim_form_name or 'Workers Compensation Claim Form'}",
        "",
        f"Worker: {w.name}    Date of birth: {D(story.worker_dob)}",
        f"Employer: {emp.name}    Occupation: {story.worker_occupation}",
        f"Date of injury: {D(inj.date)}",
        f"Injured body part(s): {inj.body_part}",
        "",
        "## Tell us in your own words what happened",
        *account,
        "",
        "## How has the injury affected you?",
        pick(rng, "I cannot do my normal job and have trouble sleeping.",
             "I can only do light things around the house.",
             "I am off work and need help with some things at home."),
        "",
        "## Declaration",
        "The information I have given is true and correct to the best of my knowledge.",
        f"Signed: {_sig(story, rng)}    Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, employer=emp.name, body_part=inj.body_part)
    return _doc(spec, "narrative_statement_claim", "form", lines, f)
