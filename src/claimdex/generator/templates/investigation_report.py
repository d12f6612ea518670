"""Investigation reports: factual investigations, statements, surveillance, activity and
social media checks prepared by an investigator for the insurer."""

from __future__ import annotations

import datetime as dt
import random
import re

from claimdex.generator.common import date_style, fmt_date, pick
from claimdex.generator.model import ClaimStory, Doc, DocSpec, Person, template

DT = "investigation_report"


# ----------------------------------------------------------------------------- helpers


def _fd(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _lc_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like an acronym."""
    if len(text) > 1 and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _first_person(text: str) -> str:
    """Rough third-to-first person rewrite of a mechanism sentence."""
    out = f" {text} "
    for a, b in ((" he ", " I "), (" she ", " I "), (" they ", " I "), (" his ", " my "),
                 (" her ", " my "), (" their ", " my "), (" He ", " I "), (" She ", " I "),
                 (" His ", " My "), (" Her ", " My "), (" was ", " was "), (" himself", " myself"),
                 (" herself", " myself")):
        out = out.replace(a, b)
    return out.strip()


def _a(noun: str) -> str:
    word = _lc_first(noun)
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _ref(p: Person) -> str:
    return f"{p.title} {p.last}".strip()


def _slug(name: str) -> str:
    base = re.split(r"\s(?:pty|ltd|limited|services)\b", name.lower())[0]
    return re.sub(r"[^a-z0-9]+", "", base)[:22] + ".example.com.au"


def _mail(p: Person, domain: str, fallback_org: str) -> str:
    if p.email:
        return p.email
    dom = domain or _slug(fallback_org)
    return f"{p.first}.{p.last}@{dom}".lower().replace("'", "").replace(" ", "")


def _pron(p: Person) -> tuple[str, str]:
    if p.title == "Mr":
        return "he", "his"
    if p.title in ("Ms", "Mrs", "Miss"):
        return "she", "her"
    return "the worker", "their"


def _days_before(story: ClaimStory, spec: DocSpec, rng: random.Random, n: int) -> list[dt.date]:
    """``n`` distinct sorted days shortly before the document date, after the injury."""
    lo = max(story.injury.date + dt.timedelta(days=1), spec.date - dt.timedelta(days=24))
    hi = spec.date - dt.timedelta(days=1)
    if hi < lo:
        return [spec.date]
    span = (hi - lo).days + 1
    picks = sorted(rng.sample(range(span), min(n, span)))
    return [lo + dt.timedelta(days=k) for k in picks]


def _clock(minutes: int, style: int) -> str:
    h, m = divmod(minutes % (24 * 60), 60)
    if style == 0:
        return f"{h:02d}:{m:02d}"
    if style == 1:
        return f"{h:02d}{m:02d} hrs"
    suffix = "am" if h < 12 else "pm"
    return f"{(h - 1) % 12 + 1}:{m:02d} {suffix}"


def _claim_label(rng: random.Random) -> str:
    return rng.choice(
        ("Claim number", "Claim no.", "Insurer claim #", "Your ref", "Claim No", "Client ref")
    )


def _file_ref(story: ClaimStory, rng: random.Random) -> str:
    initials = "".join(w[0] for w in story.investigation_firm.name.split()[:2]).upper()
    return f"{initials}-{rng.randint(2300, 2599)}-{rng.randint(100, 9999):04d}"


def _base_fields(story: ClaimStory, spec: DocSpec) -> dict[str, object]:
    return {"doc_date": spec.date, "worker": story.worker.name}



def _tidy(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines and trimming the ends."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)

def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict,
         headers: dict | None = None, hn: str = "") -> Doc:
    return Doc(
        doc_type=DT,
        template=f"{DT}/{variant}",
        kind=kind,
        text=_tidy(lines),
        date=spec.date,
        fields=fields,
        email_headers=headers or {},
        hard_negative_of=hn,
    )


_CARS = ("silver Toyota Corolla sedan", "white Ford Ranger utility", "grey Mazda CX-5",
         "blue Hyundai i30 hatch", "black Holden Commodore", "red Kia Cerato",
         "white Toyota HiLux dual cab", "silver Mitsubishi Outlander")
_SHOPS = ("Woolworths", "Coles", "Bunnings Warehouse", "Aldi", "Kmart", "a local service station",
          "a shopping centre", "a hardware store", "a bottle shop", "a cafe")


# ----------------------------------------------------------------------------- templates


@template(DT, "factual_report_long")
def factual_report_long(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, emp = story.worker, story.injury, story.employer
    inv, firm = story.investigator, story.investigation_firm
    cm = story.case_manager_on(spec.date)
    he, his = _pron(w)
    visits = _days_before(story, spec, rng, 4)
    d_instr = visits[0] - dt.timedelta(days=rng.randint(2, 6))
    d_instr = max(d_instr, story.injury.date)
    title = pick(rng, "FACTUAL INVESTIGATION REPORT", "Report of Factual Investigation",
                 "LIABILITY INVESTIGATION REPORT", "Circumstances Investigation - Final Report")
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, employer=emp.name, injury_date=inj.date,
                  body_part=inj.body_part)
    lines = [firm.name, firm.address]
    if firm.phone:
        lines.append(f"Ph {firm.phone}")
    lines += ["---", f"# {title}", ""]
    head = [
        f"| Prepared for | {cm.formal}, {story.insurer.name} |",
        f"| {_claim_label(rng)} | {story.claim_number} |",
        f"| Our reference | {_file_ref(story, rng)} |",
        f"| Worker | {w.name} |",
    ]
    fields.update(claim_number=story.claim_number, case_manager=cm.name)
    if rng.random() < 0.7:
        head.append(f"| Date of birth | {f(story.worker_dob)} |")
    head += [
        f"| Employer | {emp.name} |",
        f"| Date of injury | {f(inj.date)} |",
        f"| Injury | {inj.nature}, {inj.body_part} |",
        f"| Date of instruction | {f(d_instr)} |",
        f"| Date of report | {f(spec.date)} |",
    ]
    lines += head + [""]

    n = 1

    def sec(name: str) -> None:
        nonlocal n
        lines.append(f"## {n}. {name}")
        n += 1

    sec("Instructions")
    lines.append(pick(
        rng,
        f"We were instructed by {cm.formal} of {story.insurer.name} on {f(d_instr)} to conduct a "
        f"factual investigation into the circumstances of the injury reported by {w.formal}.",
        f"On {f(d_instr)} we received instructions from {story.insurer.name} (case manager "
        f"{cm.name}) to obtain statements and establish the circumstances of the claimed injury.",
    ))
    lines.append("Specifically we were asked to:")
    asks = [
        "obtain a signed statement from the worker",
        "interview the employer and obtain relevant workplace records",
        "identify and interview any witnesses to the incident",
        "establish the worker's employment history and any prior injuries or claims",
        "obtain details of the worker's duties and earnings",
        "comment on any inconsistencies in the information obtained",
    ]
    rng.shuffle(asks)
    for i, a in enumerate(asks[: rng.randint(4, 6)]):
        lines.append(f"({chr(97 + i)}) {a};")
    lines.append("")

    sec(pick(rng, "Executive summary", "Summary", "Synopsis"))
    lines.append(
        f"{w.formal} is employed by {emp.name} as {_a(story.worker_occupation)}. "
        f"{he.capitalize()} reports that on {f(inj.date)} at about {inj.time}, at {inj.location}: "
        f"{inj.mechanism}"
    )
    lines.append(pick(
        rng,
        "The account given by the worker is broadly consistent with the employer's incident "
        "report and with the account of the witness interviewed.",
        "No material inconsistencies were identified between the worker's account, the "
        "employer records and the witness evidence obtained.",
        "The worker's account is consistent with the contemporaneous records, although the "
        "incident was not reported to the supervisor until later in the shift.",
    ))
    lines.append("")

    sec("Enquiries conducted")
    enquiries = [
        (visits[0], f"Interview with {w.formal} at {his} residence, {story.worker_address}"),
        (visits[min(1, len(visits) - 1)],
         f"Interview with {story.employer_contact.formal} "
         f"({story.employer_contact.role or 'supervisor'})"
         f" at {emp.address}"),
        (visits[min(2, len(visits) - 1)], "Inspection of incident location and workplace records"),
        (visits[-1], "Database searches (prior claims, ASIC, social media)"),
    ]
    for d, what in enquiries:
        lines.append(f"| {f(d)} | {what} |")
    lines.append("")

    sec("The worker")
    lines.append("### Background" if rng.random() < 0.3 else "Background:")
    age = (spec.date - story.worker_dob).days // 365
    lines.append(
        f"{w.formal} is {age} years of age and resides at {story.worker_address}. "
        + pick(rng, f"{he.capitalize()} lives with {his} partner and two children.",
               f"{he.capitalize()} lives alone.",
               f"{he.capitalize()} resides with {his} parents.",
               f"{he.capitalize()} lives with {his} partner.")
    )
    lines.append(
        pick(rng, "English is the worker's first language; an interpreter was not required.",
             "The worker speaks English well and declined an interpreter.",
             "The interview was conducted in English without difficulty.")
    )
    lines.append("")
    lines.append("Employment history:")
    start_year = max(story.worker_dob.year + 18, inj.date.year - rng.randint(1, 9))
    lines.append(
        f"The worker commenced with {emp.name} in {start_year} as "
        f"{_a(story.worker_occupation)}. "
        + pick(rng, "Employment is full time, Monday to Friday.",
               f"{he.capitalize()} works a rotating roster of day and afternoon shifts.",
               f"{he.capitalize()} is employed on a permanent part-time basis.")
    )
    lines.append(
        f"Ordinary hours are {story.ordinary_hours:g} per week at "
        f"${story.hourly_rate:.2f} per hour."
        if rng.random() < 0.6 else
        "Earnings information was requested from the employer (see section on employer)."
    )
    lines.append("")
    lines.append("The incident:")
    lines.append(
        f"On {f(inj.date)} the worker commenced {his} shift as usual. At approximately {inj.time} "
        f"{he} was working at {inj.location}. {inj.mechanism}"
    )
    lines.append(pick(
        rng,
        f"{he.capitalize()} reported the incident to {story.employer_contact.formal} the same day "
        "and an incident report was completed.",
        f"{he.capitalize()} continued working until the end of the shift and reported the "
        "incident the following morning.",
        f"{he.capitalize()} stopped work immediately and informed {his} supervisor.",
    ))
    lines.append("")
    lines.append("Treatment:")
    lines.append(
        f"The worker first attended {story.treating_doctor.formal} at {story.practice.name} "
        f"and was diagnosed with {_lc_first(inj.diagnosis)}. "
        + pick(rng, f"{he.capitalize()} has since been referred to {story.physio.formal} for "
               "physiotherapy.",
               f"{he.capitalize()} is attending physiotherapy at {story.physio_practice.name}.",
               "Treatment to date has consisted of analgesia, rest and physiotherapy.")
    )
    lines.append("")
    lines.append("Prior injuries and claims:")
    lines.append(pick(
        rng,
        f"The worker denied any prior injury to the {inj.body_part} and denied any previous "
        "workers compensation claims.",
        f"The worker disclosed a minor {inj.body_part} complaint approximately ten years ago that "
        "resolved with physiotherapy. No time off work. No prior claims.",
        "The worker stated that he or she had never made a workers compensation or motor "
        "accident claim.".replace("he or she", he),
    ))
    lines.append("")
    lines.append("Activities and other employment:")
    lines.append(pick(
        rng,
        "The worker has no secondary employment and does not play organised sport.",
        "The worker previously played social football but has not done so since the injury.",
        f"The worker advised {he} has no other employment. {his.capitalize()} hobbies include "
        "fishing and gardening, which have been limited since the injury.",
    ))
    lines.append("")

    witness_sec = [
        "The employer",
        (
            f"{story.employer_contact.formal}, {story.employer_contact.role or 'supervisor'}, was "
            f"interviewed at {emp.address}. "
            + pick(rng, "The employer does not dispute that the incident occurred.",
                   "The employer confirmed the incident was reported on the day.",
                   "The employer raised no concerns regarding the claim.")
        ),
        pick(rng,
             "Suitable duties are available within the worker's restrictions.",
             "The employer advised that light duties can be offered on reduced hours.",
             "The employer is unable to offer suitable duties at this time."),
        "Copies of the incident report, roster and pay slips for the 52 weeks prior were "
        "obtained." if rng.random() < 0.6 else
        "The employer provided a copy of the incident report and position description.",
    ]
    if story.injury.psychological:
        other_sec = [
            "Workplace factors",
            "The worker identified a number of workplace events said to have contributed to the "
            "condition, including workload, changes to rostering and interactions with a "
            "manager. The employer's response to each is recorded in the attached statement.",
            "We were not asked to, and do not, express a view as to whether any action was "
            "reasonable management action.",
        ]
    else:
        other_sec = [
            "Scene inspection",
            f"We attended {inj.location} and photographed the area. "
            + pick(rng, "The area was clean, well lit and free of obstructions.",
                   "Manual handling aids (trolley, pallet jack) were available in the area.",
                   "Nothing unusual was noted about the work area."),
            "Photographs are attached as Annexure C.",
        ]
    blocks = [witness_sec, other_sec]
    if rng.random() < 0.5:
        blocks.reverse()
    for block in blocks:
        sec(block[0])
        lines += block[1:] + [""]

    sec("Database searches")
    lines.append(pick(
        rng,
        "A search of the prior claims register returned no previous claims.",
        "Insurance Reference Service search: no matches.",
        "Prior claims search: nil relevant history.",
    ))
    lines.append(pick(
        rng,
        "An ASIC search identified no company directorships or business names.",
        "No business interests were identified.",
        "ABN lookup: no active ABN registered to the worker.",
    ))
    lines.append("")

    sec(pick(rng, "Findings", "Conclusions", "Findings and observations"))
    findings = [
        f"The incident occurred on {f(inj.date)} in the course of the worker's employment.",
        "The incident was reported to the employer within a reasonable time.",
        "There is no evidence of a prior injury or claim affecting the same body part.",
        "The worker's account is supported by the employer and witness evidence."
        if rng.random() < 0.7 else
        "The witness did not see the incident but observed the worker immediately afterwards.",
        "The worker presented as cooperative and credible throughout interview.",
    ]
    for i, x in enumerate(findings[: rng.randint(3, 5)], 1):
        lines.append(f"{n - 1}.{i} {x}")
    lines.append("")
    lines.append("## Annexures")
    for a in ("A. Signed statement of the worker", "B. Statement of employer representative",
              "C. Photographs", "D. Incident report", "E. Authority signed by the worker"):
        lines.append(a)
    lines += ["", pick(rng, "We trust this report is of assistance.",
                       "Please contact the writer should you require anything further."),
              "", inv.formal, inv.role or "Licensed investigator", firm.name,
              f"Licence no. {rng.randint(400000, 499999)}" if rng.random() < 0.5 else "",
              "", f"Page 1 of {rng.randint(3, 7)}" if rng.random() < 0.4 else ""]
    return _doc(spec, "factual_report_long", "report", lines, fields)


_OBS_HOME = (
    "Subject exited the front door of the residence and walked to a {car} parked in the driveway.",
    "Subject observed standing on the front porch talking on a mobile phone.",
    "Subject observed watering the front garden with a hose held in the right hand.",
    "Subject observed carrying a green wheelie bin to the kerb.",
    "Subject observed bending at the waist to pick up the newspaper from the lawn.",
    "Subject observed walking a small dog along the footpath at a normal pace.",
    "No activity observed at the residence.",
)
_OBS_OUT = (
    "Subject drove to {shop}, parked and entered the premises.",
    "Subject observed carrying shopping bags in both hands to the vehicle.",
    "Subject observed loading a bag of potting mix (approx. 25 L) into the boot of the vehicle.",
    "Subject observed pushing a loaded trolley across the car park without apparent difficulty.",
    "Subject observed walking with a normal gait; no limp or guarding apparent.",
    "Subject attended {practice}; exited approximately 35 minutes later and returned to the "
    "vehicle.",
    "Subject observed sitting at an outdoor table of a cafe for approximately 30 minutes.",
    "Subject observed reaching up to a high shelf with the {side} arm.",
    "Subject observed walking slowly and holding the {part}; appeared to be in discomfort.",
    "Subject observed wearing a support brace on the {part}.",
)


@template(DT, "surveillance_log")
def surveillance_log(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inv, firm = story.worker, story.investigator, story.investigation_firm
    cs = rng.randrange(3)
    car = rng.choice(_CARS)
    days = _days_before(story, spec, rng, rng.randint(2, 3))
    fields = _base_fields(story, spec)
    fields["author"] = inv.name
    title = pick(rng, "SURVEILLANCE REPORT", "Surveillance Report", "Activity Surveillance Report")
    lines = [f"# {title}",
             firm.name + (f" | {firm.phone}" if firm.phone else ""), ""]
    lines.append(f"Subject: {w.name}")
    if rng.random() < 0.5:
        lines.append(f"DOB: {f(story.worker_dob)}")
    lines.append(f"Address: {story.worker_address}")
    if rng.random() < 0.7:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines.append(f"Vehicle: {car}")
    lines.append(f"Operative: {inv.name}")
    lines.append(f"Report date: {f(spec.date)}")
    lines.append("")
    lines.append("## Summary")
    total_min = 0
    body: list[str] = []
    table = rng.random() < 0.4
    for d in days:
        start = rng.randint(6 * 60, 8 * 60)
        t = start
        body.append(f"## {pick(rng, 'Day', 'Surveillance day', 'Date')}: {d.strftime('%A')} {f(d)}")
        body.append("Weather: " + pick(rng, "fine and sunny", "overcast", "light rain",
                                       "fine, cool"))
        if table:
            body.append("| Time | Observation |")
        entries = [f"Surveillance commenced in the vicinity of the subject's residence. "
                   f"{car[0].upper() + car[1:]} sighted in driveway."]
        pool_home = list(_OBS_HOME)
        pool_out = list(_OBS_OUT)
        rng.shuffle(pool_home)
        rng.shuffle(pool_out)
        entries += pool_home[: rng.randint(1, 3)] + pool_out[: rng.randint(2, 5)]
        entries.append(pick(rng, "Subject returned to the residence. Surveillance discontinued.",
                            "No further activity. Surveillance concluded.",
                            "Subject lost in traffic. Surveillance terminated."))
        for e in entries:
            e = e.format(car=car, shop=rng.choice(_SHOPS), practice=story.practice.name,
                         side=rng.choice(("left", "right")), part=story.injury.body_part)
            tm = _clock(t, cs)
            body.append(f"| {tm} | {e} |" if table else f"{tm} {e}")
            t += rng.randint(4, 95)
        total_min += t - start
        vid = rng.randint(2, 40)
        body.append(f"Video obtained: {vid} min {rng.randint(0, 59)} sec")
        body.append("")
    lines.append(
        f"Surveillance was conducted over {len(days)} days totalling approximately "
        f"{total_min / 60:.1f} hours. "
        + pick(rng, "The subject was observed on each day.",
               "The subject was observed on some but not all days.",
               "Limited activity was observed.")
    )
    lines.append("")
    lines += body
    lines.append("## Comments")
    lines.append(pick(
        rng,
        "During the periods observed the subject did not display any obvious restriction of "
        "movement.",
        "The subject was at times observed to move cautiously, consistent with the reported "
        "injury.",
        "The activities observed were of a light domestic nature.",
    ))
    lines += ["", f"{inv.name}", pick(rng, "Field Operative", "Licensed Investigator",
                                       "Surveillance Operative")]
    return _doc(spec, "surveillance_log", "report", lines, fields)


@template(DT, "signed_statement")
def signed_statement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, emp = story.worker, story.injury, story.employer
    inv = story.investigator
    fields = _base_fields(story, spec)
    fields.update(author=w.name, employer=emp.name, injury_date=inj.date)
    lines = [f"# STATEMENT OF {w.name.upper()}" if rng.random() < 0.5
             else f"# Statement - {w.name}"]
    if rng.random() < 0.6:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    place = story.worker_address.split(",")[-1].strip()
    lines += [f"Taken at: {place}", f"Date: {f(spec.date)}", ""]
    lines.append(
        f"I, {w.name}, of {story.worker_address}, {_lc_first(story.worker_occupation)}, "
        + pick(rng, "state as follows:", "say as follows:", "make the following statement:")
    )
    lines.append("")
    paras = [
        f"I was born on {f(story.worker_dob)}. "
        + pick(rng, "English is my first language.", "I am able to read and speak English.",
               "I do not require an interpreter."),
        f"I am employed by {emp.name} as {_a(story.worker_occupation)}. "
        + pick(rng, "I work full time.", "I work about 38 hours a week.",
               "I started there a few years ago."),
        "My normal duties include "
        + pick(rng, "picking and packing orders, loading trucks and general cleaning.",
               "the usual tasks of my position as described in my position description.",
               "a lot of standing, lifting and walking."),
        f"On {f(inj.date)} at about {inj.time} I was at {inj.location}. "
        + _first_person(inj.mechanism),
        pick(rng,
             f"I told my supervisor, {story.employer_contact.name}, straight away.",
             "I reported it to my supervisor before the end of the shift.",
             "I finished my shift and reported it the next day because I thought it would settle."),
        f"I saw {story.treating_doctor.formal} at {story.practice.name} who gave me a certificate "
        "and referred me for physiotherapy.",
        pick(rng,
             f"My {inj.body_part} is still sore. I have trouble sleeping and sitting for long "
             "periods.",
             f"I still have pain in my {inj.body_part}, mostly at the end of the day.",
             "The pain has improved a bit since physio but I am not back to normal."),
        pick(rng,
             f"I have never injured my {inj.body_part} before.",
             "I have not made a workers compensation claim before.",
             f"About five years ago I hurt my {inj.body_part} playing sport but it got better "
             "and I did not need time off work."),
        pick(rng, "I do not have any other job.", "I do not have a second job or run a business.",
             "Since the injury I have not worked anywhere else."),
        pick(rng, "I want to get back to work as soon as I can.",
             "I would like to return to my normal job when the doctor says I can.",
             "I am happy to do light duties if they are available."),
    ]
    for i, p in enumerate(paras, 1):
        lines.append(f"{i}. {p}")
    lines.append("")
    lines.append(pick(
        rng,
        "This statement, consisting of 2 pages, is true and correct to the best of my knowledge "
        "and belief. I have read it / had it read to me and I have been given the opportunity to "
        "make corrections.",
        "I have read this statement and it is true and correct. I make it knowing that it may be "
        "used in relation to my claim for workers compensation.",
    ))
    lines += ["", f"Signed: ........................  ({w.name})", f"Date: {f(spec.date)}", "",
              f"Witnessed: ...................... ({inv.name}, {story.investigation_firm.name})"]
    if inj.body_part in "\n".join(lines):
        fields["body_part"] = inj.body_part
    return _doc(spec, "signed_statement", "report", lines, fields)


@template(DT, "witness_statement_supervisor")
def witness_statement_supervisor(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, emp, sup = story.worker, story.injury, story.employer, story.employer_contact
    fields = _base_fields(story, spec)
    fields.update(author=sup.name, employer=emp.name, injury_date=inj.date)
    role = sup.role or "Supervisor"
    lines = [pick(rng, "# WITNESS STATEMENT", "# Statement of Witness", "# EMPLOYER STATEMENT")]
    lines += [f"Name: {sup.name}", f"Position: {role}", f"Employer: {emp.name}",
              f"Re: {w.name} - incident {f(inj.date)}", ""]
    if rng.random() < 0.5:
        lines.insert(4, f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    paras = [
        f"I am the {_lc_first(role)} at {emp.name}, {emp.address}. I have held this position for "
        f"{rng.randint(2, 12)} years.",
        f"I have known {w.name} since {w.first} started with the company. "
        + pick(rng, f"{w.first} is a reliable worker.", f"{w.first} has a good work record.",
               "I have had no performance concerns."),
        pick(rng,
             f"I did not see the incident on {f(inj.date)}. {w.first} came to me at about "
             f"{inj.time} and told me what had happened.",
             f"I was nearby when it happened on {f(inj.date)} but did not see the actual incident.",
             f"On {f(inj.date)} I was told by another staff member that {w.first} had been hurt."),
        f"{w.first} told me: {inj.mechanism}",
        pick(rng,
             "I completed an incident report and notified our insurer.",
             "I filled in the incident report with the worker and sent it to HR.",
             "An entry was made in the register of injuries that day."),
        pick(rng,
             f"{w.first} has not told me about any previous problems with the {inj.body_part}.",
             "I am not aware of any previous injury.",
             f"As far as I know {w.first} did not have any issue with the {inj.body_part} before."),
        pick(rng,
             "We can offer suitable duties such as labelling, stock counts and checking paperwork.",
             "We have light duties available if the doctor allows it.",
             "At this stage we do not have suitable duties but this may change."),
    ]
    for i, p in enumerate(paras, 1):
        lines.append(f"{i}. {p}")
    lines += ["", "I make this statement believing it to be true.", "",
              f"Signature: ____________________   Date: {f(spec.date)}",
              f"Statement taken by: {story.investigator.name}"]
    return _doc(spec, "witness_statement_supervisor", "report", lines, fields)


@template(DT, "activity_check")
def activity_check(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inv, firm = story.worker, story.investigator, story.investigation_firm
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, claim_number=story.claim_number)
    lines = [f"# {pick(rng, 'ACTIVITY CHECK', 'Activity Check Report', 'Desktop Activity Check')}",
             f"{firm.name} - {firm.address}", "",
             f"To: {cm.name}, {story.insurer.name}", f"{_claim_label(rng)}: {story.claim_number}",
             f"Worker: {w.name}", f"Date: {f(spec.date)}", ""]
    fields["case_manager"] = cm.name
    checks = [
        ("Residential address verified",
         pick(rng, "Confirmed - worker resides at the nominated address.",
              "Confirmed via electoral roll and site attendance.")),
        ("Vehicle registration",
         pick(rng, f"One vehicle registered: {rng.choice(_CARS)}.", "No vehicles registered.")),
        ("ABN / ASIC search",
         pick(rng, "No ABN or company interests identified.",
              "Cancelled ABN (sole trader, cleaning services) - cancelled prior to injury.")),
        ("Neighbourhood enquiries",
         pick(rng, "Two neighbours spoken to; no relevant information.",
              "Not conducted (not instructed).",
              "Neighbour advised the worker is rarely seen during the day.")),
        ("Site observations",
         pick(rng, "Attended address 07:30-10:30. No activity observed.",
              "Attended address 14:00-16:00. Worker observed briefly collecting mail.",
              "Vehicle absent on attendance.")),
    ]
    rng.shuffle(checks)
    ticked = rng.random() < 0.5
    for label, result in checks:
        if ticked:
            lines.append(f"[x] {label}: {result}")
        else:
            lines += [f"## {label}", result]
    lines += ["", "Conclusion:",
              pick(rng, "Nothing identified that is inconsistent with the claim.",
                   "No indication of other employment or business activity.",
                   "Results are unremarkable. Recommend no further action at this time."),
              "", inv.name]
    return _doc(spec, "activity_check", "report", lines, fields)


@template(DT, "social_media_check")
def social_media_check(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inv, firm = story.worker, story.investigator, story.investigation_firm
    fields = _base_fields(story, spec)
    fields["author"] = inv.name
    title = pick(rng, "Social Media & Open Source Check", "SOCIAL MEDIA CHECK REPORT",
                 "Online Presence Report")
    lines = [f"# {title}",
             firm.name, ""]
    if rng.random() < 0.7:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Subject: {w.name}", f"Search date: {f(spec.date)}", ""]
    lines.append("## Platforms searched")
    lines.append("| Platform | Profile located | Privacy | Relevant content |")
    plats = ["Facebook", "Instagram", "LinkedIn", "TikTok", "X (Twitter)", "YouTube", "Strava"]
    rng.shuffle(plats)
    found_any = False
    for p in plats[: rng.randint(4, 7)]:
        found = rng.random() < 0.5
        found_any |= found
        lines.append(
            f"| {p} | {'Yes' if found else 'No'} | "
            f"{pick(rng, 'Public', 'Partially public', 'Private') if found else '-'} | "
            f"{pick(rng, 'Yes', 'No', 'Nil since injury') if found else '-'} |"
        )
    lines.append("")
    if found_any and rng.random() < 0.7:
        lines.append("## Posts of interest")
        for d in _days_before(story, spec, rng, rng.randint(1, 3)):
            lines.append(
                f"- {f(d)}: "
                + pick(rng, "Photograph of the subject at a family barbecue, standing.",
                       "Check-in at a local gym.",
                       "Post referring to being 'off work with my back' and 'bored at home'.",
                       "Photograph of a fishing trip; subject holding a fish.",
                       "Shared a post from a local football club; no image of the subject.")
            )
        lines.append("")
    lines.append("## Comment")
    lines.append(pick(
        rng,
        "No content was identified that is inconsistent with the claimed injury.",
        "The content located is of limited evidentiary value.",
        "Screenshots have been preserved and are available on request.",
    ))
    lines += ["", f"Analyst: {inv.name}"]
    return _doc(spec, "social_media_check", "report", lines, fields)


@template(DT, "surveillance_email_summary")
def surveillance_email_summary(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """A short surveillance summary sent by email: looks like a note but is an investigation."""
    f = _fd(rng)
    w, inv, firm = story.worker, story.investigator, story.investigation_firm
    cm = story.case_manager_on(spec.date)
    days = _days_before(story, spec, rng, rng.randint(1, 3))
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, case_manager=cm.name)
    del fields["worker"]
    subj = pick(rng, f"Surveillance update - {w.name}",
                f"RE: Surveillance - {w.last} - {story.claim_number}",
                f"Prelim surveillance results {story.claim_number}")
    if story.claim_number in subj:
        fields["claim_number"] = story.claim_number
    if w.name in subj:
        fields["worker"] = w.name
    headers = {
        "From": f"{inv.name} <{_mail(inv, story.investigation_firm.email_domain, firm.name)}>",
        "To": f"{cm.name} <{_mail(cm, story.insurer.email_domain, story.insurer.name)}>",
        "Subject": subj,
        "Date": f(spec.date),
    }
    lines = [f"Hi {cm.first},", "",
             pick(rng, "Quick summary of surveillance to date, full report to follow:",
                  "Brief update on the surveillance as requested.",
                  "Please see below preliminary results.")]
    lines.append("")
    cs = rng.randrange(3)
    for d in days:
        hrs = rng.choice((4, 5, 6, 6.5, 7, 8))
        t = rng.randint(7 * 60, 11 * 60)
        obs = pick(
            rng,
            f"subject observed {_clock(t, cs)} driving to {rng.choice(_SHOPS)}, carrying bags, "
            "no obvious restriction",
            "no activity sighted, vehicle remained in driveway",
            f"subject attended {story.physio_practice.name} {_clock(t, cs)}, walked with "
            "slight limp",
            f"subject observed {_clock(t, cs)} gardening for approx 20 min incl. bending",
        )
        lines.append(f"- {f(d)} ({hrs} hrs): {obs}.")
    lines.append("")
    lines.append(pick(rng, "Approx 18 min of footage obtained.", "Footage is being edited.",
                      "Limited footage obtained."))
    lines.append(pick(rng, "Let me know if you want another day booked.",
                      "Do you want us to continue?", "Happy to discuss."))
    lines += ["", pick(rng, "Regards", "Cheers", "Thanks"), inv.first,
              f"{inv.name} | {firm.name}" if rng.random() < 0.6 else ""]
    return _doc(spec, "surveillance_email_summary", "email", lines, fields, headers,
                hn="file_note")


@template(DT, "findings_summary_short")
def findings_summary_short(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, inv = story.worker, story.injury, story.investigator
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, injury_date=inj.date, employer=story.employer.name,
                  claim_number=story.claim_number)
    lines = [story.investigation_firm.name.upper(), "",
             f"# {pick(rng, 'Investigation Summary', 'Summary of Findings', 'Interim Report')}",
             f"{w.name} v {story.employer.name} | {story.claim_number} | DOI {f(inj.date)}", ""]
    bullets = [
        f"Worker interviewed on {f(spec.date - dt.timedelta(days=rng.randint(2, 9)))}; signed "
        "statement obtained.",
        f"Employer contact {story.employer_contact.name} interviewed; incident not disputed.",
        pick(rng, "No independent witnesses identified.", "One co-worker witness identified and "
             "interviewed.", "The incident was unwitnessed."),
        pick(rng, "No prior claims located.", "One prior claim (2016, unrelated body part)."),
        pick(rng, "CCTV not available (overwritten after 14 days).", "CCTV obtained and reviewed; "
             "incident partly captured.", "No CCTV in the area."),
        f"Mechanism as described is consistent with a {inj.nature} to the {inj.body_part}.",
    ]
    rng.shuffle(bullets)
    for b in bullets[: rng.randint(4, 6)]:
        lines.append(f"- {b}")
        if inj.body_part in b:
            fields["body_part"] = inj.body_part
    lines += ["", pick(rng, "Recommendation: no further investigation required.",
                       "Full report to follow within 5 business days.",
                       "Recommendation: liability may be determined on the information obtained."),
              "", inv.name]
    return _doc(spec, "findings_summary_short", "report", lines, fields)


@template(DT, "employer_interview_qa")
def employer_interview_qa(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, emp, sup, inv = (story.worker, story.injury, story.employer, story.employer_contact,
                             story.investigator)
    fields = _base_fields(story, spec)
    fields.update(employer=emp.name, author=inv.name)
    title = pick(rng, "RECORD OF INTERVIEW", "Record of Interview - Employer", "Interview Notes")
    lines = [f"# {title}",
             f"Interviewee: {sup.formal}, {sup.role or 'Supervisor'}, {emp.name}",
             f"Interviewer: {inv.formal}",
             f"Date: {f(spec.date)}  Location: {emp.address}",
             f"Re: claim by {w.name}" + (f" ({story.claim_number})" if rng.random() < 0.5 else ""),
             ""]
    if story.claim_number in lines[4]:
        fields["claim_number"] = story.claim_number
    qa = [
        ("How long has the worker been employed?",
         pick(rng, f"About {rng.randint(2, 9)} years.", "Since before I started here.",
              "Roughly three years, full time.")),
        ("What are the worker's usual duties?",
         pick(rng, "General warehouse work, picking, packing, loading.",
              f"Normal {_lc_first(story.worker_occupation)} duties.",
              "Whatever is on the job sheet for the day, mostly manual.")),
        ("When were you told about the incident?",
         pick(rng, f"Same day, {f(inj.date)}, around {inj.time}.", "The next morning.",
              "At the end of the shift.")),
        ("What were you told?", f"{inj.mechanism}"),
        ("Were there any witnesses?",
         pick(rng, "Not that I know of.", "A co-worker was nearby.", "No, the worker was alone.")),
        ("Any previous complaints or injuries?",
         pick(rng, "No.", "Not that I'm aware of.",
              "There was a minor first aid entry last year.")),
        ("Any performance or disciplinary issues?",
         pick(rng, "None.", "Nothing formal.",
              "There was a conversation about lateness a while back.")),
        ("Are suitable duties available?",
         pick(rng, "Yes, we can accommodate restrictions.", "Limited, depends on restrictions.",
              "Not at the moment.")),
    ]
    for q, a in qa:
        if rng.random() < 0.5:
            lines += [f"Q: {q}", f"A: {a}"]
        else:
            lines += [f"Q. {q}", f"A. {a}"]
    lines += ["", "Interview concluded. Notes read back to the interviewee and agreed.", "",
              inv.name]
    if f(inj.date) in "\n".join(lines):
        fields["injury_date"] = inj.date
    return _doc(spec, "employer_interview_qa", "report", lines, fields)


@template(DT, "worker_interview_transcript")
def worker_interview_transcript(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inj, inv = story.worker, story.injury, story.investigator
    cs = rng.randrange(3)
    t0 = rng.randint(9 * 60, 15 * 60)
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, injury_date=inj.date, body_part=inj.body_part)
    tag_i = pick(rng, "INV", inv.last.upper(), "Q")
    tag_w = pick(rng, w.last.upper(), "IW", "A")
    title = pick(rng, "TRANSCRIPT OF RECORDED INTERVIEW", "Recorded Interview - Transcript")
    lines = [f"# {title}",
             f"Interviewee: {w.name}", f"Interviewer: {inv.name}, {story.investigation_firm.name}",
             f"Date: {f(spec.date)}  Commenced: {_clock(t0, cs)}", ""]
    if rng.random() < 0.5:
        lines.insert(1, f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    convo = [
        (tag_i, f"This is a recorded interview with {w.name}. Do you agree to the interview being "
                "recorded?"),
        (tag_w, "Yes."),
        (tag_i, "Can you tell me your date of birth?"),
        (tag_w, f(story.worker_dob)),
        (tag_i, "Who do you work for?"),
        (tag_w, f"{story.employer.name}."),
        (tag_i, f"Tell me in your own words what happened on {f(inj.date)}."),
        (tag_w, pick(rng, "Yeah, so ", "Okay, ", "Um, ") + _lc_first(_first_person(inj.mechanism))),
        (tag_i, "What time was that?"),
        (tag_w, pick(rng, f"About {inj.time}.", f"Around {inj.time}, maybe a bit after.")),
        (tag_i, "Who did you tell?"),
        (tag_w, pick(rng, f"{story.employer_contact.first}, my supervisor.", "My supervisor.",
                     "I told the leading hand and then the supervisor.")),
        (tag_i, f"Have you ever had problems with your {inj.body_part} before?"),
        (tag_w, pick(rng, "No, never.", "Not really, just normal aches.",
                     "Once years ago, it got better.")),
        (tag_i, "How are you going now?"),
        (tag_w, pick(rng, "Still sore. Physio is helping a bit.", "Better than it was.",
                     "Not good, I can't sleep properly.")),
    ]
    for who, said in convo:
        lines.append(f"{who}: {said}")
    lines += ["", f"Interview concluded at {_clock(t0 + rng.randint(18, 55), cs)}."]
    return _doc(spec, "worker_interview_transcript", "report", lines, fields)


@template(DT, "outcome_checklist_form")
def outcome_checklist_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    w, inv = story.worker, story.investigator
    cm = story.case_manager_on(spec.date)
    fields = _base_fields(story, spec)
    fields.update(author=inv.name, claim_number=story.claim_number, case_manager=cm.name,
                  employer=story.employer.name, injury_date=story.injury.date)
    title = pick(rng, "INVESTIGATION OUTCOME SUMMARY", "Investigation Report - Cover Sheet")
    lines = [f"# {title}",
             f"Insurer: {story.insurer.name}   Case manager: {cm.name}",
             f"Claim: {story.claim_number}   Worker: {w.name}",
             f"Employer: {story.employer.name}   DOI: {f(story.injury.date)}",
             f"Investigator: {inv.name} ({story.investigation_firm.name})   Date: {f(spec.date)}",
             "---", "## Scope completed"]
    for item in ("Worker statement", "Employer statement", "Witness statement(s)",
                 "Scene photographs", "Prior claims search", "Surveillance",
                 "Social media check"):
        lines.append(f"{'[x]' if rng.random() < 0.7 else '[ ]'} {item}")
    lines += ["## Outcome"]
    outcome = rng.randrange(3)
    for i, o in enumerate(("Supports the claim as described", "Inconclusive",
                           "Raises matters for the insurer's consideration")):
        lines.append(f"{'[x]' if i == outcome else '[ ]'} {o}")
    lines += ["## Comments",
              pick(rng, "See attached report for detail.",
                   "Worker cooperative. Employer supportive of RTW.",
                   "Delay in reporting explained by the worker; see statement para 5."),
              "", "Signature: ______________"]
    return _doc(spec, "outcome_checklist_form", "form", lines, fields)
