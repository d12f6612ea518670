"""Medical reports from the worker's TREATING practitioners and services.

GP progress reports, specialist letters, physiotherapy and psychology reports, imaging,
operation reports, discharge summaries and clinical notes. Never independent examinations.
``spec.about`` may be a Certificate (the current one); otherwise the latest certificate on or
before ``spec.date`` is used.
"""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import capacity_phrase, maybe
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec, Person, template
from claimdex.generator.templates._shared import current_certificate as _cert
from claimdex.generator.templates._shared import dater as _dater
from claimdex.generator.templates._shared import make_doc

DOC_TYPE = "medical_report"


def _doc(*args, **kwargs) -> Doc:
    return make_doc(DOC_TYPE, *args, **kwargs)


# Clinical profiles by body region: exam findings, ROM rows, imaging, procedure, medication.
_PROFILES: dict[str, dict[str, object]] = {
    "lumbar": {
        "position": "Prone on Wilson frame.",
        "anaesthetic": "GA",
        "postop": "No bending, lifting or twisting for 6 weeks.",
        "exam": ("tender over the lower lumbar paraspinals", "lumbar flexion limited to "
                 "mid-shin with pain on return", "straight leg raise 70 degrees bilaterally",
                 "no focal neurological deficit in the lower limbs",
                 "reflexes symmetrical, power 5/5"),
        "rom": (("Lumbar flexion", "fingertips to knee", "fingertips to mid-shin"),
                ("Lumbar extension", "25%", "60%"), ("Side flexion", "50%", "80%")),
        "scan": "MRI lumbar spine",
        "scan_findings": ("L4/5 broad-based disc bulge with mild bilateral foraminal "
                          "narrowing", "No nerve root compression", "Mild facet arthropathy "
                          "at L4/5 and L5/S1", "Conus terminates normally at L1"),
        "procedure": "L4/5 microdiscectomy",
        "measure": "Oswestry Disability Index",
        "meds": ("paracetamol 1 g QID", "celecoxib 200 mg daily", "tapentadol SR 50 mg BD",
                 "meloxicam 15 mg daily"),
    },
    "cervical": {
        "position": "Supine, head in Mayfield horseshoe.",
        "anaesthetic": "GA",
        "postop": "Soft collar for comfort only; no lifting over 2 kg.",
        "exam": ("reduced cervical rotation bilaterally", "tender over C5/6 facets",
                 "Spurling's test negative", "upper limb neurology intact"),
        "rom": (("Cervical rotation L", "40 deg", "65 deg"), ("Cervical rotation R", "35 deg",
                                                              "60 deg"),
                ("Cervical flexion", "30 deg", "45 deg")),
        "scan": "MRI cervical spine",
        "scan_findings": ("C5/6 disc osteophyte complex with mild canal narrowing",
                          "No cord signal change", "Mild left C6 foraminal stenosis"),
        "procedure": "C5/6 anterior cervical discectomy and fusion",
        "measure": "Neck Disability Index",
        "meds": ("paracetamol 1 g QID", "ibuprofen 400 mg TDS", "amitriptyline 10 mg nocte"),
    },
    "shoulder": {
        "position": "Beach-chair position.",
        "anaesthetic": "GA + interscalene block",
        "postop": "Sling for 4-6 weeks; pendular exercises only.",
        "exam": ("painful arc 70-120 degrees", "positive Hawkins-Kennedy and Neer tests",
                 "weakness of resisted external rotation", "no instability"),
        "rom": (("Shoulder flexion", "110 deg", "160 deg"), ("Abduction", "90 deg", "150 deg"),
                ("External rotation", "30 deg", "55 deg")),
        "scan": "Ultrasound shoulder",
        "scan_findings": ("Partial thickness articular surface tear of supraspinatus, 8 mm",
                          "Subacromial-subdeltoid bursal thickening", "Dynamic impingement "
                          "on abduction", "Biceps tendon normal in groove"),
        "procedure": "Arthroscopic subacromial decompression and rotator cuff repair",
        "measure": "QuickDASH",
        "meds": ("paracetamol 1 g QID", "naproxen 500 mg BD"),
    },
    "knee": {
        "position": "Supine with thigh tourniquet.",
        "anaesthetic": "GA",
        "postop": "Weight bear as tolerated with crutches.",
        "exam": ("small effusion", "medial joint line tenderness", "positive McMurray test",
                 "ligaments stable"),
        "rom": (("Knee flexion", "100 deg", "130 deg"), ("Knee extension", "-5 deg", "0 deg")),
        "scan": "MRI knee",
        "scan_findings": ("Complex tear of the posterior horn of the medial meniscus",
                          "Small joint effusion", "ACL and PCL intact",
                          "Mild chondral thinning medial compartment"),
        "procedure": "Arthroscopic partial medial meniscectomy",
        "measure": "Lower Extremity Functional Scale",
        "meds": ("paracetamol 1 g QID", "celecoxib 200 mg daily"),
    },
    "wrist": {
        "position": "Supine with arm table; tourniquet applied.",
        "anaesthetic": "GA + supraclavicular block",
        "postop": "Backslab; elevate; finger ROM exercises.",
        "exam": ("swelling over the dorsal wrist", "tender anatomical snuffbox",
                 "grip strength reduced compared with the other side",
                 "neurovascularly intact"),
        "rom": (("Wrist flexion", "40 deg", "65 deg"), ("Wrist extension", "35 deg", "60 deg"),
                ("Grip strength", "18 kg", "30 kg")),
        "scan": "X-ray wrist",
        "scan_findings": ("Undisplaced fracture of the distal radius", "No carpal instability",
                          "Soft tissue swelling dorsally"),
        "procedure": "Open reduction and internal fixation of distal radius (volar plate)",
        "measure": "QuickDASH",
        "meds": ("paracetamol 1 g QID", "ibuprofen 400 mg TDS"),
    },
    "ankle": {
        "position": "Supine with thigh tourniquet.",
        "anaesthetic": "GA + popliteal block",
        "postop": "CAM boot, partial weight bearing for 2 weeks.",
        "exam": ("swelling over the lateral ankle", "tender over ATFL",
                 "anterior drawer mildly positive", "able to weight bear with a limp"),
        "rom": (("Dorsiflexion", "5 deg", "15 deg"), ("Plantarflexion", "30 deg", "45 deg")),
        "scan": "X-ray ankle",
        "scan_findings": ("No fracture", "Lateral soft tissue swelling",
                          "Ankle mortise congruent"),
        "procedure": "Modified Brostrom lateral ligament reconstruction",
        "measure": "Lower Extremity Functional Scale",
        "meds": ("paracetamol 1 g QID", "ibuprofen 400 mg TDS"),
    },
    "generic": {
        "position": "Supine.",
        "anaesthetic": "GA",
        "postop": "Physiotherapy to commence day 1.",
        "exam": ("localised tenderness", "range of motion reduced by pain",
                 "no neurological deficit", "mild swelling"),
        "rom": (("Active range", "60%", "85%"), ("Strength", "4/5", "5-/5")),
        "scan": "X-ray",
        "scan_findings": ("No fracture or dislocation", "Soft tissue swelling",
                          "No significant degenerative change"),
        "procedure": "Arthroscopy and debridement",
        "measure": "Patient Specific Functional Scale",
        "meds": ("paracetamol 1 g QID", "ibuprofen 400 mg TDS"),
    },
}

