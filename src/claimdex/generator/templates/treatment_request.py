"""Treatment requests and the insurer's decisions on them.

Requests for approval (surgery, allied health sessions, hydrotherapy, scans, medication,
equipment, psychology) and insurer approval / partial approval / decline letters. The
decision letters decide on a treatment item, never on liability for the claim.
"""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import maybe, money
from claimdex.generator.model import ClaimStory, Doc, DocSpec, template
from claimdex.generator.templates._shared import dater as _dater
from claimdex.generator.templates._shared import make_doc

DOC_TYPE = "treatment_request"


def _doc(*args, **kwargs) -> Doc:
    return make_doc(DOC_TYPE, *args, **kwargs)


_REGIONS: dict[str, dict[str, object]] = {
    "lumbar": {"procedure": "L4/5 microdiscectomy", "scan": "MRI lumbar spine",
               "equipment": ("Lumbar support brace", "Ergonomic chair with lumbar support",
                             "TENS machine"),
               "nights": 2, "recovery": "6-8 weeks"},
    "cervical": {"procedure": "C5/6 anterior cervical discectomy and fusion",
                 "scan": "MRI cervical spine",
                 "equipment": ("Cervical pillow", "Monitor riser", "TENS machine"),
                 "nights": 2, "recovery": "8-12 weeks"},
    "shoulder": {"procedure": "Arthroscopic subacromial decompression and rotator cuff repair",
                 "scan": "Ultrasound shoulder",
                 "equipment": ("Shoulder immobiliser sling", "Cold therapy unit",
                               "Overhead pulley kit"),
                 "nights": 1, "recovery": "12-16 weeks"},
    "knee": {"procedure": "Arthroscopic partial medial meniscectomy", "scan": "MRI knee",
             "equipment": ("Hinged knee brace", "Crutches (hire)", "Cold therapy unit"),
             "nights": 0, "recovery": "4-6 weeks"},
    "wrist": {"procedure": "Open reduction and internal fixation, distal radius",
              "scan": "CT wrist",
              "equipment": ("Custom thermoplastic wrist splint", "Ergonomic keyboard and mouse",
                            "Theraputty and grip trainer"),
              "nights": 1, "recovery": "8-10 weeks"},
    "ankle": {"procedure": "Lateral ankle ligament reconstruction", "scan": "MRI ankle",
              "equipment": ("CAM walker boot", "Ankle brace", "Crutches (hire)"),
              "nights": 1, "recovery": "10-12 weeks"},
    "generic": {"procedure": "Arthroscopy and debridement", "scan": "Ultrasound",
                "equipment": ("Support brace", "TENS machine", "Ergonomic chair"),
                "nights": 0, "recovery": "4-6 weeks"},
}
_KEYWORDS = (("back", "lumbar"), ("lumbar", "lumbar"), ("spine", "lumbar"),
             ("neck", "cervical"), ("cervical", "cervical"), ("shoulder", "shoulder"),
             ("knee", "knee"), ("wrist", "wrist"), ("hand", "wrist"), ("finger", "wrist"),
             ("forearm", "wrist"), ("ankle", "ankle"), ("foot", "ankle"))
_PSYCHOLOGISTS = (("Ms", "Renee", "Calder"), ("Mr", "Hamish", "Doyle"),
                  ("Dr", "Leah", "Sorensen"), ("Ms", "Farah", "Qureshi"))
_HOSPITALS = ("Westside Private Hospital", "St Columba's Private Hospital",
              "Northern Day Surgery", "Riverbank Private Hospital")


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _region(story: ClaimStory) -> dict[str, object]:
    part = story.injury.body_part.lower()
    for key, reg in _KEYWORDS:
        if key in part:
            return _REGIONS[reg]
    return _REGIONS["generic"]


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim number", "Claim no.", "Our ref", "Insurer claim #", "Claim No",
                       "Your ref", "Claim"))


