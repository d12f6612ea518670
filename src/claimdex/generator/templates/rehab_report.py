"""Workplace rehabilitation provider reports and return-to-work / suitable duties plans.

Initial needs assessments, workplace assessments, FCEs, vocational assessments, progress
and closure reports, RTW plans written by the rehab provider or the employer. ``spec.about``
may be a Certificate; otherwise the latest certificate on or before ``spec.date`` is used.
"""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import capacity_phrase, maybe, money
from claimdex.generator.model import Certificate, ClaimStory, Doc, DocSpec, template
from claimdex.generator.templates._shared import current_certificate as _cert
from claimdex.generator.templates._shared import dater as _dater
from claimdex.generator.templates._shared import make_doc

DOC_TYPE = "rehab_report"


def _doc(*args, **kwargs) -> Doc:
    return make_doc(DOC_TYPE, *args, **kwargs)


_OUTCOMES = (
    "Same employer, same duties",
    "Same employer, different duties",
    "Different employer, same duties",
    "Different employer, different duties",
    "Not returned to work",
)


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim number", "Claim no.", "Insurer claim #", "Claim No",
                       "Insurer ref", "Claim"))


def _ref_no(rng: random.Random) -> str:
    return rng.choice(("WA-", "R", "REF ", "")) + str(rng.randint(10000, 99999))


def _cap(cert: Certificate, rng: random.Random) -> str:
    txt = capacity_phrase(cert.capacity, rng)
    if cert.capacity == "suitable_duties" and cert.hours_per_day:
        txt += f" for {cert.hours_per_day} hours/day, {cert.days_per_week} days/week"
    return txt


def _duties(story: ClaimStory, rng: random.Random, k: int = 4) -> list[str]:
    if story.injury.psychological:
        pool = ["Administrative tasks in a quiet area", "Filing and data entry",
                "Answering general enquiries (no conflict-handling)", "Stock reconciliation",
                "Attending team meeting (optional)", "Training modules online",
                "Work from a different site / reporting line"]
    else:
        pool = ["Label printing and scanning", "Data entry and inventory checks",
                "Quality checking of picked orders (seated/standing alternating)",
                "Light picking of items under 5 kg", "Answering phones / dispatch admin",
                "Training new staff (verbal instruction only)", "Forklift driving (if "
                "cleared)", "Packing small items at bench height", "Stocktake counting"]
    return rng.sample(pool, k=min(k, len(pool)))


def _avoid(story: ClaimStory, cert: Certificate, rng: random.Random) -> list[str]:
    if cert.restrictions:
        return list(cert.restrictions)
    if story.injury.psychological:
        return ["No contact with the manager involved in the complaint",
                "No customer complaint handling"]
    return rng.sample(["No lifting over 10 kg", "No repetitive bending or twisting",
                       "No overhead work", "Change position every 30 minutes",
                       "No ladder work"], k=2)


def _hours_schedule(cert: Certificate, start: dt.date, rng: random.Random, full: float
                    ) -> list[tuple[dt.date, int, int]]:
    """(week start, hours per day, days per week) upgrading towards full hours."""
    hpd = max(cert.hours_per_day, 3)
    dpw = max(cert.days_per_week, 3)
    full_hpd = max(hpd, round(full / 5))
    out = []
    for w in range(rng.randint(4, 6)):
        out.append((start + dt.timedelta(weeks=2 * w), hpd, dpw))
        if dpw < 5 and rng.random() < 0.5:
            dpw += 1
        else:
            hpd = min(full_hpd, hpd + rng.choice((1, 2)))
        if hpd >= full_hpd and dpw >= 5:
            out.append((start + dt.timedelta(weeks=2 * (w + 1)), hpd, dpw))
            break
    return out