_KEYWORDS = (("back", "lumbar"), ("lumbar", "lumbar"), ("spine", "lumbar"),
             ("neck", "cervical"), ("cervical", "cervical"), ("shoulder", "shoulder"),
             ("knee", "knee"), ("wrist", "wrist"), ("hand", "wrist"), ("finger", "wrist"),
             ("thumb", "wrist"), ("forearm", "wrist"), ("ankle", "ankle"), ("foot", "ankle"))

_RADIOLOGISTS = ("Dr L. Fitzgerald", "Dr S. Okafor", "Dr P. Desmond", "Dr K. Varga",
                 "Dr R. Halloran", "Dr M. Ishikawa")
_PSYCHOLOGISTS = (("Ms", "Renee", "Calder"), ("Mr", "Hamish", "Doyle"),
                  ("Dr", "Leah", "Sorensen"), ("Ms", "Farah", "Qureshi"))
_ED_DOCTORS = ("Dr J. Whitlock (ED registrar)", "Dr A. Baptiste (RMO)",
               "Dr C. Lindqvist (ED consultant)", "Dr T. Nakamura (ED registrar)")


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _profile(story: ClaimStory) -> dict[str, object]:
    part = story.injury.body_part.lower()
    for key, prof in _KEYWORDS:
        if key in part:
            return _PROFILES[prof]
    return _PROFILES["generic"]


def _before(story: ClaimStory, spec: DocSpec, days: int) -> dt.date:
    """A date ``days`` before the document, never before the injury."""
    return max(story.injury.date, spec.date - dt.timedelta(days=days))


def _weeks_since(story: ClaimStory, day: dt.date) -> int:
    return max(0, (day - story.injury.date).days // 7)


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim no.", "Claim number", "Your ref", "Insurer ref", "Claim #",
                       "WC claim"))


def _he(story: ClaimStory) -> tuple[str, str, str]:
    """(he/she/they, his/her/their, him/her/them) from the worker's title."""
    if story.worker.title in ("Mr",):
        return "he", "his", "him"
    if story.worker.title in ("Ms", "Mrs", "Miss"):
        return "she", "her", "her"
    return "they", "their", "them"


def _progress_phrase(rng: random.Random, story: ClaimStory) -> str:
    he = _he(story)[0]
    verb_is = "are" if he == "they" else "is"
    verb_has = "have" if he == "they" else "has"
    return rng.choice((
        f"{he.capitalize()} {verb_is} slowly improving with treatment",
        f"{he.capitalize()} {verb_has} made steady progress over the last few weeks",
        f"progress has plateaued and {he} continue{'s' if he != 'they' else ''} to report "
        "significant pain",
        f"{he.capitalize()} report{'s' if he != 'they' else ''} around 40% improvement since "
        "the last review",
        "symptoms are gradually settling",
    ))


def _psych_exam(rng: random.Random) -> list[str]:
    return rng.sample([
        "Appearance: casually dressed, good eye contact",
        "Mood: 'flat'; affect restricted and anxious",
        "Speech: normal rate and volume",
        "Thought content: work-related rumination; no psychotic features",
        "Risk: denies suicidal ideation or intent; protective factors family",
        "Insight and judgement: good",
        "Sleep: initial insomnia, 4-5 hours per night",
    ], k=rng.randint(4, 6))


def _cap_sentence(cert: Certificate, rng: random.Random, name: str) -> str:
    txt = f"{name} {capacity_phrase(cert.capacity, rng)}"
    if cert.capacity == "suitable_duties" and cert.hours_per_day:
        txt += (f", {cert.hours_per_day} hours per day, {cert.days_per_week} days per week")
    if cert.restrictions and cert.capacity == "suitable_duties":
        txt += " (" + "; ".join(r.lower() for r in cert.restrictions) + ")"
    return txt + "."


