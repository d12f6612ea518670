"""Wage information: PIAWE / NWE / AWE decisions and worksheets, payslips, wage schedules.

All figures are derived from ``story.piawe``, ``story.hourly_rate`` and
``story.ordinary_hours`` so that schedules average out to the stated pre-injury earnings.
"""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.common import maybe, money
from claimdex.generator.model import ClaimStory, Doc, DocSpec, template
from claimdex.generator.templates._shared import check_fields as _check_fields
from claimdex.generator.templates._shared import dater as _dater

DOC_TYPE = "wage_information"


_TERM_LONG = {
    "PIAWE": "pre-injury average weekly earnings (PIAWE)",
    "NWE": "normal weekly earnings (NWE)",
    "AWE": "average weekly earnings (AWE)",
}


# ---------------------------------------------------------------------------------------
# private helpers
# ---------------------------------------------------------------------------------------


def _claim_label(rng: random.Random) -> str:
    return rng.choice(("Claim number", "Claim no.", "Our ref", "Insurer claim #", "Claim No",
                       "Your ref", "Claim"))


def _addr_lines(address: str) -> list[str]:
    parts = [p.strip() for p in address.split(",") if p.strip()]
    return parts or [address]


def _term(story: ClaimStory) -> str:
    return story.scheme.earnings_term or "PIAWE"


def _term_long(story: ClaimStory) -> str:
    term = _term(story)
    return _TERM_LONG.get(term, term)


def _rate(story: ClaimStory) -> float:
    """Hourly rate, falling back to a nominal rate when the story has none."""
    return story.hourly_rate if story.hourly_rate > 0 else 30.0


def _last_week_end(story: ClaimStory) -> dt.date:
    """The Sunday before the injury (end of the last complete pay week)."""
    day = story.injury.date
    return day - dt.timedelta(days=day.weekday() + 1)


