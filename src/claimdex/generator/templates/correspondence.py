"""General correspondence: letters and emails that are none of the specific types
(information requests, acknowledgements, appointment letters, updates, employer letters,
reimbursements, emails between stakeholders)."""

from __future__ import annotations

import datetime as dt
import random
import re

from claimdex.generator.common import capacity_phrase, date_style, fmt_date, money, pick
from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Doc,
    DocSpec,
    Org,
    Person,
    template,
)

DT = "correspondence"


# ----------------------------------------------------------------------------- helpers


def _fd(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _lc_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _ref(p: Person) -> str:
    return f"{p.title} {p.last}".strip()


def _addr(address: str) -> list[str]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    return parts or [address]


def _slug(name: str) -> str:
    base = re.split(r"\s(?:pty|ltd|limited|services|group)\b", name.lower())[0]
    return re.sub(r"[^a-z0-9]+", "", base)[:28] + ".example.com.au"


def _mail(p: Person, org: Org) -> str:
    if p.email:
        return p.email
    dom = org.email_domain or _slug(org.name)
    return f"{p.first}.{p.last}@{dom}".lower().replace("'", "").replace(" ", "")


def _home_mail(p: Person) -> str:
    return f"{p.first}.{p.last}@mail.example.com".lower().replace("'", "").replace(" ", "")


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


def _letterhead(story: ClaimStory, rng: random.Random) -> list[str]:
    ins = story.insurer
    s = rng.randrange(3)
    if s == 0:
        out = [f"# {ins.name}", ins.address]
        if ins.phone:
            out.append(f"Phone {ins.phone}" + (f"  ABN {ins.abn}" if ins.abn and rng.random() < 0.5
                                                else ""))
        return out + ["---", ""]
    if s == 1:
        return [ins.name.upper(), f"{ins.address} | {ins.phone}".rstrip(" |"), ""]
    return [ins.name, pick(rng, "Workers Compensation", "Claims Management",
                           f"Workers Compensation - {story.scheme.state}"), ""]


def _to_block(name: str, org_name: str | None, address: str) -> list[str]:
    out = [name]
    if org_name:
        out.append(org_name)
    return out + _addr(address) + [""]


def _claim_lines(story: ClaimStory, rng: random.Random, f, fields: dict, *,
                 worker: bool = True, employer: bool = False, doi: bool = False) -> list[str]:
    out: list[str] = []
    label = rng.choice(("Claim number", "Claim no.", "Our ref", "Claim No", "Insurer claim #"))
    if rng.random() < 0.85:
        out.append(f"{label}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    if worker:
        out.append(f"{pick(rng, 'Worker', 'Injured worker', 'Re')}: {story.worker.name}")
        fields["worker"] = story.worker.name
    if employer:
        out.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    if doi:
        out.append(f"Date of injury: {f(story.injury.date)}")
        fields["injury_date"] = story.injury.date
    return out


def _signoff(rng: random.Random, cm: Person, story: ClaimStory, fields: dict) -> list[str]:
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    out = ["", pick(rng, "Yours sincerely", "Yours faithfully", "Kind regards", "Regards"), "",
           cm.name, pick(rng, cm.role or "Case Manager", "Case Manager", "Claims Specialist",
                         "Injury Management Advisor"), story.insurer.name]
    if rng.random() < 0.6 and cm.phone:
        out.append(f"Ph: {cm.phone}")
    if rng.random() < 0.4:
        out.append(f"Email: {_mail(cm, story.insurer)}")
    return out


def _privacy(rng: random.Random) -> list[str]:
    if rng.random() < 0.35:
        return ["", pick(rng,
                         "Privacy: We collect and handle personal and health information in "
                         "accordance with our privacy policy, available on our website.",
                         "This communication is confidential and may contain personal health "
                         "information. If you are not the intended recipient please notify us "
                         "and delete it.")]
    return []


def _email_headers(frm: str, to: str, subject: str, date: str) -> dict[str, str]:
    return {"From": frm, "To": to, "Subject": subject, "Date": date}



def _tidy(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines and trimming the ends."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)

def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict,
         headers: dict | None = None, hn: str = "") -> Doc:
    return Doc(doc_type=DT, template=f"{DT}/{variant}", kind=kind,
               text=_tidy(lines), date=spec.date, fields=fields,
               email_headers=headers or {}, hard_negative_of=hn)


def _cap_text(c: Certificate) -> str:
    return {"none": "no capacity for work", "suitable_duties": "capacity for suitable duties",
            "pre_injury_duties": "capacity for pre-injury duties"}[c.capacity]


def _stints(story: ClaimStory, spec: DocSpec) -> tuple[CaseManagerStint | None, CaseManagerStint]:
    ab = spec.about
    if (isinstance(ab, tuple) and len(ab) == 2
            and all(isinstance(x, CaseManagerStint) for x in ab)):
        return ab[0], ab[1]
    stints = story.case_managers
    cur = 0
    for i, s in enumerate(stints):
        if s.start <= spec.date:
            cur = i
    if cur > 0:
        return stints[cur - 1], stints[cur]
    if len(stints) > 1:
        return stints[0], stints[1]
    return None, stints[0]


# ----------------------------------------------------------------------------- hard negatives


@template(DT, "employer_certificate_letter")
def employer_certificate_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter to the employer enclosing a certificate and explaining the restrictions."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    ec, emp = story.employer_contact, story.employer
    cert = _cert(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "employer": emp.name}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(ec.formal, emp.name, emp.address)
    lines += _claim_lines(story, rng, f, fields, doi=rng.random() < 0.5)
    lines += ["", f"Dear {_ref(ec)}" if rng.random() < 0.7 else f"Dear {ec.first},", ""]
    cname = story.scheme.certificate_name
    lines.append(f"Re: {pick(rng, 'Updated', 'Latest', 'Current')} {cname} - {story.worker.name}")
    lines.append("")
    if cert:
        fields.update(cert_from=cert.date_from, cert_to=cert.date_to, capacity=cert.capacity)
        lines.append(pick(
            rng,
            f"Please find enclosed a copy of the {cname} issued by {cert.doctor.formal} on "
            f"{f(cert.issued)} for the period {f(cert.date_from)} to {f(cert.date_to)}.",
            f"We enclose the most recent {cname} we have received for {story.worker.first}. It "
            f"covers {f(cert.date_from)} to {f(cert.date_to)}.",
        ))
        lines.append("")
        if cert.capacity == "suitable_duties":
            lines.append(
                f"The certificate indicates {story.worker.first} "
                f"{capacity_phrase(cert.capacity, rng)} for {cert.hours_per_day} hours a day, "
                f"{cert.days_per_week} days a week, with the following restrictions:")
            for r in cert.restrictions or ("as noted on the certificate",):
                lines.append(f"- {r}")
            lines.append("")
            lines.append(pick(
                rng,
                "We would be grateful if you could confirm whether duties within these "
                "restrictions can be offered, and the proposed start date.",
                "Please let us know what suitable duties you are able to provide so we can "
                "update the return to work plan.",
            ))
        elif cert.capacity == "none":
            lines.append(
                f"The certificate states that {story.worker.first} "
                f"{capacity_phrase(cert.capacity, rng)} during this period. Weekly payments "
                "will continue and we will keep you informed of any change.")
        else:
            lines.append(
                f"The certificate states that {story.worker.first} "
                f"{capacity_phrase(cert.capacity, rng)} from {f(cert.date_from)}. Please let us "
                "know once normal duties have resumed.")
    else:
        lines.append(f"Please find enclosed the latest {cname} received on this claim.")
    lines.append("")
    lines.append(pick(rng, "If you have any questions please contact me.",
                      "Please do not hesitate to call me should you wish to discuss.",
                      "Thank you for your continued support of the return to work process."))
    lines += _signoff(rng, cm, story, fields)
    lines += ["", f"Encl: {cname}"]
    lines += _privacy(rng)
    return _doc(spec, "employer_certificate_letter", "letter", lines, fields,
                hn="certificate_of_capacity")


@template(DT, "consent_sign_request_email")
def consent_sign_request_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Email asking the worker to sign and return the attached authority form."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "author": cm.name,
                                 "case_manager": cm.name}
    form = pick(rng, "authority form", "consent form", "Authority to Release Information",
                "medical authority", "privacy consent")
    subj = pick(rng, f"Authority form to sign - claim {story.claim_number}",
                f"Please sign and return: {form}", f"Your claim - {form} required")
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    headers = _email_headers(f"{cm.name} <{_mail(cm, story.insurer)}>",
                             f"{w.name} <{w.email or _home_mail(w)}>",
                             subj, f(spec.date))
    lines = [f"Hi {w.first}," if rng.random() < 0.6 else f"Dear {_ref(w)},", ""]
    lines.append(pick(
        rng,
        f"Please find attached an {form} for your claim. This allows us to obtain information "
        "from your doctors and other treating practitioners so we can manage your claim.",
        f"I've attached the {form} we spoke about on the phone. We need this signed before we "
        "can request reports from your treating doctors.",
        f"As part of your claim we need your signed {form}. It is attached to this email.",
    ))
    lines.append("")
    lines.append(pick(
        rng,
        "Could you please sign and date it where marked and send it back to me by reply email "
        "(a photo or scan is fine) or by post in the reply paid envelope.",
        "Please sign the form, date it and return it to me as soon as possible. You can reply "
        "to this email with a photo of the signed page.",
        "Please sign at the bottom of page 2 and email it back.",
    ))
    if rng.random() < 0.6:
        lines.append(pick(
            rng,
            f"It would help if we could have it back by {f(spec.date + dt.timedelta(days=7))}.",
            "If you have any questions about what the form covers, just give me a call.",
            "You can withdraw your consent at any time by writing to us.",
        ))
    lines += ["", pick(rng, "Thanks", "Kind regards", "Many thanks"), cm.first if rng.random() < 0.5
              else cm.name, f"{cm.role or 'Case Manager'} | {story.insurer.name}"]
    if cm.phone:
        lines.append(f"P {cm.phone}")
    lines += ["", f"Attachment: {form.title().replace(' ', '_')}.pdf" if rng.random() < 0.5 else ""]
    return _doc(spec, "consent_sign_request_email", "email", lines, fields, headers,
                hn="consent_form")


@template(DT, "ime_appointment_letter")
def ime_appointment_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter telling the worker where and when to attend an IME and what to bring."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w, ime, prac = story.worker, story.ime_examiner, story.ime_practice
    exam = spec.date + dt.timedelta(days=rng.randint(10, 35))
    while exam.weekday() >= 5:
        exam += dt.timedelta(days=1)
    t = pick(rng, "9:00 am", "9:30 am", "10:15 am", "11:00 am", "1:30 pm", "2:45 pm")
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "exam_date": exam,
                                 "examiner": ime.name}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(w.formal, None, story.worker_address)
    fields["worker"] = w.name
    lines += _claim_lines(story, rng, f, fields, worker=False)
    lines += ["", f"Dear {_ref(w)}", ""]
    lines.append(pick(rng, "Independent medical examination - appointment details",
                      "## Appointment for Independent Medical Examination",
                      "RE: INDEPENDENT MEDICAL EXAMINATION"))
    lines.append("")
    lines.append(pick(
        rng,
        f"We have arranged for you to attend an independent medical examination with "
        f"{ime.formal}, {_lc_first(ime.role) or 'independent medical examiner'}.",
        f"An appointment has been made for you to see {ime.formal} for an independent medical "
        "examination in relation to your claim.",
    ))
    lines.append("")
    tab = rng.random() < 0.5
    rows = [("Date", f(exam)), ("Time", t), ("Doctor", ime.formal),
            ("Location", f"{prac.name}, {prac.address}")]
    if prac.phone:
        rows.append(("Phone", prac.phone))
    for k, v in rows:
        lines.append(f"| {k} | {v} |" if tab else f"{k}: {v}")
    lines.append("")
    lines.append(pick(rng, "Please arrive 15 minutes early. Please bring:",
                      "What to bring to the appointment:", "Please bring with you:"))
    bring = ["photo identification (e.g. driver licence)",
             "any x-rays, scans or reports you have relating to your injury",
             "a list of your current medications",
             "your glasses or hearing aids if you use them",
             "comfortable clothing"]
    rng.shuffle(bring)
    for b in bring[: rng.randint(3, 5)]:
        lines.append(f"- {b}")
    lines.append("")
    lines.append(pick(
        rng,
        "The examination may take up to an hour. You may bring a support person, however they "
        "may be asked to wait outside during the physical examination.",
        "If you need an interpreter, please let us know at least 5 business days before the "
        "appointment and we will arrange one at no cost to you.",
        "You are not required to bring anyone with you, but you may bring a support person.",
    ))
    lines.append(pick(
        rng,
        "Reasonable travel expenses will be reimbursed. Please keep your receipts.",
        "We will reimburse reasonable travel costs; please complete the enclosed travel claim.",
        "If you need help with transport please contact us.",
    ))
    lines.append("")
    lines.append(pick(
        rng,
        "If you cannot attend, please contact us at least 2 business days beforehand. Failure to "
        "attend without a reasonable excuse may result in your weekly payments being suspended.",
        "Please call me as soon as possible if you are unable to attend on this date.",
    ))
    lines += _signoff(rng, cm, story, fields)
    if rng.random() < 0.5:
        lines += ["", "cc: " + story.treating_doctor.formal + ", " + story.practice.name]
    lines += _privacy(rng)
    return _doc(spec, "ime_appointment_letter", "letter", lines, fields, hn="ime_report")