def _signature(person: Person, org_name: str, rng: random.Random) -> list[str]:
    out = [person.formal if rng.random() < 0.5 else person.name]
    if person.qualifications:
        out[0] += f" {person.qualifications}" if rng.random() < 0.5 else ""
    out.append(person.role or "Medical practitioner")
    out.append(org_name)
    if person.provider_number and rng.random() < 0.5:
        out.append(f"Provider no. {person.provider_number}")
    return out


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "gp_progress_report")
def gp_progress_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """GP's progress report to the insurer on a report form with clinical headings."""
    fd = _dater(rng)
    gp = story.treating_doctor
    cert = _cert(story, spec)
    inj = story.injury
    prof = _profile(story)
    seen = _before(story, spec, rng.randint(0, 4))
    cm = story.case_manager_on(spec.date)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": gp.name, "body_part": inj.body_part,
                                 "injury_date": inj.date, "capacity": cert.capacity}
    lines = ["# " + rng.choice((
                 'Treating doctor progress report',
                 'Medical progress report',
                 'GP report to insurer',
                 'Progress report - workers compensation',
             )),
             f"{story.practice.name} | {story.practice.address}"
             + (f" | Ph {story.practice.phone}" if story.practice.phone else ""), ""]
    lines += [f"To: {cm.name}, {story.insurer.name}" if rng.random() < 0.6
              else f"To: The Case Manager, {story.insurer.name}"]
    if cm.name in lines[-1]:
        fields["case_manager"] = cm.name
    lines += [f"Patient: {story.worker.name}" + maybe(rng, 0.6, f"   DOB: {fd(story.worker_dob)}")]
    if rng.random() < 0.7:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Date of injury: {fd(inj.date)}", f"Date of last consultation: {fd(seen)}",
              f"Report date: {fd(spec.date)}", ""]
    lines += ["## 1. History", rng.choice((
        f"{story.worker.first} injured {_he(story)[1]} {inj.body_part} at work on "
        f"{fd(inj.date)}. {inj.mechanism}",
        f"Work injury {fd(inj.date)}: {inj.mechanism} Presented to me the same week.",
    )), ""]
    lines += ["## 2. Current symptoms and progress",
              f"{_progress_phrase(rng, story).capitalize()}."]
    if inj.psychological:
        lines.append(rng.choice(("Ongoing low mood, poor sleep and anxiety when thinking about "
                                 "the workplace.", "Panic symptoms have reduced; still avoidant "
                                 "of the workplace.")))
    else:
        lines.append(rng.choice((f"Pain {rng.randint(3, 7)}/10, worse with sustained postures.",
                                 "Pain worse at the end of the day and with lifting.",
                                 "Sleep disturbed by pain on some nights.")))
    lines += ["", "## 3. Examination findings"]
    if inj.psychological:
        lines += [f"- {f}" for f in _psych_exam(rng)]
    else:
        lines += [f"- {f}" for f in rng.sample(list(prof["exam"]), k=3)]
    lines += ["", "## 4. Diagnosis", inj.diagnosis, ""]
    lines += ["## 5. Treatment", rng.choice((
        "Physiotherapy weekly, home exercise program, simple analgesia.",
        f"Continue {rng.choice(prof['meds'])}; physiotherapy; graded activity.",
        "Psychology sessions (CBT), sertraline 50 mg mane, sleep hygiene."
        if inj.psychological else "Physiotherapy and hydrotherapy; analgesia as required.",
    )), ""]
    lines += ["## 6. Work capacity", _cap_sentence(cert, rng, story.worker.first)]
    lines.append(f"Certificate issued {fd(cert.issued)} valid to {fd(cert.date_to)}.")
    fields["cert_to"] = cert.date_to
    lines += ["", "## 7. Plan", rng.choice((
        "Review in 2 weeks. Request approval for further physiotherapy.",
        f"Referral to {story.specialist.formal} if no improvement in 4 weeks.",
        "Upgrade hours at next review if tolerated.",
        "Continue current management; case conference welcome.",
    ))]
    if rng.random() < 0.5:
        lines += ["", "## 8. Prognosis", rng.choice((
            "Good for return to pre-injury duties within 6-8 weeks.",
            "Guarded; progress slower than expected.",
            "Fair. Expect gradual upgrade of hours.",
        ))]
    lines += ["", *_signature(gp, story.practice.name, rng), f"Date: {fd(spec.date)}"]
    return _doc(spec, "gp_progress_report", "report", lines, fields)