def _lc(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (TENS, CAM)."""
    first = text.split(" ")[0]
    return text if first.isupper() else text[:1].lower() + text[1:]


def _approval_no(rng: random.Random) -> str:
    return rng.choice(("APP-", "TA", "PA-", "")) + str(rng.randint(100000, 999999))


def _item_no(rng: random.Random) -> str:
    return str(rng.randint(40000, 51999))


def _surgery_costs(rng: random.Random, nights: int) -> list[tuple[str, float]]:
    surgeon = rng.randrange(2400, 6800, 50)
    rows = [("Surgeon's fee", float(surgeon)),
            ("Surgical assistant", float(round(surgeon * 0.2, -1))),
            ("Anaesthetist", float(rng.randrange(900, 2200, 10)))]
    if nights:
        rows.append((f"Hospital accommodation ({nights} night{'s' if nights > 1 else ''})",
                     float(rng.randrange(1500, 2600, 10) * nights)))
    rows.append(("Theatre fee / prostheses", float(rng.randrange(1800, 5200, 10))))
    return rows


def _provider_intro(rng: random.Random, name: str, org: str) -> str:
    return rng.choice((f"{name} | {org}", f"{org}\n{name}", f"{org} - {name}"))


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "surgery_approval_letter")
def surgery_approval_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Hard negative: insurer letter approving surgery (a treatment decision, not liability)."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    reg = _region(story)
    sp = story.specialist
    hospital = rng.choice(_HOSPITALS)
    procedure = ("Inpatient psychiatric day program (10 days)" if story.injury.psychological
                 else str(reg["procedure"]))
    approval = _approval_no(rng)
    req_date = spec.date - dt.timedelta(days=rng.randint(5, 20))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "claim_number": story.claim_number, "author": cm.name,
                                 "case_manager": cm.name}
    lines = [f"# {story.insurer.name}", story.insurer.address, "---", fd(spec.date), ""]
    to_worker = rng.random() < 0.6
    if to_worker:
        lines += [story.worker.formal, *[p.strip() for p in story.worker_address.split(",")]]
    else:
        lines += [sp.formal, story.specialist_practice.name,
                  *[p.strip() for p in story.specialist_practice.address.split(",")]]
    lines += ["", f"{_claim_label(rng)}: {story.claim_number}",
              f"Worker: {story.worker.name}" if not to_worker else "",
              f"Date of injury: {fd(story.injury.date)}",
              f"Approval number: {approval}", ""]
    fields["injury_date"] = story.injury.date
    lines.append("## " + rng.choice(("Approval of surgery", "Request for surgery - approved",
                                     "Treatment approval - surgical procedure",
                                     "Pre-approval of surgery")))
    dear = f"{story.worker.title} {story.worker.last}" if to_worker else sp.formal
    lines += ["", f"Dear {dear}",
              ""]
    lines.append(rng.choice((
        f"We have received the request from {sp.formal} dated {fd(req_date)} for approval of "
        f"the following surgery, and we are pleased to confirm that it has been approved.",
        f"Thank you for the request dated {fd(req_date)}. We approve the surgery described "
        "below as reasonably necessary treatment.",
        "I am writing to confirm that the proposed surgery has been approved.",
    )))
    lines += ["", "| Item | Detail |", "|---|---|",
              f"| Procedure | {procedure} |",
              f"| Surgeon | {sp.formal} |",
              f"| Hospital | {hospital} |",
              f"| Approved from | {fd(spec.date)} to {fd(spec.date + dt.timedelta(days=90))} |"]
    if rng.random() < 0.7 and not story.injury.psychological:
        costs = _surgery_costs(rng, int(reg["nights"]))
        for name, amt in costs:
            lines.append(f"| {name} | up to {money(amt)} |")
    lines.append("")
    lines.append(rng.choice((
        "Accounts should be sent directly to us quoting the claim and approval numbers and "
        "will be paid in line with the applicable fees order.",
        "Please ask the hospital and each provider to send their accounts to us. Gap fees "
        "above the scheduled fee are not payable.",
        "The approval is valid for 3 months. If the surgery is not performed within that "
        "time, a new request will be needed.",
    )))
    lines.append("")
    lines.append(rng.choice((
        f"Please ensure {'you obtain' if to_worker else 'the worker obtains'} a "
        f"{story.scheme.certificate_name} covering the recovery period.",
        "Post-operative physiotherapy will need a separate request from the treating "
        "physiotherapist.",
        f"Expected recovery time advised by the surgeon: {reg['recovery']}.",
    )))
    lines += ["", maybe(rng, 0.5, "This approval relates only to the treatment described above.")]
    lines += ["", rng.choice(("Yours sincerely", "Kind regards")), "", cm.name,
              rng.choice(("Case Manager", "Claims Advisor", "Injury Management Advisor")),
              f"Ph {cm.phone or story.insurer.phone}"]
    if to_worker:
        lines += ["", f"cc: {sp.formal}; {story.treating_doctor.formal}"]
    else:
        lines += ["", f"cc: {story.worker.formal}"]
    return _doc(spec, "surgery_approval_letter", "letter", lines, fields,
                hard_negative_of="liability_notice")


@template(DOC_TYPE, "allied_health_request_form")
def allied_health_request_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """AHRR-style allied health recovery request with functional measures and sessions."""
    fd = _dater(rng)
    pt = story.physio
    org = story.physio_practice
    inj = story.injury
    code = story.scheme.code
    title = {"NSW": "Allied Health Recovery Request (AHRR)",
             "VIC": "Allied health treatment request",
             "QLD": "Allied health services request and treatment plan",
             "SA": "Treatment plan - allied health",
             "COMCARE": "Treatment plan and request for approval"}.get(
        code, rng.choice(("Allied health treatment plan", "Request for treatment approval")))
    first = story.injury.date + dt.timedelta(days=rng.randint(2, 9))
    done = rng.randint(4, 10)
    asked = rng.choice((4, 6, 8, 10))
    fee = rng.choice((78.0, 84.6, 92.15, 96.0))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": pt.name, "claim_number": story.claim_number,
                                 "body_part": inj.body_part, "injury_date": inj.date}
    lines = [f"# {title}", ""]
    lines += ["## 1. Worker details", f"Name: {story.worker.name}",
              f"{_claim_label(rng)}: {story.claim_number}",
              f"Date of injury: {fd(inj.date)}"]
    if rng.random() < 0.5:
        lines.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    lines += ["", "## 2. Practitioner details",
              f"Name: {pt.formal}   Discipline: {pt.role or 'Physiotherapist'}",
              f"Practice: {org.name}, {org.address}",
              maybe(rng, 0.6, f"ABN: {org.abn}" if org.abn else ""), ""]
    lines += ["## 3. Clinical details", f"Diagnosis: {inj.diagnosis} ({inj.body_part})",
              f"Date of initial consultation: {fd(min(first, spec.date))}",
              f"Consultations to date: {done}", ""]
    lines += ["## 4. Functional measures", "| Measure | Initial | Current | Goal |",
              "|---|---|---|---|"]
    measure = rng.choice(("PSFS (avg)", "Oswestry %", "QuickDASH", "LEFS", "Pain NRS"))
    a = rng.randint(30, 60)
    lines.append(f"| {measure} | {a} | {a - rng.randint(5, 20)} | {max(5, a - 35)} |")
    lines.append(f"| Sitting tolerance | {rng.randint(10, 20)} min | {rng.randint(25, 45)} min "
                 "| 60 min |")
    lines.append(f"| Lift floor to waist | {rng.randint(0, 5)} kg | {rng.randint(6, 12)} kg | "
                 "15 kg |")
    lines += ["", "## 5. Goals (SMART)"]
    goals = [f"Increase sitting tolerance to 60 minutes within {rng.choice((4, 6))} weeks",
             "Return to pre-injury duties including lifting 15 kg by end of plan",
             "Independent with home exercise program",
             "Upgrade work hours to full time in line with certificate"]
    lines += [f"- {g}" for g in rng.sample(goals, k=3)]
    lines += ["", "## 6. Services requested", "| Code | Service | Sessions | Fee | Total |",
              "|---|---|---|---|---|",
              f"| PTA002 | Standard consultation | {asked} | {money(fee)} | "
              f"{money(fee * asked)} |"]
    if rng.random() < 0.4:
        lines.append(f"| PTA010 | Case conference | 1 | {money(fee)} | {money(fee)} |")
    lines.append(f"Proposed period: {fd(spec.date)} to {fd(spec.date + dt.timedelta(weeks=8))}")
    lines += ["", "## 7. Work status",
              rng.choice(("Currently on suitable duties", "Currently not working",
                          "Working pre-injury hours with restrictions")), ""]
    lines += ["## 8. Practitioner declaration",
              "I declare the information is true and the treatment is reasonably necessary.",
              f"Signed: {pt.name}   Date: {fd(spec.date)}", "",
              "## For insurer use",
              "[ ] Approved   [ ] Partially approved   [ ] Declined   Approval no: ______"]
    return _doc(spec, "allied_health_request_form", "form", lines, fields)


@template(DOC_TYPE, "surgeon_request_letter")
def surgeon_request_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Treating surgeon asks the insurer to approve a procedure, with quote and rationale."""
    fd = _dater(rng)
    sp = story.specialist
    sp_org = story.specialist_practice
    reg = _region(story)
    cm = story.case_manager_on(spec.date)
    inj = story.injury
    hospital = rng.choice(_HOSPITALS)
    procedure = ("Admission to psychiatric day program" if inj.psychological
                 else str(reg["procedure"]))
    op_date = spec.date + dt.timedelta(days=rng.randint(14, 45))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": sp.name, "body_part": inj.body_part}
    lines = [sp_org.name, sp_org.address, "", fd(spec.date), "",
             cm.name if rng.random() < 0.5 else "The Case Manager", story.insurer.name, ""]
    if cm.name in lines[-3]:
        fields["case_manager"] = cm.name
    lines += [f"Re: {story.worker.formal}" + maybe(rng, 0.8, f"  {_claim_label(rng)} "
                                                            f"{story.claim_number}"), ""]
    if story.claim_number in lines[-2]:
        fields["claim_number"] = story.claim_number
    lines += ["## " + rng.choice(("Request for approval of surgery", "Surgical pre-approval "
                                  "request", "Request for approval - operative management")),
              ""]
    lines.append(rng.choice((
        f"I am writing to request approval for {procedure} for {story.worker.first}, who "
        f"injured {'his' if story.worker.title == 'Mr' else 'her'} {inj.body_part} at work on "
        f"{fd(inj.date)}.",
        f"{story.worker.first} has failed to improve with conservative management and I "
        f"recommend {procedure.lower()}.",
    )))
    fields["injury_date"] = inj.date
    lines += ["", "Clinical justification:"]
    just = ["Persistent symptoms despite more than 3 months of physiotherapy",
            "Imaging findings correlate with the clinical presentation",
            "Significant functional limitation at work and at home",
            "Failed trial of guided injection", "Worker wishes to proceed after discussion "
            "of risks and benefits"]
    lines += [f"- {j}" for j in rng.sample(just, k=rng.randint(3, 4))]
    lines += ["", "Details of proposed surgery:", "| | |", "|---|---|",
              f"| Procedure | {procedure} |",
              f"| MBS item(s) | {_item_no(rng)}" + maybe(rng, 0.5, f", {_item_no(rng)}") + " |",
              f"| Hospital | {hospital} |",
              f"| Proposed date | {fd(op_date)} |",
              f"| Length of stay | {reg['nights']} night(s) |", ""]
    lines.append("Estimated costs:")
    lines += ["| Item | Estimate |", "|---|---|"]
    costs = _surgery_costs(rng, int(reg["nights"]))
    lines += [f"| {n} | {money(a)} |" for n, a in costs]
    lines.append(f"| Total | {money(sum(a for _n, a in costs))} |")
    lines += ["", f"Expected time off work: {reg['recovery']}, followed by graded return to "
              "suitable duties.", "",
              rng.choice(("I would be grateful for your approval at your earliest convenience.",
                          "Please forward approval to my rooms.",
                          "Kindly confirm approval in writing so that a theatre date can be "
                          "booked.")), "",
              "Yours sincerely", "", sp.formal + (f" {sp.qualifications}" if sp.qualifications
                                                  else ""),
              sp.role or "Surgeon"]
    return _doc(spec, "surgeon_request_letter", "letter", lines, fields)


@template(DOC_TYPE, "decline_letter")
def decline_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Insurer letter declining a specific treatment request (not a dispute notice)."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    reg = _region(story)
    req = rng.choice((
        ("hydrotherapy", f"{rng.choice((6, 8))} sessions of hydrotherapy",
         story.physio.formal),
        ("massage", f"{rng.choice((6, 10))} sessions of remedial massage", story.physio.formal),
        ("scan", f"a repeat {reg['scan']}", story.treating_doctor.formal),
        ("equipment", f"a {_lc(rng.choice(list(reg['equipment'])))}",
         story.treating_doctor.formal),
        ("gym", "a 12-month gym membership", story.physio.formal),
    ))
    req_date = spec.date - dt.timedelta(days=rng.randint(4, 18))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name}
    lines = [story.insurer.name.upper(), story.insurer.address, "", fd(spec.date), "",
             req[2], "", f"Worker: {story.worker.name}",
             f"{_claim_label(rng)}: {story.claim_number}", ""]
    fields["claim_number"] = story.claim_number
    lines += ["## " + rng.choice(("Treatment request - not approved",
                                  "Outcome of your treatment request",
                                  "Request for approval - declined")), "",
              f"Dear {req[2]}", ""]
    lines.append(f"Thank you for your request dated {fd(req_date)} for {req[1]}.")
    lines.append("")
    lines.append(rng.choice((
        "Unfortunately we are unable to approve this request at this time.",
        "After reviewing the request we have decided not to approve it.",
        "We have considered your request but cannot approve it based on the information "
        "provided.",
    )))
    lines += ["", "Reasons:"]
    reasons = [
        "The request does not include measurable functional goals or outcome measures.",
        "The treatment plan does not show how the service will assist a return to work.",
        "Progress with the current treatment has plateaued over the last 6 weeks.",
        "The worker has already been provided with a home exercise program.",
        "The information supplied does not demonstrate that the service is reasonably "
        "necessary as a result of the work injury.",
    ]
    lines += [f"- {r}" for r in rng.sample(reasons, k=rng.randint(1, 3))]
    lines += ["", rng.choice((
        "We would be happy to reconsider if you send an updated treatment plan with "
        "objective measures.",
        "If further information becomes available, please submit a new request.",
        "Please call me to discuss alternative options that may assist.",
    )), "", maybe(rng, 0.5, "A copy of this letter has been sent to the worker."), "",
              rng.choice(("Regards", "Yours sincerely")), "", cm.name,
              rng.choice(("Case Manager", "Claims Advisor"))]
    return _doc(spec, "decline_letter", "letter", lines, fields)