@template(DT, "doctor_report_request_email")
def doctor_report_request_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Email to the treating doctor requesting a report or clinical notes."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    gp, prac, w = story.treating_doctor, story.practice, story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "author": cm.name,
                                 "case_manager": cm.name}
    want = pick(rng, "report", "clinical notes", "progress report", "notes")
    subj = pick(rng, f"Request for {want} - {w.name} - DOB {fmt_date(story.worker_dob, style=0)}",
                f"Report request: {w.last}, {w.first} (claim {story.claim_number})",
                f"{story.insurer.name} - request for medical information")
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    headers = _email_headers(f"{cm.name} <{_mail(cm, story.insurer)}>",
                             gp.email or f"reception@{prac.email_domain or _slug(prac.name)}",
                             subj, f(spec.date))
    lines = [pick(rng, f"Dear {gp.formal},", f"Hi {gp.title} {gp.last},",
                  f"Attention: {gp.formal}"), ""]
    lines.append(
        f"I am the case manager for {w.formal}'s workers compensation claim "
        + pick(rng, f"(injury {f(story.injury.date)}).", f"({story.claim_number}).",
               "with our office.")
    )
    if f"({story.claim_number})" in lines[-1]:
        fields["claim_number"] = story.claim_number
    if "injury" in lines[-1]:
        fields["injury_date"] = story.injury.date
    lines.append("")
    if want in ("clinical notes", "notes"):
        lines.append(pick(
            rng,
            "Could you please provide copies of your clinical notes from "
            f"{f(story.injury.date - dt.timedelta(days=365 * 2))} to date, including any "
            "specialist letters and imaging reports.",
            "We would be grateful for copies of your consultation notes relating to the injury, "
            "along with any referrals and investigation results.",
        ))
    else:
        lines.append("Could you please provide a brief report addressing the following:")
        qs = ["current diagnosis and clinical findings",
              "treatment provided to date and proposed treatment plan",
              "current capacity for work and expected timeframe for upgrade",
              "whether any further investigations or specialist referral are required",
              "any pre-existing or non-work related factors affecting recovery"]
        rng.shuffle(qs)
        for i, q in enumerate(qs[: rng.randint(3, 5)], 1):
            lines.append(f"{i}. {q.capitalize()}")
    lines.append("")
    lines.append(pick(
        rng,
        "A signed authority from the worker is attached.",
        "The worker's authority to release information is on file and attached for your "
        "reference.",
        "Please find the worker's signed consent attached.",
    ))
    lines.append(pick(
        rng,
        "Your account will be paid in accordance with the applicable fee schedule; please quote "
        "the claim number on your invoice.",
        "Please forward your account with the report.",
        "We would appreciate a response within 10 working days.",
    ))
    lines += ["", pick(rng, "Kind regards", "Regards", "Thank you"), cm.name,
              f"{cm.role or 'Case Manager'}, {story.insurer.name}"]
    if cm.phone:
        lines.append(cm.phone)
    lines += _privacy(rng)
    return _doc(spec, "doctor_report_request_email", "email", lines, fields, headers,
                hn="medical_report")


