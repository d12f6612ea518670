"""Liability notices: insurer decision letters on liability and weekly payments.

``spec.about`` is a :class:`Decision` (kind in provisional / accepted / reasonable_excuse /
disputed / work_capacity). Every template handles every kind; when ``spec.about`` is not a
Decision the latest decision on or before ``spec.date`` is used.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from claimdex.generator.common import fmt_date, maybe, money
from claimdex.generator.model import Certificate, ClaimStory, Decision, Doc, DocSpec, template
from claimdex.generator.templates._shared import DATE_KEYS as _DATE_KEYS
from claimdex.generator.templates._shared import dater as _dater

DOC_TYPE = "liability_notice"

# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------

_NSW_WIM = "Workplace Injury Management and Workers Compensation Act 1998"
_NSW_WCA = "Workers Compensation Act 1987"

_REVIEW_BODY = {
    "NSW": "the Personal Injury Commission",
    "VIC": "the Workplace Injury Commission",
    "QLD": "the Workers' Compensation Regulator",
    "SA": "the South Australian Employment Tribunal",
    "WA": "WorkCover WA Conciliation and Arbitration Services",
    "COMCARE": "the Administrative Review Tribunal",
    "TAS": "the Workers Rehabilitation and Compensation Tribunal",
    "NT": "NT WorkSafe (mediation)",
}

_KIND_TITLES = {
    "provisional": (
        "Notice of provisional liability",
        "Provisional liability - weekly payments commencing",
        "Notice of commencement of provisional weekly payments",
        "Provisional acceptance of your claim",
    ),
    "accepted": (
        "Notice of accepted liability",
        "Notice of decision - claim accepted",
        "Your claim has been accepted",
        "Determination - liability accepted",
    ),
    "reasonable_excuse": (
        "Reasonable excuse notice",
        "Notice of reasonable excuse - provisional payments not commenced",
        "Notice that weekly payments have not commenced",
        "Reasonable excuse for not commencing provisional payments",
    ),
    "disputed": (
        "Notice of dispute",
        "Notice of decision to dispute liability",
        "Section 78 notice - liability disputed",
        "Claim determination - liability declined",
    ),
    "work_capacity": (
        "Work capacity decision",
        "Notice of work capacity decision",
        "Decision about your current work capacity",
        "Work capacity decision - weekly payments",
    ),
}

_KIND_WORDS = {
    "provisional": "provisional liability",
    "accepted": "liability accepted",
    "reasonable_excuse": "reasonable excuse",
    "disputed": "liability disputed",
    "work_capacity": "work capacity decision",
}


def _decision(story: ClaimStory, spec: DocSpec) -> Decision:
    if isinstance(spec.about, Decision):
        return spec.about
    past = [d for d in story.decisions if d.date <= spec.date]
    if past:
        return past[-1]
    if story.decisions:
        return story.decisions[0]
    return Decision(spec.date, "provisional", story.piawe)


def _cert(story: ClaimStory, day: dt.date) -> Certificate:
    certs = [c for c in story.certificates if c.issued <= day]
    if certs:
        return certs[-1]
    if story.certificates:
        return story.certificates[0]
    inj = story.injury.date
    return Certificate(inj, inj, inj + dt.timedelta(days=13), "none", 0, 0, (),
                       story.treating_doctor, True)


def _weekly(story: ClaimStory, dec: Decision) -> float:
    return dec.weekly_amount if dec.weekly_amount > 0 else round(story.piawe * 0.95, 2)


def _claims_address(story: ClaimStory) -> str:
    return f"claims@{story.insurer.email_domain or 'insurer.example'}"


def _wname(story: ClaimStory, rng: random.Random) -> str:
    w = story.worker
    return rng.choice((w.formal, w.name, f"{w.last.upper()}, {w.first}", f"{w.first} {w.last}"))


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim number", "Claim no.", "Our ref", "Insurer claim #", "Claim No",
                       "Our reference", "Claim"))


def _addr_lines(address: str) -> list[str]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    return parts or [address]


def _cm_title(rng: random.Random) -> str:
    return rng.choice(("Case Manager", "Claims Advisor", "Injury Management Advisor",
                       "Case Manager, Workers Compensation", "Claims Specialist"))


def _sign_off(rng: random.Random) -> str:
    return rng.choice(("Yours sincerely", "Yours faithfully", "Kind regards", "Regards"))


def _review_body(story: ClaimStory) -> str:
    return _REVIEW_BODY.get(story.scheme.code, "the relevant dispute resolution service")


def _section(story: ClaimStory, nsw: str, other: str = "") -> str:
    """A NSW section reference, or a generic one for other schemes."""
    if story.scheme.code == "NSW":
        return nsw
    return other or f"the {story.scheme.act}"


def _excuse_reason(rng: random.Random, story: ClaimStory, you: bool = True) -> str:
    w, has, was = ("you", "have", "were") if you else ("the worker", "has", "was")
    return rng.choice((
        (
            "we have not received sufficient medical information to support the claim; in "
            "particular no certificate of capacity has been provided"
        ),
        f"we have been unable to contact {w} despite attempts by phone and email",
        (
            f"there is insufficient information to establish that {w} {was} a worker of "
            f"{story.employer.name} at the time of the alleged injury"
        ),
        (
            "the information available indicates the injury may not be work related and we "
            "need further enquiries before payments can start"
        ),
        (
            f"{w} {has} not provided the authority we need to obtain information from the "
            "treating practitioners"
        ),
    ))


def _dispute_reasons(rng: random.Random, story: ClaimStory) -> list[str]:
    inj = story.injury
    ime = story.ime_examiner
    if inj.psychological:
        pool = [
            (f"The opinion of {ime.formal} ({ime.role or 'independent examiner'}) is that your "
            "condition was wholly or predominantly caused by reasonable action taken by your "
            "employer with respect to performance management and discipline."),
            ("The factual investigation found that the meetings you have described were "
            "conducted in a fair and reasonable manner in line with workplace policy."),
            ("We are not satisfied that employment was the main contributing factor to the "
            f"{inj.nature} diagnosed by your treating practitioners."),
            ("The workplace events described in your claim form are not corroborated by the "
            "statements of witnesses obtained during the investigation."),
        ]
    else:
        pool = [
            (f"{ime.formal} examined you and reports that your {inj.body_part} symptoms are "
            "consistent with pre-existing degenerative changes and that work was not a "
            "substantial contributing factor."),
            ("The imaging obtained shows long-standing changes with no acute injury "
            "identified."),
            ("The incident was not reported to your employer at the time and the accounts "
            "given to the employer, your doctor and the investigator are inconsistent."),
            (f"{ime.formal} considers that any aggravation of your {inj.body_part} condition "
            "has ceased and that you are fit for your pre-injury duties."),
            ("The medical evidence does not establish that you have suffered an injury "
            "arising out of or in the course of your employment."),
        ]
    rng.shuffle(pool)
    return pool[: rng.randint(2, 3)]


def _dispute_sections(story: ClaimStory, rng: random.Random) -> list[str]:
    if story.scheme.code != "NSW":
        return [story.scheme.act]
    secs = [f"Section 4 of the {_NSW_WCA} (definition of injury)"]
    if story.injury.psychological:
        secs.append(f"Section 11A of the {_NSW_WCA} (psychological injury)")
    else:
        secs.append(f"Section 9A of the {_NSW_WCA} (employment a substantial contributing "
                    "factor)")
    secs.append(f"Section 33 of the {_NSW_WCA} (weekly payments)")
    if rng.random() < 0.7:
        secs.append(f"Section 60 of the {_NSW_WCA} (medical and related expenses)")
    return secs


def _able_to_earn(story: ClaimStory, cert: Certificate) -> float:
    hrs = cert.hours_per_day * cert.days_per_week
    if hrs == 0:
        hrs = 15
    return round(hrs * story.hourly_rate, 2)


def _kind_paragraphs(kind: str, story: ClaimStory, dec: Decision, rng: random.Random,
                     fd: Callable[[dt.date], str], you: bool = True,
                     excuse: str | None = None) -> list[str]:
    """The core statement of the decision, in several phrasings. ``you`` = addressed to
    the worker (otherwise third person for employer / doctor copies)."""
    inj = story.injury
    w = "you" if you else story.worker.name
    cap_w = "You" if you else story.worker.name
    has = "have" if you else "has"
    remains = "remain" if you else "remains"
    yr = "your" if you else f"{story.worker.first}'s"
    amt = money(_weekly(story, dec))
    start = dec.date
    excuse = excuse or _excuse_reason(rng, story, you)
    out: list[str] = []
    if kind == "provisional":
        out.append(rng.choice((
            (f"We have started provisional weekly payments for {yr} injury to the "
            f"{inj.body_part} of {fd(inj.date)}. Payments of {amt} per week (gross) commence "
            f"from {fd(start)}."),
            (f"Following notification of {yr} injury we have commenced provisional payments "
            f"of weekly compensation at {amt} per week from {fd(start)}."),
            (f"This notice confirms that we are making provisional payments to {w} while we "
            f"assess the claim. The weekly rate is {amt} and the first payment covers the "
            f"period from {fd(start)}."),
        )))
        out.append(rng.choice((
            ("Provisional payments are not an admission of liability. They may continue for "
            "up to 12 weeks and we will also pay reasonably necessary medical expenses up to "
            "$10,000 while the claim is assessed."),
            ("Please note that making provisional payments does not mean we have accepted "
            "liability for the claim. Medical and related treatment expenses may also be "
            "paid up to $10,000 without the need for a claim form."),
            ("Provisional liability is a way to get support started early. It is not an "
            "admission of liability by the insurer or the employer."),
        )))
        if story.scheme.code == "NSW":
            out.append(f"This notice is given under sections 267 and 280 of the {_NSW_WIM}.")
    elif kind == "accepted":
        out.append(rng.choice((
            (f"We have accepted liability for {yr} claim for injury to the {inj.body_part} "
            f"sustained on {fd(inj.date)}."),
            (f"We are pleased to advise that {yr} workers compensation claim for the "
            f"{inj.nature} injury of {fd(inj.date)} has been accepted."),
            (f"After reviewing the information provided, liability for the claim has been "
            f"accepted with effect from {fd(dec.date)}."),
        )))
        out.append(rng.choice((
            (f"Weekly payments will continue at {amt} per week in line with the current "
            "certificate of capacity, and reasonably necessary medical and related treatment "
            "expenses will be paid."),
            (f"Weekly compensation of {amt} per week is payable while {w} {remains} certified "
            "unfit or partially fit. Reasonable treatment costs are covered."),
            ("Reasonable medical, hospital and rehabilitation expenses relating to the injury "
            f"will be paid. Weekly compensation is currently {amt} per week."),
        )))
    elif kind == "reasonable_excuse":
        out.append(rng.choice((
            (f"We have decided not to commence provisional weekly payments for the injury "
            f"notified on {fd(story.notification_date)} because {excuse}."),
            (f"We have a reasonable excuse for not starting provisional payments: "
            f"{excuse}."),
            (f"Provisional weekly payments will not start at this time. The reason is that "
            f"{excuse}."),
        )))
        out.append(rng.choice((
            (f"This does not mean the claim has been denied. {cap_w} can still make a "
            "claim for compensation by completing a claim form and giving it to the employer "
            "or to us."),
            ("This is not a decision to dispute liability. Once we receive the information "
            "listed below we will reconsider whether payments can commence."),
            "If the missing information is provided we will review this decision promptly.",
        )))
        if story.scheme.code == "NSW":
            out.append(f"This notice is given under section 268 of the {_NSW_WIM}.")
    elif kind == "disputed":
        out.append(rng.choice((
            (f"We have decided to dispute liability for {yr} claim for injury to the "
            f"{inj.body_part} said to have occurred on {fd(inj.date)}."),
            (f"Your claim for compensation has been declined. We dispute that {w} suffered a "
            f"compensable injury on {fd(inj.date)}."),
            (f"After careful consideration, liability for {yr} claim is disputed. Weekly "
            f"payments will cease on {fd(dec.date + dt.timedelta(days=14))}."),
        )))
        out.append(rng.choice((
            ("The reasons for our decision are set out below, together with the information "
            "we relied on and how you can have the decision reviewed."),
            "We explain below why we made this decision and what you can do if you disagree.",
            "Please read this notice carefully - it explains our reasons and your options.",
        )))
    else:  # work_capacity
        cert = _cert(story, dec.date)
        earn = _able_to_earn(story, cert)
        new = dec.weekly_amount if dec.weekly_amount > 0 else max(0.0, round(
            story.piawe * 0.8 - earn, 2))
        out.append(rng.choice((
            (f"We have made a work capacity decision. We consider {w} currently {has} capacity "
            f"for suitable employment and can earn {money(earn)} per week in that "
            "employment."),
            (f"Based on the medical information, we have assessed {yr} current work capacity. "
            f"{cap_w} can work in suitable employment and earn {money(earn)} a week."),
            (f"This is a work capacity decision about {yr} ability to return to work in "
            f"suitable employment (able to earn: {money(earn)} per week)."),
        )))
        out.append(rng.choice((
            (f"As a result, weekly payments will be reduced to {money(new)} per week from "
            f"{fd(dec.date + dt.timedelta(days=91))}, after the required notice period."),
            (f"The weekly payment amount payable after the notice period ends on "
            f"{fd(dec.date + dt.timedelta(days=91))} will be {money(new)}."),
        )))
        if story.scheme.code == "NSW":
            out.append(f"This decision is made under section 43 of the {_NSW_WCA}.")
    return out


def _review_rights(kind: str, story: ClaimStory, rng: random.Random) -> list[str]:
    body = _review_body(story)
    if kind in ("provisional", "accepted"):
        opts = [rng.choice((
            (f"If you disagree with any part of this notice, please contact your case manager. "
            f"You can also seek advice from {body} or the Independent Review Office."),
            ("If you have any questions or concerns about this decision, please call us. "
            "Free independent advice is available from the Independent Review Office (IRO)."),
            "If you are unhappy with how your claim is being handled, please contact us first.",
        ))]
    else:
        opts = _dispute_review_options(body, rng)
    if story.scheme.code != "NSW":
        opts = [o.replace("Independent Review Office (IRO)", "independent advisory service")
                .replace("Independent Review Office", "independent advisory service")
                .replace("an IRO approved lawyer", "a community legal service") for o in opts]
    return opts


def _dispute_review_options(body: str, rng: random.Random) -> list[str]:
    return [
        rng.choice((
            ("You can ask us to review this decision. Requests for internal review should be "
            "made in writing within 30 days of receiving this notice."),
            ("Internal review: you may request a review by the insurer by completing the "
            "application for review form and returning it to us."),
            ("If you disagree you can ask for a review of the decision by a senior officer "
            "who was not involved in making it."),
        )),
        rng.choice((
            f"You can also refer the dispute to {body}.",
            f"If the dispute is not resolved you may lodge an application with {body}.",
            f"The dispute can be referred to {body} for determination.",
        )),
        rng.choice((
            ("The Independent Review Office (IRO) provides free information and can arrange "
            "an approved lawyer for you."),
            ("You may wish to obtain legal advice. Free legal advice may be available through "
            "an IRO approved lawyer."),
            "For free and independent help, contact the Independent Review Office.",
        )),
    ]


def _base_fields(story: ClaimStory, spec: DocSpec, dec: Decision) -> dict[str, object]:
    return {"doc_date": spec.date, "worker": story.worker.name, "decision": dec.kind}


def _check_fields(text: str, fields: dict[str, object]) -> None:
    """Drop string fields the text does not actually state (safety net)."""
    low = text.lower()
    for key in ("employer", "author", "case_manager", "claim_number", "body_part"):
        val = fields.get(key)
        if isinstance(val, str) and val.lower() not in low:
            del fields[key]
    for key in _DATE_KEYS:
        val = fields.get(key)
        if isinstance(val, dt.date) and not any(
            fmt_date(val, style=k) in text for k in range(9)
        ):
            del fields[key]
    worker = fields.get("worker")
    if isinstance(worker, str) and worker.split()[-1].lower() not in low:
        del fields["worker"]


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict[str, object],
         headers: dict[str, str] | None = None, hard_negative_of: str = "") -> Doc:
    text = "\n".join(lines).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    _check_fields(text + "\n" + "\n".join((headers or {}).values()), fields)
    return Doc(DOC_TYPE, f"{DOC_TYPE}/{variant}", kind, text, spec.date, fields,
               headers or {}, hard_negative_of)


def _letterhead(story: ClaimStory, rng: random.Random) -> list[str]:
    ins = story.insurer
    style = rng.randrange(3)
    if style == 0:
        return [f"# {ins.name}", ins.address,
                f"Phone {ins.phone}" + (f"  |  ABN {ins.abn}" if ins.abn else ""), "---"]
    if style == 1:
        return [ins.name.upper(), "Workers Compensation Claims", ins.address,
                f"T: {ins.phone}", ""]
    return [f"{ins.name} | {ins.address} | {ins.phone}", "---"]


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "formal_letter")
def formal_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Classic insurer letter: letterhead, address block, reference lines, statutory wording."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec, dec)
    lines = _letterhead(story, rng)
    lines += [fd(spec.date), "", maybe(rng, 0.4, "PRIVATE AND CONFIDENTIAL"),
              story.worker.formal, *_addr_lines(story.worker_address), ""]
    lines.append(f"{_claim_label(rng)}: {story.claim_number}")
    fields["claim_number"] = story.claim_number
    if rng.random() < 0.7:
        lines.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    lines.append(f"Date of injury: {fd(story.injury.date)}")
    fields["injury_date"] = story.injury.date
    lines += ["", f"## {rng.choice(_KIND_TITLES[dec.kind])}", ""]
    salutation = rng.choice((story.worker.formal, f"{story.worker.title} {story.worker.last}"))
    lines.append(f"Dear {salutation}")
    lines.append("")
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd):
        lines += [p, ""]
    fields["body_part"] = story.injury.body_part
    if dec.kind == "disputed":
        lines += ["## Reasons for our decision", ""]
        for r in _dispute_reasons(rng, story):
            lines += [f"- {r}", ""]
        lines += ["## Relevant legislation", ""]
        lines += [f"- {s}" for s in _dispute_sections(story, rng)] + [""]
    if dec.kind == "reasonable_excuse":
        lines += ["## What we need from you", "", "- A completed claim form",
                  f"- A {story.scheme.certificate_name} from your treating doctor",
                  maybe(rng, 0.6, "- A signed authority to collect information"), ""]
    lines += ["## " + rng.choice(("Your review rights", "If you disagree", "Review options")), ""]
    for p in _review_rights(dec.kind, story, rng):
        lines += [p, ""]
    lines.append(rng.choice((
        f"If you have any questions please contact me on {cm.phone or story.insurer.phone}.",
        "Please do not hesitate to contact me if you would like to discuss this letter.",
        "Should you require further information, please call me.",
    )))
    lines += ["", _sign_off(rng), "", cm.name, _cm_title(rng), story.insurer.name]
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    if rng.random() < 0.5:
        lines += ["", f"cc: {story.employer.name}" + maybe(rng, 0.5,
                                                           f"; {story.treating_doctor.formal}")]
    lines += ["", maybe(rng, 0.5, "Page 1 of 2")]
    return _doc(spec, "formal_letter", "letter", lines, fields)


@template(DOC_TYPE, "email_notice")
def email_notice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Decision sent by email; the body carries the decision and brief reasons."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec, dec)
    subj_title = rng.choice(_KIND_TITLES[dec.kind])
    subject = rng.choice((
        f"{subj_title} - claim {story.claim_number}",
        f"Claim {story.claim_number} - {story.worker.name} - {subj_title}",
        f"RE: Your workers compensation claim ({story.claim_number})",
    ))
    fields["claim_number"] = story.claim_number
    to_addr = story.worker.email or f"{story.worker.first.lower()}.{story.worker.last.lower()}" \
        "@mail.example"
    headers = {
        "From": f"{cm.name} <{cm.email or _claims_address(story)}>",
        "To": to_addr,
        "Subject": subject,
        "Date": fd(spec.date) + rng.choice((" 09:14", " 15:42", " 11:03 AM", "")),
    }
    lines = [f"Hi {story.worker.first}," if rng.random() < 0.5 else f"Dear {story.worker.formal},",
             ""]
    lines.append(rng.choice((
        ("Please find below our decision on your workers compensation claim. A formal copy is "
        "also attached."),
        "I am writing to let you know the outcome of our review of your claim.",
        "Following our phone call today, I confirm our decision in writing.",
    )))
    lines.append("")
    lines.append(f"Decision: {_KIND_WORDS[dec.kind].upper()}")
    lines.append("")
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd):
        lines += [p, ""]
    fields["body_part"] = story.injury.body_part
    fields["injury_date"] = story.injury.date
    if dec.kind == "disputed":
        lines.append("In summary, the reasons are:")
        for i, r in enumerate(_dispute_reasons(rng, story), 1):
            lines.append(f"{i}. {r}")
        lines.append("")
    if dec.kind not in ("provisional", "accepted"):
        lines += [p for r in _review_rights(dec.kind, story, rng)[:2] for p in (r, "")]
    lines += [rng.choice(("Kind regards,", "Regards,", "Thanks,")), cm.name,
              _cm_title(rng) + " | " + story.insurer.name,
              maybe(rng, 0.7, f"P {cm.phone or story.insurer.phone}")]
    lines += ["", maybe(rng, 0.6, "This email and any attachments are confidential. If you "
                                   "have received it in error please notify the sender.")]
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    return _doc(spec, "email_notice", "email", lines, fields, headers)


@template(DOC_TYPE, "scheme_determination_form")
def scheme_determination_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A form-like notice with ticked decision boxes and a details grid (scheme flavoured)."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec, dec)
    code = story.scheme.code
    title = {
        "QLD": "Notice of application decision",
        "COMCARE": "Notice of determination",
        "VIC": "Notice of claim decision",
        "SA": "Notice of decision - claim determination",
        "WA": "Notice of decision on claim",
        "TAS": "Notice of decision",
        "NT": "Notice of decision on claim for compensation",
    }.get(code, rng.choice(("Notice of decision", "Claim decision notice")))
    lines = [f"# {title}", f"{story.insurer.name} - {story.scheme.regulator} scheme",
             f"Issued under the {story.scheme.act}", ""]
    lines += ["## Part A - Claim details", "| Field | Detail |", "|---|---|"]
    lines.append(f"| Worker | {_wname(story, rng)} |")
    if rng.random() < 0.6:
        lines.append(f"| Date of birth | {fd(story.worker_dob)} |")
    lines.append(f"| {_claim_label(rng)} | {story.claim_number} |")
    fields["claim_number"] = story.claim_number
    lines.append(f"| Employer | {story.employer.name} |")
    fields["employer"] = story.employer.name
    lines.append(f"| Date of injury | {fd(story.injury.date)} |")
    lines.append(f"| Injury | {story.injury.nature} - {story.injury.body_part} |")
    fields["injury_date"] = story.injury.date
    fields["body_part"] = story.injury.body_part
    lines.append(f"| Date of decision | {fd(dec.date)} |")
    lines += ["", "## Part B - Decision"]
    labels = [("provisional", "Provisional liability / payments commenced"),
              ("accepted", "Claim accepted"),
              ("reasonable_excuse", "Reasonable excuse - payments not commenced"),
              ("disputed", "Claim rejected / liability disputed"),
              ("work_capacity", "Work capacity decision")]
    if rng.random() < 0.5:
        labels = labels[1:] + labels[:1]
    for k, label in labels:
        lines.append(f"{'[x]' if k == dec.kind else '[ ]'} {label}")
    lines += ["", "## Part C - Entitlements"]
    amt = _weekly(story, dec)
    weekly_on = dec.kind in ("provisional", "accepted", "work_capacity")
    lines.append(f"{'[x]' if weekly_on else '[ ]'} Weekly compensation"
                 + (f" - {money(amt)} per week" if weekly_on else ""))
    lines.append(f"{'[x]' if dec.kind in ('provisional', 'accepted') else '[ ]'} "
                 "Medical and like expenses")
    lines.append(f"{'[x]' if dec.kind == 'accepted' else '[ ]'} Rehabilitation services")
    lines += ["", "## Part D - Reasons"]
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd):
        lines.append(p)
    if dec.kind == "disputed":
        for r in _dispute_reasons(rng, story):
            lines.append(f"- {r}")
    lines += ["", "## Part E - Review"]
    for p in _review_rights(dec.kind, story, rng):
        lines.append(p)
    lines += ["", f"Decision maker: {cm.name}   Position: {_cm_title(rng)}",
              f"Signature: ____________   Date: {fd(spec.date)}"]
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    lines += ["", rng.choice((f"{story.insurer.name} ABN {story.insurer.abn}",
                              "Form LN-03 (v4)", "Page 1 of 1", ""))]
    return _doc(spec, "scheme_determination_form", "form", lines, fields)


@template(DOC_TYPE, "short_letter")
def short_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A short, one-paragraph decision letter."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec, dec)
    compact = rng.random() < 0.4
    lines = [f"{story.insurer.name} - {fd(spec.date)}" if compact
             else f"{story.insurer.name}\n{fd(spec.date)}\n"]
    if not compact and rng.random() < 0.6:
        lines.append(f"Re: {story.worker.name} - {story.claim_number}")
        fields["claim_number"] = story.claim_number
    elif not compact:
        lines.append(f"Re: {story.worker.name}")
    lines += ["" if not compact else None,
              f"Dear {story.worker.first}" if rng.random() < 0.3
              else f"Dear {story.worker.title} {story.worker.last}".replace("Dear  ", "Dear "),
              "" if not compact else None]
    lines = [line for line in lines if line is not None]
    paras = _kind_paragraphs(dec.kind, story, dec, rng, fd)
    lines.append(" ".join(paras[:1 if compact else 2]))
    fields["body_part"] = story.injury.body_part
    fields["injury_date"] = story.injury.date
    if not compact:
        lines += ["", rng.choice(("Please call me if you have any questions.",
                                  "A fact sheet explaining your rights is enclosed.",
                                  "Information about your review rights is enclosed."))]
    lines += ["", _sign_off(rng), cm.name]
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    return _doc(spec, "short_letter", "letter", lines, fields)


@template(DOC_TYPE, "employer_advice")
def employer_advice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Copy of the decision sent to the employer, written in the third person."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    ec = story.employer_contact
    fields = _base_fields(story, spec, dec)
    lines = _letterhead(story, rng)
    lines += [fd(spec.date), "", ec.formal, ec.role or "Return to Work Coordinator",
              story.employer.name, *_addr_lines(story.employer.address), ""]
    fields["employer"] = story.employer.name
    lines.append(rng.choice(("Employer notification of decision", "Advice to employer",
                             "Decision on workers compensation claim - employer copy")))
    lines.append(f"Worker: {story.worker.name}")
    lines.append(f"{_claim_label(rng)}: {story.claim_number}")
    fields["claim_number"] = story.claim_number
    if rng.random() < 0.6:
        lines.append(f"Date of injury: {fd(story.injury.date)}")
        fields["injury_date"] = story.injury.date
    lines += ["", f"Dear {ec.first}" if rng.random() < 0.5 else f"Dear {ec.formal}", ""]
    lines.append(rng.choice((
        ("We are writing to let you know that we have made a decision about the claim lodged "
        "by your employee."),
        f"This letter advises you of the outcome of {story.worker.first}'s claim.",
        "As the employer you are entitled to be told of decisions made on the claim.",
    )))
    lines.append("")
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd, you=False):
        lines += [p, ""]
    fields["body_part"] = story.injury.body_part
    if dec.kind in ("provisional", "accepted"):
        lines.append(rng.choice((
            ("Please continue to pay the worker through payroll and we will reimburse you "
            "on receipt of wage details."),
            ("Please make weekly payments to the worker through your payroll. We will "
            "reimburse you."),
            "We will make weekly payments directly to the worker.",
        )))
        lines += ["", rng.choice((
            "Please work with us and the treating doctor to identify suitable duties.",
            ("Your obligation to provide suitable work continues while the worker has "
            "capacity."),
        )), ""]
    elif dec.kind == "disputed":
        lines += [("A copy of the dispute notice, including the reasons and the worker's "
                  "review rights, has been sent to the worker."), ""]
        lines += [f"- {r}" for r in _dispute_reasons(rng, story)] + [""]
    lines.append(maybe(rng, 0.5, "This decision may affect your premium. Contact your broker "
                                 "or account manager for premium enquiries."))
    lines += ["", _sign_off(rng), "", cm.name, _cm_title(rng)]
    fields["author"] = cm.name
    fields["case_manager"] = cm.name
    return _doc(spec, "employer_advice", "letter", lines, fields)


@template(DOC_TYPE, "statement_of_reasons")
def statement_of_reasons(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long numbered 'notice of decision and reasons' with evidence list and findings."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    inj = story.injury
    fields = _base_fields(story, spec, dec)
    title = rng.choice(_KIND_TITLES[dec.kind])
    lines = [f"# {title}", rng.choice(("Notice of decision and reasons",
                                       "Decision and statement of reasons",
                                       "Reasons for decision")), ""]
    lines += [f"To: {story.worker.formal}", f"Address: {story.worker_address}",
              f"{_claim_label(rng)}: {story.claim_number}",
              f"Date of notice: {fd(spec.date)}", f"Decision maker: {cm.name}", ""]
    fields.update(claim_number=story.claim_number, author=cm.name, case_manager=cm.name)
    lines += ["## 1. The decision", ""]
    excuse = _excuse_reason(rng, story)
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd, excuse=excuse):
        lines += [p, ""]
    lines += ["## 2. Background", ""]
    lines.append(rng.choice((
        (f"You are employed by {story.employer.name} as a {story.worker_occupation}. You "
        f"report that on {fd(inj.date)} at about {inj.time}: {inj.mechanism}"),
        (f"On {fd(inj.date)} you notified {story.employer.name} of an injury. The claim "
        f"describes the following: {inj.mechanism}"),
    )))
    fields.update(employer=story.employer.name, injury_date=inj.date, body_part=inj.body_part)
    lines += ["", (f"Your employer notified us of the injury on {fd(story.notification_date)} "
                  f"and your claim form was received on {fd(story.claim_lodged)}."), ""]
    if story.certificates:
        c0 = story.certificates[0]
        lines += [(f"{c0.doctor.formal} issued a {story.scheme.certificate_name} on "
                  f"{fd(c0.issued)} diagnosing {inj.diagnosis}."), ""]
    if rng.random() < 0.7:
        events = [(inj.date, "Date of injury"),
                  (story.notification_date, "Injury notified to insurer"),
                  (story.claim_lodged, "Claim form received")]
        events += [(c.issued, f"{story.scheme.certificate_name} - {c.capacity.replace('_', ' ')}"
                    f" to {fd(c.date_to)}") for c in story.certificates if c.issued <= spec.date]
        events += [(d.date, f"Decision: {_KIND_WORDS[d.kind]}") for d in story.decisions
                   if d.date < dec.date]
        lines += ["## Chronology", "| Date | Event |", "|---|---|"]
        lines += [f"| {fd(d)} | {e} |" for d, e in sorted(events, key=lambda x: x[0])]
        lines.append("")
    lines += ["## 3. Information considered", ""]
    evidence = [f"{story.scheme.claim_form_name} received {fd(story.claim_lodged)}",
                f"Employer notification received {fd(story.notification_date)}"]
    evidence += [f"{story.scheme.certificate_name} dated {fd(c.issued)}"
                 for c in story.certificates if c.issued <= spec.date][:3]
    if dec.kind in ("disputed", "work_capacity"):
        evidence.append(f"Report of {story.ime_examiner.formal}, "
                        f"{story.ime_examiner.role or 'independent medical examiner'}")
    if dec.kind == "disputed" and rng.random() < 0.6:
        evidence.append(f"Factual investigation report, {story.investigation_firm.name}")
    evidence.append(rng.choice(("Clinical notes of your treating GP",
                                f"Report from {story.treating_doctor.formal}",
                                "Wage information from the employer")))
    for i, e in enumerate(evidence, 1):
        lines.append(f"3.{i} {e}")
    lines += ["", "## 4. Findings and reasons", ""]
    if dec.kind == "disputed":
        for i, r in enumerate(_dispute_reasons(rng, story), 1):
            lines += [f"4.{i} {r}", ""]
        lines += ["## 5. Legislation", ""]
        lines += [f"- {s}" for s in _dispute_sections(story, rng)] + [""]
    elif dec.kind == "work_capacity":
        cert = _cert(story, dec.date)
        lines.append(f"4.1 Your current {story.scheme.certificate_name} certifies capacity for "
                     f"{cert.hours_per_day} hours per day, {cert.days_per_week} days per week.")
        lines.append("4.2 Suitable employment identified: " + rng.choice((
            "reception/administration assistant, customer service officer, dispatch clerk",
            "light process work, packer (seated), inventory clerk",
            "call centre operator, data entry clerk")) + ".")
        lines.append(f"4.3 Your {story.scheme.earnings_term} is {money(story.piawe)} per week.")
        lines += ["", "## 5. Legislation", "",
                  _section(story, f"Sections 32A, 37, 38 and 43 of the {_NSW_WCA}"), ""]
    elif dec.kind == "reasonable_excuse":
        lines += [f"4.1 We consider we have a reasonable excuse because {excuse}.", "",
                  "## 5. Legislation", "", _section(story, f"Section 268 of the {_NSW_WIM}"),
                  ""]
    else:
        lines += [rng.choice((
            ("4.1 The medical evidence supports an injury arising out of employment and the "
            "mechanism described is consistent with the diagnosis."),
            ("4.1 The employer has confirmed the incident and the treating doctor's diagnosis "
            "is consistent with the mechanism of injury."),
        )), ""]
    lines += [f"## {6 if dec.kind not in ('provisional', 'accepted') else 5}. Your rights", ""]
    for p in _review_rights(dec.kind, story, rng):
        lines += [p, ""]
    lines += ["", cm.name, _cm_title(rng), story.insurer.name, fd(spec.date), "",
              maybe(rng, 0.6, rng.choice(("Page 1 of 3", ("Privacy: your personal information "
                                          "is handled in accordance with our privacy policy."))))]
    return _doc(spec, "statement_of_reasons", "report", lines, fields)


@template(DOC_TYPE, "payments_and_certificate_detail")
def payments_and_certificate_detail(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Hard negative: decision letter heavy with certificate-of-capacity and PIAWE detail."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec.date)
    term = story.scheme.earnings_term
    fields = _base_fields(story, spec, dec)
    lines = _letterhead(story, rng)
    lines += [fd(spec.date), "", story.worker.formal, *_addr_lines(story.worker_address), ""]
    lines += [f"{_claim_label(rng)}: {story.claim_number}", f"Employer: {story.employer.name}",
              f"Date of injury: {fd(story.injury.date)}", ""]
    fields.update(claim_number=story.claim_number, employer=story.employer.name,
                  injury_date=story.injury.date)
    lines += [f"# {rng.choice(_KIND_TITLES[dec.kind])}", ""]
    lines += [f"Dear {story.worker.title} {story.worker.last}", ""]
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd):
        lines += [p, ""]
    fields["body_part"] = story.injury.body_part
    lines += [f"## {rng.choice(('Your certificate of capacity', 'Medical certification'))}", ""]
    cap_txt = {"none": "no current capacity for work",
               "suitable_duties": f"capacity for suitable duties, {cert.hours_per_day} hours "
                                  f"per day, {cert.days_per_week} days per week",
               "pre_injury_duties": "fit for pre-injury duties"}[cert.capacity]
    lines.append(f"We have relied on the {story.scheme.certificate_name} issued by "
                 f"{cert.doctor.formal} on {fd(cert.issued)}, covering {fd(cert.date_from)} to "
                 f"{fd(cert.date_to)}, which certifies {cap_txt}.")
    if cert.restrictions:
        lines.append("Restrictions: " + "; ".join(cert.restrictions) + ".")
    lines.append(rng.choice((
        ("Please make sure we receive a new certificate before the current one expires, "
        "otherwise payments may be delayed."),
        "Weekly payments can only be made for periods covered by a current certificate.",
    )))
    lines.append("")
    fields.update(cert_from=cert.date_from, cert_to=cert.date_to, capacity=cert.capacity)
    lines += [f"## How we calculated your {term}", ""]
    ordinary = round(story.hourly_rate * story.ordinary_hours, 2)
    extra = round(story.piawe - ordinary, 2)
    lines += ["| Component | Weekly amount |", "|---|---|"]
    if abs(extra) < 20:
        lines.append(f"| Average ordinary earnings, {story.ordinary_hours:g} hrs per week "
                     f"(52 weeks) | {money(story.piawe)} |")
        extra = 0.0
    else:
        lines.append(f"| Ordinary earnings ({story.ordinary_hours:g} hrs x "
                     f"{money(story.hourly_rate)}) | {money(ordinary)} |")
    if extra > 0:
        lines.append(f"| Overtime and shift allowances (average) | {money(extra)} |")
    elif extra < 0:
        lines.append(f"| Less unpaid leave adjustment | -{money(-extra)} |")
    lines.append(f"| {term} | {money(story.piawe)} |")
    lines.append("")
    weekly = _weekly(story, dec)
    ratio = weekly / story.piawe if story.piawe else 0.0
    if dec.kind in ("provisional", "accepted", "work_capacity"):
        if abs(ratio - 0.95) < 0.005 or abs(ratio - 0.8) < 0.005:
            lines.append(f"Weekly payments are {round(ratio * 100)}% of your {term}, less any "
                         f"earnings. Your current weekly payment is {money(weekly)} gross.")
        else:
            lines.append(f"Your current weekly payment is {money(weekly)} gross, based on your "
                         f"{term} and your certified capacity.")
    else:
        lines.append(f"Weekly payments made before this decision were based on a {term} of "
                     f"{money(story.piawe)}.")
    lines.append("Tax is deducted from weekly payments as required by law.")
    lines += ["", "## " + rng.choice(("Your rights", "If you disagree")), ""]
    for p in _review_rights(dec.kind, story, rng):
        lines += [p, ""]
    lines += [_sign_off(rng), "", cm.name, _cm_title(rng), story.insurer.name,
              maybe(rng, 0.5, cm.email)]
    fields.update(author=cm.name, case_manager=cm.name)
    return _doc(spec, "payments_and_certificate_detail", "letter", lines, fields,
                hard_negative_of="wage_information")


@template(DOC_TYPE, "decision_summary_table")
def decision_summary_table(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Compact tabular decision notice (system-generated look)."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    fields = _base_fields(story, spec, dec)
    lines = [rng.choice(("DECISION NOTIFICATION", "NOTICE OF DECISION - SYSTEM GENERATED",
                         "CLAIM DECISION ADVICE")),
             f"Generated {fd(spec.date)}" + maybe(rng, 0.5, " | Batch LN" +
                                                  str(rng.randint(10000, 99999))), ""]
    rows = [("Claim", story.claim_number), ("Worker", story.worker.name)]
    fields["claim_number"] = story.claim_number
    if rng.random() < 0.6:
        rows.append(("Employer", story.employer.name))
        fields["employer"] = story.employer.name
    rows += [("Date of injury", fd(story.injury.date)),
             ("Decision", _KIND_WORDS[dec.kind].title()),
             ("Effective", fd(dec.date))]
    fields["injury_date"] = story.injury.date
    if dec.kind in ("provisional", "accepted", "work_capacity"):
        rows.append(("Weekly rate", money(_weekly(story, dec))))
    if rng.random() < 0.5:
        rows.append(("Legislation", _section(story, {
            "provisional": "s267 / s280 WIMWC Act 1998",
            "accepted": "s33, s60 WC Act 1987",
            "reasonable_excuse": "s268 WIMWC Act 1998",
            "disputed": "s78 WIMWC Act 1998",
            "work_capacity": "s43 WC Act 1987"}[dec.kind], story.scheme.act)))
    lines += ["| Item | Value |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows]
    lines.append("")
    paras = _kind_paragraphs(dec.kind, story, dec, rng, fd)
    lines.append(paras[0])
    fields["body_part"] = story.injury.body_part
    if dec.kind == "disputed":
        lines.append("Reason: " + _dispute_reasons(rng, story)[0])
    lines += ["", _review_rights(dec.kind, story, rng)[0], ""]
    if rng.random() < 0.6:
        cm = story.case_manager_on(spec.date)
        lines.append(f"Case manager: {cm.name} ({cm.phone or story.insurer.phone})")
        fields.update(case_manager=cm.name)
    lines.append(story.insurer.name)
    return _doc(spec, "decision_summary_table", "form", lines, fields)


@template(DOC_TYPE, "plain_language_qa")
def plain_language_qa(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Friendly plain-English letter organised as questions and answers."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec, dec)
    lines = [story.insurer.name.upper(), "", fd(spec.date), "",
             f"Hello {story.worker.first}" if rng.random() < 0.5 else f"Dear {story.worker.name}",
             ""]
    headline = {
        "provisional": "We've started payments while we look at your claim",
        "accepted": "Good news - your claim has been accepted",
        "reasonable_excuse": "We can't start payments yet",
        "disputed": "We've decided not to accept your claim",
        "work_capacity": "We've made a decision about your capacity to work",
    }[dec.kind]
    lines += [f"# {headline}", ""]
    if rng.random() < 0.7:
        lines.append(f"Your claim number is {story.claim_number}. Please quote it when you "
                     "contact us.")
        fields["claim_number"] = story.claim_number
        lines.append("")
    qa = [("What have we decided?", " ".join(_kind_paragraphs(dec.kind, story, dec, rng, fd)))]
    if dec.kind == "disputed":
        qa.append(("Why?", " ".join(_dispute_reasons(rng, story))))
    if dec.kind == "reasonable_excuse":
        qa.append(("What do we need?", (f"A {story.scheme.certificate_name} and a completed "
                                       "claim form, or a call back so we can talk it through.")))
    qa.append(("What happens next?", rng.choice((
        f"{cm.first} will be your contact. We'll call you in the next few days.",
        "Keep seeing your doctor and send us each new certificate.",
        "Keep in touch with your employer about returning to work.",
    ))))
    qa.append(("What if I disagree?", " ".join(_review_rights(dec.kind, story, rng))))
    if rng.random() < 0.5:
        qa.insert(1, ("Which injury is this about?",
                      (f"Your {story.injury.body_part} injury on {fd(story.injury.date)} while "
                      f"working for {story.employer.name}.")))
        fields.update(injury_date=story.injury.date, employer=story.employer.name)
    fields["body_part"] = story.injury.body_part
    for q, a in qa:
        lines += [f"## {q}", a, ""]
    lines += ["Take care,", "", cm.name, f"{_cm_title(rng)}, {story.insurer.name}",
              cm.phone or story.insurer.phone]
    fields.update(author=cm.name, case_manager=cm.name)
    lines += ["", maybe(rng, 0.5, "Need an interpreter? Call TIS National on 131 450.")]
    return _doc(spec, "plain_language_qa", "letter", lines, fields)


@template(DOC_TYPE, "fax_notice")
def fax_notice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Faxed notice to the nominated treating doctor; fax header then the terse notice."""
    fd = _dater(rng)
    dec = _decision(story, spec)
    cm = story.case_manager_on(spec.date)
    gp = story.treating_doctor
    fields = _base_fields(story, spec, dec)
    pages = rng.randint(2, 4)
    lines = [(f"FAX  {fd(spec.date)}  {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}  FROM: "
             f"{story.insurer.name.upper()}  P.1/{pages}"), "---",
             f"To: {gp.formal}, {story.practice.name}",
             f"Fax: {story.practice.phone or '(02) 9000 0000'}",
             f"From: {cm.name}, {story.insurer.name}", f"Pages: {pages} (incl. cover)", "---", ""]
    lines += [f"RE: {story.worker.name.upper()}", f"{_claim_label(rng)}: {story.claim_number}"]
    fields["claim_number"] = story.claim_number
    if rng.random() < 0.5:
        lines.append(f"DOI: {fd(story.injury.date)}")
        fields["injury_date"] = story.injury.date
    lines += ["", f"NOTICE TO TREATING DOCTOR - {_KIND_WORDS[dec.kind].upper()}", ""]
    lines.append(rng.choice((
        "Doctor, please be advised of the following decision on your patient's claim:",
        "For your information, the insurer has issued the following notice to the worker:",
        "We advise that a decision has been made on the above claim:",
    )))
    lines.append("")
    for p in _kind_paragraphs(dec.kind, story, dec, rng, fd, you=False):
        lines += [p, ""]
    fields["body_part"] = story.injury.body_part
    if dec.kind in ("provisional", "accepted"):
        lines.append(rng.choice((
            ("Please continue to forward certificates and treatment requests to the case "
            "manager."),
            ("Accounts for reasonable treatment may be sent directly to us quoting the claim "
            "number."))))
    elif dec.kind == "disputed":
        lines.append("Accounts for treatment after the date of this notice will not be paid "
                     "unless the decision is changed on review.")
    lines += ["", f"{cm.name} - {_cm_title(rng)}", f"Ph {cm.phone or story.insurer.phone}",
              "", ("CONFIDENTIALITY: This facsimile may contain privileged information. If "
              "received in error please telephone the sender and destroy it.")]
    fields.update(author=cm.name, case_manager=cm.name)
    return _doc(spec, "fax_notice", "letter", lines, fields)