def _weekly_rows(story: ClaimStory, rng: random.Random, n: int = 52
                 ) -> list[tuple[dt.date, float, float, float, float]]:
    """``n`` weeks of (week ending, ordinary hours, ordinary $, overtime $, allowances $)
    whose totals average exactly to ``story.piawe`` (amounts handled in cents)."""
    rate_c = round(_rate(story) * 100)
    base_c = round(rate_c * story.ordinary_hours)
    target_c = round(story.piawe * 100) * n
    ordinary = [base_c] * n
    overtime = [0] * n
    allow = [0] * n
    ot_p = rng.choice((0.15, 0.3, 0.5))
    al_amount = rng.choice((0, 2150, 3475, 4890, 6120))
    for i in range(n):
        if rng.random() < ot_p:
            overtime[i] = round(rng.choice((1, 1.5, 2, 3, 4, 5)) * rate_c * 1.5)
        if al_amount and rng.random() < 0.6:
            allow[i] = al_amount
    diff = target_c - sum(ordinary) - sum(overtime) - sum(allow)
    if -diff > sum(ordinary) - n * 100:  # earnings far below base: drop the extras
        overtime = [0] * n
        allow = [0] * n
        diff = target_c - sum(ordinary)
    while diff > 0:  # earnings too low: add more overtime shifts
        i = rng.randrange(n)
        chunk = round(rng.choice((2, 3, 4, 6)) * rate_c * 1.5)
        overtime[i] += chunk
        diff -= chunk
    if diff < 0:  # earnings too high: unpaid leave / short weeks
        deficit = -diff
        k = max(rng.randint(1, 3), -(-deficit // max(1, base_c - 1)))
        weeks = rng.sample(range(n), k=min(n, k))
        per = deficit // len(weeks)
        for i in weeks:
            ordinary[i] -= per
        ordinary[weeks[0]] -= deficit - per * len(weeks)
    rows = []
    last = _last_week_end(story)
    for i in range(n):
        we = last - dt.timedelta(weeks=n - 1 - i)
        ord_d = ordinary[i] / 100
        rows.append((we, round(ord_d * 100 / rate_c, 2), ord_d, overtime[i] / 100,
                     allow[i] / 100))
    return rows


def _had_short_weeks(story: ClaimStory, rows: list[tuple[dt.date, float, float, float, float]]
                     ) -> bool:
    return any(r[1] < story.ordinary_hours - 0.01 for r in rows)


def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict[str, object],
         headers: dict[str, str] | None = None, hard_negative_of: str = "") -> Doc:
    text = "\n".join(line for line in lines if line is not None).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    _check_fields(text + "\n" + "\n".join((headers or {}).values()), fields)
    return Doc(DOC_TYPE, f"{DOC_TYPE}/{variant}", kind, text, spec.date, fields,
               headers or {}, hard_negative_of)


def _payroll_person(rng: random.Random) -> tuple[str, str]:
    name = rng.choice(("Karen Whitfield", "Lena Marsh", "Owen Pratt", "Deb Collins",
                       "Ravi Menon", "Sophie Turner", "Mark Ellison"))
    role = rng.choice(("Payroll Officer", "Payroll Manager", "HR & Payroll Coordinator",
                       "Senior Payroll Administrator", "Finance Officer"))
    return name, role


# ---------------------------------------------------------------------------------------
# templates
# ---------------------------------------------------------------------------------------


@template(DOC_TYPE, "earnings_determination_letter")
def earnings_determination_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Hard negative: insurer PIAWE/NWE determination letter with review rights."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    term = _term(story)
    rows = _weekly_rows(story, rng)
    start = rows[0][0] - dt.timedelta(days=6)
    end = rows[-1][0]
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name}
    lines = [f"# {story.insurer.name}", story.insurer.address, "---", fd(spec.date), "",
             story.worker.formal, *_addr_lines(story.worker_address), ""]
    lines.append(f"{_claim_label(rng)}: {story.claim_number}")
    fields["claim_number"] = story.claim_number
    if rng.random() < 0.7:
        lines.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    lines.append(f"Date of injury: {fd(story.injury.date)}")
    fields["injury_date"] = story.injury.date
    lines += ["", "## " + rng.choice((
        f"Notice of {_term_long(story)} decision",
        f"Your {term} has been determined",
        f"Decision about your {_term_long(story)}",
        f"{term} determination",
    )), ""]
    lines += [f"Dear {story.worker.title} {story.worker.last}", ""]
    lines.append(rng.choice((
        f"We have calculated your {_term_long(story)}. Your {term} is used to work out the "
        "amount of your weekly payments.",
        f"This letter sets out our decision on your {term}, which is the basis for calculating "
        "weekly compensation.",
        f"We have now received wage information from {story.employer.name} and have made a "
        f"decision about your {term}.",
    )))
    lines += ["", f"Your {term} has been determined to be {money(story.piawe)} per week.", ""]
    lines += ["## How we worked it out", ""]
    lines.append(f"Relevant period: {fd(start)} to {fd(end)} ({len(rows)} weeks)")
    tot_ord = sum(r[2] for r in rows)
    tot_ot = sum(r[3] for r in rows)
    tot_al = sum(r[4] for r in rows)
    lines += ["", "| Earnings component | Total for period | Weekly average |",
              "|---|---|---|",
              f"| Ordinary earnings | {money(tot_ord)} | {money(tot_ord / len(rows))} |"]
    if tot_ot:
        lines.append(f"| Overtime | {money(tot_ot)} | {money(tot_ot / len(rows))} |")
    if tot_al:
        lines.append(f"| Shift allowances | {money(tot_al)} | {money(tot_al / len(rows))} |")
    lines.append(f"| Total | {money(tot_ord + tot_ot + tot_al)} | {money(story.piawe)} |")
    lines.append("")
    lines.append("## Information we relied on")
    info = [f"Wage schedule provided by {story.employer.name}",
            "Payslips for the relevant period",
            rng.choice(("Your employment contract", "The applicable enterprise agreement",
                        "Telephone discussion with your employer's payroll officer")),
            maybe(rng, 0.5, "Your tax return / income statement")]
    lines += [f"- {i}" for i in info if i]
    lines.append("")
    if story.scheme.code == "NSW":
        lines.append(rng.choice((
            f"Weekly payments will be 95% of your {term} for the first 13 weeks "
            f"({money(story.piawe * 0.95)}) and 80% from week 14 "
            f"({money(story.piawe * 0.8)}), less any earnings.",
            f"Based on this {term}, your weekly payment rate for weeks 1-13 is "
            f"{money(story.piawe * 0.95)} where you have no current work capacity.",
        )))
        lines.append("")
    lines += ["## " + rng.choice(("If you disagree", "Review of this decision", "Your rights")),
              ""]
    lines.append(rng.choice((
        "If you think this decision is wrong, please contact us and give us any further "
        "information about your earnings. You can ask for an internal review of the decision "
        "within 30 days.",
        f"You may request a review of your {term} by writing to us. If you provide new "
        "evidence about your earnings we will reconsider the calculation.",
    )))
    lines.append(rng.choice((
        ("You can also seek free and independent advice from the Independent Review Office."
         if story.scheme.code == "NSW" else
         "You can also seek free and independent advice from your scheme's advisory service."),
        "If the matter is not resolved you can lodge a dispute with the independent dispute "
        "resolution body for your scheme.",
        "You may wish to obtain legal advice.",
    )))
    lines += ["", rng.choice(("Yours sincerely", "Kind regards")), "", cm.name,
              rng.choice(("Case Manager", "Claims Advisor", "Payments Specialist")),
              story.insurer.name]
    fields.update(author=cm.name, case_manager=cm.name)
    lines += ["", maybe(rng, 0.5, "Page 1 of 2")]
    return _doc(spec, "earnings_determination_letter", "letter", lines, fields,
                hard_negative_of="liability_notice")