def _consultant_block(story: ClaimStory, rng: random.Random) -> list[str]:
    rc = story.rehab_consultant
    out = [rc.formal if rng.random() < 0.5 else rc.name]
    qual = f", {rc.qualifications}" if rc.qualifications and rng.random() < 0.6 else ""
    out[0] += qual
    out.append(rc.role or "Rehabilitation Consultant")
    out.append(story.rehab_provider.name)
    if story.rehab_provider.phone and rng.random() < 0.5:
        out.append(f"Ph {story.rehab_provider.phone}")
    return out


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "initial_needs_assessment")
def initial_needs_assessment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Long initial needs assessment (INA) report with numbered sections."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    inj = story.injury
    referral = max(story.injury.date, spec.date - dt.timedelta(days=rng.randint(7, 14)))
    assessed = max(referral, spec.date - dt.timedelta(days=rng.randint(1, 5)))
    hours = rng.choice((8, 10, 12, 15))
    rate = rng.choice((165.0, 178.5, 190.0, 205.0))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number,
                                 "employer": story.employer.name,
                                 "injury_date": inj.date, "body_part": inj.body_part,
                                 "capacity": cert.capacity}
    lines = [f"# {story.rehab_provider.name}", story.rehab_provider.address, "",
             "## " + rng.choice((
                 'Initial Needs Assessment Report',
                 'INITIAL NEEDS ASSESSMENT',
                 'Initial Assessment Report',
             )),
             ""]
    lines += ["| | |", "|---|---|", f"| Worker | {story.worker.name} |",
              f"| {_claim_label(rng)} | {story.claim_number} |",
              f"| Insurer / case manager | {story.insurer.name} / {cm.name} |",
              f"| Employer | {story.employer.name} |",
              f"| Date of injury | {fd(inj.date)} |",
              f"| Referral received | {fd(referral)} |",
              f"| Assessment date | {fd(assessed)} |",
              f"| Report date | {fd(spec.date)} |",
              f"| Provider ref | {_ref_no(rng)} |", ""]
    lines += ["## 1. Reason for referral", rng.choice((
        "To assess the worker's rehabilitation needs and develop a return to work plan.",
        "Initial needs assessment, workplace assessment and development of a suitable duties "
        "program with the pre-injury employer.",
        "To identify barriers to recovery at work and coordinate a return to work.",
    )), ""]
    lines += ["## 2. Background", f"{story.worker.first} is employed as a "
              f"{story.worker_occupation.lower()} with {story.employer.name}. "
              + rng.choice((f"{'He' if story.worker.title == 'Mr' else 'She'} has worked there "
                            f"for about {rng.randint(2, 12)} years.",
                            "Employment is permanent full time.", "")),
              f"Injury: {inj.mechanism}", ""]
    lines += ["## 3. Medical and treatment",
              f"Nominated treating doctor: {story.treating_doctor.formal}, {story.practice.name}",
              f"Diagnosis: {inj.diagnosis}",
              "Treatment: " + rng.choice((
                  'physiotherapy weekly',
                  'psychology fortnightly',
                  'physiotherapy and hydrotherapy',
                  'GP management and medication',
              ))
              + maybe(rng, 0.5, f"; specialist review with {story.specialist.formal}"),
              f"Current certificate ({fd(cert.date_from)} - {fd(cert.date_to)}): "
              f"{_cap(cert, rng)}"]
    fields.update(cert_from=cert.date_from, cert_to=cert.date_to)
    if cert.restrictions:
        lines.append("Restrictions: " + "; ".join(cert.restrictions))
    lines.append("")
    if rng.random() < 0.7:
        lines += ["## 3a. Pre-injury duties", "| Task | Demands |", "|---|---|"]
        demands = [("Order picking", "Lifting 5-25 kg, bending, walking"),
                   ("Loading / unloading", "Carrying, twisting"),
                   ("Forklift / pallet jack", "Sitting, neck rotation, vibration"),
                   ("Computer / RF scanning", "Standing, fine motor"),
                   ("Housekeeping", "Sweeping, bending")]
        lines += [f"| {a} | {b} |" for a, b in rng.sample(demands, k=4)]
        lines.append("")
    if rng.random() < 0.6:
        lines += ["## 3b. Treatment history", "| Date | Provider | Treatment |", "|---|---|---|",
                  f"| {fd(inj.date)} | {story.treating_doctor.formal} | Initial consult, "
                  "certificate |",
                  f"| {fd(inj.date + dt.timedelta(days=rng.randint(3, 9)))} | "
                  f"{story.physio.formal} | Physiotherapy commenced |"]
        if rng.random() < 0.6:
            lines.append(f"| {fd(inj.date + dt.timedelta(days=rng.randint(20, 40)))} | "
                         f"{story.specialist.formal} | Specialist review |")
        lines.append("")
    lines += ["## 4. Current function"]
    func = ["Sitting tolerance approx. 30 minutes", "Standing tolerance 20-30 minutes",
            "Walking 15-20 minutes", "Independent with personal care", "Driving short distances",
            "Sleep disturbed 2-3 nights per week", "Household tasks with breaks"]
    lines += [f"- {f}" for f in rng.sample(func, k=4)]
    lines += ["", "## 5. Psychosocial factors", rng.choice((
        "Worker is motivated to return to work and has good supports.",
        "Worker reports financial stress and worry about job security (yellow flag).",
        "Fear of re-injury identified; Orebro screening score "
        f"{rng.randint(40, 70)} (moderate risk).",
    )), ""]
    lines += ["## 6. Employer consultation",
              f"Spoke with {story.employer_contact.formal} "
              f"({story.employer_contact.role or 'RTW coordinator'}). "
              + rng.choice(("Suitable duties are available within restrictions.",
                            "Employer is supportive but duties are limited on day shift.",
                            "Employer requested a workplace assessment before RTW.")), ""]
    lines += ["## 7. Barriers to RTW"]
    barriers = ["Pain with prolonged standing", "Limited suitable duties",
                "Transport - unable to drive long distances", "Low confidence",
                "Workplace relationship issues", "Awaiting specialist review"]
    lines += [f"- {b}" for b in rng.sample(barriers, k=rng.randint(2, 4))]
    lines += ["", "## 8. RTW goal", rng.choice((
        f"Same employer, same duties - full pre-injury hours by "
        f"{fd(spec.date + dt.timedelta(weeks=rng.choice((8, 10, 12))))}.",
        "Same employer, different duties (interim), progressing to pre-injury role.",
    )), ""]
    lines += ["## 9. Recommendations and proposed services",
              "| Service | Hours | Rate | Cost |", "|---|---|---|---|"]
    svc = [("Workplace assessment", 3), ("RTW plan development", 2),
           ("Case conference with NTD", 1.5), ("Monitoring and liaison", hours - 6.5)]
    for name, h in svc:
        lines.append(f"| {name} | {h:g} | {money(rate)} | {money(rate * h)} |")
    lines.append(f"| Total | {hours:g} | | {money(rate * hours)} |")
    lines += ["", f"Approval is sought for {hours} hours of services over "
              f"{rng.choice((8, 10, 12))} weeks.", ""]
    lines += ["## 10. Worker consent", rng.choice((
        "The worker consented to the assessment and release of this report.",
        "Signed consent held on file.",
    )), "", *_consultant_block(story, rng), f"Date: {fd(spec.date)}",
              maybe(rng, 0.5, "Page 1 of 4")]
    return _doc(spec, "initial_needs_assessment", "report", lines, fields)


