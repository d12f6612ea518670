"""Legal documents: solicitor letters for the worker, dispute applications and replies,
IRO complaints, review requests, determinations, appeals and notices to produce."""

from __future__ import annotations

import datetime as dt
import random
import re

from claimdex.generator.common import date_style, fmt_date, money, pick
from claimdex.generator.model import ClaimStory, Decision, Doc, DocSpec, Person, template

DT = "legal_document"

# scheme code -> (forum, dispute form name, short act reference for reviews)
_FORUM = {
    "NSW": ("Personal Injury Commission", "Application to Resolve a Dispute",
            "section 287A of the Workplace Injury Management and Workers Compensation Act 1998"),
    "VIC": ("Workplace Injury Commission", "Request for Conciliation",
            "the Workplace Injury Rehabilitation and Compensation Act 2013"),
    "QLD": ("Workers' Compensation Regulator", "Application for Review",
            "Chapter 13 of the Workers' Compensation and Rehabilitation Act 2003"),
    "SA": ("South Australian Employment Tribunal", "Application - Notice of Dispute",
           "section 96 of the Return to Work Act 2014"),
    "WA": ("WorkCover WA Conciliation Service", "Application for Conciliation",
           "the Workers Compensation and Injury Management Act 2023"),
    "COMCARE": ("Administrative Review Tribunal", "Application for Review of a Decision",
                "section 62 of the Safety, Rehabilitation and Compensation Act 1988"),
    "TAS": ("Workers Rehabilitation and Compensation Tribunal", "Referral for Conciliation",
            "the Workers Rehabilitation and Compensation Act 1988"),
    "NT": ("NT WorkSafe Mediation Service", "Application for Mediation",
           "the Return to Work Act 1986"),
}
_LUMP = {"NSW": "section 66 of the Workers Compensation Act 1987",
         "COMCARE": "section 24 of the Safety, Rehabilitation and Compensation Act 1988",
         "TAS": "section 71 of the Workers Rehabilitation and Compensation Act 1988",
         "NT": "section 71 of the Return to Work Act 1986"}
_DEC_WORDS = {"disputed": "decision to dispute liability",
              "work_capacity": "work capacity decision",
              "reasonable_excuse": "decision not to commence provisional payments",
              "accepted": "decision", "provisional": "decision"}


# ----------------------------------------------------------------------------- helpers