@template(DOC_TYPE, "insurer_calculation_worksheet")
def insurer_calculation_worksheet(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Internal calculation worksheet with inclusions/exclusions and a check-box audit."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    term = _term(story)
    rows = _weekly_rows(story, rng)
    n = len(rows)
    tot_ord = sum(r[2] for r in rows)
    tot_ot = sum(r[3] for r in rows)
    tot_al = sum(r[4] for r in rows)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "claim_number": story.claim_number,
                                 "injury_date": story.injury.date}
    lines = [f"# {term} CALCULATION WORKSHEET", f"{story.insurer.name} - internal use", ""]
    lines += ["| Item | Detail |", "|---|---|",
              f"| Worker | {story.worker.last.upper()}, {story.worker.first} |",
              f"| Claim | {story.claim_number} |",
              f"| Employer | {story.employer.name} |",
              f"| DOI | {fd(story.injury.date)} |",
              f"| Occupation | {story.worker_occupation} |",
              f"| Employment type | {rng.choice(('Full time', 'Permanent full-time', 'FT'))} |",
              f"| Ordinary hours | {story.ordinary_hours:g} per week |",
              f"| Base hourly rate | {money(_rate(story))} |", ""]
    fields["employer"] = story.employer.name
    lines += ["## Relevant period",
              f"From {fd(rows[0][0] - dt.timedelta(days=6))} to {fd(rows[-1][0])} = {n} weeks",
              maybe(rng, 0.5, "No periods of unpaid leave > 1 week to exclude."), ""]
    lines += ["## Inclusions", "| Component | Amount | Included |", "|---|---|---|",
              f"| Ordinary time earnings | {money(tot_ord)} | Yes |",
              f"| Overtime (first 52 weeks) | {money(tot_ot)} | Yes |",
              f"| Shift / penalty allowances | {money(tot_al)} | Yes |",
              f"| Non-pecuniary benefits | {money(0)} | N/A |", ""]
    excl = rng.sample(["Annual bonus (one-off)", "Travel reimbursement",
                       "Superannuation contributions", "Laundry allowance (reimbursement)",
                       "Leave loading on termination"], k=rng.randint(1, 3))
    lines += ["## Exclusions"] + [f"- {e}: {money(rng.randint(40, 2400))} excluded"
                                  for e in excl] + [""]
    lines += ["## Calculation",
              f"Total included earnings {money(tot_ord + tot_ot + tot_al)} / {n} weeks",
              f"= {term} {money(story.piawe)} per week", ""]
    if rng.random() < 0.7:
        lines += ["| Period | Rate | Weekly amount |", "|---|---|---|",
                  f"| Weeks 1-13 | 95% | {money(story.piawe * 0.95)} |",
                  f"| Weeks 14-130 | 80% | {money(story.piawe * 0.8)} |", ""]
    lines += ["## Checks",
              f"{'[x]' if rng.random() < 0.9 else '[ ]'} Wage schedule received from employer",
              f"{'[x]' if rng.random() < 0.7 else '[ ]'} Payslips sighted",
              f"{'[x]' if rng.random() < 0.5 else '[ ]'} Worker consulted about earnings",
              "[x] Max weekly compensation amount checked", ""]
    lines.append(f"Prepared by: {cm.name}    Date: {fd(spec.date)}")
    fields.update(author=cm.name, case_manager=cm.name)
    if rng.random() < 0.5:
        lines.append(f"Checked by: {rng.choice(('Team Leader', 'Technical Specialist'))} "
                     f"({rng.choice(('JM', 'KR', 'AT', 'PL'))})")
    return _doc(spec, "insurer_calculation_worksheet", "form", lines, fields)