@template(DOC_TYPE, "partial_approval_letter")
def partial_approval_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Insurer approves part of a request (fewer sessions, conditions attached)."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    psych = story.injury.psychological
    provider = story.physio if not psych else None
    prov_name = (provider.formal if provider else
                 "{} {} {}".format(*rng.choice(_PSYCHOLOGISTS)))
    service = "psychology sessions" if psych else rng.choice((
        "physiotherapy sessions", "physiotherapy consultations", "exercise physiology "
        "sessions"))
    asked = rng.choice((8, 10, 12))
    given = rng.choice((4, 6)) if asked > 6 else 4
    approval = _approval_no(rng)
    end = spec.date + dt.timedelta(weeks=rng.choice((6, 8)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number}
    lines = [f"{story.insurer.name} | {story.insurer.phone}", "", fd(spec.date), "",
             prov_name, "", f"RE: {story.worker.name}  |  {story.claim_number}", ""]
    lines += ["## " + rng.choice(("Partial approval of treatment request",
                                  "Treatment plan - partially approved",
                                  "Approval of treatment (part)")), ""]
    lines += [f"Dear {prov_name},", ""]
    lines.append(f"We have reviewed your request for {asked} {service}.")
    lines.append(rng.choice((
        f"We have approved {given} {service} at this stage.",
        f"{given} of the {asked} requested {service} have been approved.",
    )))
    lines += ["", "| Approved | Sessions | Valid until | Approval no. |", "|---|---|---|---|",
              f"| {service.capitalize()} | {given} | {fd(end)} | {approval} |", ""]
    lines.append("Conditions:")
    conds = ["A progress report with updated outcome measures is required before further "
             "sessions are considered.",
             "Treatment should focus on active self-management and return to work goals.",
             "Please liaise with the rehabilitation provider regarding suitable duties.",
             "Invoices must quote the approval number."]
    lines += [f"- {c}" for c in rng.sample(conds, k=rng.randint(2, 3))]
    lines += ["", rng.choice((
        f"The remaining {asked - given} sessions were not approved because the plan did not "
        "include measurable goals for that period.",
        "We will consider further sessions on receipt of the progress report.",
    )), "", "Kind regards", cm.name, rng.choice(("Case Manager", "Injury Management Advisor")),
              story.insurer.name]
    return _doc(spec, "partial_approval_letter", "letter", lines, fields)


@template(DOC_TYPE, "hydrotherapy_request_email")
def hydrotherapy_request_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Physio emails the case manager asking for hydrotherapy / gym program approval."""
    fd = _dater(rng)
    pt = story.physio
    org = story.physio_practice
    cm = story.case_manager_on(spec.date)
    program = rng.choice(("hydrotherapy", "a supervised gym program", "hydrotherapy and gym"))
    n = rng.choice((6, 8, 10))
    cost = rng.choice((45.0, 55.0, 65.0, 72.5))
    headers = {
        "From": f"{pt.name} <{pt.email or 'admin@physio.example'}>",
        "To": cm.email or f"claims@{story.insurer.email_domain or 'insurer.example'}",
        "Subject": rng.choice((f"Request for approval - {program} - {story.worker.name}",
                               f"{story.claim_number} treatment request",
                               f"Hydro/gym request for {story.worker.first} "
                               f"{story.worker.last}")),
        "Date": fd(spec.date),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": pt.name, "claim_number": story.claim_number,
                                 "body_part": story.injury.body_part}
    lines = [f"Hi {cm.first}," if rng.random() < 0.7 else "Dear Case Manager,", "",
             rng.choice((
                 f"I'm writing to request approval for {program} for {story.worker.name} "
                 f"(claim {story.claim_number}).",
                 f"Could you please consider approving {program} for {story.worker.first}?",
             )), ""]
    lines.append(rng.choice((
        f"{story.worker.first} has completed {rng.randint(6, 12)} sessions of land-based "
        f"physio for the {story.injury.body_part} injury and has progressed well but is now "
        "limited by load tolerance.",
        f"Progress with the {story.injury.body_part} has plateaued on land-based exercise and "
        "I believe a water-based / gym environment will help with conditioning for RTW.",
    )))
    lines += ["", "Proposed:",
              f"- {n} sessions of {program} over {rng.choice((4, 6, 8))} weeks",
              f"- Cost {money(cost)} per session (total {money(cost * n)})",
              f"- Location: {rng.choice(('Aquatic centre (warm pool)', 'In-house gym', org.name))}",
              "", "Goals:",
              "- " + rng.choice(("Increase walking tolerance to 30 min",
                                 "Improve lifting capacity to 15 kg",
                                 "Progress to independent gym program")),
              "- Support upgrade of work hours", ""]
    lines += [rng.choice(("Happy to discuss.", "Thanks in advance.", "Let me know if you need "
                          "anything further.")), "", rng.choice(("Cheers,", "Kind regards,")),
              pt.name, pt.role or "Physiotherapist", org.name]
    return _doc(spec, "hydrotherapy_request_email", "email", lines, fields, headers)


@template(DOC_TYPE, "scan_request_fax")
def scan_request_fax(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """GP faxes the insurer for approval of an imaging study."""
    fd = _dater(rng)
    gp = story.treating_doctor
    cm = story.case_manager_on(spec.date)
    reg = _region(story)
    scan = ("CT brain" if story.injury.psychological and rng.random() < 0.5
            else str(reg["scan"]))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": gp.name, "injury_date": story.injury.date}
    lines = [f"FAX {fd(spec.date)} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d} "
             f"{story.practice.name.upper()}  p1/1", "---",
             f"To: {cm.name if rng.random() < 0.5 else 'Case Manager'} - {story.insurer.name}",
             f"From: {gp.formal}, {story.practice.name}", "---", ""]
    if cm.name in lines[2]:
        fields["case_manager"] = cm.name
    lines += ["# " + rng.choice((
                  'REQUEST FOR APPROVAL - IMAGING',
                  'Investigation approval request',
                  'Pre-approval: radiology',
              )),
              ""]
    lines += [f"Patient: {story.worker.name}", f"DOI: {fd(story.injury.date)}"]
    if rng.random() < 0.7:
        lines.append(f"Claim #: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", f"Investigation requested: {scan}",
              "Clinical indication: " + rng.choice((
                  'persistent pain > 6 weeks',
                  'radicular symptoms',
                  'suspected structural injury',
                  'failure to progress with physio',
              )),
              "Provider: " + rng.choice((
                  'Local radiology',
                  'Precision Imaging Group',
                  'Western Diagnostic Imaging',
              )),
              f"Estimated cost: {money(rng.choice((280.0, 395.0, 450.0, 520.0)))}",
              "Urgency: " + rng.choice(("routine", "semi-urgent", "urgent")), ""]
    lines.append(rng.choice(("Please fax approval to the number above.",
                             "Please approve and notify the practice.",
                             "Approval appreciated so the scan can be booked this week.")))
    lines += ["", f"Signed: {gp.formal}", f"Date: {fd(spec.date)}"]
    return _doc(spec, "scan_request_fax", "form", lines, fields)


@template(DOC_TYPE, "equipment_request_form")
def equipment_request_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Aids and equipment request with supplier quote and purchase/hire boxes."""
    fd = _dater(rng)
    reg = _region(story)
    requester = rng.choice((story.physio, story.rehab_consultant, story.treating_doctor))
    items = rng.sample(list(reg["equipment"]), k=rng.randint(1, 3))
    supplier = rng.choice(("Active Mobility Supplies", "Back Care Direct", "Rehab Equipment "
                           "Hire Co", "Total Ergonomics"))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": requester.name, "claim_number": story.claim_number}
    lines = ["# " + rng.choice((
                 'Request for aids and equipment',
                 'Equipment request form',
                 'Aids & appliances - request for approval',
             )),
             f"To: {story.insurer.name}", ""]
    lines += [f"Worker: {story.worker.name}   {_claim_label(rng)}: {story.claim_number}",
              f"Injury: {story.injury.body_part} ({story.injury.nature})",
              f"Requested by: {requester.formal}, {requester.role or 'Treating practitioner'}",
              ""]
    fields["body_part"] = story.injury.body_part
    lines += ["| Item | Qty | Purchase/Hire | Unit cost | Total |", "|---|---|---|---|---|"]
    total = 0.0
    for it in items:
        hire = "hire" in it.lower()
        price = float(rng.randrange(40, 900, 5))
        total += price
        lines.append(f"| {it} | 1 | {'Hire' if hire else 'Purchase'} | {money(price)} | "
                     f"{money(price)} |")
    lines += [f"| Total | | | | {money(total)} |", ""]
    lines += [f"Supplier: {supplier} (quote attached, ref Q{rng.randint(1000, 9999)})", "",
              "Clinical justification:", rng.choice((
                  "To support the worker's return to suitable duties and reduce symptom "
                  "aggravation during sitting tasks.",
                  "Required post-operatively for protection of the repair.",
                  "To allow independent self-management of pain at home and at work.",
              )), "", "Use:",
              f"{'[x]' if rng.random() < 0.5 else '[ ]'} At work   "
              f"{'[x]' if rng.random() < 0.7 else '[ ]'} At home   "
              f"{'[x]' if rng.random() < 0.3 else '[ ]'} Temporary",
              "", f"Signature: ________   Date: {fd(spec.date)}"]
    return _doc(spec, "equipment_request_form", "form", lines, fields)


@template(DOC_TYPE, "psychology_treatment_plan")
def psychology_treatment_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Psychologist's treatment plan asking the insurer to approve further sessions."""
    fd = _dater(rng)
    title, first, last = rng.choice(_PSYCHOLOGISTS)
    author = f"{first} {last}"
    inj = story.injury
    done = rng.randint(4, 10)
    asked = rng.choice((6, 8, 10))
    fee = rng.choice((180.0, 205.0, 225.0, 248.8))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": author, "injury_date": inj.date}
    lines = ["# " + rng.choice((
                 'Psychology treatment plan',
                 'Request for further psychological treatment',
                 'Psychological Treatment Plan & Request',
             )),
             f"{title} {author}, "
             + rng.choice(("Clinical Psychologist", "Registered Psychologist")),
             ""]
    lines += [f"Client: {story.worker.name}", f"Date of injury: {fd(inj.date)}",
              f"Plan date: {fd(spec.date)}"]
    if rng.random() < 0.7:
        lines.append(f"Claim: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "## Presenting issues", rng.choice((
        f"{inj.diagnosis} following workplace events." if inj.psychological else
        f"Adjustment difficulties and fear avoidance related to the {inj.body_part} injury.",
        "Anxiety, low mood and sleep disturbance affecting return to work.",
    )), "", "## Sessions to date", f"{done} sessions attended. " + rng.choice((
        "Good engagement.", "Attendance consistent.", "One session cancelled (illness).")), ""]
    lines += ["## Outcome measures", "| Measure | Start | Now |", "|---|---|---|",
              f"| K10 | {rng.randint(28, 40)} | {rng.randint(18, 28)} |",
              f"| DASS-21 total | {rng.randint(60, 90)} | {rng.randint(30, 60)} |", ""]
    lines += ["## Goals for next period"]
    goals = ["Reduce K10 to the mild range", "Graded exposure to workplace (visit, then "
             "shifts)", "Develop relapse prevention plan", "Improve sleep to 7 hours",
             "Increase participation in valued activities"]
    lines += [f"{i}. {g}" for i, g in enumerate(rng.sample(goals, k=3), 1)]
    lines += ["", "## Request", f"Approval is requested for {asked} further sessions "
              f"(item {rng.choice(('PSY002', 'PSY003'))}) at {money(fee)} per session, total "
              f"{money(fee * asked)}, over {rng.choice((8, 10, 12))} weeks.",
              maybe(rng, 0.5, "A case conference with the GP (1 hour) is also requested."), "",
              f"{title} {author}", f"Date: {fd(spec.date)}"]
    return _doc(spec, "psychology_treatment_plan", "form", lines, fields)