@template(DOC_TYPE, "specialist_letter_to_gp")
def specialist_letter_to_gp(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Consultant's letter back to the referring GP after a consultation."""
    fd = _dater(rng)
    sp = story.specialist
    gp = story.treating_doctor
    inj = story.injury
    prof = _profile(story)
    seen = _before(story, spec, rng.randint(0, 3))
    he, his, _him = _he(story)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": sp.name, "body_part": inj.body_part}
    sp_org = story.specialist_practice
    lines = [sp_org.name.upper(), sp_org.address, "", fd(spec.date), "",
             gp.formal, story.practice.name, *[p.strip() for p in
                                                story.practice.address.split(",")], ""]
    lines.append(f"Dear {rng.choice((gp.formal, gp.first, 'Doctor', 'Colleague'))},")
    lines.append("")
    ref = f"Re: {story.worker.formal}" + maybe(rng, 0.7, f", DOB {fd(story.worker_dob)}")
    lines += [ref, maybe(rng, 0.5, f"Workers compensation - {story.insurer.name}"), ""]
    lines.append(rng.choice((
        f"Thank you for referring {story.worker.first}, whom I saw on {fd(seen)} regarding "
        f"{his} {inj.body_part}.",
        f"I reviewed {story.worker.formal} in my rooms on {fd(seen)}.",
        f"Many thanks for asking me to see this pleasant {story.worker_occupation.lower()} with "
        f"a work-related {inj.body_part} injury.",
    )))
    lines += ["", "HISTORY" if rng.random() < 0.5 else "## History",
              f"{inj.mechanism} This occurred on {fd(inj.date)} at {story.employer.name}.",
              rng.choice((f"{he.capitalize()} has had physiotherapy with partial benefit.",
                          f"Symptoms have persisted despite {rng.randint(6, 12)} weeks of "
                          "conservative management.",
                          f"{he.capitalize()} is currently on modified duties.")), ""]
    fields.update(injury_date=inj.date, employer=story.employer.name)
    lines.append("EXAMINATION" if rng.random() < 0.5 else "## Examination")
    if inj.psychological:
        lines += _psych_exam(rng)
    else:
        lines.append("; ".join(rng.sample(list(prof["exam"]), k=3)).capitalize() + ".")
    lines += ["", "INVESTIGATIONS" if rng.random() < 0.5 else "## Investigations"]
    if inj.psychological:
        lines.append("DASS-21: depression moderate, anxiety severe, stress moderate.")
    else:
        lines.append(f"{prof['scan']} ({fd(_before(story, spec, 20))}): "
                     + "; ".join(list(prof["scan_findings"])[:2]) + ".")
    lines += ["", "IMPRESSION" if rng.random() < 0.5 else "## Impression", inj.diagnosis, ""]
    lines.append("PLAN" if rng.random() < 0.5 else "## Plan")
    if inj.psychological:
        plan = ["Continue sertraline, increase to 100 mg if tolerated",
                "Weekly psychology (CBT)", "Graded return to work when symptoms allow",
                "Review in 6 weeks"]
    else:
        plan = [rng.choice(("Continue physiotherapy and a graded strengthening program",
                            "Guided corticosteroid injection", "Trial of hydrotherapy")),
                rng.choice((f"Discussed {prof['procedure']} as an option if no improvement",
                            f"I have recommended {prof['procedure']}",
                            "Surgery is not indicated at this stage")),
                "Remain on restricted duties in the interim", "Review in 6 weeks"]
    lines += [f"{i}. {p}" for i, p in enumerate(plan, 1)]
    lines += ["", rng.choice(("Thank you for your ongoing care.", "Kind regards,",
                              "I will keep you informed.")), "",
              *_signature(sp, sp_org.name, rng)]
    lines += ["", maybe(rng, 0.6, f"cc: {story.insurer.name} (claim {story.claim_number})")]
    if story.claim_number in lines[-1]:
        fields["claim_number"] = story.claim_number
    return _doc(spec, "specialist_letter_to_gp", "letter", lines, fields)


@template(DOC_TYPE, "physio_progress_report")
def physio_progress_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Physiotherapy (or exercise physiology for psych claims) progress report."""
    fd = _dater(rng)
    pt = story.physio
    org = story.physio_practice
    inj = story.injury
    prof = _profile(story)
    cert = _cert(story, spec)
    sessions = rng.randint(4, 14)
    first = story.injury.date + dt.timedelta(days=rng.randint(2, 9))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": pt.name, "body_part": inj.body_part}
    title = ("Exercise physiology progress report" if inj.psychological else
             rng.choice(("Physiotherapy progress report", "Physio Progress Report",
                         "Allied health progress report - physiotherapy")))
    lines = [f"# {title}", f"{org.name}" + (f" | ABN {org.abn}" if org.abn else ""), ""]
    lines += [f"Client: {story.worker.name}", f"Date of report: {fd(spec.date)}",
              f"Date of injury: {fd(inj.date)}"]
    fields["injury_date"] = inj.date
    if rng.random() < 0.6:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Referring GP: {story.treating_doctor.formal}",
              f"Initial assessment: {fd(min(first, spec.date))}",
              f"Sessions attended: {sessions}" + maybe(rng, 0.4, f" (DNA x{rng.randint(1, 2)})"),
              ""]
    lines += ["## Subjective", rng.choice((
        f"Reports pain {rng.randint(2, 6)}/10 (initially {rng.randint(6, 9)}/10).",
        "Reports improved tolerance to sitting and walking; still sore after work shifts.",
        "Reports flare-up after a long shift last week, now settled.",
    )), ""]
    if inj.psychological:
        lines += ["## Objective", f"- 6-minute walk test: {rng.randint(380, 520)} m",
                  f"- Sessions focus: graded aerobic and strength training, {rng.randint(2, 3)}x "
                  "per week", "- Activity diary completed 5/7 days", ""]
    else:
        lines += ["## Objective", "| Measure | Initial | Current |", "|---|---|---|"]
        for name, initial, now in prof["rom"]:  # type: ignore[misc]
            lines.append(f"| {name} | {initial} | {now} |")
        m0 = rng.randint(40, 60)
        lines.append(f"| {prof['measure']} | {m0} | {m0 - rng.randint(8, 25)} |")
        lines.append("")
    lines += ["## Treatment provided", "- " + rng.choice((
        "Manual therapy, soft tissue release, graded exercise program",
        "Core stability program, education, pacing",
        "Progressive loading, work-simulated tasks, home program")), ""]
    lines += ["## Goals", "| Goal | Status |", "|---|---|",
              f"| Return to {rng.choice(('full hours', 'pre-injury duties', 'lifting 15 kg'))} | "
              f"{rng.choice(('In progress', 'Partially achieved'))} |",
              f"| Independent home program | {rng.choice(('Achieved', 'In progress'))} |", ""]
    lines += ["## Work status", _cap_sentence(cert, rng, story.worker.first), ""]
    fields["capacity"] = cert.capacity
    lines += ["## Plan", rng.choice((
        f"Continue {rng.choice((4, 6, 8))} further sessions over {rng.choice((4, 6, 8))} weeks "
        "then discharge to independent program.",
        "Reduce frequency to fortnightly; transition to gym program.",
        "Liaise with GP regarding upgrade of hours.",
    )), ""]
    lines += [pt.formal + (f", {pt.qualifications}" if pt.qualifications else ""),
              pt.role or "Physiotherapist", org.name]
    return _doc(spec, "physio_progress_report", "report", lines, fields)


@template(DOC_TYPE, "imaging_report")
def imaging_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Radiology report: clinical history, technique, findings, conclusion."""
    fd = _dater(rng)
    inj = story.injury
    prof = _profile(story)
    suburb = story.practice.address.split(",")[-1].strip().split(" ")[0] or "City"
    practice = rng.choice((f"{suburb} Radiology", f"{suburb} Medical Imaging",
                           "Precision Imaging Group", "Western Diagnostic Imaging"))
    radiologist = rng.choice(_RADIOLOGISTS)
    if inj.psychological:
        scan = "CT brain (non-contrast)"
        findings = ["No intracranial haemorrhage, mass or midline shift",
                    "Ventricles and sulci normal for age", "No acute infarct"]
        conclusion = "Normal CT brain."
        history = "Headaches, poor concentration and low mood. Exclude organic pathology."
    else:
        scan = str(prof["scan"])
        for side in ("right", "left"):
            if side in inj.body_part.lower() and "spine" not in scan:
                scan = f"{scan} ({side})"
        findings = list(prof["scan_findings"])
        conclusion = findings[0] + "."
        rng.shuffle(findings)
        history = rng.choice((f"Work injury {fd(inj.date)}. {inj.body_part.capitalize()} pain.",
                              f"{inj.mechanism} ?structural injury.",
                              f"Ongoing {inj.body_part} pain post work injury. Please assess."))
    exam_date = _before(story, spec, rng.randint(0, 2))
    fields: dict[str, object] = {"doc_date": exam_date, "worker": story.worker.name,
                                 "author": radiologist}
    if exam_date != spec.date:
        fields.pop("doc_date")
    lines = [practice.upper(), rng.choice(("ABN 41 223 118 004", "Accredited practice",
                                           "Ph 1300 555 872")), ""]
    lines += [f"Patient: {story.worker.last.upper()}, {story.worker.first}",
              f"DOB: {fd(story.worker_dob)}"
              + maybe(rng, 0.5, f"   Ref: {rng.randint(100000, 999999)}"),
              f"Referrer: {story.treating_doctor.formal}, {story.practice.name}",
              f"Examination date: {fd(exam_date)}",
              maybe(rng, 0.5, "Billing: Workers compensation - " + story.insurer.name), ""]
    lines += [f"# {scan.upper()}", ""]
    lines += ["Clinical history:", history, ""]
    if "MRI" in scan:
        tech = "Multiplanar multisequence imaging without contrast."
    elif "Ultrasound" in scan:
        tech = "Real-time ultrasound including dynamic assessment."
    elif "CT" in scan:
        tech = "Axial images with multiplanar reformats."
    else:
        tech = f"{rng.choice(('2', '3', '4'))} views."
    lines += ["Technique:", tech, "", "Findings:"]
    lines += [f"{f}." for f in findings]
    if rng.random() < 0.4 and not inj.psychological:
        lines.append("Comparison: nil prior imaging available.")
    lines += ["", "Conclusion:" if rng.random() < 0.5 else "COMMENT:", conclusion, "",
              f"Reported by: {radiologist}" + maybe(rng, 0.5, " FRANZCR"),
              maybe(rng, 0.5, f"Electronically signed {fd(exam_date)}"), "",
              maybe(rng, 0.4, "Thank you for referring this patient.")]
    return _doc(spec, "imaging_report", "report", lines, fields)


@template(DOC_TYPE, "operation_report")
def operation_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Operation report (or, for psychological injuries, a psychiatry consultation note)."""
    fd = _dater(rng)
    sp = story.specialist
    inj = story.injury
    prof = _profile(story)
    op_date = _before(story, spec, rng.randint(0, 2))
    fields: dict[str, object] = {"worker": story.worker.name, "author": sp.name,
                                 "body_part": inj.body_part}
    hospital = rng.choice(("Westside Private Hospital", "St Columba's Private Hospital",
                           "Northern Day Surgery", "Riverbank Private Hospital"))
    if inj.psychological:
        lines = [f"# {rng.choice(('Psychiatric consultation', 'Consultant psychiatrist review'))}",
                 hospital, "", f"Patient: {story.worker.name}", f"Date: {fd(op_date)}",
                 f"Consultant: {sp.formal}", ""]
        lines += ["## Presenting problem",
                  f"Work-related {inj.nature} following events at {story.employer.name}.",
                  "", "## Mental state examination"]
        lines += [f"- {f}" for f in _psych_exam(rng)]
        lines += ["", "## Diagnosis", inj.diagnosis, "", "## Management",
                  "- Continue SSRI; titrate as tolerated",
                  "- Weekly psychology; graded exposure to workplace",
                  f"- {rng.choice(('Review 4 weeks', 'Review 6 weeks'))}", "",
                  sp.formal + (f" {sp.qualifications}" if sp.qualifications else "")]
        fields["employer"] = story.employer.name
        if op_date == spec.date:
            fields["doc_date"] = spec.date
        return _doc(spec, "operation_report", "report", lines, fields)
    anaesthetist = rng.choice(("Dr B. Kearney", "Dr N. Abiodun", "Dr E. Marchetti"))
    lines = [hospital.upper(), "# " + rng.choice((
                                   'OPERATION REPORT',
                                   'Operation Note',
                                   'Operative Report',
                               )),
             "", "| | |", "|---|---|",
             f"| Patient | {story.worker.name} |",
             f"| MRN | {rng.randint(1000000, 9999999)} |",
             f"| Date of operation | {fd(op_date)} |",
             f"| Surgeon | {sp.formal} |",
             f"| Assistant | {rng.choice(('Dr R. Ng (registrar)', 'Dr F. Osei', 'Nil'))} |",
             f"| Anaesthetist | {anaesthetist} |",
             f"| Anaesthetic | {prof['anaesthetic']} |",
             ""]
    if op_date == spec.date:
        fields["doc_date"] = spec.date
    lines += ["## Pre-operative diagnosis", inj.diagnosis, "",
              "## Procedure", str(prof["procedure"]), "", "## Findings"]
    lines += [f"- {f}" for f in list(prof["scan_findings"])[:3]]
    lines += ["", "## Operative details"]
    steps = [
        str(prof["position"]),
        "Time out performed. Prophylactic cefazolin 2 g IV.",
        "Skin prepped and draped in the usual sterile fashion.",
        f"{prof['procedure']} performed as planned.",
        "Haemostasis achieved. Wound irrigated.",
        rng.choice(("Closure in layers, subcuticular suture.", "Portals closed with nylon.",
                    "Closure with staples.")),
        "Dressing applied.",
    ]
    lines += [f"{i}. {s}" for i, s in enumerate(steps, 1)]
    lines += ["", f"Estimated blood loss: {rng.choice(('minimal', '<50 mL', '100 mL'))}",
              f"Complications: {rng.choice(('Nil', 'Nil known', 'Nil intra-operative'))}", "",
              "## Post-operative instructions",
              rng.choice(("Day surgery discharge when criteria met.", "Overnight admission.")),
              str(prof["postop"]),
              f"Review in rooms at {rng.choice(('2', '6'))} weeks. Off work until review.",
              "", f"{sp.formal}, {sp.role or 'Surgeon'}"]
    return _doc(spec, "operation_report", "report", lines, fields)


@template(DOC_TYPE, "discharge_summary")
def discharge_summary(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Emergency department / hospital discharge summary addressed to the GP."""
    fd = _dater(rng)
    inj = story.injury
    prof = _profile(story)
    arrive = inj.date
    leave = arrive + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
    hospital = rng.choice(("Blacktown Hospital", "District Base Hospital",
                           "Mercy General Hospital", "Central Public Hospital"))
    doctor = rng.choice(_ED_DOCTORS)
    fields: dict[str, object] = {"worker": story.worker.name, "injury_date": inj.date,
                                 "body_part": inj.body_part, "author": doctor.split(" (")[0]}
    lines = [hospital.upper(), "# " + rng.choice((
                                   'Discharge Summary',
                                   'Emergency Department Discharge Summary',
                                   'ED discharge letter',
                               )),
             ""]
    lines += [f"Patient: {story.worker.name}   DOB: {fd(story.worker_dob)}",
              f"Address: {story.worker_address}",
              f"GP: {story.treating_doctor.formal}, {story.practice.name}",
              f"Presented: {fd(arrive)} {inj.time}" if rng.random() < 0.5
              else f"Admission: {fd(arrive)}",
              f"Discharged: {fd(leave)}",
              f"Triage category: {rng.choice((3, 4, 4, 5))}" if rng.random() < 0.7 else "", ""]
    if leave == spec.date:
        fields["doc_date"] = spec.date
    lines += ["## Presenting complaint",
              ("Anxiety, chest tightness and panic following a workplace incident."
               if inj.psychological else f"{inj.body_part.capitalize()} pain after work "
               "incident."), "",
              "## History", f"{inj.mechanism} Occurred at work ({inj.location}).", ""]
    lines += ["## Examination"]
    if inj.psychological:
        lines += ["HR 104, BP 138/86, afebrile. ECG sinus tachycardia, no ischaemic change.",
                  "Anxious, tearful; no suicidal ideation."]
    else:
        lines.append("; ".join(rng.sample(list(prof["exam"]), k=2)).capitalize() + ".")
    lines += ["", "## Investigations"]
    if inj.psychological:
        lines.append("Troponin negative x2. FBC/EUC unremarkable.")
    else:
        lines.append(rng.choice((f"{prof['scan']}: {list(prof['scan_findings'])[0]}.",
                                 "X-ray: no fracture.", "Nil required (Ottawa/NEXUS rules).")))
    lines += ["", "## Diagnosis", inj.diagnosis, "", "## Management"]
    if inj.psychological:
        lines.append("Reassurance; diazepam 5 mg stat; crisis line details provided.")
    else:
        fracture = "fracture" in (inj.diagnosis + inj.nature).lower()
        mgmt = [f"Analgesia: {rng.choice(prof['meds'])}.",
                "Ice, analgesia, mobilised with physiotherapy in ED."]
        if fracture:
            mgmt = ["Immobilised in backslab; analgesia; referred to fracture clinic."]
        lines.append(rng.choice(mgmt))
    meds = list(prof["meds"])
    lines += ["", "## Discharge medications", f"- {meds[0]}"]
    if len(meds) > 1 and rng.random() < 0.7:
        lines.append(f"- {rng.choice(meds[1:])}")
    follow = ["GP review in 2-3 days for workers compensation certificate and ongoing care.",
              "Please review with GP within one week. Return if worsening."]
    if not inj.psychological and "fracture" in (inj.diagnosis + inj.nature).lower():
        follow = ["Fracture clinic in 1 week; GP to manage work certificate."]
    lines += ["", "## Follow-up", rng.choice(follow), "", f"Completed by: {doctor}",
              maybe(rng, 0.5, "Copy to: patient, GP")]
    return _doc(spec, "discharge_summary", "report", lines, fields)


@template(DOC_TYPE, "psychologist_report")
def psychologist_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Treating psychologist's report to the insurer (psych claim or pain adjustment)."""
    fd = _dater(rng)
    title, first, last = rng.choice(_PSYCHOLOGISTS)
    author = f"{first} {last}"
    inj = story.injury
    cert = _cert(story, spec)
    cm = story.case_manager_on(spec.date)
    sessions = rng.randint(3, 12)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": author}
    lines = [f"{title} {author}", rng.choice(("Clinical Psychologist", "Registered Psychologist",
                                              "Psychologist (MAPS)")),
             rng.choice(("Mindpath Psychology", "Clear Steps Psychology", "Harbourside "
                         "Psychology Practice")), "", fd(spec.date), "",
             f"{cm.name}" if rng.random() < 0.5 else "The Case Manager",
             story.insurer.name, ""]
    if cm.name in lines[-3]:
        fields["case_manager"] = cm.name
    lines.append(f"Re: {story.worker.name}" + maybe(rng, 0.7, f" - claim {story.claim_number}"))
    if story.claim_number in lines[-1]:
        fields["claim_number"] = story.claim_number
    lines += ["", "# " + rng.choice((
                      'Psychology treatment report',
                      'Psychological progress report',
                      'Treating psychologist report',
                  )),
              ""]
    focus = ("work-related psychological injury" if inj.psychological else
             f"adjustment to pain and injury following the {inj.body_part} injury")
    if not inj.psychological:
        fields["body_part"] = inj.body_part
    lines += ["## Referral",
              f"{story.worker.first} was referred by {story.treating_doctor.formal} for "
              f"treatment of {focus}. {sessions} sessions have been attended to date.", ""]
    lines += ["## Presenting symptoms"]
    pool = ["low mood and loss of interest", "initial insomnia", "irritability",
            "worry about finances and job security", "avoidance of the workplace",
            "fear of re-injury and movement", "reduced concentration", "social withdrawal"]
    lines += [f"- {p}" for p in rng.sample(pool, k=rng.randint(3, 5))]
    lines += ["", "## Psychometric measures", "| Measure | Initial | Current |",
              "|---|---|---|"]
    d0, a0, s0 = rng.randint(14, 28), rng.randint(10, 20), rng.randint(18, 30)
    lines += [f"| DASS-21 Depression | {d0} | {max(0, d0 - rng.randint(0, 10))} |",
              f"| DASS-21 Anxiety | {a0} | {max(0, a0 - rng.randint(0, 8))} |",
              f"| DASS-21 Stress | {s0} | {max(0, s0 - rng.randint(0, 10))} |"]
    if not inj.psychological:
        p0 = rng.randint(25, 45)
        lines.append(f"| Pain Catastrophising Scale | {p0} | {max(0, p0 - rng.randint(3, 15))} |")
    else:
        k0 = rng.randint(28, 40)
        lines.append(f"| K10 | {k0} | {max(10, k0 - rng.randint(2, 12))} |")
    lines += ["", "## Treatment provided", rng.choice((
        "CBT focused on thought challenging, behavioural activation and sleep hygiene.",
        "Psychoeducation, graded exposure, relaxation training and activity pacing.",
        "ACT-based interventions, values clarification and problem solving.",
    )), "", "## Progress", rng.choice((
        "Gradual improvement in mood and daily functioning.",
        "Progress has been limited by ongoing workplace conflict.",
        "Engaged well; homework completed consistently.",
    )), "", "## Capacity for work"]
    lines.append(rng.choice((
        "From a psychological perspective, a graded return to work is supported.",
        "I defer to the treating GP regarding certification, but note psychological readiness "
        "to increase hours.",
        f"{story.worker.first} {capacity_phrase(cert.capacity, rng)} at present in my opinion.",
    )))
    if lines[-1].startswith(story.worker.first):
        fields["capacity"] = cert.capacity
    lines += ["", "## Recommendations",
              f"- A further {rng.choice((6, 8, 10))} sessions of psychological treatment",
              maybe(rng, 0.6, "- Case conference with GP and employer regarding RTW"),
              maybe(rng, 0.4, "- Review of medication by GP"), "",
              "Yours sincerely", "", f"{title} {author}",
              maybe(rng, 0.5, f"AHPRA PSY000{rng.randint(1000000, 9999999)}")]
    return _doc(spec, "psychologist_report", "letter", lines, fields)


@template(DOC_TYPE, "clinical_notes_extract")
def clinical_notes_extract(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Extract of GP clinical notes: dated terse consultation entries."""
    fd = _dater(rng)
    gp = story.treating_doctor
    inj = story.injury
    prof = _profile(story)
    fields: dict[str, object] = {"worker": story.worker.name, "injury_date": inj.date}
    heading = rng.choice(("Clinical notes extract", "Progress notes", "Consultation notes"))
    lines = [f"{story.practice.name} - {heading}",
             f"Patient: {story.worker.name}   DOB {fd(story.worker_dob)}",
             f"Printed {fd(spec.date)}" + maybe(rng, 0.5, " by reception"), "---"]
    fields["doc_date"] = spec.date
    visits = sorted({c.issued for c in story.certificates if c.issued <= spec.date}
                    | {inj.date})
    if len(visits) < 3:
        visits.append(min(spec.date, visits[-1] + dt.timedelta(days=rng.randint(7, 14))))
    visits = sorted(set(visits))[-rng.randint(3, 5):]
    for i, day in enumerate(visits):
        lines.append(f"{fd(day)}  {gp.formal if rng.random() < 0.4 else gp.last.upper()}")
        if i == 0 and day == inj.date:
            lines.append(f"Hx: WI today - {inj.mechanism}")
            if inj.psychological:
                lines.append("O/E: anxious, tearful. No SI. MSE otherwise NAD.")
            else:
                lines.append("O/E: " + ", ".join(rng.sample(list(prof["exam"]), k=2)) + ".")
            lines.append(f"Dx: {inj.diagnosis}")
            lines.append(f"Rx: {rng.choice(prof['meds'])}. WC CoC issued. Ref physio.")
        else:
            lines.append(rng.choice((
                "S: ongoing pain, improving slowly. Attending physio 1/52.",
                "S: c/o flare after trial of S/D. Sleep poor.",
                "S: better. Managing S/D hours. Keen to upgrade.",
                "S: mood low, stressed re claim. Sleep 5h.",
            )))
            lines.append(rng.choice(("O: ROM improved. Neuro NAD.", "O: tender, guarded.",
                                     "O: MSE - mood low, affect reactive, no SI.",
                                     "O: gait normal, ROM ~80%.")))
            lines.append(rng.choice(("P: cont physio, CoC updated, r/v 2/52.",
                                     f"P: ref {story.specialist.formal}. Ix: {prof['scan']}.",
                                     "P: upgrade hrs per CoC. f/u 2/52.",
                                     "P: psych referral (MHCP). r/v 1/52.")))
        lines.append("")
    lines.append(maybe(rng, 0.6, "*** End of extract ***"))
    fields["author"] = gp.name if gp.formal in "\n".join(lines) else ""
    if not fields["author"]:
        del fields["author"]
    return _doc(spec, "clinical_notes_extract", "note", lines, fields)


@template(DOC_TYPE, "treating_specialist_answers_insurer")
def treating_specialist_answers_insurer(story: ClaimStory, spec: DocSpec, rng: random.Random
                                        ) -> Doc:
    """Hard negative: the TREATING specialist answers the insurer's questions (not an IME)."""
    fd = _dater(rng)
    sp = story.specialist
    sp_org = story.specialist_practice
    inj = story.injury
    prof = _profile(story)
    cert = _cert(story, spec)
    cm = story.case_manager_on(spec.date)
    first_seen = inj.date + dt.timedelta(days=rng.randint(10, 30))
    first_seen = min(first_seen, spec.date)
    last_seen = _before(story, spec, rng.randint(1, 10))
    he, his, him = _he(story)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": sp.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number, "injury_date": inj.date,
                                 "body_part": inj.body_part, "capacity": cert.capacity,
                                 "employer": story.employer.name}
    lines = [f"# {sp_org.name}", sp_org.address, "---", fd(spec.date), "",
             cm.formal if rng.random() < 0.5 else cm.name, "Case Manager", story.insurer.name,
             story.insurer.address, ""]
    lines += [f"Dear {cm.title + ' ' + cm.last if cm.title else cm.name},", "",
              f"Re: {story.worker.formal}   {_claim_label(rng)}: {story.claim_number}",
              f"Employer: {story.employer.name}   Date of injury: {fd(inj.date)}", ""]
    lines.append(rng.choice((
        f"Thank you for your letter requesting a report on my patient. I am {story.worker.first}'s "
        f"treating {sp.role.lower() if sp.role else 'specialist'} and have been managing "
        f"{him} since {fd(first_seen)} on referral from {story.treating_doctor.formal}.",
        f"I write in response to your questions. Please note I am the treating specialist, "
        f"not an independent examiner; I first saw {story.worker.formal} on "
        f"{fd(first_seen)} and most recently on {fd(last_seen)}.",
        f"As {story.worker.first}'s treating surgeon I am happy to answer your questions. This "
        "report is based on my clinical consultations and is not an independent medical "
        "examination.",
    )))
    lines += ["", maybe(rng, 0.6, f"I have seen {him} on {rng.randint(2, 6)} occasions, most "
                                  f"recently on {fd(last_seen)}."), ""]
    if rng.random() < 0.6:
        lines += ["## History" if rng.random() < 0.5 else "HISTORY",
                  f"{story.worker.first} is a {story.worker_occupation.lower()} employed by "
                  f"{story.employer.name}. On {fd(inj.date)}: {inj.mechanism}",
                  rng.choice((f"{he.capitalize()} was seen by {story.treating_doctor.formal} "
                              "the same week and certified unfit initially.",
                              f"{he.capitalize()} had physiotherapy with partial improvement "
                              "before referral to me.")),
                  ""]
        lines += ["## Treatment to date", "| Date | Treatment |", "|---|---|",
                  f"| {fd(inj.date)} | GP review, analgesia, certificate |",
                  f"| {fd(first_seen)} | Initial specialist consultation |",
                  f"| {fd(last_seen)} | Review - "
                  f"{rng.choice(('progress noted', 'ongoing symptoms', 'plan discussed'))} |",
                  ""]
    qs = [
        ("What is the diagnosis?", f"{inj.diagnosis}."),
        ("Is the condition causally related to the incident at work?", rng.choice((
            f"Yes. The mechanism described - {inj.mechanism.rstrip('.').lower()} - is "
            "consistent with the injury and there was no prior history of symptoms.",
            f"In my opinion employment was the main contributing factor. {he.capitalize()} "
            f"had no prior treatment for {his} {inj.body_part}.",
            "The incident at work has, on balance, aggravated underlying degenerative change "
            "and made it symptomatic. I consider the aggravation work related.",
        ))),
        ("What treatment has been provided and what is proposed?", rng.choice((
            f"Physiotherapy, analgesia and activity modification. I have recommended "
            f"{prof['procedure']}; a separate request will be forwarded.",
            "Conservative management continues. A guided injection was performed with "
            "short-term benefit.",
            "Ongoing physiotherapy and a graded strengthening program. Surgery is not "
            "indicated at present.",
        )) if not inj.psychological else
         "Weekly psychology, SSRI medication and graded exposure to the workplace."),
        ("What is the worker's current capacity for work?",
         _cap_sentence(cert, rng, f"{story.worker.first}")
         + f" This is consistent with the current certificate to {fd(cert.date_to)}."),
        ("Are the restrictions temporary or permanent?", rng.choice((
            "Temporary. I expect them to be reviewed at each consultation.",
            "Likely temporary; some lifting restriction may persist long-term.",
        ))),
        ("What is the prognosis?", rng.choice((
            "Reasonable. I anticipate return to pre-injury duties within 3 months.",
            "Guarded given the duration of symptoms.",
            "Good following the proposed treatment.",
        ))),
        ("Has maximum medical improvement been reached?",
         "No. The condition has not stabilised and it is premature to assess permanent "
         "impairment."),
    ]
    if rng.random() < 0.4:
        qs.insert(3, ("Were there any pre-existing conditions?", rng.choice((
            "None that I am aware of.",
            "Imaging shows mild age-appropriate degenerative change which was asymptomatic.",
        ))))
    q_style = rng.randrange(3)
    for i, (q, a) in enumerate(qs, 1):
        head = (f"## Question {i}: {q}", f"{i}. {q}", f"Q{i}. {q}")[q_style]
        lines += [head, a if q_style != 2 else f"A: {a}", ""]
    if not inj.psychological and rng.random() < 0.6:
        lines += ["## Examination at last review",
                  "; ".join(rng.sample(list(prof["exam"]), k=3)).capitalize() + ".", ""]
    lines += [rng.choice((
        "I confirm that I remain the treating specialist and will continue to manage "
        f"{story.worker.first}'s care.",
        "Should you require an independent opinion, an IME would need to be arranged "
        "separately.",
        "Please contact my rooms if you require clarification.",
    )), "", "Yours sincerely", "", *_signature(sp, sp_org.name, rng)]
    lines += ["", maybe(rng, 0.6, f"cc: {story.treating_doctor.formal}")]
    return _doc(spec, "treating_specialist_answers_insurer", "report", lines, fields,
                hard_negative_of="ime_report")


@template(DOC_TYPE, "gp_letter_enclosing_certificate")
def gp_letter_enclosing_certificate(story: ClaimStory, spec: DocSpec, rng: random.Random
                                    ) -> Doc:
    """Hard negative: GP letter enclosing a certificate, mostly clinical progress."""
    fd = _dater(rng)
    gp = story.treating_doctor
    cert = _cert(story, spec)
    inj = story.injury
    prof = _profile(story)
    cm = story.case_manager_on(spec.date)
    he, his, _him = _he(story)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": gp.name, "cert_from": cert.date_from,
                                 "cert_to": cert.date_to, "capacity": cert.capacity,
                                 "body_part": inj.body_part}
    lines = [story.practice.name, story.practice.address,
             maybe(rng, 0.6, f"Tel {story.practice.phone}" if story.practice.phone else ""), "",
             fd(spec.date), "",
             rng.choice((f"Attention: {cm.name}", "Attention: Case Manager",
                         f"{cm.formal}")), story.insurer.name, ""]
    if cm.name in "\n".join(lines):
        fields["case_manager"] = cm.name
    lines.append(f"Dear {cm.first if rng.random() < 0.4 else 'Case Manager'},")
    lines += ["", f"RE: {story.worker.name.upper()}"
              + maybe(rng, 0.7, f" - {_claim_label(rng)} {story.claim_number}"), ""]
    if story.claim_number in lines[-2]:
        fields["claim_number"] = story.claim_number
    lines.append(rng.choice((
        f"Please find enclosed an updated {story.scheme.certificate_name} for "
        f"{story.worker.first} covering {fd(cert.date_from)} to {fd(cert.date_to)}.",
        f"I enclose {story.worker.first}'s latest {story.scheme.certificate_name} "
        f"({fd(cert.date_from)} - {fd(cert.date_to)}) and provide the following update.",
    )))
    lines += ["", rng.choice(("Clinical progress:", "## Progress", "Update:"))]
    progress = _progress_phrase(rng, story).capitalize()
    lines.append(f"I reviewed {story.worker.first} today. {progress}.")
    if inj.psychological:
        lines.append(rng.choice((
            "Mood is brighter, sleep improved to 6 hours; still anxious about contact with "
            "the manager involved.",
            "Continues to see the psychologist weekly. PHQ-9 has reduced from 18 to 12.",
        )))
    else:
        lines.append("On examination: " + "; ".join(rng.sample(list(prof["exam"]), k=2)) + ".")
        lines.append(rng.choice((f"{his.capitalize()} physiotherapist reports improved range.",
                                 f"{he.capitalize()} is doing {his} home exercises daily.",
                                 f"{prof['scan']} has been arranged.")))
    lines += ["", rng.choice(("Work capacity:", "## Capacity", "Capacity:")),
              _cap_sentence(cert, rng, story.worker.first)]
    lines += ["", rng.choice(("Plan:", "## Plan")), rng.choice((
        "Continue physiotherapy; I would be grateful if a further 6 sessions could be "
        "approved.",
        f"Review in {rng.choice((2, 3, 4))} weeks with a view to upgrading hours.",
        f"Awaiting review by {story.specialist.formal}.",
        "Continue current treatment and graded return to work.",
    )), "", rng.choice(("Yours sincerely,", "Kind regards,", "Regards,")), "",
              gp.formal, gp.qualifications or "General Practitioner",
              maybe(rng, 0.5, f"Provider No. {gp.provider_number}" if gp.provider_number
                    else ""), "",
              f"Encl: {story.scheme.certificate_name}"]
    return _doc(spec, "gp_letter_enclosing_certificate", "letter", lines, fields,
                hard_negative_of="certificate_of_capacity")