@template(DOC_TYPE, "workplace_assessment")
def workplace_assessment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Worksite assessment: job demands, observed tasks, suitable duties, modifications."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cert = _cert(story, spec)
    visit = max(story.injury.date, spec.date - dt.timedelta(days=rng.randint(1, 6)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "employer": story.employer.name,
                                 "capacity": cert.capacity}
    lines = ["# " + rng.choice((
                 'Workplace Assessment',
                 'Worksite Assessment Report',
                 'Job Demands and Workplace Assessment',
             )),
             f"{story.rehab_provider.name}", ""]
    lines += [f"Worker: {story.worker.name}   Position: {story.worker_occupation}",
              f"Employer: {story.employer.name}, {story.employer.address}",
              f"Date of visit: {fd(visit)}   Report date: {fd(spec.date)}",
              f"Present: {story.worker.first}, {story.employer_contact.formal}, {rc.formal}"]
    if rng.random() < 0.6:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["", "## Pre-injury job demands", "| Task | Frequency | Physical demands |",
              "|---|---|---|"]
    if story.injury.psychological:
        tasks = [("Customer enquiries", "Constant", "Sitting, phone/computer"),
                 ("Team meetings", "Weekly", "Sitting"),
                 ("Report preparation", "Frequent", "Sitting, keyboard"),
                 ("Handling complaints", "Occasional", "Sustained concentration")]
    else:
        tasks = [("Order picking", "Frequent", "Lifting 5-25 kg, bending, walking"),
                 ("Pallet wrapping", "Occasional", "Twisting, walking backwards"),
                 ("Forklift operation", "Frequent", "Sitting, neck rotation"),
                 ("Loading trucks", "Occasional", "Lifting to 25 kg, carrying"),
                 ("RF scanning and labelling", "Constant", "Standing, reaching")]
    rng.shuffle(tasks)
    lines += [f"| {a} | {b} | {c} |" for a, b, c in tasks]
    lines += ["", "## Current capacity", f"Per current certificate, the worker {_cap(cert, rng)}."]
    lines += ["Restrictions: " + "; ".join(_avoid(story, cert, rng)), ""]
    lines += ["## Suitable duties identified"]
    lines += [f"- {d}" for d in _duties(story, rng)]
    lines += ["", "## Recommended modifications"]
    mods = ["Anti-fatigue mat at packing bench", "Height-adjustable bench", "Trolley for "
            "moving cartons", "Sit-stand stool", "Regular micro-breaks every 30 minutes",
            "Buddy system for any lifting over limit", "Quiet workstation away from main floor"]
    lines += [f"- {m}" for m in rng.sample(mods, k=3)]
    lines += ["", "## Outcome", rng.choice((
        "Employer agreed to implement suitable duties from next Monday.",
        "RTW plan to be drafted and sent to NTD for approval.",
        "Duties consistent with certificate; NTD approval of plan requested.",
    )), "", *_consultant_block(story, rng)]
    return _doc(spec, "workplace_assessment", "report", lines, fields)


@template(DOC_TYPE, "functional_capacity_evaluation")
def functional_capacity_evaluation(story: ClaimStory, spec: DocSpec, rng: random.Random
                                   ) -> Doc:
    """FCE: material handling, positional tolerances, effort consistency, job match."""
    fd = _dater(rng)
    assessor = story.rehab_consultant
    cert = _cert(story, spec)
    test_day = max(story.injury.date, spec.date - dt.timedelta(days=rng.randint(1, 7)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": assessor.name, "body_part": story.injury.body_part}
    lines = ["# " + rng.choice((
                 'Functional Capacity Evaluation',
                 'FUNCTIONAL CAPACITY EVALUATION (FCE)',
                 'Functional Capacity Assessment',
             )),
             f"{story.rehab_provider.name} | {story.rehab_provider.address}", ""]
    lines += [f"Client: {story.worker.name}", f"DOB: {fd(story.worker_dob)}",
              f"Injury: {story.injury.body_part} - {story.injury.diagnosis}",
              f"Assessment date: {fd(test_day)} (duration {rng.choice((2, 3, 4))} hours)",
              f"Referrer: {story.insurer.name}", ""]
    if rng.random() < 0.5:
        lines.insert(4, f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    base = 5 if cert.capacity == "none" else 10 if cert.capacity == "suitable_duties" else 18
    lines += ["## Material handling", "| Test | Safe maximum | Frequency |", "|---|---|---|"]
    for test, factor in (("Lift floor to waist", 1.0), ("Lift waist to shoulder", 0.8),
                         ("Two-handed carry 10 m", 1.1), ("Push (force)", 2.0),
                         ("Pull (force)", 1.8)):
        lines.append(f"| {test} | {round(base * factor + rng.randint(-2, 3))} kg | "
                     f"{rng.choice(('Occasional', 'Occasional', 'Frequent'))} |")
    lines += ["", "## Positional tolerances", "| Activity | Tolerance |", "|---|---|",
              f"| Sitting | {rng.choice((30, 45, 60))} min |",
              f"| Standing | {rng.choice((20, 30, 45))} min |",
              f"| Walking | {rng.choice((15, 20, 30))} min |",
              f"| Sustained stooping | {rng.choice(('Rarely', 'Occasional'))} |",
              f"| Overhead reach | {rng.choice(('Occasional', 'Frequent', 'Rarely'))} |", ""]
    lines += ["## Effort and consistency", rng.choice((
        "Heart rate responses and coefficient of variation indicate consistent, full effort.",
        "Some inconsistency in grip testing (CoV 18%); overall effort considered acceptable.",
        "Submaximal effort in lifting tasks; results represent minimum abilities.",
    )), ""]
    level = {"none": "Sedentary", "suitable_duties": rng.choice(("Light", "Light-Medium")),
             "pre_injury_duties": "Medium"}[cert.capacity]
    lines += ["## Summary", f"Overall physical demand level: {level}.",
              rng.choice((f"The worker does not currently meet the demands of the pre-injury "
                          f"role as {story.worker_occupation.lower()}.",
                          "Results support a graded return to pre-injury duties.",
                          "Results are consistent with the current certificate of capacity.")),
              "", "## Recommendations"]
    recs = ["Continue suitable duties within the tested limits",
            "Progressive work conditioning program (6 weeks)",
            "Review FCE in 8 weeks", "Job match to identified suitable duties",
            "Manual handling education"]
    lines += [f"- {r}" for r in rng.sample(recs, k=3)]
    lines += ["", f"Assessor: {assessor.formal}"
              + (f", {assessor.qualifications}" if assessor.qualifications else ""),
              f"Report date: {fd(spec.date)}"]
    return _doc(spec, "functional_capacity_evaluation", "report", lines, fields)


@template(DOC_TYPE, "vocational_assessment")
def vocational_assessment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Vocational / transferable skills assessment with suitable employment options."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "capacity": cert.capacity}
    lines = [story.rehab_provider.name.upper(), "",
             "# " + rng.choice((
                 'Vocational Assessment',
                 'Vocational Assessment and Transferable Skills Analysis',
                 'Vocational Assessment Report',
             )),
             "", f"Worker: {story.worker.name}", f"Report date: {fd(spec.date)}",
             f"Prepared for: {cm.name}, {story.insurer.name}", ""]
    fields["case_manager"] = cm.name
    if rng.random() < 0.7:
        lines.insert(5, f"{_claim_label(rng)}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += ["## Education and training",
              rng.choice(("Completed Year 10; forklift licence (LF); first aid certificate.",
                          "Completed Year 12; Certificate III in Warehousing Operations.",
                          "Trade certificate (overseas, not recognised); white card; RSA.")), ""]
    lines += ["## Work history", "| Period | Employer | Role |", "|---|---|---|",
              f"| {story.injury.date.year - rng.randint(3, 8)}-present | {story.employer.name} | "
              f"{story.worker_occupation} |",
              f"| earlier | {rng.choice(('Retail chain', 'Labour hire', 'Family business'))} | "
              f"{rng.choice(('Sales assistant', 'Process worker', 'Delivery driver'))} |", ""]
    fields["employer"] = story.employer.name
    lines += ["## Transferable skills"]
    skills = ["Stock control and inventory systems", "Customer service", "Basic computer "
              "skills (email, spreadsheets)", "Team leadership", "Time management",
              "Quality checking", "Licences: forklift, car"]
    lines += [f"- {s}" for s in rng.sample(skills, k=4)]
    lines += ["", "## Current capacity", f"{_cap(cert, rng).capitalize()}.", ""]
    lines += ["## Suitable employment options", "| Option | Fit with restrictions | Labour "
              "market |", "|---|---|---|"]
    options = [("Inventory / stock control clerk", "Good", "Moderate demand"),
               ("Customer service officer", "Good", "Strong demand"),
               ("Dispatch clerk", "Good", "Moderate"), ("Courier (light parcels)", "Fair",
                                                        "Strong"),
               ("Security officer (static)", "Fair", "Moderate"),
               ("Receptionist", "Good", "Moderate")]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rng.sample(options, k=3)]
    lines += ["", "## Recommendations", rng.choice((
        "Pursue return to the pre-injury employer in an alternative role; vocational options "
        "identified as a fallback.",
        "Short course (Certificate II in Customer Engagement) to support the top option.",
        "Job seeking support for 12 weeks once capacity is stable.",
    )), "", *_consultant_block(story, rng)]
    return _doc(spec, "vocational_assessment", "report", lines, fields)


@template(DOC_TYPE, "monthly_progress_report")
def monthly_progress_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Rehab progress report for a period: services, RTW status, barriers, next steps."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    start = max(story.injury.date, spec.date - dt.timedelta(days=rng.choice((28, 30, 31))))
    approved = rng.choice((10, 12, 15, 20))
    used = rng.randint(3, approved - 1)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "capacity": cert.capacity,
                                 "case_manager": cm.name}
    heading = rng.choice(("Progress Report", "Monthly Progress Report",
                          "Rehabilitation Progress Report"))
    lines = [f"{story.rehab_provider.name} - {heading}",
             "---",
             f"Worker: {story.worker.name} | {_claim_label(rng)}: {story.claim_number}",
             f"Case manager: {cm.name} | Employer: {story.employer.name}",
             f"Reporting period: {fd(start)} to {fd(spec.date)}", ""]
    fields.update(claim_number=story.claim_number, employer=story.employer.name)
    lines += ["## Services provided", "| Date | Activity | Hours |", "|---|---|---|"]
    acts = ["Phone contact with worker", "Case conference with NTD", "Worksite visit",
            "Liaison with employer", "RTW plan review", "Report writing"]
    day = start
    for act in rng.sample(acts, k=rng.randint(3, 5)):
        day = min(spec.date, day + dt.timedelta(days=rng.randint(3, 8)))
        lines.append(f"| {fd(day)} | {act} | {rng.choice((0.5, 1, 1.5, 2)):g} |")
    lines += ["", "## Medical update",
              f"Current certificate to {fd(cert.date_to)}: worker {_cap(cert, rng)}.", ""]
    fields["cert_to"] = cert.date_to
    lines += ["## Return to work status"]
    if cert.capacity == "none":
        lines.append("Not currently working. Suitable duties identified for when capacity is "
                     "certified.")
    else:
        lines.append(rng.choice((
            f"Working {cert.hours_per_day or 4} hrs/day, {cert.days_per_week or 3} days/week "
            "on suitable duties. Tolerating well.",
            "Duties upgraded during the period; worker reports increased fatigue but coping.",
            "RTW commenced; some difficulty with the afternoon shift.",
        )))
    lines += ["", "## Barriers", "- " + rng.choice((
        "Ongoing pain with prolonged standing", "Limited duties on night shift",
        "Worker anxious about returning to the same team", "Awaiting specialist review")), ""]
    lines += ["## Plan for next period"]
    plan = ["Upgrade hours in line with next certificate", "Case conference with NTD",
            "Review RTW plan with employer", "Monitor tolerance to duties",
            "Progress report at end of next month"]
    lines += [f"- {p}" for p in rng.sample(plan, k=3)]
    lines += ["", f"Hours approved: {approved}   Hours used to date: {used}   Remaining: "
              f"{approved - used}", "", *_consultant_block(story, rng)]
    return _doc(spec, "monthly_progress_report", "report", lines, fields)


@template(DOC_TYPE, "provider_rtw_plan")
def provider_rtw_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Hard negative: the rehab provider's RTW plan (goals, duties, hours, review dates)."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cert = _cert(story, spec)
    ec = story.employer_contact
    start = spec.date + dt.timedelta(days=(7 - spec.date.weekday()) % 7 or 7)
    sched = _hours_schedule(cert, start, rng, story.ordinary_hours)
    goal_date = sched[-1][0] + dt.timedelta(weeks=2)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "employer": story.employer.name,
                                 "capacity": cert.capacity, "cert_from": cert.date_from,
                                 "cert_to": cert.date_to}
    title = rng.choice(("Return to Work Plan", "RETURN TO WORK PLAN", "Recover at Work Plan",
                        "Graduated Return to Work Program"))
    lines = [f"# {title}", f"Prepared by {rc.formal}, {story.rehab_provider.name}", ""]
    lines += [f"Worker: {story.worker.name}   Position: {story.worker_occupation}",
              f"Employer: {story.employer.name}   Supervisor: {ec.formal}",
              f"Plan date: {fd(spec.date)}   Plan commences: {fd(start)}"]
    if rng.random() < 0.6:
        lines.append(f"{_claim_label(rng)}: {story.claim_number}   Insurer: {story.insurer.name}")
        fields["claim_number"] = story.claim_number
    lines += ["", "## RTW goal", rng.choice((
        f"Return to pre-injury duties and hours ({story.ordinary_hours:g} hrs/week) by "
        f"{fd(goal_date)}.",
        f"Upgrade to full hours on suitable duties by {fd(goal_date)}, then transition to "
        "pre-injury duties.",
    )), ""]
    lines += ["## Medical capacity",
              f"Based on the certificate dated {fd(cert.date_from)} to {fd(cert.date_to)}: "
              f"{_cap(cert, rng)}.", ""]
    lines += ["## Duties to be performed"] + [f"- {d}" for d in _duties(story, rng)]
    lines += ["", "## Duties / activities to avoid"]
    lines += [f"- {a}" for a in _avoid(story, cert, rng)]
    lines += ["", "## Hours schedule", "| Week commencing | Hours/day | Days/week | Hours/week |",
              "|---|---|---|---|"]
    for wk, hpd, dpw in sched:
        lines.append(f"| {fd(wk)} | {hpd} | {dpw} | {hpd * dpw} |")
    lines += ["", "Hours upgrades are subject to NTD certification.", ""]
    lines += ["## Review dates"]
    for wk, _h, _d in sched[1::2]:
        lines.append(f"- {fd(wk)}")
    lines += ["", "## Responsibilities", "- Worker: work within the plan and report any "
              "difficulties", f"- Supervisor ({ec.name}): provide duties and monitor",
              f"- Rehab consultant: monitor weekly and liaise with {story.treating_doctor.formal}",
              "", "## Agreement", f"Worker: {story.worker.name}  ________  Date: ____",
              f"Employer: {ec.name}  ________  Date: ____",
              f"NTD: {story.treating_doctor.formal}  ________  Date: ____",
              f"Rehabilitation consultant: {rc.name}  ________  Date: {fd(spec.date)}"]
    return _doc(spec, "provider_rtw_plan", "form", lines, fields,
                hard_negative_of="injury_management_plan")


@template(DOC_TYPE, "employer_suitable_duties_plan")
def employer_suitable_duties_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Employer-written suitable duties plan on a simple check-box form."""
    fd = _dater(rng)
    ec = story.employer_contact
    cert = _cert(story, spec)
    review = spec.date + dt.timedelta(weeks=rng.choice((1, 2)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": ec.name, "employer": story.employer.name,
                                 "capacity": cert.capacity, "cert_to": cert.date_to}
    lines = [story.employer.name.upper(),
             "# " + rng.choice((
                 'Suitable Duties Plan',
                 'Suitable Duties Program',
                 'Modified Duties Plan',
             )),
             ""]
    lines += [f"Employee: {story.worker.name}", f"Normal role: {story.worker_occupation}",
              f"Date of injury: {fd(story.injury.date)}",
              f"Plan start: {fd(spec.date)}   Review: {fd(review)}",
              f"Certificate valid to: {fd(cert.date_to)}", ""]
    fields["injury_date"] = story.injury.date
    lines += ["## Capacity (from certificate)",
              f"{'[x]' if cert.capacity == 'suitable_duties' else '[ ]'} Suitable duties",
              f"{'[x]' if cert.capacity == 'pre_injury_duties' else '[ ]'} Pre-injury duties",
              f"{'[x]' if cert.capacity == 'none' else '[ ]'} No capacity - plan on hold",
              f"Hours: {cert.hours_per_day or '-'} per day   Days: {cert.days_per_week or '-'} "
              "per week", ""]
    lines += ["## Duties"]
    chosen = _duties(story, rng, k=6)
    for d in chosen:
        lines.append(f"{'[x]' if rng.random() < 0.7 else '[ ]'} {d}")
    lines += ["", "## Restrictions"] + [f"- {a}" for a in _avoid(story, cert, rng)]
    lines += ["", "Supervisor: " + rng.choice((
                      'Team leader - dispatch',
                      'Shift supervisor',
                      'Operations manager',
                  )),
              f"RTW coordinator: {ec.name} ({ec.phone or story.employer.phone})", "",
              "Employee agreement: ________   Date: ____",
              f"Prepared by: {ec.name}   Date: {fd(spec.date)}",
              maybe(rng, 0.5, "Copy to: insurer, NTD, employee")]
    return _doc(spec, "employer_suitable_duties_plan", "form", lines, fields)


@template(DOC_TYPE, "closure_report")
def closure_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Closure report: outcome, services summary, hours used, reason for closure."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    if cert.capacity == "pre_injury_duties":
        outcome = 0
    elif cert.capacity == "suitable_duties":
        outcome = rng.choice((0, 1))
    else:
        outcome = rng.choice((1, 4))
    opened = max(story.injury.date, spec.date - dt.timedelta(weeks=rng.randint(6, 16)))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "case_manager": cm.name,
                                 "claim_number": story.claim_number}
    lines = ["# " + rng.choice((
                 'Closure Report',
                 'Rehabilitation Closure Report',
                 'Case Closure Report',
             )),
             story.rehab_provider.name, "",
             f"Worker: {story.worker.name}", f"{_claim_label(rng)}: {story.claim_number}",
             f"Case manager: {cm.name}", f"Referral date: {fd(opened)}",
             f"Closure date: {fd(spec.date)}", ""]
    lines += ["## RTW outcome"]
    for i, label in enumerate(_OUTCOMES):
        lines.append(f"{'[x]' if i == outcome else '[ ]'} {label}")
    lines += ["", "## Summary of services"]
    svc = ["Initial needs assessment", "Workplace assessment", "RTW plan and upgrades",
           "Case conferences with NTD", "Monitoring of duties", "Vocational counselling"]
    lines += [f"- {s}" for s in rng.sample(svc, k=rng.randint(3, 5))]
    hours = rng.randint(8, 25)
    lines += ["", f"Total hours: {hours}   Total cost: {money(hours * 185.0)}", ""]
    if outcome == 0:
        reason = rng.choice((
            "Worker has returned to pre-injury duties and hours, sustained for 4 weeks.",
            "RTW goal achieved; no further rehabilitation needs identified.",
        ))
    elif outcome == 1:
        reason = rng.choice((
            "Worker is stable in alternative duties with the pre-injury employer.",
            "Durable RTW in modified role achieved; monitoring no longer required.",
        ))
    else:
        reason = rng.choice((
            "Closed at insurer request - claim declined.",
            "Worker has ceased employment; referral for vocational services recommended.",
            "Worker unable to participate due to medical condition; services on hold.",
        ))
    lines += ["## Reason for closure", reason, ""]
    lines += ["## Current status", f"Latest certificate: {_cap(cert, rng)}.", ""]
    fields["capacity"] = cert.capacity
    lines += [*_consultant_block(story, rng)]
    return _doc(spec, "closure_report", "report", lines, fields)


@template(DOC_TYPE, "consultant_update_email")
def consultant_update_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Rehab consultant's terse progress update to the case manager by email."""
    fd = _dater(rng)
    rc = story.rehab_consultant
    cm = story.case_manager_on(spec.date)
    cert = _cert(story, spec)
    headers = {
        "From": f"{rc.name} <{rc.email or 'rehab@provider.example'}>",
        "To": cm.email or f"claims@{story.insurer.email_domain or 'insurer.example'}",
        "Subject": rng.choice((f"Rehab update - {story.worker.name} - {story.claim_number}",
                               f"RTW progress {story.worker.last}",
                               f"{story.claim_number} - weekly update")),
        "Date": fd(spec.date),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": rc.name, "capacity": cert.capacity,
                                 "claim_number": story.claim_number}
    cap = {"none": "nil capacity", "suitable_duties": f"S/D {cert.hours_per_day}h x "
           f"{cert.days_per_week}d", "pre_injury_duties": "fit PID"}[cert.capacity]
    lines = [f"Hi {cm.first},", "", "Quick update on " + story.worker.name + ":", ""]
    lines += [f"- CoC: {cap} to {fd(cert.date_to)}",
              "- RTW: " + rng.choice(("on S/D, tolerating well", "hours upgrade next wk per CoC",
                                      "not yet commenced - awaiting NTD sign-off of RTW plan",
                                      "some flare-ups, ER accommodating")),
              "- ER: " + rng.choice((f"{story.employer_contact.first} supportive",
                                     "duties available", "limited duties on PM shift")),
              "- Next: " + rng.choice(("case conf w NTD", "review RTW plan",
                                       "worksite visit", "progress report due end of month"))]
    fields["cert_to"] = cert.date_to
    lines += ["", rng.choice(("Will keep you posted.", "Call me if you want to discuss.",
                              "Progress report to follow.")), "",
              rng.choice(("Cheers", "Thanks", "Kind regards")), rc.name,
              f"{rc.role or 'Rehabilitation Consultant'} | {story.rehab_provider.name}"]
    return _doc(spec, "consultant_update_email", "email", lines, fields, headers)


@template(DOC_TYPE, "scheme_rtw_program")
def scheme_rtw_program(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Scheme-flavoured RTW / rehabilitation program form (employer or provider)."""
    fd = _dater(rng)
    cert = _cert(story, spec)
    code = story.scheme.code
    title = {
        "NSW": "Recover at work plan",
        "VIC": "Return to work plan",
        "QLD": "Rehabilitation and return to work plan",
        "SA": "Recovery / return to work plan",
        "WA": "Return to work program",
        "COMCARE": "Rehabilitation program",
        "TAS": "Return to work plan",
        "NT": "Return to work plan",
    }.get(code, "Return to work plan")
    by_employer = rng.random() < 0.5
    author = story.employer_contact if by_employer else story.rehab_consultant
    weeks = rng.choice((4, 6, 8))
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": author.name, "employer": story.employer.name,
                                 "capacity": cert.capacity}
    lines = [f"# {title}", f"{story.scheme.regulator} scheme - {story.insurer.name}", ""]
    lines += ["## Part 1 - Details", f"Worker: {story.worker.name}",
              f"Employer: {story.employer.name}",
              f"{_claim_label(rng)}: {story.claim_number}",
              f"Prepared by: {author.formal} ({author.role or 'RTW coordinator'})",
              f"Date: {fd(spec.date)}", ""]
    fields["claim_number"] = story.claim_number
    lines += ["## Part 2 - Goal",
              f"{'[x]' if rng.random() < 0.8 else '[ ]'} Return to pre-injury job",
              "[ ] Alternative job with same employer", "[ ] New employer", ""]
    lines += ["## Part 3 - Capacity and restrictions", f"Capacity: {_cap(cert, rng)}"]
    lines += [f"- {a}" for a in _avoid(story, cert, rng)]
    lines += ["", "## Part 4 - Duties and hours"]
    lines += [f"- {d}" for d in _duties(story, rng, k=3)]
    lines.append(f"Hours: {cert.hours_per_day or 4} hrs/day, {cert.days_per_week or 3} "
                 f"days/week for {weeks} weeks, upgrading per certificate")
    lines += ["", "## Part 5 - Support and review",
              f"Supervisor / contact: {story.employer_contact.name}",
              f"Review date: {fd(spec.date + dt.timedelta(weeks=2))}",
              f"Plan end date: {fd(spec.date + dt.timedelta(weeks=weeks))}", ""]
    lines += ["## Consultation",
              f"{'[x]' if rng.random() < 0.9 else '[ ]'} Worker consulted",
              f"{'[x]' if rng.random() < 0.7 else '[ ]'} Treating practitioner consulted",
              f"{'[x]' if rng.random() < 0.6 else '[ ]'} Copy provided to insurer", "",
              f"Signed: {author.name}   Worker signature: ________"]
    return _doc(spec, "scheme_rtw_program", "form", lines, fields)