@template(DOC_TYPE, "employer_wage_schedule")
def employer_wage_schedule(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Employer payroll export: 52 weekly rows with ordinary, overtime and allowances."""
    fd = _dater(rng)
    rows = _weekly_rows(story, rng)
    name, role = _payroll_person(rng)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "employer": story.employer.name, "author": name}
    emp = story.employer
    lines = [emp.name.upper(), emp.address + (f"  ABN {emp.abn}" if emp.abn else ""), ""]
    lines.append("# " + rng.choice(("Wage schedule - 52 weeks prior to injury",
                                    "Statement of earnings", "Employee earnings history",
                                    "Payroll history report")))
    lines += [f"Employee: {story.worker.name}"
              + maybe(rng, 0.6, f"   Employee ID: {rng.randint(10000, 99999)}"),
              f"Position: {story.worker_occupation}",
              f"Date of injury: {fd(story.injury.date)}"]
    fields["injury_date"] = story.injury.date
    if rng.random() < 0.6:
        lines.append(f"Claim no: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Pay frequency: {rng.choice(('Weekly', 'Weekly (Mon-Sun)'))}", ""]
    show_hours = rng.random() < 0.6
    head = ["Week ending"] + (["Ord hrs"] if show_hours else []) + [
        "Ordinary", "Overtime", "Allowances", "Gross"]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("|" + "---|" * len(head))
    for we, hrs, ordn, ot, al in rows:
        cells = [fd(we)] + ([f"{hrs:.2f}"] if show_hours else []) + [
            f"{ordn:,.2f}", f"{ot:,.2f}", f"{al:,.2f}", f"{ordn + ot + al:,.2f}"]
        lines.append("| " + " | ".join(cells) + " |")
    tot = [sum(r[i] for r in rows) for i in (2, 3, 4)]
    cells = ["TOTAL"] + ([f"{sum(r[1] for r in rows):.2f}"] if show_hours else []) + [
        f"{tot[0]:,.2f}", f"{tot[1]:,.2f}", f"{tot[2]:,.2f}", f"{sum(tot):,.2f}"]
    lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Average weekly gross over {len(rows)} weeks: {money(sum(tot) / len(rows))}"]
    short = [r for r in rows if r[1] < story.ordinary_hours - 0.01]
    if short and rng.random() < 0.8:
        lines += ["", "## Unpaid leave / short weeks", "| Week ending | Hours paid | Reason |",
                  "|---|---|---|"]
        for r in short:
            lines.append(f"| {fd(r[0])} | {r[1]:.2f} | "
                         f"{rng.choice(('Unpaid leave', 'LWOP', 'Personal leave (unpaid)'))} |")
    if rng.random() < 0.7:
        lines += ["", "## Notes",
                  f"- Ordinary hours: {story.ordinary_hours:g} per week, Monday to Friday",
                  f"- Current base rate: {money(_rate(story))} per hour",
                  "- Overtime paid at time and a half (first 2 hours) then double time",
                  maybe(rng, 0.6, "- Shift allowance applies to afternoon shift only"),
                  maybe(rng, 0.5, "- No non-pecuniary benefits provided")]
    if rng.random() < 0.6:
        lines.append(rng.choice((
            "Excludes superannuation, reimbursements and annual leave loading.",
            "Figures are gross before tax. Superannuation not included.",
            "Allowances = afternoon shift penalty and meal allowance.",
        )))
    lines += ["", rng.choice(("I certify that the above information is a true and correct "
                              "record of the employee's earnings.", "Certified correct.",
                              "")), "",
              f"{name}, {role}", f"Date: {fd(spec.date)}"]
    return _doc(spec, "employer_wage_schedule", "report", lines, fields)


@template(DOC_TYPE, "payslip")
def payslip(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """One (occasionally two) weekly payslip from the employer's payroll system."""
    fd = _dater(rng)
    rows = _weekly_rows(story, rng, n=52)
    emp = story.employer
    fields: dict[str, object] = {"worker": story.worker.name, "employer": emp.name}
    count = 2 if rng.random() < 0.35 else 1
    lines: list[str] = []
    for k in range(count):
        we, hrs, ordn, ot, al = rows[-1 - (count - 1 - k)]
        gross = ordn + ot + al
        tax = round(gross * rng.uniform(0.17, 0.22), 0)
        sup = round(ordn * 0.115, 2)
        fy_start = dt.date(we.year if we.month >= 7 else we.year - 1, 7, 1)
        ytd_gross = sum(r[2] + r[3] + r[4] for r in rows if fy_start <= r[0] <= we)
        lines += ["# " + rng.choice(("PAYSLIP", "Pay Advice", "Employee Pay Slip")),
                  f"{emp.name}" + (f"  ABN {emp.abn}" if emp.abn and rng.random() < 0.7 else ""),
                  "", f"Employee: {story.worker.name}",
                  f"Classification: {story.worker_occupation}"
                  + maybe(rng, 0.5, f" - Level {rng.randint(1, 4)}"),
                  f"Pay period: {fd(we - dt.timedelta(days=6))} - {fd(we)}",
                  f"Payment date: {fd(we + dt.timedelta(days=rng.choice((3, 4))))}",
                  f"Hourly rate: {money(_rate(story))}", "",
                  "| Description | Hours | Rate | Amount |", "|---|---|---|---|",
                  f"| Ordinary hours | {hrs:.2f} | {_rate(story):.2f} | {ordn:,.2f} |"]
        if ot:
            ot_rate = _rate(story) * 1.5
            lines.append(f"| Overtime x1.5 | {ot / ot_rate:.2f} | {ot_rate:.2f} | {ot:,.2f} |")
        if al:
            lines.append(f"| Shift allowance | | | {al:,.2f} |")
        lines += [f"| GROSS PAY | | | {gross:,.2f} |", f"| PAYG tax | | | -{tax:,.2f} |",
                  f"| NET PAY | | | {gross - tax:,.2f} |", ""]
        lines.append(f"Superannuation (employer): {money(sup)}"
                     + maybe(rng, 0.6, f" to {rng.choice(('AustralianSuper', 'Hostplus', 'REST'))}"
                             " (fund)"))
        if rng.random() < 0.6:
            lines.append(f"YTD gross: {money(ytd_gross)}")
        lines.append(maybe(rng, 0.5, f"Leave balance - annual: {rng.uniform(20, 150):.2f} hrs"))
        if k < count - 1:
            lines += ["", "---", ""]
    return _doc(spec, "payslip", "form", lines, fields)


@template(DOC_TYPE, "employer_wage_declaration_form")
def employer_wage_declaration_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Scheme-flavoured employer earnings form with ticked boxes and a declaration."""
    fd = _dater(rng)
    term = _term(story)
    contact = story.employer_contact
    title = {
        "NSW": "Wage information for calculation of PIAWE",
        "VIC": "Pre-injury average weekly earnings (PIAWE) - employer wage details",
        "QLD": "Employer wage details for normal weekly earnings",
        "SA": "Average weekly earnings - employer earnings statement",
        "WA": "Pre-injury earnings information - employer",
        "COMCARE": "Normal weekly earnings - employer statement",
        "TAS": "Employer statement of normal weekly earnings",
        "NT": "Employer statement of earnings",
    }.get(story.scheme.code, f"Employer earnings details ({term})")
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "employer": story.employer.name}
    lines = [f"# {title}", f"{story.insurer.name} | {story.scheme.regulator}", ""]
    lines += ["## Section 1 - Worker and claim", f"Worker name: {story.worker.name}"]
    if rng.random() < 0.6:
        lines.append(f"Date of birth: {fd(story.worker_dob)}")
    lines += [f"{_claim_label(rng)}: {story.claim_number}",
              f"Date of injury: {fd(story.injury.date)}", ""]
    fields.update(claim_number=story.claim_number, injury_date=story.injury.date)
    lines += ["## Section 2 - Employer", f"Employer name: {story.employer.name}"]
    if story.employer.abn:
        lines.append(f"ABN: {story.employer.abn}")
    lines += [f"Contact: {contact.name} ({contact.phone or story.employer.phone})", ""]
    et = rng.choice(("full", "full", "part", "casual"))
    lines += ["## Section 3 - Employment details",
              f"{'[x]' if et == 'full' else '[ ]'} Full-time   "
              f"{'[x]' if et == 'part' else '[ ]'} Part-time   "
              f"{'[x]' if et == 'casual' else '[ ]'} Casual",
              f"Start date with employer: "
              f"{fd(story.injury.date - dt.timedelta(days=rng.randint(400, 3000)))}",
              "Award / agreement: " + rng.choice((
                  'Storage Services and Wholesale Award 2020',
                  'Enterprise Agreement 2022',
                  'Individual contract',
                  'General Retail Industry Award',
              )),
              f"Ordinary hours per week: {story.ordinary_hours:g}",
              f"Hourly rate at date of injury: {money(_rate(story))}", ""]
    rows = _weekly_rows(story, rng)
    ot = sum(r[3] for r in rows)
    al = sum(r[4] for r in rows)
    lines += ["## Section 4 - Earnings in the 52 weeks before injury",
              f"{'[x]' if ot else '[ ]'} Overtime worked regularly - total {money(ot)}",
              f"{'[x]' if al else '[ ]'} Shift allowances / penalty rates - total {money(al)}",
              "[ ] Non-pecuniary benefits (vehicle, housing, etc.)",
              f"{'[x]' if rng.random() < 0.3 else '[ ]'} Periods of unpaid leave",
              f"Total gross earnings: {money(sum(r[2] + r[3] + r[4] for r in rows))}",
              f"Number of weeks worked: {len(rows)}",
              f"Average weekly earnings: {money(story.piawe)}", ""]
    lines += ["## Section 5 - Attachments",
              f"{'[x]' if rng.random() < 0.8 else '[ ]'} 52-week payroll report",
              f"{'[x]' if rng.random() < 0.5 else '[ ]'} Payslips",
              f"{'[x]' if rng.random() < 0.3 else '[ ]'} Employment contract", ""]
    lines += ["## Declaration",
              "I declare that the information provided is true and correct.",
              f"Name: {contact.name}   Position: {contact.role or 'Payroll'}",
              f"Signature: ________   Date: {fd(spec.date)}"]
    fields["author"] = contact.name
    return _doc(spec, "employer_wage_declaration_form", "form", lines, fields)


@template(DOC_TYPE, "overtime_allowances_table")
def overtime_allowances_table(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Overtime and allowances summarised by month, with an allowance key."""
    fd = _dater(rng)
    rows = _weekly_rows(story, rng)
    name, role = _payroll_person(rng)
    fields: dict[str, object] = {"worker": story.worker.name, "employer": story.employer.name,
                                 "author": name, "doc_date": spec.date}
    months: dict[tuple[int, int], list[float]] = {}
    for we, _hrs, _ordn, ot, al in rows:
        key = (we.year, we.month)
        acc = months.setdefault(key, [0.0, 0.0, 0.0])
        acc[0] += ot / (_rate(story) * 1.5)
        acc[1] += ot
        acc[2] += al
    lines = ["# " + rng.choice((
                 'Overtime and allowances summary',
                 'Overtime & Allowances',
                 'Schedule of overtime and allowances',
             )),
             f"{story.employer.name} - {story.worker.name}", ""]
    if rng.random() < 0.5:
        lines.append(f"Claim: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Period: {fd(rows[0][0] - dt.timedelta(days=6))} to {fd(rows[-1][0])}", "",
              "| Month | OT hours | Overtime $ | Allowances $ | Total $ |",
              "|---|---|---|---|---|"]
    for (y, m), (hrs, ot, al) in sorted(months.items()):
        label = dt.date(y, m, 1).strftime(rng.choice(("%b %Y", "%B %Y", "%m/%Y")))
        lines.append(f"| {label} | {hrs:.1f} | {ot:,.2f} | {al:,.2f} | {ot + al:,.2f} |")
    t_ot = sum(v[1] for v in months.values())
    t_al = sum(v[2] for v in months.values())
    lines += [f"| Total | {sum(v[0] for v in months.values()):.1f} | {t_ot:,.2f} | "
              f"{t_al:,.2f} | {t_ot + t_al:,.2f} |", ""]
    lines += ["## Allowance codes",
              "- SHF: afternoon shift penalty (15%)",
              maybe(rng, 0.6, "- MEAL: overtime meal allowance"),
              maybe(rng, 0.5, "- LH: leading hand allowance"),
              maybe(rng, 0.4, "- FL: forklift licence allowance"), ""]
    lines.append(rng.choice((
        f"Weekly average of overtime and allowances: {money((t_ot + t_al) / len(rows))}.",
        f"Overtime is rostered and worked regularly by {story.worker.first}.",
        "Overtime was worked on an as-needed basis depending on volume.",
    )))
    lines += ["", f"Prepared by {name} ({role}), {fd(spec.date)}"]
    return _doc(spec, "overtime_allowances_table", "report", lines, fields)


@template(DOC_TYPE, "payroll_email")
def payroll_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Payroll officer replies to the case manager with the wage figures inline."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    name, role = _payroll_person(rng)
    term = _term(story)
    rows = _weekly_rows(story, rng)
    dom = story.employer.email_domain or "employer.example"
    headers = {
        "From": f"{name} <{name.split()[0].lower()}.{name.split()[1].lower()}@{dom}>",
        "To": cm.email or f"claims@{story.insurer.email_domain or 'insurer.example'}",
        "Subject": rng.choice((f"RE: Wage information - {story.worker.name} - "
                               f"{story.claim_number}",
                               f"{term} details for {story.worker.name}",
                               f"RE: Request for wage schedule (claim {story.claim_number})")),
        "Date": fd(spec.date),
    }
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "author": name, "employer": story.employer.name,
                                 "claim_number": story.claim_number}
    lines = [f"Hi {cm.first}," if rng.random() < 0.7 else f"Dear {cm.formal},", ""]
    lines.append(rng.choice((
        f"As requested, please see {story.worker.first}'s earnings details below. The full "
        "52-week report is attached.",
        f"Following up your request for wages for {story.worker.name}. Summary below.",
        "Here are the figures you asked for.",
    )))
    lines.append("")
    ot = sum(r[3] for r in rows)
    al = sum(r[4] for r in rows)
    ordn = sum(r[2] for r in rows)
    lines += [f"- Employment: {rng.choice(('permanent full time', 'full-time', 'FT permanent'))}"
              f", {story.ordinary_hours:g} hrs/week",
              f"- Base rate at DOI ({fd(story.injury.date)}): {money(_rate(story))}/hr",
              f"- Ordinary earnings (52 wks): {money(ordn)}",
              f"- Overtime (52 wks): {money(ot)}",
              f"- Allowances (52 wks): {money(al)}",
              f"- Average gross per week: {money(story.piawe)}", ""]
    fields["injury_date"] = story.injury.date
    if rng.random() < 0.5:
        lines += ["Last 4 weeks:", "| W/E | Gross |", "|---|---|"]
        lines += [f"| {fd(r[0])} | {money(r[2] + r[3] + r[4])} |" for r in rows[-4:]]
        lines.append("")
    lines.append(rng.choice((
        ("There were a few short weeks (unpaid leave) in the period - see attached report."
         if _had_short_weeks(story, rows) else "No unpaid leave in the period."),
        "Note there was a pay rise in July (award increase) - rate shown is the current rate.",
        "Let me know if you need the payslips as well.",
    )))
    lines += ["", rng.choice(("Thanks,", "Kind regards,", "Cheers,")), name, role,
              story.employer.name, maybe(rng, 0.5, story.employer.phone)]
    return _doc(spec, "payroll_email", "email", lines, fields, headers)


