"""Consent / authority templates: the worker's signed authority to collect and disclose info."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import date_style, fmt_date, join_lines, pick, tick
from claimdex.generator.model import ClaimStory, Doc, DocSpec, template

DOC_TYPE = "consent_form"


# ---------------------------------------------------------------- private helpers


def _dater(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _opt(rng: random.Random, p: float, text: str) -> str | None:
    return text if rng.random() < p else None


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str | None], fields: dict,
         headers: dict[str, str] | None = None) -> Doc:
    text = join_lines(*lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return Doc(doc_type=DOC_TYPE, template=f"{DOC_TYPE}/{variant}", kind=kind, text=text,
               date=spec.date, fields=fields, email_headers=headers or {})


def _fields(story: ClaimStory, spec: DocSpec, **extra) -> dict[str, object]:
    out: dict[str, object] = {
        "doc_date": spec.date,
        "worker": story.worker.name,
        "author": story.worker.name,
    }
    for key, value in extra.items():
        if value is not None and value is not False:
            out[key] = value
    return out


def _sig(story: ClaimStory, rng: random.Random) -> str:
    w = story.worker
    return pick(rng, "[signed]", f"[signature] {w.first[0]}. {w.last}", "(signature)",
                f"{w.first[0]}{w.last[0]} {w.last}", "[handwritten signature]", w.name)


def _purposes(rng: random.Random) -> list[str]:
    pool = [
        "assessing and managing my workers compensation claim",
        "making decisions about liability and entitlements",
        "arranging and paying for treatment, rehabilitation and return to work services",
        "obtaining independent medical or other expert opinions",
        "investigating the circumstances of my injury",
        "recovery actions against third parties",
        "dispute resolution, conciliation or legal proceedings",
        "statistical, research and quality assurance purposes",
        "meeting reporting obligations to the regulator",
    ]
    rng.shuffle(pool)
    return pool[: rng.randint(3, 6)]


def _parties(story: ClaimStory, rng: random.Random) -> list[str]:
    pool = [
        f"my employer, {story.employer.name}",
        "my treating doctors, specialists and allied health practitioners",
        "hospitals and diagnostic services",
        "workplace rehabilitation providers",
        "independent medical examiners",
        "investigators and legal advisers engaged by the insurer",
        f"{story.scheme.regulator}",
        "Medicare Australia / Services Australia",
        "Centrelink and other insurers",
        "previous employers",
    ]
    rng.shuffle(pool)
    return pool[: rng.randint(4, 7)]


def _record_types(rng: random.Random) -> list[str]:
    pool = ["clinical notes and consultation records", "reports and correspondence",
            "radiology and pathology results", "referrals", "operation reports and discharge "
            "summaries", "psychology / counselling notes", "prescribing history",
            "accounts and billing history"]
    rng.shuffle(pool)
    return pool[: rng.randint(3, 6)]


# ---------------------------------------------------------------- templates


@template(DOC_TYPE, "insurer_privacy_consent")
def insurer_privacy_consent(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """The insurer's privacy statement and consent form, signed by the worker."""
    D = _dater(rng)
    w, ins = story.worker, story.insurer
    show_claim = rng.random() < 0.8
    lines: list[str | None] = [
        f"{ins.name}",
        _opt(rng, 0.6, f"ABN {ins.abn}" if ins.abn else ins.address),
        "",
        ("# "
         + pick(rng, "Privacy Consent and Authority", "Worker Privacy Consent",
                "Consent to collect, use and disclose personal information",
                "Authority and Privacy Consent")),
        "",
        f"Claim number: {story.claim_number}" if show_claim else None,
        f"Worker: {w.name}",
        _opt(rng, 0.6, f"Date of birth: {D(story.worker_dob)}"),
        f"Employer: {story.employer.name}",
        "",
        "## Why we collect your information",
        pick(rng,
             f"{ins.name} collects personal information, including health information, to "
             f"manage your claim under the {story.scheme.act}.",
             f"We are the insurer of your employer. We need information about you and your "
             f"injury in order to manage your claim under the {story.scheme.act}."),
        "We will use and disclose the information for purposes including:",
        *[f"- {p}" for p in _purposes(rng)],
        "",
        "## Who we may collect from and disclose to",
        *[f"- {p}" for p in _parties(story, rng)],
        "",
        pick(rng, "If you do not sign this consent we may not be able to process your claim.",
             "Failure to provide consent may delay decisions about your claim.",
             "You may withdraw this consent at any time by writing to us, although this may "
             "affect the management of your claim."),
        _opt(rng, 0.5, "Our privacy policy explains how to access and correct your information "
             "and how to make a complaint."),
        "",
        "## Consent",
        f"I, {w.name}, consent to {ins.name} collecting, using and disclosing my personal and "
        "health information as described above.",
        f"{tick(True)} I agree that a copy of this authority is as valid as the original.",
        _opt(rng, 0.6,
             f"{tick(rng.random() < 0.7)} I consent to being contacted by SMS and email."),
        _opt(rng, 0.4, f"{tick(True)} I have read and understood the privacy notice."),
        "",
        f"Worker's signature: {_sig(story, rng)}",
        f"Name: {w.name}",
        f"Date: {D(spec.date)}",
        _opt(rng, 0.3, "Witness: ____________________"),
        "",
        pick(rng, "Page 1 of 1", "Please return this form with your claim form.",
             f"{ins.name} | {ins.phone}" if ins.phone else "Page 2 of 2"),
    ]
    f = _fields(story, spec, employer=story.employer.name,
                claim_number=story.claim_number if show_claim else None)
    return _doc(spec, "insurer_privacy_consent", "form", lines, f)