@template(DOC_TYPE, "gp_brief_email")
def gp_brief_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Short clinical update emailed by the GP (or practice) to the case manager."""
    fd = _dater(rng)
    gp = story.treating_doctor
    cert = _cert(story, spec)
    inj = story.injury
    cm = story.case_manager_on(spec.date)
    dom = story.insurer.email_domain or "insurer.example"
    headers = {
        "From": f"{gp.formal} <{gp.email or 'reception@practice.example'}>",
        "To": cm.email or f"claims@{dom}",
        "Subject": rng.choice((f"{story.worker.name} - clinical update",
                               f"Re: {story.claim_number} - progress",
                               f"Update re {story.worker.first} {story.worker.last[0]}.")),
        "Date": fd(spec.date),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": gp.name, "capacity": cert.capacity,
                                 "case_manager": cm.name, "claim_number": story.claim_number}
    lines = [f"Hi {cm.first}," if rng.random() < 0.6 else "Dear Case Manager,", "",
             rng.choice((f"Saw {story.worker.first} today.", "Brief update as requested.",
                         f"I reviewed {story.worker.name} this morning.")),
             f"Dx {inj.diagnosis}. {_progress_phrase(rng, story).capitalize()}.",
             _cap_sentence(cert, rng, story.worker.first),
             rng.choice(("Plan: cont physio, r/v 2/52.", "Would support further physio.",
                         f"Referred to {story.specialist.formal} - please approve.",
                         "Happy to attend a case conference.")),
             "", rng.choice(("Regards,", "Thanks,", "Kind regards,")),
             gp.formal, story.practice.name]
    return _doc(spec, "gp_brief_email", "email", lines, fields, headers)
