"""Certificate of capacity templates: scheme forms, letters, printouts and terse transcriptions."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import date_style, fmt_date, join_lines, pick
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec, template

DOC_TYPE = "certificate_of_capacity"

_SCHEME_FORM = {
    "NSW": ("Certificate of Capacity / Certificate of Fitness",
            "State Insurance Regulatory Authority"),
    "VIC": ("Certificate of Capacity", "WorkSafe Victoria"),
    "QLD": ("Work Capacity Certificate - Workers' Compensation", "WorkCover Queensland"),
    "SA": ("Work Capacity Certificate", "ReturnToWorkSA"),
    "WA": ("Certificate of Capacity", "WorkCover WA"),
    "COMCARE": ("Work capacity certificate", "Comcare"),
    "TAS": ("Workers Compensation Medical Certificate", "WorkSafe Tasmania"),
    "NT": ("Workers Compensation Medical Certificate", "NT WorkSafe"),
}


# ---------------------------------------------------------------- private helpers


def _dater(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _opt(rng: random.Random, p: float, text: str) -> str | None:
    return text if rng.random() < p else None


def _cert(story: ClaimStory, spec: DocSpec) -> Certificate:
    if isinstance(spec.about, Certificate):
        return spec.about
    issued = [c for c in story.certificates if c.issued <= spec.date]
    if issued:
        return issued[-1]
    if story.certificates:
        return story.certificates[0]
    return Certificate(spec.date, spec.date, spec.date + dt.timedelta(days=13), "none", 0, 0, (),
                       story.treating_doctor, True)


def _cert_no(story: ClaimStory, cert: Certificate) -> int:
    for i, c in enumerate(story.certificates, start=1):
        if c == cert:
            return i
    return 1


def _form_names(story: ClaimStory) -> tuple[str, str]:
    title, body = _SCHEME_FORM.get(story.scheme.code, (story.scheme.certificate_name,
                                                       story.scheme.regulator))
    if story.scheme.certificate_name and story.scheme.code not in ("NSW", "QLD"):
        title = story.scheme.certificate_name
    return title, body or story.scheme.regulator


def _fields(story: ClaimStory, spec: DocSpec, cert: Certificate, pre_to: bool = False,
            **extra) -> dict[str, object]:
    """Ground truth; ``cert_to`` of a pre-injury certificate only when the text shows it."""
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "cert_from": cert.date_from,
        "cert_to": cert.date_to,
        "capacity": cert.capacity,
        "author": cert.doctor.name,
    }
    if cert.capacity == "pre_injury_duties" and not pre_to:
        del out["cert_to"]
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str | None], fields: dict,
         hard_negative_of: str = "") -> Doc:
    text = join_lines(*lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Doc(doc_type=DOC_TYPE, template=f"{DOC_TYPE}/{variant}", kind=kind, text=text,
               date=spec.date, fields=fields, hard_negative_of=hard_negative_of)


def _restrictions(cert: Certificate, rng: random.Random) -> list[str]:
    if cert.restrictions:
        return list(cert.restrictions)
    if cert.capacity == "suitable_duties":
        return [pick(rng, "Avoid heavy lifting", "Light duties only", "Seated work preferred",
                     "Self-paced duties")]
    return []


def _treatment(story: ClaimStory, rng: random.Random) -> list[str]:
    if story.injury.psychological:
        pool = [
            "Referral to psychologist - 6 sessions under workers compensation",
            "GP review fortnightly",
            "Continue antidepressant medication, review dose",
            "Sleep hygiene advice given",
            "Consider referral to psychiatrist if no improvement",
            "Graded activity / routine planning",
        ]
    else:
        pool = [
            "Physiotherapy 2x per week for 4 weeks",
            "Simple analgesia and anti-inflammatories as required",
            f"Imaging of {story.injury.body_part} requested",
            "Home exercise program",
            f"Referral to {story.specialist.formal} ({story.specialist.role or 'specialist'})",
            "Hydrotherapy",
            "Heat packs, activity modification",
            "Review in 2 weeks",
        ]
    rng.shuffle(pool)
    return pool[: rng.randint(2, 4)]


def _findings(story: ClaimStory, rng: random.Random) -> str:
    bp = story.injury.body_part
    if story.injury.psychological:
        return pick(rng,
                    "Low mood, poor sleep, tearful at consultation, anxious when discussing work.",
                    "Reports persistent anxiety, reduced concentration and irritability. K10 = 32.",
                    "Flat affect, poor concentration, panic symptoms on approaching workplace.")
    return pick(rng,
                f"Tenderness over {bp}, reduced range of movement, pain on loading.",
                f"Restricted ROM {bp}, guarded movement, muscle spasm palpable.",
                f"Pain {bp} 7/10, limited movement, neurovascular intact.",
                f"Ongoing pain and stiffness {bp}; improving slowly with treatment.")


def _capacity_ticks(cert: Certificate, D, rng: random.Random) -> list[str]:
    cap = cert.capacity
    mark = {k: ("[x]" if cap == k else "[ ]") for k in ("pre_injury_duties", "suitable_duties",
                                                        "none")}
    lines = [
        f"{mark['pre_injury_duties']} has capacity for pre-injury duties"
        + (f" from {D(cert.date_from)}" if cap == "pre_injury_duties" else " from ____"),
        f"{mark['suitable_duties']} has capacity for some type of employment (suitable duties)"
        + (f" from {D(cert.date_from)} to {D(cert.date_to)}" if cap == "suitable_duties"
           else " from ____ to ____"),
        f"{mark['none']} has no current work capacity for any employment"
        + (f" from {D(cert.date_from)} to {D(cert.date_to)}" if cap == "none"
           else " from ____ to ____"),
    ]
    if rng.random() < 0.5:
        lines.reverse()
    return lines


def _hours_line(cert: Certificate, rng: random.Random) -> str | None:
    if cert.capacity != "suitable_duties":
        return None
    return pick(rng,
                f"Hours: {cert.hours_per_day} hours/day, {cert.days_per_week} days/week",
                f"{cert.hours_per_day} hrs per day x {cert.days_per_week} days per week",
                f"Up to {cert.hours_per_day * cert.days_per_week} hours per week "
                f"({cert.hours_per_day} h/day, {cert.days_per_week} d/wk)")


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "scheme_form")
def scheme_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long scheme form in numbered parts with ticked boxes, adapted to story.scheme."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    title, body = _form_names(story)
    show_claim = rng.random() < 0.75
    show_dob = rng.random() < 0.7
    restr = _restrictions(c, rng)
    lines: list[str | None] = [
        f"# {title}",
        pick(rng, f"{body} - {story.scheme.act}", f"Issued under the {story.scheme.act}",
             body),
        _opt(rng, 0.5, "This certificate must be completed by the nominated treating doctor."),
        "",
        "## 1. Worker details",
        f"Worker name: {w.name}",
        f"Date of birth: {D(story.worker_dob)}" if show_dob else None,
        f"Address: {story.worker_address}",
        f"Phone: {w.phone}" if w.phone else None,
        f"Occupation: {story.worker_occupation}",
        f"Employer: {story.employer.name}",
        f"Claim number: {story.claim_number}" if show_claim else "Claim number (if known):",
        "",
        "## 2. Certificate type",
        f"{'[x]' if c.first else '[ ]'} Initial certificate",
        f"{'[ ]' if c.first else '[x]'} Progress certificate",
        _opt(rng, 0.4, "[ ] Final certificate"),
        "",
        "## 3. Injury / diagnosis",
        f"Date of injury: {D(inj.date)}",
        f"Diagnosis of work-related injury/disease: {inj.diagnosis}",
        f"Body part(s) affected: {inj.body_part}",
        f"How did the injury occur (as described by the worker): {inj.mechanism}",
        f"Is the injury consistent with the worker's description? "
        f"{pick(rng, '[x] Yes [ ] No [ ] Uncertain', '[x] Yes  [ ] No')}",
        "Date first seen for this injury: "
        + D(story.certificates[0].issued if story.certificates else c.issued),
        f"Clinical findings: {_findings(story, rng)}",
        "",
        "## 4. Capacity for work",
        f"I examined the worker on {D(c.issued)} and in my opinion the worker:",
        *_capacity_ticks(c, D, rng),
        _hours_line(c, rng),
    ]
    if restr:
        lines.append("Restrictions / capabilities:")
        lines += [f"- {r}" for r in restr]
    if c.capacity == "suitable_duties" and rng.random() < 0.6:
        lines += ["", "Functional ability:",
                  f"| Lifting | {pick(rng, 'up to 5 kg', 'up to 10 kg', 'nil')} |",
                  f"| Sitting | {pick(rng, '30 mins', '60 mins', 'as tolerated')} |",
                  f"| Standing/walking | {pick(rng, '20 mins', '45 mins', 'as tolerated')} |",
                  f"| Driving | {pick(rng, 'Yes', 'No', 'Short distances only')} |"]
    lines += [
        "",
        "## 5. Management plan",
        *[f"- {t}" for t in _treatment(story, rng)],
        f"Referral to workplace rehabilitation provider: "
        f"{pick(rng, '[x] Yes [ ] No', '[ ] Yes [x] No')}",
        f"Next review: {D(c.date_to)}",
        "",
        "## 6. Medical practitioner declaration",
        f"Name: {doc.formal}",
        f"Qualifications: {doc.qualifications}" if doc.qualifications else None,
        f"Provider number: {doc.provider_number}" if doc.provider_number else None,
        f"Practice: {story.practice.name}, {story.practice.address}",
        f"Phone: {story.practice.phone}" if story.practice.phone else None,
        "Signature: ______________________",
        f"Date: {D(spec.date)}",
        "",
        "## 7. Worker declaration",
        pick(rng,
             "I consent to the medical practitioner, insurer and employer exchanging information "
             "relevant to my injury and return to work.",
             "I authorise the exchange of information about this injury between my doctor, "
             "my employer and the insurer."),
        "Worker signature: ______________________",
        f"Date: {D(spec.date)}",
        "",
        pick(rng, "Page 1 of 2", "Page 1 of 1", "Original - insurer  Copy - worker  Copy - doctor"),
    ]
    f = _fields(story, spec, c, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number if show_claim else None,
                body_part=inj.body_part)
    return _doc(spec, "scheme_form", "form", lines, f)


@template(DOC_TYPE, "vic_style_capacity")
def vic_style_capacity(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Victorian-style certificate: clinical details, capacity statements, consent at foot."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    restr = _restrictions(c, rng)
    head = (story.scheme.certificate_name if story.scheme.code == "VIC"
            else "Certificate of Capacity")
    lines: list[str | None] = [
        f"# {head}",
        pick(rng, "Worker details", "Part A - Worker details"),
        f"First name: {w.first}    Surname: {w.last}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Claim no.: {story.claim_number}",
        f"Employer: {story.employer.name}",
        "",
        "## Clinical details",
        f"{'[x]' if c.first else '[ ]'} First certificate  {'[ ]' if c.first else '[x]'} "
        "Subsequent certificate",
        f"Examination date: {D(c.issued)}",
        f"Stated date of injury: {D(inj.date)}",
        f"Diagnosis: {inj.diagnosis}",
        f"Stated cause of injury: {inj.mechanism}",
        pick(rng, "In my opinion the injury is consistent with the cause stated.",
             "Injury consistent with stated mechanism: Yes"),
        "",
        "## Capacity for work",
    ]
    if c.capacity == "pre_injury_duties":
        lines.append(f"[x] {w.formal} has capacity for pre-injury employment from {D(c.date_from)}")
    elif c.capacity == "suitable_duties":
        lines += [
            f"[x] has capacity for some type of employment from {D(c.date_from)} "
            f"to {D(c.date_to)}",
            f"Hours per day: {c.hours_per_day}    Days per week: {c.days_per_week}",
            "The worker has the following restrictions:",
            *[f"- {r}" for r in restr],
        ]
    else:
        lines.append(f"[x] has no current work capacity for any employment from {D(c.date_from)} "
                     f"to {D(c.date_to)}")
    lines += [
        _opt(rng, 0.5, f"Estimated date of return to pre-injury duties: "
             f"{pick(rng, 'Unknown', 'Within 4-6 weeks', 'To be determined at review')}"),
        "",
        "## Treatment / management",
        "; ".join(_treatment(story, rng)),
        _opt(rng, 0.5, "Would a return to work case conference be useful? [x] Yes [ ] No"),
        "",
        "## Health practitioner",
        f"{doc.formal} {doc.qualifications}".strip(),
        f"{story.practice.name}",
        f"{story.practice.address}",
        f"Provider no. {doc.provider_number}" if doc.provider_number else None,
        f"Date: {D(spec.date)}    Signature: ____________",
        "",
        _opt(rng, 0.6, "Worker consent: I consent to my health practitioner providing information "
             "to my employer, the agent and WorkSafe for the purpose of my claim."),
    ]
    f = _fields(story, spec, c, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number)
    return _doc(spec, "vic_style_capacity", "form", lines, f)


@template(DOC_TYPE, "qld_table_certificate")
def qld_table_certificate(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Table-heavy certificate, Queensland work-capacity style."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    title = ("Work Capacity Certificate - Workers' Compensation" if story.scheme.code == "QLD"
             or rng.random() < 0.3 else story.scheme.certificate_name)
    cap_txt = {"none": "No capacity for work", "suitable_duties": "Suitable duties",
               "pre_injury_duties": "Normal duties"}[c.capacity]
    restr = _restrictions(c, rng)
    lines: list[str | None] = [
        f"# {title}",
        _opt(rng, 0.6, f"{story.insurer.name} | Phone {story.insurer.phone}"),
        "",
        "## Part A - Worker",
        f"| Worker | {w.name} |",
        f"| Date of birth | {D(story.worker_dob)} |",
        f"| Claim number | {story.claim_number} |",
        f"| Employer | {story.employer.name} |",
        f"| Occupation | {story.worker_occupation} |",
        "",
        "## Part B - Medical assessment",
        f"| Date of assessment | {D(c.issued)} |",
        f"| Date of injury | {D(inj.date)} |",
        f"| Diagnosis | {inj.diagnosis} |",
        f"| Certificate | {'Initial' if c.first else 'Progress'} |",
        "",
        "## Part C - Work capacity",
        f"| Capacity | {cap_txt} |",
        f"| From | {D(c.date_from)} |",
        f"| To | {D(c.date_to)} |",
    ]
    if c.capacity == "suitable_duties":
        lines += [f"| Hours per day | {c.hours_per_day} |",
                  f"| Days per week | {c.days_per_week} |"]
        lines += ["", "Work restrictions:"] + [f"- {r}" for r in restr]
    lines += [
        "",
        "## Part D - Treatment",
        *[f"- {t}" for t in _treatment(story, rng)],
        f"Review date: {D(c.date_to)}",
        "",
        "## Part E - Doctor",
        f"| Name | {doc.formal} |",
        f"| Practice | {story.practice.name} |",
        f"| Provider number | {doc.provider_number or 'n/a'} |",
        f"| Date | {D(spec.date)} |",
        "Signature ____________________",
    ]
    f = _fields(story, spec, c, pre_to=True, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number)
    return _doc(spec, "qld_table_certificate", "form", lines, f)


@template(DOC_TYPE, "comcare_function_grid")
def comcare_function_grid(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Work capacity certificate with a physical function grid (Comcare-like)."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    title = "Work capacity certificate" if story.scheme.code == "COMCARE" else pick(
        rng, "Work capacity certificate", story.scheme.certificate_name)
    lines: list[str | None] = [
        f"# {title}",
        pick(rng, f"Employee: {w.name}", f"Name of employee: {w.formal}"),
        f"Agency/employer: {story.employer.name}",
        _opt(rng, 0.7, f"Claim number: {story.claim_number}"),
        f"Date of injury: {D(inj.date)}",
        "",
        "## Medical details",
        f"Condition: {inj.diagnosis}",
        f"Objective findings: {_findings(story, rng)}",
        "",
        "## Work capacity",
        f"{'[x]' if c.capacity == 'pre_injury_duties' else '[ ]'} Fit for full duties",
        f"{'[x]' if c.capacity == 'suitable_duties' else '[ ]'} Fit for modified duties",
        f"{'[x]' if c.capacity == 'none' else '[ ]'} Unfit for work",
        f"Period: {D(c.date_from)} to {D(c.date_to)}",
    ]
    if c.capacity == "suitable_duties":
        lines += [f"Hours: {c.hours_per_day} per day, {c.days_per_week} days per week", "",
                  "| Activity | Can do | Limit |"]
        acts = ["Sitting", "Standing", "Walking", "Lifting", "Bending", "Reaching above shoulder",
                "Keyboard use", "Driving"]
        limits = {
            "Sitting": ("30 min", "1 hr", "as tolerated"),
            "Standing": ("15 min", "30 min", "1 hr"),
            "Walking": ("15 min", "short distances", "as tolerated"),
            "Lifting": ("5 kg", "10 kg", "nil from floor"),
            "Bending": ("occasional", "avoid repetitive"),
            "Reaching above shoulder": ("occasional", "nil"),
            "Keyboard use": ("30 min then break", "unrestricted"),
            "Driving": ("to/from work only", "short trips"),
        }
        for a in acts:
            ok = rng.random() < 0.65
            lim = rng.choice(limits[a])
            lines.append(f"| {a} | {'Yes' if ok else 'No'} | {lim if ok else '-'} |")
        lines += ["", "Other restrictions:"] + [f"- {r}" for r in _restrictions(c, rng)]
    lines += [
        "",
        "## Treatment plan",
        *[f"- {t}" for t in _treatment(story, rng)],
        "",
        f"Next appointment: {D(c.date_to)}",
        "",
        f"Doctor: {doc.formal}    Provider no: {doc.provider_number or '-'}",
        f"{story.practice.name}  {story.practice.phone}".strip(),
        f"Signed ______________  Date {D(spec.date)}",
    ]
    f = _fields(story, spec, c, pre_to=True, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number if any(
                    ln and ln.startswith("Claim number") for ln in lines) else None)
    return _doc(spec, "comcare_function_grid", "form", lines, f)


@template(DOC_TYPE, "gp_letterhead")
def gp_letterhead(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Prose certificate on practice letterhead."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    cert_name = story.scheme.certificate_name or "Certificate of Capacity"
    if c.capacity == "none":
        cap = pick(rng,
                   f"is totally unfit for work from {D(c.date_from)} to {D(c.date_to)} inclusive",
                   f"has no current capacity for any employment for the period {D(c.date_from)} "
                   f"to {D(c.date_to)}")
    elif c.capacity == "suitable_duties":
        cap = (f"is fit for suitable duties from {D(c.date_from)} to {D(c.date_to)}, "
               f"{c.hours_per_day} hours per day, {c.days_per_week} days per week")
    else:
        cap = pick(rng, f"is fit to resume pre-injury duties from {D(c.date_from)}",
                   f"has capacity for full pre-injury duties as of {D(c.date_from)}")
    restr = _restrictions(c, rng)
    lines: list[str | None] = [
        f"{story.practice.name}",
        f"{story.practice.address}",
        f"Ph {story.practice.phone}" if story.practice.phone else None,
        "---",
        ("# "
         + pick(rng, cert_name, "Workers Compensation Certificate",
                "Medical Certificate - Workers Compensation")),
        "",
        f"Date: {D(spec.date)}",
        pick(rng, f"Re: {w.formal}, DOB {D(story.worker_dob)}",
             f"Patient: {w.name}", f"RE: {w.name.upper()}"),
        _opt(rng, 0.6, f"Claim: {story.claim_number}"),
        "",
        pick(rng, "To whom it may concern,", "Dear Case Manager,", ""),
        "",
        f"I certify that I examined {w.formal} on {D(c.issued)} in relation to a work injury "
        f"sustained on {D(inj.date)} while employed by {story.employer.name}.",
        "",
        f"Diagnosis: {inj.diagnosis}.",
        "",
        f"In my opinion {w.first} {cap}.",
    ]
    if restr:
        lines += ["", "Restrictions: " + "; ".join(restr) + "."]
    lines += [
        "",
        pick(rng, "Management: ", "Plan: ") + "; ".join(_treatment(story, rng)) + ".",
        _opt(rng, 0.5, f"I will review {w.first} on or about {D(c.date_to)}."),
        "",
        pick(rng, "Yours sincerely,", "Regards,", "Kind regards,"),
        "",
        f"{doc.formal}",
        f"{doc.qualifications}" if doc.qualifications else None,
        f"Provider No. {doc.provider_number}" if doc.provider_number else None,
    ]
    has_claim = any(ln and ln.startswith("Claim:") for ln in lines)
    f = _fields(story, spec, c, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "gp_letterhead", "letter", lines, f)


@template(DOC_TYPE, "terse_handwritten")
def terse_handwritten(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Transcription of a handwritten certificate: few labels, abbreviations (hard negative)."""
    c = _cert(story, spec)
    w, inj, doc = story.worker, story.injury, c.doctor
    short = pick(rng, "{d.day}/{d.month}", "{d.day}/{d.month}/{yy}", "{d.day}.{d.month}.{yy}")

    def S(d: dt.date) -> str:
        return short.format(d=d, yy=f"{d.year % 100:02d}")

    weeks = max(1, round(((c.date_to - c.date_from).days + 1) / 7))
    if c.capacity == "none":
        cap = pick(rng, f"Unfit all work {S(c.date_from)} - {S(c.date_to)}",
                   f"Nil capacity {S(c.date_from)} to {S(c.date_to)}",
                   f"Off work {S(c.date_from)}-{S(c.date_to)} ({weeks}/52)")
    elif c.capacity == "suitable_duties":
        cap = pick(rng, f"S/D {S(c.date_from)} - {S(c.date_to)} {c.hours_per_day}h x "
                        f"{c.days_per_week}d",
                   f"Light duties {c.hours_per_day}hrs/d {c.days_per_week}d/wk "
                   f"{S(c.date_from)}->{S(c.date_to)}",
                   f"Mod duties from {S(c.date_from)} to {S(c.date_to)}, "
                   f"{c.hours_per_day}/{c.days_per_week}")
    else:
        cap = pick(rng, f"Fit normal duties from {S(c.date_from)}",
                   f"NTD / pre-inj duties {S(c.date_from)}",
                   f"Cleared full duties {S(c.date_from)}")
    restr = [r.lower().replace("no lifting over", "no lift >") for r in c.restrictions]
    lines: list[str | None] = [
        _opt(rng, 0.5, f"[{pick(rng, 'handwritten', 'illegible letterhead', 'scan')}]"),
        pick(rng, f"{w.first[0]}. {w.last}", f"{w.formal}", f"{w.last.upper()}, {w.first}"),
        _opt(rng, 0.5, f"dob {fmt_date(story.worker_dob, style=rng.choice((0, 6)))}"),
        pick(rng, f"WC - inj {S(inj.date)}", f"work inj {S(inj.date)}", f"D/I {S(inj.date)}"),
        pick(rng, f"Dx {inj.diagnosis}", f"{inj.diagnosis}", f"Dx: {inj.body_part} {inj.nature}"),
        cap,
        ("; ".join(restr)) if restr else None,
        (pick(rng, "psych referral", "cont psychol + meds", "MHCP, r/v", "cont mgmt")
         if inj.psychological else
         pick(rng, "physio, analgesia", "cont Rx", "Rx physio + meds", "cont mgmt",
              "HEP + physio")),
        pick(rng, f"r/v {S(c.date_to)}", f"RV {weeks}/52", f"f/u {S(c.date_to)}"),
        "",
        pick(rng, f"{doc.title} {doc.last}", f"{doc.formal}", f"Dr {doc.first[0]} {doc.last}"),
        _opt(rng, 0.6, f"prov {doc.provider_number}" if doc.provider_number else "[stamp]"),
        S(spec.date),
    ]
    f = {"worker": w.name, "cert_from": c.date_from, "capacity": c.capacity,
         "author": doc.name, "doc_date": spec.date, "injury_date": inj.date}
    if c.capacity != "pre_injury_duties":
        f["cert_to"] = c.date_to
    return _doc(spec, "terse_handwritten", "note", lines, f, hard_negative_of="medical_report")