@template(DT, "new_case_manager_letter")
def new_case_manager_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter telling the worker who their new case manager is after a reallocation."""
    f = _fd(rng)
    old, new = _stints(story, spec)
    nm = new.person
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "handover_to": nm.name}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(w.formal, None, story.worker_address)
    fields["worker"] = w.name
    lines += _claim_lines(story, rng, f, fields, worker=False)
    lines += ["", f"Dear {_ref(w)}", ""]
    lines.append(pick(rng, "Your new case manager", "Change of case manager",
                      "RE: CHANGE TO YOUR CLAIM CONTACT"))
    lines.append("")
    if old and rng.random() < 0.7:
        fields["handover_from"] = old.person.name
        lines.append(pick(
            rng,
            f"We are writing to let you know that {old.person.name} is no longer managing your "
            f"claim. From {f(new.start)} your case manager is {nm.name}.",
            f"Your claim has been transferred from {old.person.name} to {nm.name}, effective "
            f"{f(new.start)}.",
        ))
    else:
        lines.append(pick(
            rng,
            f"Please note that your claim is now being managed by {nm.name}.",
            f"From {f(new.start)}, {nm.name} will be your case manager.",
        ))
    lines.append("")
    lines.append("Contact details:")
    lines.append(f"Name: {nm.name}")
    if nm.phone:
        lines.append(f"Phone: {nm.phone}")
    lines.append(f"Email: {_mail(nm, story.insurer)}")
    lines.append("")
    lines.append(pick(
        rng,
        "There is no change to your entitlements or payments because of this change.",
        "Your weekly payments and approved treatment will continue as normal.",
        "You do not need to do anything. Your payments and treatment approvals are not affected.",
    ))
    lines.append(pick(rng, f"{nm.first} will be in touch with you shortly.",
                      "Please contact your new case manager with any questions.", ""))
    fields.update(author=nm.name, case_manager=nm.name)
    lines += ["", pick(rng, "Yours sincerely", "Kind regards"), "", nm.name,
              nm.role or "Case Manager", story.insurer.name]
    lines += _privacy(rng)
    return _doc(spec, "new_case_manager_letter", "letter", lines, fields, hn="handover_note")


@template(DT, "imp_enclosure_letter")
def imp_enclosure_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter enclosing the injury management plan and asking the worker to call."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    plan = pick(rng, "Injury Management Plan", "injury management plan", "Recovery Plan",
                "Return to Work Plan")
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(w.formal, None, story.worker_address)
    fields["worker"] = w.name
    lines += _claim_lines(story, rng, f, fields, worker=False, employer=rng.random() < 0.4,
                          doi=rng.random() < 0.4)
    lines += ["", f"Dear {_ref(w) if rng.random() < 0.6 else w.first}", ""]
    lines.append(pick(
        rng,
        f"Please find enclosed your {plan}. The plan sets out the steps we have agreed to help "
        "you recover and return to work, and who is responsible for each of them.",
        f"Enclosed is a copy of your {plan}, which has been developed with input from your "
        "nominated treating doctor and your employer.",
        f"We enclose your {plan} for your information.",
    ))
    lines.append("")
    lines.append(pick(
        rng,
        "Please read it carefully and call me on the number below to discuss it. If you think "
        "anything is incorrect or missing, please let me know.",
        "I would like to go through the plan with you. Please give me a call at a time that "
        "suits you in the next week.",
        "Could you please call me once you have read the plan so that we can discuss it?",
    ))
    lines.append("")
    lines.append(pick(
        rng,
        "It is important that you comply with the plan. Your obligations are explained in it.",
        f"The plan will be reviewed regularly and a copy has also been sent to "
        f"{story.treating_doctor.formal}.",
        "",
    ))
    lines += _signoff(rng, cm, story, fields)
    lines += ["", f"Enc. {plan}"]
    lines += _privacy(rng)
    return _doc(spec, "imp_enclosure_letter", "letter", lines, fields,
                hn="injury_management_plan")


# ----------------------------------------------------------------------------- others


@template(DT, "claim_acknowledgement_letter")
def claim_acknowledgement_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(w.formal, None, story.worker_address)
    fields["worker"] = w.name
    lines += _claim_lines(story, rng, f, fields, worker=False, employer=True, doi=True)
    lines += ["", f"Dear {_ref(w)}", "",
              pick(rng, "Acknowledgement of your claim", "We have received your claim",
                   "RE: YOUR WORKERS COMPENSATION CLAIM"), ""]
    lines.append(
        f"Thank you for your {_lc_first(story.scheme.claim_form_name)}, which we received on "
        f"{f(story.claim_lodged)}. " + pick(
            rng,
            "I am your case manager and will be your main contact.",
            "Your claim has been allocated to me.",
            "We are now assessing your claim.",
        ))
    lines.append("")
    lines.append("## What happens next" if rng.random() < 0.5 else "What happens next?")
    steps = [
        "We may contact you, your employer and your doctor to obtain more information.",
        f"Please keep sending us your {story.scheme.certificate_name} as they are issued.",
        "Keep receipts for any medical or travel expenses.",
        "We will write to you once a decision about your claim has been made.",
    ]
    rng.shuffle(steps)
    for s in steps:
        lines.append(f"- {s}")
    lines.append("")
    lines.append(pick(rng, f"This claim is managed under the {story.scheme.act}.",
                      f"Information about your rights is available from {story.scheme.regulator}.",
                      ""))
    lines += _signoff(rng, cm, story, fields)
    lines += _privacy(rng)
    return _doc(spec, "claim_acknowledgement_letter", "letter", lines, fields)


@template(DT, "gp_questions_letter")
def gp_questions_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    gp, prac, w = story.treating_doctor, story.practice, story.worker
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(gp.formal, prac.name, prac.address)
    lines += _claim_lines(story, rng, f, fields, doi=True)
    if rng.random() < 0.5:
        lines.append(f"DOB: {f(story.worker_dob)}")
    lines += ["", f"Dear {gp.title} {gp.last}", ""]
    lines.append("Re: " + pick(rng, "Request for information", "Questions regarding your patient",
                               "Medical information request"))
    lines.append("")
    lines.append(
        f"We are managing a workers compensation claim for your patient, {w.formal}, who has "
        f"been diagnosed with {_lc_first(story.injury.diagnosis)}. To help us manage the claim, we "
        "would be grateful for your responses to the following questions:")
    lines.append("")
    qs = [
        f"What is your current diagnosis of the {story.injury.body_part} condition?",
        "Is the condition, in your opinion, related to the work incident described?",
        "What treatment do you propose over the next 8 weeks?",
        "Are there any barriers to recovery or return to work?",
        "When do you anticipate a return to pre-injury duties?",
        "Would your patient benefit from a referral to a specialist?",
        "Are there any suitable duties you would support at this time?",
    ]
    rng.shuffle(qs)
    answer_line = "_" * rng.choice((40, 60)) if rng.random() < 0.4 else ""
    for i, q in enumerate(qs[: rng.randint(4, 7)], 1):
        lines += [f"{i}. {q}", answer_line]
    lines.append(pick(
        rng,
        "A copy of the worker's signed authority is enclosed. Please forward your account to our "
        "office quoting the claim number.",
        "Please find enclosed a reply paid envelope. Your reasonable fee will be paid.",
        "You may respond on this letter and fax it back to us.",
    ))
    lines += _signoff(rng, cm, story, fields)
    lines += _privacy(rng)
    return _doc(spec, "gp_questions_letter", "letter", lines, fields)


@template(DT, "worker_update_email")
def worker_update_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "author": cm.name,
                                 "case_manager": cm.name}
    subj = pick(rng, "Update on your claim", f"Claim {story.claim_number} - update",
                "Following up our call", "RE: payments")
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    headers = _email_headers(f"{cm.name} <{_mail(cm, story.insurer)}>",
                             f"{w.name} <{w.email or w.first.lower() + w.last[0].lower()}"
                             f"{'' if w.email else '@mail.example.com'}>",
                             subj, f(spec.date))
    lines = [f"Hi {w.first},", ""]
    body = [
        pick(rng, "Thanks for your time on the phone today.", "Just a quick update on your claim.",
             "I hope you're feeling a bit better."),
        pick(rng,
             f"Your weekly payments are being paid at {money(story.piawe * 0.95)} per week, paid "
             "fortnightly into your nominated account.",
             "I've approved the further physio sessions requested by your physiotherapist.",
             "I've received your latest certificate, thanks for sending it through.",
             "Your travel reimbursement has been processed and should be in your account in 3-5 "
             "business days."),
        pick(rng, "Let me know if you have any questions.",
             "Please keep sending through your certificates as you get them.",
             "I'll give you a call next week to see how you're going."),
    ]
    lines += [body[0], "", body[1], "", body[2]]
    lines += ["", pick(rng, "Kind regards", "Cheers", "Thanks"), cm.first,
              f"{cm.name} | {cm.role or 'Case Manager'} | {story.insurer.name}"]
    lines += _privacy(rng)
    return _doc(spec, "worker_update_email", "email", lines, fields, headers)


@template(DT, "employer_wage_reimbursement_letter")
def employer_wage_reimbursement_letter(story: ClaimStory, spec: DocSpec,
                                       rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    emp, ec = story.employer, story.employer_contact
    fields: dict[str, object] = {"doc_date": spec.date, "employer": emp.name}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(pick(rng, "The Payroll Officer", ec.formal, "Accounts Payable"), emp.name,
                       emp.address)
    lines += _claim_lines(story, rng, f, fields, worker=True)
    lines += ["", pick(rng, "Dear Sir/Madam", f"Dear {_ref(ec)}"), "",
              pick(rng, "Reimbursement of weekly compensation paid",
                   "Wage reimbursement", "RE: Weekly benefits reimbursement"), ""]
    wks = rng.randint(2, 6)
    start = max(story.injury.date, spec.date - dt.timedelta(days=7 * wks + rng.randint(3, 10)))
    rate = round(story.piawe * rng.choice((0.8, 0.95, 1.0)), 2)
    lines.append(
        f"We confirm reimbursement of weekly compensation paid by you to "
        f"{story.worker.name} as follows:")
    lines.append("")
    lines.append("| Period | Weeks | Weekly rate | Amount |")
    total = 0.0
    d = start
    for _ in range(rng.randint(1, 3)):
        n = rng.randint(1, 2)
        end = d + dt.timedelta(days=7 * n - 1)
        amt = rate * n
        total += amt
        lines.append(f"| {f(d)} - {f(end)} | {n} | {money(rate)} | {money(amt)} |")
        d = end + dt.timedelta(days=1)
    lines.append(f"| Total | | | {money(total)} |")
    lines.append("")
    lines.append(pick(
        rng,
        "Payment will be made by EFT to your nominated account within 10 business days.",
        "Please ensure future wage records are provided fortnightly to avoid delays.",
        f"Please note the rate is based on the {story.scheme.earnings_term} of "
        f"{money(story.piawe)}.",
    ))
    lines += _signoff(rng, cm, story, fields)
    return _doc(spec, "employer_wage_reimbursement_letter", "letter", lines, fields)


@template(DT, "worker_expense_reimbursement")
def worker_expense_reimbursement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = _letterhead(story, rng) + [f(spec.date), ""]
    lines += _to_block(w.formal, None, story.worker_address)
    fields["worker"] = w.name
    lines += _claim_lines(story, rng, f, fields, worker=False)
    lines += ["", f"Dear {_ref(w)}", "",
              pick(rng, "Reimbursement of expenses", "Your reimbursement claim",
                   "Travel and medical expenses"), ""]
    lines.append(pick(rng, "We have processed your request for reimbursement as follows:",
                      "Thank you for the receipts you sent us. We have reimbursed:"))
    lines.append("")
    items = [
        ("Travel to physiotherapy", rng.randint(4, 12) * 0.96 * rng.randint(8, 20)),
        ("Pharmacy - prescribed medication", rng.randint(15, 80) + 0.45),
        ("Parking - specialist appointment", rng.choice((12.0, 18.0, 24.5))),
        ("Travel to IME appointment", rng.randint(30, 120) * 0.96),
        ("Heat pack / TENS hire", rng.choice((29.95, 45.0, 60.0))),
    ]
    rng.shuffle(items)
    total = 0.0
    lines.append("| Item | Amount claimed | Amount paid |")
    for name, amt in items[: rng.randint(2, 4)]:
        amt = round(amt, 2)
        paid = amt if rng.random() < 0.8 else round(amt * 0.7, 2)
        total += paid
        lines.append(f"| {name} | {money(amt)} | {money(paid)} |")
    lines.append(f"| Total paid | | {money(total)} |")
    lines.append("")
    lines.append(pick(
        rng,
        "Where the amount paid is less than claimed, travel has been reimbursed at the rate "
        "set by the regulator.",
        "Payment will be made to your nominated bank account.",
        "Please keep sending us your receipts within 30 days of the expense.",
    ))
    lines += _signoff(rng, cm, story, fields)
    return _doc(spec, "worker_expense_reimbursement", "letter", lines, fields)


@template(DT, "rehab_email_thread")
def rehab_email_thread(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    rc, rp = story.rehab_consultant, story.rehab_provider
    w = story.worker
    earlier = spec.date - dt.timedelta(days=rng.randint(1, 4))
    cm_writes = rng.random() < 0.5
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name}
    subj = f"RE: {w.name} - {pick(rng, 'RTW plan', 'referral', 'suitable duties', 'progress')}"
    if cm_writes:
        frm, to = f"{cm.name} <{_mail(cm, story.insurer)}>", f"{rc.name} <{_mail(rc, rp)}>"
        fields.update(author=cm.name, case_manager=cm.name)
    else:
        frm, to = f"{rc.name} <{_mail(rc, rp)}>", f"{cm.name} <{_mail(cm, story.insurer)}>"
        fields["author"] = rc.name
    headers = _email_headers(frm, to, subj, f(spec.date))
    if cm_writes:
        lines = [f"Hi {rc.first},", "",
                 pick(rng, "Thanks for the update. Approved - please proceed.",
                      "Thanks. I've spoken with the employer and they're on board.",
                      "Appreciate this. Can you send the plan to the NTD for sign off?"),
                 "", "Regards", cm.first, "",
                 f"From: {rc.name}", f"Sent: {f(earlier)}", f"Subject: {subj[4:]}", ""]
        lines += [f"Hi {cm.first},",
                  pick(rng, f"I met with {w.first} and the employer today. Duties identified in "
                       "dispatch office (seated). Proposed start Monday 4 hrs/day.",
                       "Workplace assessment completed. Report to follow. Requesting approval "
                       "for a further 8 hours.",
                       f"{w.first} has been on suitable duties for 2 wks and is coping well."),
                  "", rc.name, rp.name]
    else:
        lines = [f"Hi {cm.first},", "",
                 pick(rng, "Plan attached as discussed. The NTD has signed it.",
                      f"Quick update: {w.first} started duties on Monday and is managing.",
                      f"Just letting you know {w.first} did not attend today's appointment."),
                 "", pick(rng, "Kind regards", "Thanks"), rc.name,
                 f"{rc.role or 'Rehabilitation Consultant'} | {rp.name}", "",
                 "-----Original Message-----", f"From: {cm.name}", f"Sent: {f(earlier)}", "",
                 f"Hi {rc.first}, can you let me know how {w.first} is going with the RTW plan? "
                 "Thanks, " + cm.first]
    return _doc(spec, "rehab_email_thread", "email", lines, fields, headers)


@template(DT, "fax_cover_sheet")
def fax_cover_sheet(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    to_p, to_o = rng.choice(((story.treating_doctor, story.practice),
                             (story.specialist, story.specialist_practice),
                             (story.physio, story.physio_practice)))
    pages = rng.randint(2, 6)
    area = rng.choice(("02", "03", "07", "08"))
    fax_no = f"({area}) {rng.randint(8000, 9999)} {rng.randint(0, 9999):04d}"
    h = rng.randint(8, 16)
    fields: dict[str, object] = {"doc_date": spec.date, "author": cm.name, "case_manager": cm.name}
    lines = [f"FROM: {story.insurer.name.upper()}  FAX: {story.insurer.phone or ''}   "
             f"{fmt_date(spec.date, style=1)} {h:02d}:{rng.randint(0, 59):02d}   P.001/{pages:03d}",
             "---", "# FAX", "",
             f"To: {to_p.formal}", f"Organisation: {to_o.name}",
             f"Fax: {to_o.phone or fax_no}",
             f"From: {cm.name}, {story.insurer.name}", f"Date: {f(spec.date)}",
             f"Pages (incl. cover): {pages}", ""]
    if rng.random() < 0.6:
        lines.append(f"Re: {story.worker.name}, claim {story.claim_number}")
        fields.update(worker=story.worker.name, claim_number=story.claim_number)
    lines.append("")
    for box in ("Urgent", "For review", "Please comment", "Please reply", "For your information"):
        lines.append(f"{'[x]' if rng.random() < 0.3 else '[ ]'} {box}")
    lines += ["", "Comments:", pick(
        rng, "Please see attached authority and request for report.",
        "Attached approved treatment plan for your records.",
        "Please find attached the suitable duties plan for your review and signature.",
        "Request for clinical notes attached.")]
    lines += ["", "CONFIDENTIAL: This facsimile may contain privileged information. If received "
              "in error please notify the sender immediately."]
    return _doc(spec, "fax_cover_sheet", "letter", lines, fields)


@template(DT, "unable_to_contact_letter")
def unable_to_contact_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [story.insurer.name, "", f(spec.date), "", w.formal] + _addr(story.worker_address)
    fields["worker"] = w.name
    lines += [""] + _claim_lines(story, rng, f, fields, worker=False)
    lines += ["", f"Dear {_ref(w)}", ""]
    lines.append(pick(
        rng,
        f"We have tried to contact you by phone on several occasions, most recently on "
        f"{f(spec.date - dt.timedelta(days=rng.randint(1, 5)))}, without success.",
        "We have been unable to reach you by telephone.",
    ))
    lines.append(pick(rng, "Please call me as soon as possible on the number below.",
                      "Please contact me within 7 days so that we can discuss your claim.",
                      "It is important that we speak with you about your return to work."))
    lines += _signoff(rng, cm, story, fields)
    return _doc(spec, "unable_to_contact_letter", "letter", lines, fields)


@template(DT, "employer_email_to_cm")
def employer_email_to_cm(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    ec, emp, w = story.employer_contact, story.employer, story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "author": ec.name, "employer": emp.name}
    subj = pick(rng, f"{w.name} - suitable duties", f"Claim {story.claim_number}",
                f"RE: {w.first} {w.last[0]} RTW", "Wage info as requested")
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    if w.name in subj:
        fields["worker"] = w.name
    headers = _email_headers(f"{ec.name} <{_mail(ec, emp)}>",
                             f"{cm.name} <{_mail(cm, story.insurer)}>",
                             subj, f(spec.date))
    lines = [pick(rng, f"Hi {cm.first}", f"Good morning {cm.first},", "Hello,"), ""]
    lines.append(pick(
        rng,
        f"Just confirming we can offer {w.first} duties in the office from next Monday, 9-1, "
        "within the restrictions on the latest certificate.",
        f"Please find attached {w.first}'s pay slips for the 12 months before the injury as "
        "requested.",
        f"Could you let me know where the claim is at? {w.first} has asked us about pay and "
        "I wasn't sure what to tell them.",
        f"{w.first} dropped in a new certificate today, copy attached.",
    ))
    if rng.random() < 0.5:
        lines += ["", pick(rng, "Happy to discuss.", "Let me know if you need anything else.",
                           "Thanks for your help.")]
    lines += ["", pick(rng, "Regards", "Thanks", "Cheers"), ec.name,
              f"{ec.role or 'HR'} | {emp.name}" if rng.random() < 0.7 else emp.name]
    if ec.phone:
        lines.append(f"Ph {ec.phone}")
    return _doc(spec, "employer_email_to_cm", "email", lines, fields, headers)