@template(DOC_TYPE, "piawe_agreement")
def piawe_agreement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Agreement between insurer and worker on the earnings figure, signed by both."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    term = _term(story)
    fields: dict[str, object] = {"doc_date": spec.date, "worker": story.worker.name,
                                 "claim_number": story.claim_number, "author": cm.name,
                                 "case_manager": cm.name, "injury_date": story.injury.date}
    heading = rng.choice((f"{term} agreement", f"Agreement on {_term_long(story)}",
                          f"{term} - agreed amount"))
    lines = [f"# {heading}",
             story.insurer.name, ""]
    lines += ["Parties:", f"1. {story.worker.formal} (worker)",
              f"2. {story.insurer.name} (insurer)", ""]
    lines += [f"{_claim_label(rng)}: {story.claim_number}",
              f"Date of injury: {fd(story.injury.date)}"]
    if rng.random() < 0.6:
        lines.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    lines += ["", "## Terms"]
    lines.append(f"1. The worker and the insurer agree that the worker's {term} is "
                 f"{money(story.piawe)} per week.")
    lines.append("2. " + rng.choice((
        "The agreed amount includes ordinary earnings, overtime and shift allowances paid in "
        "the relevant period.",
        "The agreed amount has been calculated from the employer's payroll records.",
    )))
    lines.append("3. " + rng.choice((
        "The agreement may be varied by further agreement in writing.",
        "The worker may seek independent advice before signing this agreement.",
    )))
    if rng.random() < 0.5:
        lines.append("4. The agreed amount will apply from the date of injury.")
    lines += ["", "## Signatures",
              f"Worker: {story.worker.name}   Signature: ________   Date: ____",
              f"For the insurer: {cm.name}, {rng.choice(('Case Manager', 'Claims Advisor'))}"
              f"   Date: {fd(spec.date)}"]
    lines += ["", maybe(rng, 0.5, "Please sign and return in the reply paid envelope.")]
    return _doc(spec, "piawe_agreement", "form", lines, fields)