@template(DOC_TYPE, "medication_request_note")
def medication_request_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Terse request for medication / pharmacy approval with the CM's decision appended."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    gp = story.treating_doctor
    med = rng.choice((("pregabalin 75 mg BD", "neuropathic pain"),
                      ("tapentadol SR 50 mg BD", "pain not controlled on simple analgesia"),
                      ("duloxetine 60 mg daily", "chronic pain / low mood"),
                      ("sertraline 50 mg daily", "depressive symptoms"),
                      ("celecoxib 200 mg daily", "inflammatory pain")))
    approved = rng.random() < 0.75
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [f"MEDICATION APPROVAL REQUEST - {fd(spec.date)}"]
    if rng.random() < 0.7:
        lines.append(f"IW: {story.worker.name}  Clm {story.claim_number}")
        fields.update(worker=story.worker.name, claim_number=story.claim_number)
    lines += [f"Req by: {gp.formal} (NTD)", f"Rx: {med[0]}, {rng.choice((1, 2, 3))} mth supply",
              f"Indication: {med[1]}",
              f"Cost: {money(rng.choice((18.5, 32.6, 46.9, 61.2)))}/mth (private script)",
              "Pharmacy: " + rng.choice((
                  'Blacktown Amcal',
                  'Main St Chemist',
                  'Priceline Pharmacy',
                  'Local pharmacy',
              )),
              ""]
    fields["author"] = gp.name
    lines.append("CM decision:")
    if approved:
        lines.append(rng.choice((f"Approved - R&N, related to WI. Approval #{_approval_no(rng)}.",
                                 "APPROVED x 3 mths. Pharmacy advised.",
                                 "Approved. Pharmacy to invoice direct.")))
    else:
        lines.append(rng.choice(("Not approved - not related to compensable injury.",
                                 "Declined pending NTD report re indication.")))
    lines.append(f"{cm.name} ({fd(spec.date)})" if rng.random() < 0.6
                 else f"- {cm.first[0]}{cm.last[0]}")
    if cm.name in lines[-1]:
        fields["case_manager"] = cm.name
    return _doc(spec, "medication_request_note", "note", lines, fields)


