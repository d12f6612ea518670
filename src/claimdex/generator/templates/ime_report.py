"""Independent medical examination (IME) report templates."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import capacity_phrase, date_style, fmt_date, join_lines, pick
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec, template

DOC_TYPE = "ime_report"


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


def _exam_date(story: ClaimStory, spec: DocSpec, rng: random.Random) -> dt.date:
    d = spec.date - dt.timedelta(days=rng.randint(2, 16))
    return max(d, story.injury.date + dt.timedelta(days=1))


def _fields(story: ClaimStory, spec: DocSpec, exam: dt.date | None, **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "examiner": story.ime_examiner.name,
        "author": story.ime_examiner.name,
    }
    if exam is not None:
        out["exam_date"] = exam
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _lc(text: str) -> str:
    """Lower-case the first letter only (keeps 'L4/5', 'DSM' etc. intact)."""
    return text[:1].lower() + text[1:]


def _suburb(address: str) -> str:
    last = address.split(",")[-1].strip().split()
    words = [t for t in last if not t.isdigit() and t.upper() not in (
        "NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT")]
    return " ".join(words) or address


def _latest_cert(story: ClaimStory, day: dt.date) -> Certificate | None:
    certs = [c for c in story.certificates if c.issued <= day]
    if certs:
        return certs[-1]
    return story.certificates[-1] if story.certificates else None


def _age(story: ClaimStory, on: dt.date) -> int:
    dob = story.worker_dob
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _he(story: ClaimStory) -> tuple[str, str]:
    if story.worker.title in ("Ms", "Mrs", "Miss"):
        return "she", "her"
    if story.worker.title == "Mr":
        return "he", "his"
    return "they", "their"


def _referrer(story: ClaimStory, spec: DocSpec):
    return story.case_manager_on(spec.date)


def _documents(story: ClaimStory, D, rng: random.Random) -> list[str]:
    docs = [f"{story.scheme.claim_form_name or 'Claim form'} dated {D(story.claim_lodged)}"]
    for c in story.certificates[: rng.randint(1, max(1, len(story.certificates)))]:
        docs.append(f"{story.scheme.certificate_name or 'Certificate of capacity'} issued "
                    f"{D(c.issued)} by {c.doctor.formal}")
    pool = [
        f"Clinical notes of {story.practice.name}",
        f"Report of {story.specialist.formal}, {story.specialist.role or 'specialist'}",
        (f"Treating psychologist's reports, {story.physio_practice.name}"
         if story.injury.psychological
         else f"Physiotherapy progress reports, {story.physio_practice.name}"),
        f"Rehabilitation reports, {story.rehab_provider.name}",
        f"Injury notification from {story.employer.name}",
        "Position description",
        "Factual investigation report",
        "Employer's file notes" if story.injury.psychological else "Radiology reports",
    ]
    rng.shuffle(pool)
    return docs + pool[: rng.randint(2, 5)]


def _rom_table(story: ClaimStory, rng: random.Random) -> list[str]:
    bp = story.injury.body_part.lower()
    if "shoulder" in bp or "arm" in bp:
        moves = [("Forward flexion", 180), ("Abduction", 180), ("External rotation", 90),
                 ("Internal rotation", 70), ("Extension", 50)]
    elif "knee" in bp or "leg" in bp:
        moves = [("Flexion", 140), ("Extension", 0)]
    elif "neck" in bp or "cervical" in bp:
        moves = [("Flexion", 50), ("Extension", 60), ("Rotation L", 80), ("Rotation R", 80)]
    elif "wrist" in bp or "hand" in bp:
        moves = [("Dorsiflexion", 60), ("Palmar flexion", 60), ("Radial deviation", 20),
                 ("Ulnar deviation", 30)]
    else:
        moves = [("Flexion (fingertips to)", 0), ("Extension", 25), ("Lateral flexion L", 25),
                 ("Lateral flexion R", 25), ("Rotation", 30)]
    rows = ["| Movement | Measured | Normal |"]
    for name, normal in moves:
        if name.startswith("Flexion (fingertips"):
            rows.append(f"| {name} | {pick(rng, 'mid-shin', 'knee', 'mid-thigh', 'ankle')} "
                        f"| floor |")
        elif normal == 0:
            rows.append(f"| {name} | {pick(rng, '0', '-5', '-10')} deg | 0 deg |")
        else:
            got = int(normal * rng.uniform(0.45, 0.95) / 5) * 5
            rows.append(f"| {name} | {got} deg | {normal} deg |")
    return rows


def _exam_findings(story: ClaimStory, rng: random.Random) -> list[str]:
    he, his = _he(story)
    w = story.worker
    if story.injury.psychological:
        return [
            pick(rng, f"{w.title} {w.last} presented on time, casually dressed and adequately "
                      "groomed.", f"{w.first} attended alone and was appropriately dressed."),
            pick(rng, "Rapport was established with some difficulty.",
                 "Rapport was easily established."),
            f"Mood was described as {pick(rng, 'low', 'flat', 'anxious', 'up and down')} and "
            f"affect was {pick(rng, 'restricted', 'congruent', 'tearful at times')}.",
            "There was no formal thought disorder. No perceptual disturbance was elicited.",
            pick(rng, "There was no current suicidal ideation, intent or plan.",
                 "Passive thoughts of death were reported without intent or plan."),
            f"Insight was {pick(rng, 'fair', 'good', 'partial')} and judgement intact.",
            f"DASS-21: depression {rng.randint(12, 30)}, anxiety {rng.randint(8, 24)}, "
            f"stress {rng.randint(14, 34)}.",
        ]
    bp = story.injury.body_part
    return [
        pick(rng, f"{w.title} {w.last} is right hand dominant.",
             f"{w.first} moved about the room {pick(rng, 'freely', 'stiffly', 'cautiously')}."),
        f"Height {rng.randint(158, 192)} cm, weight {rng.randint(58, 118)} kg.",
        (f"Inspection of the {bp} showed "
         + pick(rng, "no swelling or deformity", "mild muscle wasting", "no scars")
         + "."),
        f"There was {pick(rng, 'diffuse', 'localised', 'mild', 'moderate')} tenderness over the "
        f"{bp}.",
        pick(rng, "Neurological examination of the limbs was normal.",
             "Reflexes were symmetrical; sensation and power intact.",
             "Straight leg raise was 70 degrees bilaterally."),
        pick(rng, "Waddell signs 0/5.", "There were no non-organic signs.",
             "Some pain behaviour was noted on formal testing but not on distraction."),
    ]


def _current_complaints(story: ClaimStory, rng: random.Random) -> str:
    he, his = _he(story)
    if story.injury.psychological:
        return (f"{he.capitalize()} reports {pick(rng, 'poor sleep', 'broken sleep')}, "
                f"{pick(rng, 'low motivation', 'anxiety when thinking about work')}, "
                f"{pick(rng, 'irritability', 'poor concentration')} and avoidance of the "
                f"workplace. {he.capitalize()} rates {his} mood as {rng.randint(3, 6)}/10.")
    return (f"{he.capitalize()} describes {pick(rng, 'constant', 'intermittent', 'daily')} pain "
            f"in the {story.injury.body_part} rated {rng.randint(3, 8)}/10, worse with "
            f"{pick(rng, 'bending and lifting', 'prolonged sitting', 'overhead work', 'walking')}"
            f" and eased by {pick(rng, 'rest', 'heat', 'medication', 'changing position')}. "
            f"Sleep is {pick(rng, 'disturbed', 'fair', 'interrupted by pain')}.")


def _history(story: ClaimStory, D, rng: random.Random) -> list[str]:
    he, his = _he(story)
    inj, w = story.injury, story.worker
    out = [
        f"{w.title} {w.last} is a {_age(story, inj.date)} year old "
        f"{story.worker_occupation.lower()} "
        f"employed by {story.employer.name}. {he.capitalize()} reported that on {D(inj.date)} "
        f"at about {inj.time}: {inj.mechanism}",
        pick(rng, f"{he.capitalize()} reported the incident to {his} supervisor the same day.",
             f"{he.capitalize()} completed the shift and reported it the following day.",
             "The incident was reported to the employer."),
        f"{he.capitalize()} attended {story.treating_doctor.formal} at {story.practice.name}, "
        f"who diagnosed {_lc(inj.diagnosis)} and has issued certificates since.",
    ]
    if story.injury.psychological:
        out.append(f"{he.capitalize()} was referred for psychological treatment and has attended "
                   f"{rng.randint(4, 14)} sessions.")
    else:
        out.append(f"{he.capitalize()} has attended {rng.randint(5, 20)} physiotherapy sessions "
                   f"with {story.physio.formal} and was reviewed by {story.specialist.formal}.")
    return out


def _answers(story: ClaimStory, spec: DocSpec, D, rng: random.Random) -> list[tuple[str, str]]:
    inj, w = story.injury, story.worker
    he, his = _he(story)
    cert = _latest_cert(story, spec.date)
    cap = cert.capacity if cert else "suitable_duties"
    if rng.random() < 0.35:
        cap = pick(rng, "suitable_duties", "pre_injury_duties")
    wpi = rng.choice((0, 3, 5, 6, 8, 10, 12, 14))
    mmi = rng.random() < 0.45
    qa = [
        ("What is the diagnosis?",
         pick(rng, f"The diagnosis is {_lc(inj.diagnosis)}.",
              f"In my opinion {w.title} {w.last} sustained an injury in the nature of "
              f"{_lc(inj.nature)}; the working diagnosis is {_lc(inj.diagnosis)}.")),
        ("Is the worker's employment a substantial contributing factor to the injury?",
         pick(rng, "Yes. The history is consistent and there is no significant pre-existing "
                   "pathology. Employment was the main contributing factor.",
              "Yes, on the balance of probabilities the incident at work caused the condition.",
              "Employment was a substantial contributing factor to an aggravation of "
              "pre-existing degenerative change, which has now largely settled.")
         if not inj.psychological else
         pick(rng, "Yes. The events described at work were the main contributing factor to the "
                   "development of the condition.",
              "Employment was a substantial contributing factor. I did not identify significant "
              "non-work stressors.",
              "Work events were a substantial contributing factor, although relationship "
              "stressors at home have also contributed.")),
        ("What is the worker's current capacity for work?",
         f"In my opinion the worker {capacity_phrase(cap, rng)}."
         + (f" Suitable duties could be undertaken {pick(rng, '4', '5', '6')} hours per day, "
            f"{pick(rng, '3', '4', '5')} days per week, avoiding "
            f"{_avoid(story, rng)}."
            if cap == "suitable_duties" else "")),
        ("Is the current treatment reasonable and necessary?",
         pick(rng, "Yes. Ongoing physiotherapy for a further 6 sessions is reasonable; "
                   "beyond that a home program is sufficient.",
              "The treatment to date has been reasonable. Further passive treatment is not "
              "reasonably necessary.",
              "I support the proposed treatment. Surgery is not indicated at this stage.")
         if not inj.psychological else
         pick(rng, "Continued psychology, 10 further sessions, is reasonable.",
              "Treatment with a psychiatrist should be considered in addition to psychology.")),
        ("Has the worker reached maximum medical improvement?",
         "Yes, the condition has stabilised." if mmi else
         pick(rng, "No. I would expect further improvement over the next 3 to 6 months.",
              "Not yet. MMI is likely within 6 months.")),
        ("If so, what is the degree of whole person impairment (WPI)?",
         f"{wpi}% WPI, assessed in accordance with the applicable guidelines."
         if mmi else "Not applicable as MMI has not been reached."),
        ("Prognosis",
         pick(rng, "Fair to good. A full return to pre-injury duties is expected.",
              f"Guarded. {he.capitalize()} may not return to {his} full pre-injury duties.",
              "Good, provided graded return to work continues.")),
    ]
    return qa


def _avoid(story: ClaimStory, rng: random.Random) -> str:
    if story.injury.psychological:
        return pick(rng, "contact with the previous manager", "customer-facing work",
                    "high-pressure deadlines")
    return pick(rng, "lifting over 10 kg", "repetitive bending", "overhead work",
                "prolonged static postures")


def _referral_qs(rng: random.Random, qa: list[tuple[str, str]]) -> list[tuple[str, str]]:
    head = qa[:3]
    tail = qa[3:]
    if rng.random() < 0.5:
        rng.shuffle(tail)
    return head + tail


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "long_medicolegal")
def long_medicolegal(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Full medico-legal report: letterhead, numbered sections, answers to questions."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, px, w, inj = story.ime_examiner, story.ime_practice, story.worker, story.injury
    cm = _referrer(story, spec)
    he, his = _he(story)
    sections: list[list[str | None]] = []
    sections.append([
        "## Documents reviewed",
        *[f"- {d}" for d in _documents(story, D, rng)],
    ])
    sections.append(["## History of injury", *sum(([p, ""] for p in _history(story, D, rng)),
                                                  [])])
    sections.append(["## Current complaints", _current_complaints(story, rng)])
    sections.append([
        "## Past history",
        pick(rng, "No previous injury to the affected area." if not inj.psychological
             else "No prior psychiatric history.",
             f"{he.capitalize()} had a prior episode of similar symptoms about "
             f"{rng.randint(3, 10)} years ago which resolved with treatment.",
             "Past medical history includes hypertension and asthma."),
        pick(rng, "Medications: as per GP list.",
             "Medications: sertraline 50 mg, melatonin." if inj.psychological
             else "Medications: paracetamol, ibuprofen PRN."),
    ])
    sections.append([
        "## Social and employment history",
        f"{he.capitalize()} lives "
        + pick(rng, "with a partner and two children", "alone", "with parents")
        + f" in {_suburb(story.worker_address)}.",
        f"{he.capitalize()} has worked for {story.employer.name} for "
        f"{rng.randint(1, max(1, min(15, _age(story, exam) - 17)))} years "
        f"as a {story.worker_occupation.lower()}.",
        pick(rng, f"Currently {he} is not working.", f"{he.capitalize()} is currently working "
             "reduced hours on suitable duties.", "Has returned to work in a modified role."),
    ])
    exam_sec: list[str | None] = ["## Examination", *_exam_findings(story, rng)]
    if not inj.psychological:
        exam_sec += ["", *_rom_table(story, rng)]
    sections.append(exam_sec)
    order = [0, 1, 2, 3, 4, 5]
    if rng.random() < 0.4:
        order = [1, 2, 3, 4, 0, 5]
    lines: list[str | None] = [
        f"{px.name.upper()}",
        f"{px.address}",
        _opt(rng, 0.5, f"Ph {px.phone}" if px.phone else "ABN on request"),
        "---",
        pick(rng, "PRIVATE AND CONFIDENTIAL", "MEDICO-LEGAL REPORT - CONFIDENTIAL",
             "IN CONFIDENCE"),
        "",
        D(spec.date),
        "",
        f"{cm.formal}",
        f"{pick(rng, 'Case Manager', 'Claims Specialist', 'Injury Management Consultant')}",
        f"{story.insurer.name}",
        f"{story.insurer.address}",
        "",
        f"Re: {w.formal}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Claim number: {story.claim_number}",
        f"Employer: {story.employer.name}",
        f"Date of injury: {D(inj.date)}",
        f"Date of assessment: {D(exam)}",
        "",
        ("# "
         + pick(rng, "Independent Medical Examination Report", "Independent Medical Report",
                "Medico-Legal Report")),
        "",
        "## Introduction",
        f"Thank you for referring {w.title} {w.last} for an independent medical examination, "
        "which took place at "
        + pick(rng, "my rooms", px.name, "our " + _suburb(px.address) + " rooms")
        + f" on {D(exam)}. "
        + pick(rng, "The examination took about one hour.", "An interpreter was not required.",
               "The worker attended alone."),
        pick(rng, f"I explained my role as an independent examiner and that a report would be "
                  f"provided to {story.insurer.name}. {w.title} {w.last} consented to the "
                  f"examination.",
             "The nature of the assessment was explained and informed consent obtained. "
             "No therapeutic relationship exists."),
        "Identification was confirmed by photo identification.",
        "",
    ]
    for n, idx in enumerate(order, start=1):
        sec = sections[idx]
        lines.append(sec[0].replace("## ", f"## {n}. ") if sec[0] else sec[0])
        lines += sec[1:]
        lines.append("")
    n = len(order) + 1
    lines += [
        f"## {n}. Diagnosis",
        f"{inj.diagnosis}.",
        "",
        f"## {n + 1}. Opinion and answers to your questions",
    ]
    for i, (q, a) in enumerate(_referral_qs(rng, _answers(story, spec, D, rng)), start=1):
        lines += [f"{i}. {q}", a, ""]
    lines += [
        f"## {n + 2}. Declaration",
        pick(rng,
             "I have made all enquiries I believe desirable and appropriate, and no matters of "
             "significance I regard as relevant have, to my knowledge, been withheld.",
             "I have read and agree to be bound by the expert witness code of conduct. The "
             "opinions expressed are within my area of expertise.",
             "This report is provided on the basis of the history given and the documents "
             "supplied. Should further information become available I would be happy to review "
             "my opinion."),
        "",
        "Yours faithfully,",
        "",
        f"{ex.formal}",
        f"{ex.qualifications}" if ex.qualifications else None,
        f"{ex.role}" if ex.role else None,
        "",
        pick(rng, "Page 1 of 6", "Page 6 of 6", "Report ends", ""),
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number,
                employer=story.employer.name, injury_date=inj.date,
                case_manager=cm.name, body_part=inj.body_part)
    return _doc(spec, "long_medicolegal", "report", lines, f)


@template(DOC_TYPE, "supplementary_letter")
def supplementary_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Short supplementary IME report by letter answering further questions (hard negative)."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng) - dt.timedelta(days=rng.randint(20, 60))
    exam = max(exam, story.injury.date + dt.timedelta(days=1))
    ex, px, w = story.ime_examiner, story.ime_practice, story.worker
    cm = _referrer(story, spec)
    qs = [
        ("Having reviewed the surveillance footage, does your opinion on capacity change?",
         pick(rng, "The footage shows activities within the restrictions I recommended. My "
                   "opinion is unchanged.",
              "The footage shows the worker lifting and bending freely for prolonged periods. "
              "I now consider capacity for pre-injury duties from the date of this letter.")),
        ("Please comment on the request for "
         + pick(rng, "a lumbar MRI", "a further 8 sessions of physiotherapy",
                "referral to a pain specialist", "a gym program") + ".",
         pick(rng, "This is reasonably necessary as a result of the work injury.",
              "In my view this is not reasonably necessary; a home exercise program is adequate.")),
        ("Has the worker reached maximum medical improvement?",
         pick(rng, "Not yet; I would review in 3 months.", "Yes, as of my examination.")),
        ("Is the proposed suitable duties plan appropriate?",
         pick(rng, "Yes, the duties described are within capacity.",
              "Yes, with the proviso that hours are upgraded gradually over 4 weeks.")),
    ]
    rng.shuffle(qs)
    qs = qs[: rng.randint(1, 3)]
    lines: list[str | None] = [
        f"{px.name}",
        f"{px.address}",
        "",
        D(spec.date),
        "",
        f"{cm.formal}",
        f"{story.insurer.name}",
        _opt(rng, 0.6, f"By email: {cm.email}" if cm.email else "By email"),
        "",
        pick(rng, f"Dear {cm.title} {cm.last},", "Dear Case Manager,"),
        "",
        pick(rng, f"Re: {w.formal} - Claim {story.claim_number} - Supplementary report",
             f"RE: {w.name.upper()}  Your ref: {story.claim_number}",
             f"Re: {w.formal} - supplementary report"),
        "",
        pick(rng,
             f"Thank you for your letter requesting a supplementary report. I examined "
             f"{w.title} {w.last} on {D(exam)} and provided a report at that time.",
             f"Further to my independent medical examination of {w.title} {w.last} on "
             f"{D(exam)}, you have asked me to answer the following further questions.",
             f"I refer to my earlier report following examination on {D(exam)} and to the "
             f"additional material you have provided."),
        _opt(rng, 0.5, "I have not re-examined the worker for the purposes of this letter."),
        "",
    ]
    for i, (q, a) in enumerate(qs, start=1):
        lines += [f"{i}. {q}" if rng.random() < 0.6 else f"Question {i}: {q}", a, ""]
    lines += [
        pick(rng, "Please do not hesitate to contact me if you require anything further.",
             "I trust this assists.", "My previous opinion otherwise stands."),
        "",
        pick(rng, "Yours sincerely,", "Yours faithfully,"),
        f"{ex.formal}",
        f"{ex.qualifications}" if ex.qualifications else None,
    ]
    claim = story.claim_number if any(ln and story.claim_number in ln for ln in lines) else None
    f = _fields(story, spec, exam, claim_number=claim, case_manager=cm.name)
    return _doc(spec, "supplementary_letter", "letter", lines, f,
                hard_negative_of="medical_report")


@template(DOC_TYPE, "question_answer_table")
def question_answer_table(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IME with a details table up front and referral questions answered under headings."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    lines: list[str | None] = [
        ("# "
         + pick(rng, "INDEPENDENT MEDICAL EXAMINATION", "IME REPORT",
                "Independent Medical Assessment")),
        "",
        f"| Claimant | {w.name} |",
        f"| DOB | {D(story.worker_dob)} |",
        f"| Claim no. | {story.claim_number} |",
        f"| Insurer | {story.insurer.name} |",
        f"| Employer | {story.employer.name} |",
        f"| Date of injury | {D(inj.date)} |",
        f"| Date of examination | {D(exam)} |",
        f"| Examiner | {ex.formal}, {ex.role or 'Independent medical examiner'} |",
        f"| Report date | {D(spec.date)} |",
        "",
        "## Brief history",
        " ".join(_history(story, D, rng)[:2]),
        "",
        "## Presenting complaints",
        _current_complaints(story, rng),
        "",
        "## Findings on examination",
        *[f"- {x}" for x in _exam_findings(story, rng)],
        "",
        "## Responses to referral questions",
    ]
    for i, (q, a) in enumerate(_referral_qs(rng, _answers(story, spec, D, rng)), start=1):
        lines += [f"### Q{i}. {q}" if rng.random() < 0.3 else f"Q{i}. {q}", f"A: {a}", ""]
    lines += [
        f"{ex.formal} {ex.qualifications}".strip(),
        _opt(rng, 0.5, "This report has been prepared for the insurer and is not to be released "
             "to the worker without the author's consent."),
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number, employer=story.employer.name,
                injury_date=inj.date)
    return _doc(spec, "question_answer_table", "report", lines, f)


@template(DOC_TYPE, "psychiatric_ime")
def psychiatric_ime(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Psychiatric-style IME with mental state examination and DSM/PIRS wording."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    he, his = _he(story)
    cm = _referrer(story, spec)
    dx = inj.diagnosis if inj.psychological else pick(
        rng, "Adjustment disorder with mixed anxiety and depressed mood, secondary to chronic pain",
        "No psychiatric diagnosis is made")
    pirs = [("Self care and personal hygiene", rng.randint(1, 2)),
            ("Social and recreational activities", rng.randint(1, 3)),
            ("Travel", rng.randint(1, 3)), ("Social functioning", rng.randint(1, 3)),
            ("Concentration, persistence and pace", rng.randint(1, 3)),
            ("Employability", rng.randint(2, 4))]
    lines: list[str | None] = [
        f"{story.ime_practice.name}",
        "",
        ("# "
         + pick(rng, "Independent Psychiatric Examination",
                "Independent Medical Examination - Psychiatry", "Medicolegal Psychiatric Report")),
        "",
        f"Examinee: {w.formal}   DOB: {D(story.worker_dob)}",
        f"Referred by: {cm.formal}, {story.insurer.name}",
        f"Claim: {story.claim_number}",
        f"Date of interview: {D(exam)}   Date of report: {D(spec.date)}",
        "",
        "## Sources of information",
        (f"Interview with {w.title} {w.last} lasting "
         + pick(rng, "75 minutes", "90 minutes", "two hours")
         + "."),
        "Documents as listed in the letter of instruction.",
        "",
        "## Background",
        f"{w.title} {w.last} is {_age(story, exam)} years old. {he.capitalize()} works as a "
        f"{story.worker_occupation.lower()} with {story.employer.name}.",
        f"{he.capitalize()} attributes {his} symptoms to events at work "
        f"{pick(rng, 'culminating on', 'reported on', 'from')} {D(inj.date)}: {inj.mechanism}",
        "",
        "## Psychiatric history",
        pick(rng, "No prior psychiatric history.",
             "A brief episode of counselling in early adulthood; no hospitalisation.",
             "Treated for depression by the GP some years ago, fully recovered."),
        "",
        "## Mental state examination",
        *(_exam_findings(story, rng) if inj.psychological else [
            "Appearance and behaviour unremarkable.", "Mood euthymic; affect reactive.",
            "No thought disorder. Cognition grossly intact."]),
        "",
        "## Diagnosis (DSM-5-TR)",
        dx + ".",
        "",
        "## Opinion",
    ]
    qa = _answers(story, spec, D, rng)[:5]
    qa[0] = ("What is the psychiatric diagnosis, if any?", dx + ".")
    for i, (q, a) in enumerate(qa, start=1):
        lines += [f"{i}. {q}", a]
    if rng.random() < 0.6:
        lines += ["", "## Psychiatric Impairment Rating Scale (provisional)",
                  "| Category | Class |"] + [f"| {c} | {v} |" for c, v in pirs]
        lines.append(pick(rng, "A final rating should be deferred until MMI.",
                          "Median class 2; see guidelines for conversion."))
    role = ex.role if inj.psychological and ex.role else ex.qualifications
    lines += ["", f"{ex.formal}", role or None]
    f = _fields(story, spec, exam, claim_number=story.claim_number, case_manager=cm.name,
                employer=story.employer.name, injury_date=inj.date)
    return _doc(spec, "psychiatric_ime", "report", lines, f)


@template(DOC_TYPE, "wpi_assessment")
def wpi_assessment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Permanent impairment assessment with impairment table and combined WPI."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    guide = pick(rng,
                 f"{story.scheme.regulator} Guidelines for the evaluation of permanent impairment",
                 "AMA Guides to the Evaluation of Permanent Impairment, 5th edition",
                 "the applicable impairment guidelines (AMA5 as modified)")
    rows = []
    total = 0
    for region in [inj.body_part, pick(rng, "scarring", "gastrointestinal (secondary)",
                                       "contralateral side")][: rng.randint(1, 2)]:
        v = rng.choice((0, 1, 2, 3, 5, 6, 7, 8, 10, 12))
        total += v
        method = pick(rng, "Table 15-3", "DRE category II", "Table 17-10", "ROM method")
        rows.append(f"| {region} | {method} | {v}% |")
    deduct = rng.choice((0, 0, 10))
    final = round(total * (1 - deduct / 100))
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Assessment of Permanent Impairment", "Permanent Impairment Report",
                "Whole Person Impairment Assessment")),
        f"{story.ime_practice.name}, {story.ime_practice.address}",
        "",
        f"Worker: {w.name}",
        f"Claim number: {story.claim_number}",
        f"Date of injury: {D(inj.date)}",
        f"Date of assessment: {D(exam)}",
        f"Assessor: {ex.formal}, {ex.qualifications or ex.role}",
        "",
        "## Method",
        f"The assessment was performed in accordance with {guide}.",
        "",
        "## Maximum medical improvement",
        pick(rng, "The condition has been stable for more than three months and is unlikely to "
                  "change substantially in the next year with or without treatment. MMI has been "
                  "reached.",
             "I am satisfied the worker has reached maximum medical improvement."),
        "",
        "## Clinical findings",
        *_exam_findings(story, rng),
        "",
        *(_rom_table(story, rng) if not inj.psychological else []),
        "",
        "## Impairment",
        "| Body part / system | Method | WPI |",
        *rows,
        "",
        f"Deduction for pre-existing condition: {deduct}%" if deduct else
        "No deduction for pre-existing condition is applicable.",
        f"Total whole person impairment: {final}% WPI",
        "",
        f"{ex.formal}",
        f"Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number, injury_date=inj.date,
                body_part=inj.body_part)
    return _doc(spec, "wpi_assessment", "report", lines, f)


@template(DOC_TYPE, "dictated_plain")
def dictated_plain(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Dictated-style IME without markup: capitalised headings with colons, running prose."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    he, his = _he(story)
    qa = _answers(story, spec, D, rng)
    lines: list[str | None] = [
        f"{ex.formal.upper()} {ex.qualifications}".strip(),
        f"{ex.role}" if ex.role else None,
        f"{story.ime_practice.address}",
        "",
        f"{D(spec.date)}",
        "",
        f"RE: {w.name.upper()}   DOB: {D(story.worker_dob)}",
        f"OUR REF: IME/{rng.randint(10000, 99999)}   YOUR REF: {story.claim_number}",
        f"DATE OF EXAMINATION: {D(exam)}",
        "",
        "INDEPENDENT MEDICAL EXAMINATION",
        "",
        "HISTORY: " + " ".join(_history(story, D, rng)),
        "",
        "PRESENT SYMPTOMS: " + _current_complaints(story, rng),
        "",
        "ON EXAMINATION: " + " ".join(_exam_findings(story, rng)),
        "",
        f"DIAGNOSIS: {inj.diagnosis}.",
        "",
        "CAUSATION: " + qa[1][1],
        "",
        "CAPACITY: " + qa[2][1],
        "",
        "TREATMENT: " + qa[3][1],
        "",
        "MMI/WPI: " + qa[4][1] + " " + qa[5][1],
        "",
        pick(rng, "Dictated but not read.", "Dictated, checked and signed.", ""),
        f"{ex.formal}",
        f"{pick(rng, 'cc: file', 'typed: jm', '')}",
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number, injury_date=inj.date)
    return _doc(spec, "dictated_plain", "report", lines, f)


@template(DOC_TYPE, "executive_summary_first")
def executive_summary_first(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IME opening with a summary-of-opinion box, then detail sections in varied order."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    qa = _answers(story, spec, D, rng)
    summary = [
        "| Issue | Opinion |",
        f"| Diagnosis | {inj.diagnosis} |",
        f"| Work related | {pick(rng, 'Yes', 'Yes - substantial contributing factor')} |",
        f"| Capacity | {qa[2][1].split('.')[0].replace('In my opinion the worker ', '')} |",
        f"| Treatment | {qa[3][1].split('.')[0]} |",
        f"| MMI | {qa[4][1].split('.')[0]} |",
    ]
    body = [
        ["## History", *_history(story, D, rng)],
        ["## Current symptoms", _current_complaints(story, rng)],
        ["## Examination", *_exam_findings(story, rng)],
        ["## Records reviewed", *[f"- {d}" for d in _documents(story, D, rng)]],
    ]
    if rng.random() < 0.5:
        body.insert(0, body.pop())
    lines: list[str | None] = [
        f"# {pick(rng, 'Independent Medical Examination', 'IME Report')}: {w.name}",
        f"Claim {story.claim_number} | Examined {D(exam)} | Report {D(spec.date)}",
        f"Examiner: {ex.formal} ({ex.role or 'independent examiner'})",
        "",
        "## Summary of opinion",
        *summary,
        "",
    ]
    for sec in body:
        lines += sec + [""]
    lines += ["## Detailed responses"]
    for i, (q, a) in enumerate(qa, start=1):
        lines += [f"{i}. {q}", a]
    lines += ["", pick(rng, "Signed", "Electronically signed"), f"{ex.formal}"]
    f = _fields(story, spec, exam, claim_number=story.claim_number)
    return _doc(spec, "executive_summary_first", "report", lines, f)


@template(DOC_TYPE, "telehealth_ime")
def telehealth_ime(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Video-consultation IME, moderately short, with limitations paragraph."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w = story.ime_examiner, story.worker
    cm = _referrer(story, spec)
    qa = _answers(story, spec, D, rng)
    rng.shuffle(qa)
    lines: list[str | None] = [
        f"{story.ime_practice.name} | {pick(rng, 'Telehealth assessment', 'Video IME')}",
        "",
        f"To: {cm.formal}, {story.insurer.name}",
        f"Worker: {w.formal}" + pick(rng, f" ({story.claim_number})", ""),
        f"Assessment by video link on {D(exam)}",
        "",
        "## Limitations",
        pick(rng, "This assessment was conducted by video. A hands-on physical examination was not "
                  "possible and my opinion is qualified accordingly.",
             "The worker consented to a telehealth assessment. Observation was limited to active "
             "movement demonstrated on camera."),
        "",
        "## Summary of history",
        _history(story, D, rng)[0],
        "",
        "## Observations",
        pick(rng, "Active movements demonstrated on camera were reduced by about half.",
             "The worker appeared comfortable sitting for the 50 minute session.",
             "The worker stood and changed position several times during the interview."),
        "",
        "## Opinion",
        *[f"- {q} {a}" for q, a in qa[:4]],
        "",
        f"{ex.formal}, {ex.role or 'Independent medical examiner'}",
        D(spec.date),
    ]
    claim = story.claim_number if story.claim_number in lines[3] else None
    f = _fields(story, spec, exam, claim_number=claim, case_manager=cm.name)
    return _doc(spec, "telehealth_ime", "report", lines, f)


@template(DOC_TYPE, "instruction_quoted")
def instruction_quoted(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IME that quotes each instruction question verbatim from the insurer's letter."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w = story.ime_examiner, story.worker
    cm = _referrer(story, spec)
    instr_date = exam - dt.timedelta(days=rng.randint(10, 30))
    docs = _documents(story, D, rng)
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Report of Independent Medical Examination",
                "Independent Medical Examination Report")),
        "",
        f"Prepared for: {story.insurer.name} (Attention: {cm.formal})",
        f"Prepared by: {ex.formal}, {ex.qualifications or ex.role}",
        f"In the matter of: {w.formal} v {story.employer.name}" if rng.random() < 0.4 else
        f"Worker: {w.formal}",
        f"Claim reference: {story.claim_number}",
        f"Letter of instruction dated: {D(instr_date)}",
        f"Examination date: {D(exam)}",
        "",
        "## Documents provided",
        "| No. | Document |",
        *[f"| {i} | {d} |" for i, d in enumerate(docs, start=1)],
        "",
        "## History obtained at examination",
        *_history(story, D, rng),
        "",
        "## Examination",
        *_exam_findings(story, rng),
        "",
        "## Responses",
    ]
    for i, (q, a) in enumerate(_answers(story, spec, D, rng), start=1):
        lines += [f'Question {i}: "{q}"', f"Response: {a}", ""]
    lines += [
        "I confirm that I have no treating relationship with the worker.",
        f"{ex.formal}",
        f"{D(spec.date)}",
        pick(rng, "Page 4 of 4", "Page 5", ""),
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number, case_manager=cm.name,
                employer=story.employer.name if "v " + story.employer.name in lines[4] else None)
    return _doc(spec, "instruction_quoted", "report", lines, f)


@template(DOC_TYPE, "capacity_only_brief")
def capacity_only_brief(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Brief IME limited to capacity and suitable duties, about a page."""
    D = _dater(rng)
    exam = _exam_date(story, spec, rng)
    ex, w, inj = story.ime_examiner, story.worker, story.injury
    qa = _answers(story, spec, D, rng)
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Independent Medical Examination - Capacity", "IME: work capacity opinion")),
        f"{story.ime_practice.name}",
        "",
        f"Worker {w.name}; employer {story.employer.name}; claim {story.claim_number}.",
        f"Seen {D(exam)} at the request of {story.insurer.name}.",
        "",
        f"Diagnosis: {inj.diagnosis}.",
        "",
        qa[2][1],
        "",
        pick(rng, "The pre-injury role as described in the position description was reviewed.",
             "I have considered the suitable duties plan provided by the employer."),
        pick(rng, "Suggested upgrade: increase hours by 1 hour per day every 2 weeks.",
             "Review capacity again in 6 weeks.", "No further IME is required."),
        "",
        f"{ex.formal}  {D(spec.date)}",
    ]
    f = _fields(story, spec, exam, claim_number=story.claim_number, employer=story.employer.name)
    return _doc(spec, "capacity_only_brief", "report", lines, f)