@template(DOC_TYPE, "terse_calc_note")
def terse_calc_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Case manager's short earnings calculation note, heavy on abbreviations."""
    fd = _dater(rng)
    cm = story.case_manager_on(spec.date)
    term = _term(story)
    rows = _weekly_rows(story, rng)
    ordn = sum(r[2] for r in rows)
    ot = sum(r[3] for r in rows)
    al = sum(r[4] for r in rows)
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [f"{term} CALC - {fd(spec.date)}" if rng.random() < 0.5
             else f"{fd(spec.date)}  {term} calc"]
    if rng.random() < 0.6:
        lines.append(f"IW: {story.worker.name}  Clm: {story.claim_number}")
        fields.update(worker=story.worker.name, claim_number=story.claim_number)
    lines += ["",
              f"Rel period {fd(rows[0][0] - dt.timedelta(days=6))} - {fd(rows[-1][0])} "
              f"({len(rows)} wks)",
              f"ORD {story.ordinary_hours:g}h x {money(_rate(story))}/h",
              f"Gross ord {money(ordn)}; OT {money(ot)}; allow {money(al)}",
              f"Total {money(ordn + ot + al)} / {len(rows)} = {money(story.piawe)} p/w",
              f"{term} = {money(story.piawe)}",
              f"95% = {money(story.piawe * 0.95)}; 80% = {money(story.piawe * 0.8)}",
              ""]
    lines.append(rng.choice((
        "Wage sched rec'd from ER, checked v payslips - OK.",
        "ER wage info rec'd via email. No NPBs. No unpaid leave.",
        f"Payroll ({story.employer.name}) confirmed figures by phone.",
    )))
    if "payroll" in lines[-1].lower() or story.employer.name in lines[-1]:
        fields["employer"] = story.employer.name
    lines.append(rng.choice((f"{term} letter to IW today.", "Notice to issue.",
                             "Adjust wkly pmts from next pay run.", "")))
    lines += ["", f"- {cm.first[0]}{cm.last[0]}" if rng.random() < 0.5 else f"{cm.name} (CM)"]
    if cm.name in lines[-1]:
        fields.update(author=cm.name, case_manager=cm.name)
    return _doc(spec, "terse_calc_note", "note", lines, fields)