@template(DOC_TYPE, "approval_email_to_provider")
def approval_email_to_provider(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Insurer's short email to a provider approving a request, with approval number."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    provider, item = rng.choice((
        (story.physio, f"{rng.choice((4, 6, 8))} physiotherapy sessions"),
        (story.rehab_consultant, "workplace assessment and RTW plan (up to 6 hours)"),
        (story.specialist, "specialist review consultation"),
        (story.treating_doctor, f"{_region(story)['scan']}"),
    ))
    approval = _approval_no(rng)
    until = spec.date + dt.timedelta(weeks=rng.choice((6, 8, 12)))
    headers = {
        "From": f"{cm.name} <{cm.email or 'claims@insurer.example'}>",
        "To": provider.email or f"{provider.first.lower()}@provider.example",
        "Subject": rng.choice((f"Approval - {story.worker.name} - {story.claim_number}",
                               f"RE: Treatment request {story.worker.last}",
                               f"Approved: {item}")),
        "Date": fd(spec.date),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": cm.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number}
    lines = [f"Hi {provider.first}," if rng.random() < 0.6 else f"Dear {provider.formal},", "",
             rng.choice((
                 f"Thanks for your request. I can confirm approval of {item} for "
                 f"{story.worker.name}.",
                 f"Your request for {item} for {story.worker.name} has been approved.",
             )), "",
             f"Approval number: {approval}", f"Valid until: {fd(until)}",
             f"Claim: {story.claim_number}", "",
             rng.choice(("Please quote the approval number on all invoices.",
                         "Please send a brief progress report at the end of the approved "
                         "sessions.",
                         "Accounts to be sent to the address on our website.")), "",
             rng.choice(("Thanks,", "Kind regards,")), cm.name,
             f"{rng.choice(('Case Manager', 'Claims Advisor'))} | {story.insurer.name}"]
    if rng.random() < 0.35:  # terse version
        lines = [f"Hi {provider.first},",
                 f"{item.capitalize()} approved for {story.worker.name}. "
                 f"Approval #{approval}, valid to {fd(until)}.",
                 "Please quote on invoices.", "", "Thanks,", cm.name]
    return _doc(spec, "approval_email_to_provider", "email", lines, fields, headers)