@template(DOC_TYPE, "medical_records_authority")
def medical_records_authority(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Authority addressed to a practice to release medical records to the insurer."""
    D = _dater(rng)
    w, ins = story.worker, story.insurer
    target, prac = pick(rng, "gp", "spec", "physio"), None
    if target == "gp":
        doc, prac = story.treating_doctor, story.practice
    elif target == "spec":
        doc, prac = story.specialist, story.specialist_practice
    else:
        doc, prac = story.physio, story.physio_practice
    since = story.injury.date.replace(year=story.injury.date.year - rng.choice((2, 5, 10)))
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Authority to Release Medical Records", "AUTHORITY TO RELEASE INFORMATION",
                "Medical Authority")),
        "",
        f"To: {doc.formal}",
        f"{prac.name}",
        f"{prac.address}",
        "",
        pick(rng, f"Re: {w.formal}, DOB {D(story.worker_dob)}", f"Patient: {w.name}"),
        pick(rng, f"Claim no. {story.claim_number}", f"Insurer ref: {story.claim_number}"),
        "",
        f"I, {w.name} of {story.worker_address}, authorise you to release to {ins.name} "
        f"{pick(rng, 'or its authorised agents', 'and its representatives', '')} copies of the "
        f"following records held about me:".replace("  ", " "),
        *[f"- {r}" for r in _record_types(rng)],
        "",
        pick(rng, f"This authority covers records from {D(since)} to the present.",
             f"This authority relates to records from {D(since)} onwards.",
             "This authority covers all records relevant to my claim and to any pre-existing "
             "condition."),
        pick(rng, "A photocopy or electronic copy of this authority is as valid as the original.",
             "This authority remains valid for 12 months from the date signed."),
        "",
        f"Signed: {_sig(story, rng)}",
        f"Print name: {w.name}",
        f"Date: {D(spec.date)}",
        "",
        _opt(rng, 0.5, f"Please forward records to {story.case_manager_on(spec.date).formal}, "
             f"{ins.name}, {ins.address}."),
    ]
    f = _fields(story, spec, claim_number=story.claim_number)
    return _doc(spec, "medical_records_authority", "form", lines, f)


@template(DOC_TYPE, "rehab_provider_consent")
def rehab_provider_consent(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Workplace rehabilitation provider's consent to participate and share information."""
    D = _dater(rng)
    w, rp, rc = story.worker, story.rehab_provider, story.rehab_consultant
    lines: list[str | None] = [
        f"{rp.name}",
        f"{rp.address}",
        "---",
        ("# "
         + pick(rng, "Consent to Participate and Release Information", "Client Consent Form",
                "Workplace Rehabilitation - Informed Consent")),
        "",
        f"Client name: {w.name}",
        f"Claim number: {story.claim_number}",
        f"Employer: {story.employer.name}",
        f"Insurer: {story.insurer.name}",
        f"Consultant: {rc.formal}" + (f", {rc.qualifications}" if rc.qualifications else ""),
        "",
        "## Services",
        pick(rng, "I understand that I have been referred for workplace rehabilitation services "
                  "to assist my safe and durable return to work.",
             "The services may include an initial assessment, workplace assessment, development "
             "of a return to work plan and job seeking assistance."),
        "",
        "## Consent",
        "I consent to the rehabilitation consultant:",
        f"{tick(True)} contacting my treating practitioners to discuss my injury and capacity",
        f"{tick(True)} exchanging information with my employer about suitable duties",
        f"{tick(True)} providing reports to the insurer",
        f"{tick(rng.random() < 0.7)} attending medical appointments with me (with my agreement "
        "on each occasion)",
        f"{tick(rng.random() < 0.5)} contacting prospective employers",
        "",
        pick(rng, "I understand I may withdraw this consent at any time in writing.",
             "I understand my information will be handled in accordance with the Australian "
             "Privacy Principles."),
        "",
        f"Client signature: {_sig(story, rng)}     Date: {D(spec.date)}",
        f"Consultant signature: [signed]     Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, claim_number=story.claim_number, employer=story.employer.name)
    return _doc(spec, "rehab_provider_consent", "form", lines, f)


@template(DOC_TYPE, "scheme_form_consent_page")
def scheme_form_consent_page(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """The consent / declaration page of a scheme claim form, filed on its own."""
    D = _dater(rng)
    w = story.worker
    part = pick(rng, "Part E", "Part F", "Section 7", "Section 9", "Part D")
    total = rng.randint(4, 8)
    lines: list[str | None] = [
        f"{story.scheme.claim_form_name or 'Workers compensation claim form'} - "
        f"{story.scheme.regulator}",
        "",
        (f"## {part} - "
         + pick(rng, "Worker consent", "Authority and consent", "Privacy consent",
                "Consent to release information")),
        "",
        pick(rng,
             "I authorise any doctor, health practitioner, hospital or other provider who has "
             "treated me, and any employer, to give the insurer, the regulator and my employer "
             "information relevant to my claim, including information about any pre-existing "
             "condition.",
             "I consent to the collection, use and disclosure of my personal and health "
             "information for the purposes of my claim, as described in the privacy notice."),
        pick(rng,
             "I understand that this authority continues while my claim is open.",
             "I understand this consent will remain in force for the duration of my claim "
             "unless I withdraw it in writing."),
        _opt(rng, 0.6, "A copy of this consent is as valid as the original."),
        "",
        f"Worker's name: {w.name}",
        _opt(rng, 0.5, f"Claim number (if known): {story.claim_number}"),
        f"Signature: {_sig(story, rng)}",
        f"Date: {D(spec.date)}",
        "",
        f"Page {total} of {total}",
    ]
    has_claim = any(ln and ln.startswith("Claim number") for ln in lines)
    f = _fields(story, spec, claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "scheme_form_consent_page", "form", lines, f)


@template(DOC_TYPE, "short_authority")
def short_authority(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A few lines: 'I, X, authorise ...', signed and dated."""
    D = _dater(rng)
    w = story.worker
    whom = pick(rng, story.insurer.name, f"{story.insurer.name} and {story.employer.name}",
                "the insurer")
    lines: list[str | None] = [
        pick(rng, "AUTHORITY", "Authority", "# Authority", "CONSENT"),
        "",
        pick(rng,
             f"I, {w.name}, authorise {whom} to obtain any medical, employment or other "
             f"information relevant to my workers compensation claim.",
             f"I {w.name} give permission for my doctors and employer to discuss my injury and "
             f"provide reports to {whom}.",
             f"I, {w.formal}, hereby authorise the release of all information about my work "
             f"injury of {D(story.injury.date)} to {whom}."),
        _opt(rng, 0.4, f"Claim: {story.claim_number}"),
        "",
        f"Signed {_sig(story, rng)}",
        f"Dated {D(spec.date)}",
    ]
    f = _fields(story, spec)
    if any(ln and ln.startswith("Claim:") for ln in lines):
        f["claim_number"] = story.claim_number
    if any(ln and D(story.injury.date) in ln for ln in lines[2:3]):
        f["injury_date"] = story.injury.date
    return _doc(spec, "short_authority", "form", lines, f)


@template(DOC_TYPE, "employer_records_authority")
def employer_records_authority(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Authority for the employer to release personnel, payroll and incident records."""
    D = _dater(rng)
    w, emp = story.worker, story.employer
    recs = ["personnel file", "payroll and wage records for the 12 months before the injury",
            "incident and first aid records", "position description",
            "leave and attendance records", "pre-employment medical"]
    rng.shuffle(recs)
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Authority to Release Employment Information",
                "Employee Authority - Release of Records")),
        "",
        f"To: {story.employer_contact.formal}, {emp.name}",
        f"From: {w.name}",
        f"Claim reference: {story.claim_number}",
        "",
        f"I authorise {emp.name} to provide {story.insurer.name} and its agents with the "
        "following information about my employment:",
        *[f"{tick(True)} {r}" for r in recs[: rng.randint(3, 5)]],
        "",
        pick(rng, f"This information is required to assess my claim for an injury on "
                  f"{D(story.injury.date)}.",
             "I understand the information is needed to calculate my weekly payments and to "
             "assess my claim."),
        "",
        f"Employee signature: {_sig(story, rng)}",
        f"Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, claim_number=story.claim_number, employer=emp.name)
    if any(ln and D(story.injury.date) in ln for ln in lines):
        f["injury_date"] = story.injury.date
    return _doc(spec, "employer_records_authority", "form", lines, f)


@template(DOC_TYPE, "medicare_history_authority")
def medicare_history_authority(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Authority to obtain Medicare / PBS claims history for the claim."""
    D = _dater(rng)
    w = story.worker
    start = story.injury.date - dt.timedelta(days=365 * rng.choice((2, 3, 5)))
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Authority to release Medicare and PBS claims history",
                "Medicare history - consent to release")),
        "",
        "## Person whose history is requested",
        f"Name: {w.name}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Address: {story.worker_address}",
        f"Medicare card number: {rng.randint(2000, 6999)} {rng.randint(10000, 99999)} "
        f"{rng.randint(1, 9)}",
        "",
        "## Release to",
        f"{story.insurer.name}, {story.insurer.address}",
        f"Claim: {story.claim_number}",
        "",
        "## Information to be released",
        f"{tick(True)} Medicare claims history",
        f"{tick(rng.random() < 0.8)} PBS claims history",
        f"Period: {D(start)} to {D(spec.date)}",
        "",
        "## Declaration",
        "I authorise the release of my claims history as set out above. I understand the "
        "information may include details of services unrelated to my injury.",
        f"Signature: {_sig(story, rng)}",
        f"Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, claim_number=story.claim_number)
    return _doc(spec, "medicare_history_authority", "form", lines, f)


@template(DOC_TYPE, "case_conference_consent")
def case_conference_consent(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Letter from the case manager with a signed worker acknowledgement tear-off."""
    D = _dater(rng)
    w, cm = story.worker, story.case_manager_on(spec.date)
    lines: list[str | None] = [
        f"{story.insurer.name}",
        f"{story.insurer.address}",
        "",
        pick(rng, f"Our ref: {story.claim_number}", f"Claim no. {story.claim_number}"),
        "",
        f"{w.formal}",
        f"{story.worker_address}",
        "",
        f"Dear {w.title} {w.last},",
        "",
        pick(rng, f"To help your recovery and return to work we would like to speak with "
                  f"{story.treating_doctor.formal} and other practitioners treating you.",
             "We would like to arrange a case conference with your treating doctor and your "
             "employer to discuss your recovery and return to work."),
        "Please sign the authority below and return it in the reply-paid envelope.",
        "",
        f"{cm.formal}",
        "Case Manager",
        "---",
        "## Worker authority",
        f"I, {w.name}, authorise {story.insurer.name} to communicate with "
        f"{story.treating_doctor.formal}, {story.specialist.formal} and my other treating "
        "practitioners, and with my employer, about my injury, treatment and capacity for work.",
        f"{tick(True)} Verbal discussions  {tick(True)} Written reports  "
        f"{tick(rng.random() < 0.6)} Case conferences",
        "",
        f"Signature: {_sig(story, rng)}    Date: {D(spec.date)}",
    ]
    f = _fields(story, spec, claim_number=story.claim_number, case_manager=cm.name)
    return _doc(spec, "case_conference_consent", "form", lines, f)


@template(DOC_TYPE, "ocr_scanned_signed")
def ocr_scanned_signed(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """OCR text of a scanned, hand-completed consent: no markup, uneven spacing."""
    D = _dater(rng)
    w = story.worker
    lines: list[str | None] = [
        _opt(rng, 0.5, f"Received {D(spec.date + dt.timedelta(days=rng.randint(1, 6)))}"
             f" {story.insurer.name.upper()} MAILROOM"),
        pick(rng, "CONSENT TO RELEASE OF INFORMATION", "PRIVACY  CONSENT", "AUTHORITY & CONSENT"),
        f"Full name {w.name.upper()}",
        f"Address {story.worker_address.upper()}",
        f"DOB {D(story.worker_dob)}",
        pick(rng, f"Claim No {story.claim_number}", "Claim No ____________"),
        "I consent to the insurer obtaining from and providing to my treating practitioners, "
        "employer and others information relevant to my claim",
        pick(rng, "X Yes   No", "[X] I agree", "YES"),
        f"Signature {pick(rng, '~~~~~~', 'T Kow...', '[illegible]', '/s/')}  Date {D(spec.date)}",
        _opt(rng, 0.4, "Page 1"),
    ]
    has_claim = any(ln and story.claim_number in ln for ln in lines)
    f = _fields(story, spec, claim_number=story.claim_number if has_claim else None)
    return _doc(spec, "ocr_scanned_signed", "form", lines, f)


@template(DOC_TYPE, "esign_record")
def esign_record(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """An electronically signed consent with the e-signature audit trail."""
    D = _dater(rng)
    w = story.worker
    t = f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    sent = spec.date - dt.timedelta(days=rng.randint(0, 3))
    lines: list[str | None] = [
        ("# "
         + pick(rng, "Electronic Consent - Workers Compensation Claim",
                "Privacy authority (e-signed)")),
        f"{story.insurer.name}",
        "",
        f"Claim: {story.claim_number}",
        f"Worker: {w.name}",
        "",
        "I have read the privacy notice and consent to the insurer collecting, using and "
        "disclosing my personal and health information for the purposes of managing my claim.",
        f"{tick(True)} I agree",
        f"{tick(rng.random() < 0.6)} Send me a copy by email",
        "",
        "## Signature certificate",
        f"| Signer | {w.name} |",
        f"| Email | {w.email or 'on file'} |",
        f"| Mobile | {w.phone or 'on file'} |",
        f"| Sent | {D(sent)} |",
        f"| Signed | {D(spec.date)} {t} AEST |",
        f"| IP address | 10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)} |",
        f"| Verification | {pick(rng, 'SMS code', 'Email link', 'SMS code + DOB')} |",
        f"Document ID: {rng.randint(10**9, 10**10 - 1)}",
    ]
    f = _fields(story, spec, claim_number=story.claim_number)
    return _doc(spec, "esign_record", "form", lines, f)