@template(DOC_TYPE, "timesheet_extract")
def timesheet_extract(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """Daily timesheet / roster extract for the weeks before the injury."""
    fd = _dater(rng)
    weeks = rng.randint(2, 4)
    end = _last_week_end(story)
    start = end - dt.timedelta(days=7 * weeks - 1)
    daily = story.ordinary_hours / 5
    fields: dict[str, object] = {"worker": story.worker.name, "employer": story.employer.name}
    lines = ["# " + rng.choice((
                 'Timesheet report',
                 'Time & attendance extract',
                 'Roster and hours worked',
             )),
             f"{story.employer.name}", f"Employee: {story.worker.name} ({story.worker_occupation})",
             f"Period: {fd(start)} - {fd(end)}", "",
             "| Date | Day | Start | Finish | Break | Hours | Code |",
             "|---|---|---|---|---|---|---|"]
    total = 0.0
    day = start
    start_hour = rng.choice((6, 7, 14))
    while day <= end:
        if day.weekday() < 5:
            extra = rng.choice((0, 0, 0, 1, 1.5, 2)) if rng.random() < 0.5 else 0
            hrs = round(daily + extra, 2)
            fin_m = int(round((start_hour + hrs + 0.5) * 60)) % (24 * 60)
            finish = f"{fin_m // 60:02d}:{fin_m % 60:02d}"
            code = "ORD" if not extra else "ORD/OT"
            if start_hour >= 14:
                code += "/SHF"
            lines.append(f"| {fd(day)} | {day.strftime('%a')} | {start_hour:02d}:00 | {finish} "
                         f"| 0:30 | {hrs:.2f} | {code} |")
            total += hrs
        elif rng.random() < 0.1:
            lines.append(f"| {fd(day)} | {day.strftime('%a')} | 07:00 | 11:00 | - | 4.00 | OT2 |")
            total += 4
        day += dt.timedelta(days=1)
    lines += ["", f"Total hours: {total:.2f}", "Codes: ORD ordinary, OT overtime, "
              "OT2 double time, SHF shift penalty"]
    if rng.random() < 0.5:
        lines.append(f"Supervisor approval: {story.employer_contact.name}")
    return _doc(spec, "timesheet_extract", "report", lines, fields)