def _fd(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _ref(p: Person) -> str:
    return f"{p.title} {p.last}".strip()


def _addr(address: str) -> list[str]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    return parts or [address]


def _slug(name: str) -> str:
    base = re.split(r"\s(?:pty|ltd|limited|lawyers|solicitors|legal)\b", name.lower())[0]
    return re.sub(r"[^a-z0-9]+", "", base)[:28] + ".example.com.au"


def _forum(story: ClaimStory) -> tuple[str, str, str]:
    return _FORUM.get(story.scheme.code, _FORUM["NSW"])


def _decision(story: ClaimStory, spec: DocSpec, kinds=("disputed", "work_capacity",
                                                     "reasonable_excuse")) -> Decision | None:
    if isinstance(spec.about, Decision):
        return spec.about
    found = None
    for d in story.decisions:
        if d.kind in kinds and d.date <= spec.date:
            found = d
    if found is None:
        for d in story.decisions:
            if d.kind in kinds:
                found = d
    return found


def _sol_head(story: ClaimStory, rng: random.Random) -> list[str]:
    lf = story.law_firm
    s = rng.randrange(3)
    if s == 0:
        return [f"# {lf.name}", pick(rng, "Lawyers", "Solicitors & Barristers",
                                     "Workers Compensation Lawyers"), lf.address,
                f"T {lf.phone}" if lf.phone else "", "---"]
    if s == 1:
        return [lf.name.upper(), lf.address + (f" | {lf.phone}" if lf.phone else ""), ""]
    return [lf.name, ""]


def _our_ref(story: ClaimStory, rng: random.Random) -> str:
    return f"{story.solicitor.first[0]}{story.solicitor.last[0]}:{rng.randint(20000, 29999)}"


def _sol_sign(story: ClaimStory, rng: random.Random, fields: dict) -> list[str]:
    sol = story.solicitor
    fields["author"] = sol.name
    close = pick(rng, "Yours faithfully", "Yours sincerely", "Yours faithfully,")
    s = rng.randrange(3)
    if s == 0:
        block = [sol.name, story.law_firm.name]
    elif s == 1:
        block = [sol.name, sol.role or "Solicitor"]
    else:
        block = [story.law_firm.name, f"Per: {sol.name}"]
    return ["", close, ""] + block



def _tidy(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines and trimming the ends."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)

def _submissions(story: ClaimStory, rng: random.Random, f, dec: Decision | None) -> list[str]:
    """A longer statement of facts / submissions section for dispute applications."""
    w, inj, emp = story.worker, story.injury, story.employer
    out = ["", "## Part 8 - Statement of facts and submissions"]
    paras = [
        f"The applicant is employed by the respondent in the position of "
        f"{story.worker_occupation} and has been so employed since "
        f"{inj.date.year - rng.randint(1, 8)}.",
        f"On {f(inj.date)} at about {inj.time}, at {inj.location}, the applicant was injured. "
        f"{inj.mechanism}",
        f"The applicant reported the incident to {story.employer_contact.name} on the day.",
        f"The applicant first consulted {story.treating_doctor.formal} at {story.practice.name}, "
        f"who diagnosed {inj.diagnosis} and certified the applicant unfit.",
        f"The applicant's claim was received by {story.insurer.name} on "
        f"{f(story.claim_lodged)}.",
    ]
    if dec:
        paras.append(f"By notice dated {f(dec.date)} the insurer issued a "
                     f"{_DEC_WORDS[dec.kind]}. The applicant disputes that decision.")
    paras += [
        "The applicant relies on the opinion of the treating practitioners, who consistently "
        "attribute the condition to the incident at work.",
        f"There is no evidence of any prior symptoms affecting the {inj.body_part}.",
        "The applicant has remained under regular medical care and has complied with all "
        "treatment recommendations.",
        "The applicant has made genuine efforts to return to work within the restrictions "
        "certified.",
        pick(rng, "The evidence of the independent medical examiner should be given little "
                  "weight because the examiner did not have the full history.",
             "The respondent's own records corroborate the applicant's account.",
             "Employment was the main contributing factor to the injury."),
        "The applicant seeks the orders set out in Part 6.",
    ]
    for i, p in enumerate(paras, 1):
        out.append(f"{i}. {p}")
    out += ["", "## Part 9 - Witnesses and further evidence",
            f"- Statement of {w.name}",
            f"- Report of {story.treating_doctor.formal}",
            f"- Report of {story.specialist.formal}" if rng.random() < 0.6
            else f"- Clinical notes of {story.practice.name}",
            f"- Wage records from {emp.name}"]
    return out


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict,
         headers: dict | None = None, hn: str = "") -> Doc:
    text = _tidy(lines)
    return Doc(doc_type=DT, template=f"{DT}/{variant}", kind=kind, text=text, date=spec.date,
               fields=fields, email_headers=headers or {}, hard_negative_of=hn)


def _to_insurer(story: ClaimStory, rng: random.Random, cm: Person | None) -> list[str]:
    ins = story.insurer
    first = cm.formal if cm and rng.random() < 0.5 else pick(rng, "The Claims Officer",
                                                             "The Case Manager",
                                                             "Attention: Claims Department")
    return [first, ins.name] + _addr(ins.address) + [""]


# ----------------------------------------------------------------------------- templates


@template(DT, "privacy_file_request")
def privacy_file_request(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Solicitor request for a copy of the claim file under privacy law."""
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name}
    lines = _sol_head(story, rng) + [f(spec.date), ""]
    if rng.random() < 0.3:
        lines += ["BY EMAIL", ""]
    lines += _to_insurer(story, rng, cm)
    lines += [f"Our ref: {_our_ref(story, rng)}"]
    if rng.random() < 0.8:
        lines.append(f"Your ref: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "Dear Sir/Madam" if rng.random() < 0.6 else f"Dear {_ref(cm)}", ""]
    lines.append(pick(
        rng,
        f"Re: Our client {w.name} - request for access to personal information",
        f"RE: {w.name.upper()} - APPLICATION FOR ACCESS TO CLAIM FILE",
        f"Request for copy of claim file - {w.name}",
    ))
    lines.append("")
    state_law = {"NSW": "the Health Records and Information Privacy Act 2002 (NSW)",
                 "VIC": "the Health Records Act 2001 (Vic)",
                 "ACT": "the Health Records (Privacy and Access) Act 1997 (ACT)"}
    laws = "Australian Privacy Principle 12 in Schedule 1 to the Privacy Act 1988 (Cth)"
    if story.scheme.state in state_law and rng.random() < 0.7:
        laws += f" and {state_law[story.scheme.state]}"
    lines.append(
        f"We act for {w.formal} in relation to "
        f"{pick(rng, 'a workers compensation claim', 'their claim', 'the above claim')} "
        f"arising from an injury on {f(story.injury.date)}.")
    fields["injury_date"] = story.injury.date
    lines.append("")
    lines.append(
        f"Pursuant to {laws}, our client requests access to all personal and health information "
        f"held by {story.insurer.name} about our client, including a complete copy of the claim "
        "file."
    )
    lines.append("")
    lines.append(pick(rng, "This request includes, without limitation:",
                      "Without limiting the request, please provide:"))
    items = ["all file notes, diary notes and records of telephone calls",
             "all correspondence, emails and text messages",
             "all medical reports, including independent medical examination reports",
             "all investigation, surveillance and social media reports, including footage",
             "wage and payment records, including the calculation of "
             f"{story.scheme.earnings_term}",
             "internal review and team leader review notes",
             "all certificates of capacity and treatment approvals"]
    rng.shuffle(items)
    for i, it in enumerate(items[: rng.randint(4, 7)], 1):
        lines.append(f"({chr(96 + i)}) {it};")
    lines.append("")
    lines.append(pick(
        rng,
        "A signed authority from our client is enclosed.",
        "Our client's signed authority and proof of identity are enclosed.",
        "Please find attached our client's authority to release the information to this office.",
    ))
    lines.append(pick(
        rng,
        "We ask that you provide the documents within 30 days, as required by the legislation.",
        "We would be grateful if the documents could be provided in electronic form.",
        "If you intend to withhold any document, please identify it and state the ground relied "
        "upon.",
    ))
    lines += _sol_sign(story, rng, fields)
    lines += ["", "Encl."]
    if cm.name in "\n".join(lines):
        fields["case_manager"] = cm.name
    return _doc(spec, "privacy_file_request", "letter", lines, fields, hn="correspondence")


@template(DT, "lump_sum_claim_letter")
def lump_sum_claim_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    prov = _LUMP.get(story.scheme.code, f"the permanent impairment provisions of the "
                                          f"{story.scheme.act}")
    wpi = rng.randint(6, 24)
    assessor = pick(rng, "Dr Peter Lindqvist", "Dr Margaret Osei", "Dr Alan Whitcombe",
                    "Dr Farah Haddad")
    rep_date = spec.date - dt.timedelta(days=rng.randint(7, 40))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name,
                                 "employer": story.employer.name, "injury_date": story.injury.date,
                                 "body_part": story.injury.body_part}
    lines = _sol_head(story, rng) + [f(spec.date), ""] + _to_insurer(story, rng, cm)
    lines.append(f"Our ref: {_our_ref(story, rng)}")
    if rng.random() < 0.8:
        lines.append(f"Claim no: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "Dear Sir/Madam", ""]
    head = pick(rng, "CLAIM FOR PERMANENT IMPAIRMENT COMPENSATION",
                "Claim for lump sum compensation", "Re: Permanent impairment claim")
    lines += [f"{head}", f"Worker: {w.name}", f"Employer: {story.employer.name}",
              f"Date of injury: {f(story.injury.date)}", ""]
    lines.append(
        f"We act for the worker. Our client hereby makes a claim pursuant to {prov} for "
        f"compensation for permanent impairment resulting from injury to the "
        f"{story.injury.body_part}.")
    lines.append("")
    lines.append(
        f"In support of the claim we enclose the report of {assessor} dated {f(rep_date)}, "
        f"who assesses {wpi}% whole person impairment (WPI) in accordance with the "
        + pick(rng, "SIRA Guidelines for the evaluation of permanent impairment.",
               "AMA Guides to the Evaluation of Permanent Impairment, 5th edition.",
               "applicable impairment guidelines."))
    lines.append("")
    rows = [("Body part / system", "WPI"),
            (story.injury.body_part.capitalize(), f"{wpi}%")]
    if rng.random() < 0.4 and not story.injury.psychological:
        rows.append(("Scarring (TEMSKI)", "1%"))
    for a, b in rows:
        lines.append(f"| {a} | {b} |")
    lines.append("")
    lines.append(pick(
        rng,
        "The claim is made on the basis that our client's condition has reached maximum medical "
        "improvement.",
        "Our client's impairment has stabilised and the claim is ready for determination.",
    ))
    lines.append(pick(
        rng,
        "Please confirm receipt and advise whether you accept the claim within the statutory "
        "timeframe.",
        "We look forward to your determination of the claim.",
        "Should you dispute the claim, please provide copies of all documents relied upon.",
    ))
    lines += _sol_sign(story, rng, fields)
    lines += ["", f"Encl: Report of {assessor}; signed claim form"]
    return _doc(spec, "lump_sum_claim_letter", "letter", lines, fields)


@template(DT, "dispute_application_form")
def dispute_application_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    forum, form, _ = _forum(story)
    w, emp, sol = story.worker, story.employer, story.solicitor
    dec = _decision(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "employer": emp.name,
                                 "injury_date": story.injury.date,
                                 "claim_number": story.claim_number,
                                 "body_part": story.injury.body_part, "author": sol.name}
    lines = [forum.upper(), f"# {form}", pick(rng, "Workers compensation", "Form 2", ""),
             f"Lodged: {f(spec.date)}", "---", "## Part 1 - Applicant (worker)",
             f"Name: {w.name}", f"Date of birth: {f(story.worker_dob)}",
             f"Address: {story.worker_address}", f"Occupation: {story.worker_occupation}", "",
             "## Part 2 - Legal representative",
             f"Firm: {story.law_firm.name}", f"Solicitor: {sol.name}",
             f"Address: {story.law_firm.address}", "",
             "## Part 3 - Respondent", f"Employer: {emp.name}", f"Insurer: {story.insurer.name}",
             f"Claim number: {story.claim_number}", "",
             "## Part 4 - Injury",
             f"Date of injury: {f(story.injury.date)}",
             f"Body part / condition: {story.injury.body_part} - {story.injury.diagnosis}",
             f"How the injury happened: {story.injury.mechanism}", "",
             "## Part 5 - Matters in dispute"]
    matters = ["Weekly payments", "Medical and related expenses", "Permanent impairment",
               "Liability for the injury", "Work capacity decision"]
    chosen = set(rng.sample(range(len(matters)), rng.randint(1, 3)))
    for i, m in enumerate(matters):
        lines.append(f"{'[x]' if i in chosen else '[ ]'} {m}")
    lines.append("")
    if dec:
        fields["decision"] = dec.kind
        lines.append(f"Decision in dispute: {_DEC_WORDS[dec.kind]} dated {f(dec.date)}")
    lines += ["", "## Part 6 - Orders sought"]
    orders = [f"Weekly compensation from {f(story.injury.date)} to date and continuing",
              "Payment of medical expenses pursuant to the Act",
              "An award in respect of permanent impairment",
              "Costs"]
    for i, o in enumerate(orders[: rng.randint(2, 4)], 1):
        lines.append(f"{i}. {o}")
    lines += ["", "## Part 7 - Documents attached",
              "| No. | Document | Date |",
              f"| 1 | Claim form | {f(story.claim_lodged)} |"]
    k = 2
    for c in story.certificates[: rng.randint(1, 3)]:
        lines.append(f"| {k} | {story.scheme.certificate_name} | {f(c.issued)} |")
        k += 1
    if dec:
        lines.append(f"| {k} | Notice of decision | {f(dec.date)} |")
    if rng.random() < 0.5:
        lines += _submissions(story, rng, f, dec)
    lines += ["", "## Certification",
              "[x] I certify that the information in this application is true and correct.",
              f"Signed: {sol.name} (legal representative)   Date: {f(spec.date)}"]
    return _doc(spec, "dispute_application_form", "form", lines, fields)


@template(DT, "reply_to_application")
def reply_to_application(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    forum, form, _ = _forum(story)
    w, emp = story.worker, story.employer
    insurer_sol = pick(rng, "Harper Quill Legal", "Marlow & Finch Insurance Lawyers",
                       "Bennett Stroud Lawyers")
    author = pick(rng, "Gemma Larkin", "Oliver Brandt", "Nadia Petrov")
    dec = _decision(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "employer": emp.name,
                                 "author": author}
    lines = [forum, f"# {pick(rng, 'REPLY', 'Reply to ' + form, 'Reply')}",
             f"Matter no. {rng.randint(1000, 9999)}/{spec.date.year % 100:02d}", "",
             f"Applicant: {w.name}", f"Respondent: {emp.name}",
             f"Insurer: {story.insurer.name}" + (f" (claim {story.claim_number})"
                                                 if rng.random() < 0.6 else ""), ""]
    if story.claim_number in lines[-2]:
        fields["claim_number"] = story.claim_number
    lines.append("## 1. Respondent's representative")
    lines += [f"{insurer_sol}, {author}", ""]
    lines.append("## 2. Matters not in dispute")
    lines.append(pick(rng, f"The respondent admits that the applicant was a worker employed by "
                            f"{emp.name} on {f(story.injury.date)}.",
                      "Employment and the occurrence of the incident are admitted."))
    lines += ["", "## 3. Matters in dispute"]
    issues = [
        f"Whether the applicant sustained an injury to the {story.injury.body_part} arising out "
        "of or in the course of employment.",
        "Whether employment was a substantial contributing factor to the injury.",
        "The extent of any incapacity for work.",
        "Whether the treatment claimed is reasonably necessary.",
        "The degree of permanent impairment.",
    ]
    fields["body_part"] = story.injury.body_part
    for i, x in enumerate(issues[: rng.randint(2, 5)], 1):
        lines.append(f"3.{i} {x}")
    if dec and dec.kind == "disputed":
        fields["decision"] = dec.kind
        lines += ["", "The respondent relies on its notice disputing liability dated "
                  f"{f(dec.date)}."]
    lines += ["", "## 4. Documents relied on",
              pick(rng, "Report of the independent medical examiner.",
                   f"Report of {story.ime_examiner.formal} and factual investigation report.",
                   "As listed in the attached schedule."),
              "", f"Dated: {f(spec.date)}", "", f"{author}",
              f"Solicitor for the respondent, {insurer_sol}"]
    if f(story.injury.date) in "\n".join(lines):
        fields["injury_date"] = story.injury.date
    return _doc(spec, "reply_to_application", "form", lines, fields)


@template(DT, "iro_complaint")
def iro_complaint(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w = story.worker
    cm = story.case_manager_on(spec.date)
    by_sol = rng.random() < 0.4
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "case_manager": cm.name,
                                 "author": story.solicitor.name if by_sol else w.name}
    ref = f"IRO-{rng.randint(100000, 999999)}"
    title = pick(rng, "Complaint about an insurer", "Online complaint - summary", "COMPLAINT")
    lines = ["Independent Review Office", f"# {title}",
             f"Reference: {ref}   Submitted: {f(spec.date)}", "---",
             "## About the worker", f"Name: {w.name}", f"Phone: {w.phone}" if w.phone else "",
             f"Employer: {story.employer.name}", f"Insurer: {story.insurer.name}",
             f"Claim number: {story.claim_number}", f"Case manager: {cm.name}", ""]
    fields.update(employer=story.employer.name, claim_number=story.claim_number)
    if by_sol:
        lines += ["## Representative", f"{story.solicitor.name}, {story.law_firm.name}", ""]
    lines.append("## What is the complaint about?")
    topics = ["Weekly payments late or not paid", "Treatment approval delayed",
              "Not returning calls / communication", "Reimbursement not paid",
              "Calculation of " + story.scheme.earnings_term, "Other"]
    details = {
        0: (f"My weekly payments have not been paid since "
            f"{f(spec.date - dt.timedelta(days=14))}. I have had no explanation.",
            "Payments made and an explanation."),
        1: (f"A request for physio was sent on {f(spec.date - dt.timedelta(days=21))} and there "
            "has been no decision. My physio has stopped treatment.",
            "A decision on the treatment request."),
        2: ("I have called the case manager several times and left messages but no one has "
            "called back.", "Someone to call me back."),
        3: ("The insurer has not reimbursed my travel expenses even though I sent receipts two "
            "months ago.", "Reimbursement of my expenses."),
        4: ("I do not understand how my weekly rate was worked out and the insurer has not "
            "explained it.", "A written explanation of the calculation."),
    }
    main = rng.randrange(len(details))
    sel = {main} | ({rng.randrange(len(topics))} if rng.random() < 0.4 else set())
    for i, t in enumerate(topics):
        lines.append(f"{'[x]' if i in sel else '[ ]'} {t}")
    lines += ["", "## Details", details[main][0]]
    lines += ["", "## What outcome are you seeking?", details[main][1],
              "", pick(rng, "[x] I consent to IRO contacting the insurer about this complaint.",
                       "[x] I authorise IRO to obtain information from the insurer.")]
    return _doc(spec, "iro_complaint", "form", lines, fields)


@template(DT, "worker_review_request")
def worker_review_request(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w = story.worker
    cm = story.case_manager_on(spec.date)
    dec = _decision(story, spec, ("work_capacity", "disputed", "reasonable_excuse"))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "author": w.name}
    lines = [w.name] + _addr(story.worker_address) + ["", f(spec.date), "",
                                                        story.insurer.name,
                                                        story.insurer.address, ""]
    if rng.random() < 0.7:
        lines.append(f"Claim no. {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", pick(rng, f"Dear {cm.first}", "To whom it may concern", f"Dear {_ref(cm)}"), ""]
    what = _DEC_WORDS[dec.kind] if dec else "work capacity decision"
    when = f" dated {f(dec.date)}" if dec else ""
    if dec:
        fields["decision"] = dec.kind
    lines.append(pick(rng, f"Request for internal review of {what}",
                      f"RE: Review of your {what}", "Internal review request"))
    lines.append("")
    lines.append(pick(
        rng,
        f"I am writing to ask for an internal review of your {what}{when}. I do not agree with it.",
        f"I want the {what}{when} to be reviewed.",
        f"Please accept this letter as my application for review of the {what}{when}.",
    ))
    lines.append("")
    reasons = [
        f"My doctor, {story.treating_doctor.formal}, says I can only work "
        f"{rng.choice((3, 4, 5))} hours a day and not the hours you said.",
        "The jobs you said I could do are not suitable for me because of my injury.",
        f"My {story.injury.body_part} is still very painful and I cannot do what I used to do.",
        "You did not take into account the latest report from my specialist.",
        "I was not given a chance to talk about the decision before it was made.",
        f"My {story.scheme.earnings_term} is wrong because it does not include my overtime.",
    ]
    rng.shuffle(reasons)
    lines.append(pick(rng, "My reasons are:", "The reasons I disagree are:", "Reasons:"))
    for i, r in enumerate(reasons[: rng.randint(2, 4)], 1):
        lines.append(f"{i}. {r}")
    lines += ["", pick(rng, "I have attached my latest medical certificate.",
                       "Please contact me on my mobile if you need more information.",
                       "I look forward to hearing from you."),
              "", pick(rng, "Yours sincerely", "Regards", "Thank you"), "", w.name,
              f"Ph {w.phone}" if w.phone and rng.random() < 0.6 else ""]
    if cm.name in "\n".join(lines):
        fields["case_manager"] = cm.name
    return _doc(spec, "worker_review_request", "letter", lines, fields)


@template(DT, "solicitor_review_request")
def solicitor_review_request(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w = story.worker
    _, _, review_prov = _forum(story)
    dec = _decision(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name,
                                 "employer": story.employer.name}
    lines = _sol_head(story, rng) + [f(spec.date), ""] + _to_insurer(story, rng, cm)
    lines.append(f"Our ref: {_our_ref(story, rng)}")
    if rng.random() < 0.85:
        lines.append(f"Your ref: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "Dear Sir/Madam", "",
              f"Re: {w.name} v {story.employer.name}",
              pick(rng, "Request for review of decision", "APPLICATION FOR INTERNAL REVIEW",
                   "Review of liability decision"), ""]
    what = _DEC_WORDS[dec.kind] if dec else "decision to decline liability"
    if dec:
        fields["decision"] = dec.kind
    lines.append(
        f"We act for the worker. We refer to your {what}"
        + (f" dated {f(dec.date)}" if dec else "")
        + f" and request a review of that decision pursuant to {review_prov}.")
    lines += ["", pick(rng, "The grounds for the request are as follows:",
                       "In support of this request we say:")]
    grounds = [
        "The decision fails to have regard to the opinion of the treating doctor, who is best "
        "placed to comment on causation and capacity.",
        "The independent medical examiner was not provided with all relevant documents.",
        f"The injury to the {story.injury.body_part} is clearly work related: "
        f"{story.injury.mechanism}",
        "The notice does not adequately set out the reasons for the decision as required.",
        "The employer's own incident report corroborates our client's account.",
    ]
    rng.shuffle(grounds)
    n = rng.randint(2, 4)
    if any(story.injury.body_part in g for g in grounds[:n]):
        fields["body_part"] = story.injury.body_part
    for i, g in enumerate(grounds[:n], 1):
        lines.append(f"{i}. {g}")
    lines += ["", pick(rng, "We enclose further medical evidence in support.",
                       "Enclosed is a report from the treating specialist.",
                       "We reserve our client's right to commence proceedings.")]
    lines += _sol_sign(story, rng, fields)
    return _doc(spec, "solicitor_review_request", "letter", lines, fields)


@template(DT, "certificate_of_determination")
def certificate_of_determination(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    forum, _, _ = _forum(story)
    w, emp = story.worker, story.employer
    member = pick(rng, "Member J. Caldwell", "Senior Member R. Okafor", "Member S. Whitlam-Hurst",
                  "Arbitrator P. Nguyen-Reid")
    consent = rng.random() < 0.5
    amt = round(story.piawe * rng.choice((0.8, 0.95)), 2)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "employer": emp.name,
                                 "injury_date": story.injury.date, "author": member}
    lines = [forum.upper(), "",
             f"# CERTIFICATE OF DETERMINATION{' - CONSENT ORDERS' if consent else ''}",
             f"Matter number: {rng.randint(1000, 9999)}/{spec.date.year % 100:02d}", "",
             f"Applicant: {w.name}", f"Respondent: {emp.name}",
             f"Date of determination: {f(spec.date)}", ""]
    lines.append(pick(rng, "The Commission determines:", "The Commission orders:",
                      "Findings and orders:") if story.scheme.code == "NSW" else
                 "It is determined:")
    orders = [
        f"The applicant sustained injury to the {story.injury.body_part} on "
        f"{f(story.injury.date)} arising out of and in the course of employment with the "
        "respondent.",
        f"The respondent is to pay the applicant weekly compensation at the rate of {money(amt)} "
        f"from {f(story.injury.date + dt.timedelta(days=rng.randint(20, 60)))} to date and "
        "continuing.",
        "The respondent is to pay the applicant's reasonably necessary medical and related "
        "treatment expenses.",
        "The matter is remitted to the President for referral to a Medical Assessor." if
        rng.random() < 0.4 else "The application is otherwise dismissed.",
    ]
    fields["body_part"] = story.injury.body_part
    for i, o in enumerate(orders[: rng.randint(2, 4)], 1):
        lines.append(f"{i}. {o}")
    if consent:
        lines += ["", "These orders are made by consent of the parties."]
    else:
        lines += ["", pick(rng, "A brief statement of reasons is attached.",
                           "Reasons were given orally at the conclusion of the hearing.")]
    lines += ["", member, forum, "", pick(rng, "Page 1 of 1", "", "Certified true copy")]
    return _doc(spec, "certificate_of_determination", "form", lines, fields)


@template(DT, "notice_of_appeal")
def notice_of_appeal(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    forum, _, _ = _forum(story)
    w, emp, sol = story.worker, story.employer, story.solicitor
    det = spec.date - dt.timedelta(days=rng.randint(10, 27))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "employer": emp.name,
                                 "author": sol.name}
    title = pick(rng, "NOTICE OF APPEAL", "Appeal against decision of Member",
                 "Notice of Appeal (Presidential)")
    lines = [forum, f"# {title}",
             "", f"{w.name}", "Appellant", "", "and", "", emp.name, "Respondent", "---",
             f"Decision appealed: determination dated {f(det)}", ""]
    lines.append("## Grounds of appeal")
    grounds = [
        "The Member erred in law in finding that the appellant had not discharged the onus of "
        "proving injury.",
        "The Member failed to give adequate reasons for preferring the evidence of the "
        "independent medical examiner.",
        "The Member erred in fact in finding that the appellant had capacity for suitable "
        "employment.",
        "The Member denied the appellant procedural fairness by refusing leave to rely on a late "
        "document.",
    ]
    rng.shuffle(grounds)
    for i, g in enumerate(grounds[: rng.randint(2, 4)], 1):
        lines.append(f"{i}. {g}")
    lines += ["", "## Orders sought",
              "1. The appeal be allowed.",
              "2. The determination be revoked.",
              pick(rng, "3. The matter be remitted for redetermination.",
                   "3. In lieu thereof, an award for the appellant.")]
    lines += ["", f"Filed: {f(spec.date)}", f"{sol.name}, {story.law_firm.name}",
              "Solicitor for the appellant"]
    if rng.random() < 0.5:
        lines.append(f"Claim no. {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _doc(spec, "notice_of_appeal", "form", lines, fields)


@template(DT, "notice_to_produce")
def notice_to_produce(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    forum, _, _ = _forum(story)
    w, emp, sol = story.worker, story.employer, story.solicitor
    target = rng.choice((story.insurer.name, story.employer.name, story.practice.name))
    due = spec.date + dt.timedelta(days=rng.choice((14, 21, 28)))
    subpoena = rng.random() < 0.5
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "employer": emp.name,
                                 "author": sol.name}
    lines = [forum, f"# {'SUBPOENA TO PRODUCE' if subpoena else 'NOTICE TO PRODUCE'}",
             f"{w.name} v {emp.name}", f"Matter no. {rng.randint(1000, 9999)}/"
             f"{spec.date.year % 100:02d}", "", f"To: {target}", "",
             f"You are {'ordered' if subpoena else 'required'} to produce the documents described "
             f"in the Schedule to the {forum} {pick(rng, 'by', 'no later than')} {f(due)}.", "",
             "## Schedule"]
    docs = [f"All documents relating to the injury sustained by {w.name} on "
            f"{f(story.injury.date)}.",
            "The complete personnel file of the worker.",
            "All incident reports, first aid records and the register of injuries.",
            "All clinical notes, referrals and imaging reports.",
            "All surveillance footage and investigation reports.",
            "Payroll records for the 52 weeks before the injury."]
    fields["injury_date"] = story.injury.date
    for i, d in enumerate(docs[: rng.randint(3, 6)], 1):
        lines.append(f"{i}. {d}")
    lines += ["", pick(rng, "Documents may be produced electronically.",
                       "Failure to comply without lawful excuse may be dealt with as a contempt.",
                       "If you object to production you must notify the issuing party."),
              "", f"Issued at the request of: {sol.name}, {story.law_firm.name} (for the worker)",
              f"Date: {f(spec.date)}"]
    return _doc(spec, "notice_to_produce", "form", lines, fields)


@template(DT, "notice_of_representation_email")
def notice_of_representation_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    cm = story.case_manager_on(spec.date)
    w, sol, lf = story.worker, story.solicitor, story.law_firm
    dom = lf.email_domain or _slug(lf.name)
    cm_mail = cm.email or f"claims@{story.insurer.email_domain or 'insurer.example.com.au'}"
    subj = pick(rng, f"Notice of representation - {w.name}",
                f"{w.name} - claim {story.claim_number} - we act",
                f"Our client: {w.name} | Your ref {story.claim_number}")
    fields: dict[str, object] = {"doc_date": spec.date, "worker": w.name, "author": sol.name,
                                 "case_manager": cm.name}
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    headers = {"From": f"{sol.name} <{sol.email or sol.first.lower() + '@' + dom}>",
               "To": f"{cm.name} <{cm_mail}>", "Subject": subj, "Date": f(spec.date)}
    lines = [f"Dear {cm.first}" if rng.random() < 0.5 else f"Dear {_ref(cm)}", "",
             pick(rng, f"We advise that we act for {w.formal} in relation to the above claim.",
                  f"Please be advised this firm now acts for {w.formal}."),
             "", pick(rng, "Please direct all future correspondence regarding the claim to this "
                           "office, other than routine payment and treatment matters.",
                      "Please copy us into all correspondence with our client.")]
    reqs = ["copies of all notices issued under the Act",
            "all medical reports obtained by the insurer",
            f"the {story.scheme.earnings_term} calculation and supporting wage records",
            "the current injury management plan",
            "any surveillance or factual investigation reports"]
    rng.shuffle(reqs)
    lines += ["", pick(rng, "We also request copies of the following documents:",
                       "Could you please provide:")]
    for r in reqs[: rng.randint(2, 4)]:
        lines.append(f"- {r}")
    lines += ["", "A signed authority is attached.", "", pick(rng, "Kind regards", "Regards"),
              sol.name, f"{sol.role or 'Solicitor'} | {lf.name}", lf.address,
              "", pick(rng, "This email is confidential and may be subject to legal professional "
                            "privilege.", "Liability limited by a scheme approved under "
                                          "Professional Standards Legislation.")]
    return _doc(spec, "notice_of_representation_email", "email", lines, fields, headers)