@template(DOC_TYPE, "progress_short")
def progress_short(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Compact progress certificate, a dozen lines."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, doc = story.worker, c.doctor
    n = _cert_no(story, c)
    cap = {"none": "NO CAPACITY", "suitable_duties": "SUITABLE DUTIES",
           "pre_injury_duties": "PRE-INJURY DUTIES"}[c.capacity]
    lines: list[str | None] = [
        f"# {story.scheme.certificate_name or 'Certificate of Capacity'}"
        + pick(rng, f" - {'Initial' if c.first else 'Progress'}", f" (No. {n})", ""),
        f"Worker: {w.name}   Claim: {story.claim_number}",
        f"Injury: {story.injury.diagnosis} ({D(story.injury.date)})",
        f"Capacity: {cap}",
        f"Period: {D(c.date_from)} - {D(c.date_to)}",
        _hours_line(c, rng),
        ("Restrictions: " + "; ".join(_restrictions(c, rng))) if c.capacity ==
        "suitable_duties" else None,
        f"Treatment: {'; '.join(_treatment(story, rng)[:2])}",
        f"{doc.formal}, {story.practice.name} - {D(spec.date)}",
    ]
    f = _fields(story, spec, c, pre_to=True, claim_number=story.claim_number,
                injury_date=story.injury.date)
    return _doc(spec, "progress_short", "form", lines, f)


@template(DOC_TYPE, "clinical_software_printout")
def clinical_software_printout(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Certificate printed from practice software: key/value block, footer, page count."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    cap = {"none": pick(rng, "Unfit for work", "No current work capacity"),
           "suitable_duties": pick(rng, "Fit for restricted duties",
                                   "Capacity for suitable duties"),
           "pre_injury_duties": pick(rng, "Fit for normal duties", "Fit for pre-injury duties")}
    restr = _restrictions(c, rng)
    lines: list[str | None] = [
        _opt(rng, 0.4, f"FAX FROM: {story.practice.phone or story.practice.name}   "
             f"{D(spec.date)}   P.1/1"),
        f"{story.practice.name.upper()}",
        f"{story.practice.address}",
        "",
        f"# WORKCOVER {pick(rng, 'CERTIFICATE', 'MEDICAL CERTIFICATE', 'CAPACITY CERTIFICATE')}",
        "",
        f"PATIENT ........ {w.name}",
        f"D.O.B. ......... {D(story.worker_dob)}",
        f"ADDRESS ........ {story.worker_address}",
        f"EMPLOYER ....... {story.employer.name}",
        f"INSURER ........ {story.insurer.name}",
        f"CLAIM NO ....... {story.claim_number}",
        f"DATE OF INJURY . {D(inj.date)}",
        f"DIAGNOSIS ...... {inj.diagnosis}",
        f"CERT TYPE ...... {'FIRST' if c.first else 'PROGRESS'}",
        f"CAPACITY ....... {cap[c.capacity]}",
        f"FROM ........... {D(c.date_from)}",
        f"TO ............. {D(c.date_to)}",
    ]
    if c.capacity == "suitable_duties":
        lines += [f"HOURS/DAY ...... {c.hours_per_day}", f"DAYS/WEEK ...... {c.days_per_week}",
                  f"RESTRICTIONS ... {'; '.join(restr)}"]
    lines += [
        f"TREATMENT ...... {'; '.join(_treatment(story, rng))}",
        f"REVIEW ......... {D(c.date_to)}",
        "",
        f"Doctor: {doc.formal}  ({doc.provider_number or 'prov no n/a'})",
        "Electronically signed",
        "",
        f"Printed {D(spec.date)} {pick(rng, '09:14', '11:52', '15:03', '17:40')}  Page 1 of 1",
    ]
    f = _fields(story, spec, c, pre_to=True, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number)
    return _doc(spec, "clinical_software_printout", "form", lines, f)


@template(DOC_TYPE, "ocr_flattened")
def ocr_flattened(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Plain OCR text of a scanned certificate: no markup, labels run together, stray marks."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    title, body = _form_names(story)
    box = pick(rng, "X", "✓", "/")
    cap_line = {
        "none": f"{box} has no current work capacity for any employment from {D(c.date_from)} "
                f"to {D(c.date_to)}",
        "suitable_duties": f"{box} has capacity for some type of employment from {D(c.date_from)} "
                           f"to {D(c.date_to)} for {c.hours_per_day} hours/day "
                           f"{c.days_per_week} days/week",
        "pre_injury_duties": f"{box} is fit for pre-injury duties from {D(c.date_from)}",
    }[c.capacity]
    lines: list[str | None] = [
        f"{body.upper()} {title.upper()}",
        pick(rng, "PLEASE PRINT CLEARLY", "Complete all sections", ""),
        f"Worker's name {w.name} Date of birth {D(story.worker_dob)}",
        f"Claim No {story.claim_number} Employer {story.employer.name}",
        f"Injury date {D(inj.date)} Diagnosis {inj.diagnosis}",
        pick(rng, "Initial" if c.first else "Progress", "First" if c.first else "Subsequent")
        + " certificate",
        "In my opinion the worker",
        cap_line,
        ("Restrictions " + ", ".join(_restrictions(c, rng))) if c.capacity ==
        "suitable_duties" else None,
        "Treatment " + ", ".join(_treatment(story, rng)),
        f"Next review {D(c.date_to)}",
        f"Doctor {doc.formal} Provider No {doc.provider_number or ''}".strip(),
        f"Signature {pick(rng, '~~~~', '[signed]', 'illegible')} Date {D(spec.date)}",
        _opt(rng, 0.5, f"{pick(rng, 'I', 'l')} {pick(rng, '|', '!')} . '"),
    ]
    f = _fields(story, spec, c, employer=story.employer.name, injury_date=inj.date,
                claim_number=story.claim_number)
    return _doc(spec, "ocr_flattened", "form", lines, f)


@template(DOC_TYPE, "sa_wa_declaration_form")
def sa_wa_declaration_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """SA/WA/Tas/NT-style certificate: yes/no questions and a practitioner declaration."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, inj, doc = story.worker, story.injury, c.doctor
    title, body = _form_names(story)

    def yn(v: bool) -> str:
        return "[x] Yes  [ ] No" if v else "[ ] Yes  [x] No"

    lines: list[str | None] = [
        f"# {title}",
        f"{body}",
        "",
        "## Worker",
        f"Surname: {w.last}   Given names: {w.first}",
        f"Address: {story.worker_address}",
        _opt(rng, 0.6, f"Claim number: {story.claim_number}"),
        "",
        "## Questions",
        f"1. Date of this examination: {D(c.issued)}",
        f"2. Is this the first certificate for this injury? {yn(c.first)}",
        f"3. Nature of injury/diagnosis: {inj.diagnosis}",
        f"4. Date of injury as stated by worker: {D(inj.date)}",
        f"5. Is the condition work related? {yn(True)}",
        "6. Is the worker fit for their pre-injury duties? "
        + yn(c.capacity == "pre_injury_duties"),
        f"7. Is the worker fit for modified duties? {yn(c.capacity == 'suitable_duties')}",
        f"8. Is the worker totally unfit for work? {yn(c.capacity == 'none')}",
        f"9. Period covered: from {D(c.date_from)} to {D(c.date_to)}",
    ]
    if c.capacity == "suitable_duties":
        lines.append(f"10. Duties/hours: {c.hours_per_day} hours per day, {c.days_per_week} days "
                     f"per week. {'; '.join(_restrictions(c, rng))}")
    lines += [
        f"{'11' if c.capacity == 'suitable_duties' else '10'}. Treatment plan: "
        f"{'; '.join(_treatment(story, rng))}",
        "",
        "## Declaration",
        pick(rng, "I certify that the information given above is true and correct.",
             "I have examined the worker and the above is my professional opinion."),
        f"{doc.formal} {doc.qualifications}".strip(),
        f"{story.practice.name}, {story.practice.address}",
        f"Date: {D(spec.date)}",
        "Signature: _____________",
    ]
    has_claim = any(ln and ln.startswith("Claim number") for ln in lines)
    f = _fields(story, spec, c, pre_to=True, injury_date=inj.date,
                claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "sa_wa_declaration_form", "form", lines, f)


@template(DOC_TYPE, "brief_statement")
def brief_statement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Short 'clearance'/final certificate; phrasing follows the certificate's capacity."""
    c = _cert(story, spec)
    D = _dater(rng)
    w, doc = story.worker, c.doctor
    if c.capacity == "pre_injury_duties":
        head = pick(rng, "Certificate of Fitness", "Final Certificate of Capacity",
                    "Clearance to return to work")
        body = pick(rng,
                    f"{w.formal} is fit to return to full pre-injury duties from "
                    f"{D(c.date_from)} without restriction.",
                    f"I have reviewed {w.first} today. Fit for normal duties from {D(c.date_from)}."
                    f" No further certification is required unless symptoms recur.")
    elif c.capacity == "suitable_duties":
        head = pick(rng, "Certificate of Capacity", "Capacity certificate")
        body = (f"{w.formal} is fit for suitable duties from {D(c.date_from)} until "
                f"{D(c.date_to)}, {c.hours_per_day} hours a day, {c.days_per_week} days a week. "
                f"Restrictions: {'; '.join(_restrictions(c, rng))}.")
    else:
        head = pick(rng, "Certificate of Capacity", "Certificate of incapacity")
        body = (f"{w.formal} has no capacity for any work from {D(c.date_from)} to "
                f"{D(c.date_to)} due to {story.injury.diagnosis.lower()}.")
    lines: list[str | None] = [
        f"# {head}",
        f"{story.practice.name}",
        "",
        f"Date: {D(spec.date)}",
        f"Worker: {w.name}" + pick(rng, "", f"   Employer: {story.employer.name}"),
        "",
        body,
        "",
        f"{doc.formal}",
    ]
    f = _fields(story, spec, c)
    if "Employer:" in lines[4]:
        f["employer"] = story.employer.name
    return _doc(spec, "brief_statement", "form", lines, f)
