"""Provider accounts and tax invoices (treatment, imaging, pharmacy, hospital, rehab, IME,
investigation and legal costs)."""

from __future__ import annotations

import datetime as dt
import random
import re

from claimdex.generator.common import date_style, fmt_date, money, pick
from claimdex.generator.model import ClaimStory, Doc, DocSpec, Org, template

DT = "invoice"


# ----------------------------------------------------------------------------- helpers


def _fd(rng: random.Random):
    style = date_style(rng)
    return lambda d: fmt_date(d, style=style)


def _abn(org: Org, rng: random.Random) -> str:
    if org.abn:
        return org.abn
    return (f"{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
            f"{rng.randint(100, 999)}")


def _inv_no(rng: random.Random) -> str:
    return pick(rng, f"INV-{rng.randint(10000, 99999)}", f"{rng.randint(100000, 999999)}",
                f"TI{rng.randint(1000, 9999)}", f"{rng.randint(20, 25)}/{rng.randint(1000, 9999)}")


def _service_days(story: ClaimStory, spec: DocSpec, rng: random.Random, n: int) -> list[dt.date]:
    lo = max(story.injury.date, spec.date - dt.timedelta(days=40))
    hi = spec.date
    span = (hi - lo).days + 1
    if span <= 0:
        return [spec.date] * n
    picks = sorted(rng.sample(range(span), min(n, span)))
    return [lo + dt.timedelta(days=k) for k in picks]


def _bank(rng: random.Random, name: str) -> list[str]:
    bsb = f"{rng.choice(('062', '032', '082', '013', '633', '484'))}-{rng.randint(0, 999):03d}"
    acct = f"{rng.randint(10000000, 99999999)}"
    s = rng.randrange(3)
    if s == 0:
        return ["Payment by EFT:", f"Account name: {name}", f"BSB: {bsb}  Account: {acct}",
                "Please use the invoice number as your payment reference."]
    if s == 1:
        return [f"EFT remittance - BSB {bsb} Acc {acct} ({name}). Remittance advice to accounts@"
                f"{name.split()[0].lower()}.example.com.au"]
    return ["## How to pay", f"Direct deposit: {name}, BSB {bsb}, A/C {acct}",
            "Cheque: payable to " + name, "BPAY Biller code " + str(rng.randint(10000, 99999))]


def _claim_block(story: ClaimStory, rng: random.Random, f, fields: dict, *,
                 employer_p: float = 0.5, doi_p: float = 0.6) -> list[str]:
    label = pick(rng, "Patient", "Worker", "Patient name", "Injured worker")
    out = [f"{label}: {story.worker.name}"]
    fields["worker"] = story.worker.name
    if rng.random() < 0.85:
        label = rng.choice(("Claim no.", "Claim number", "Insurer claim #", "Claim No",
                            "Claim ref"))
        out.append(f"{label}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    if rng.random() < employer_p:
        out.append(f"Employer: {story.employer.name}")
        fields["employer"] = story.employer.name
    if rng.random() < doi_p:
        out.append(f"Date of injury: {f(story.injury.date)}")
        fields["injury_date"] = story.injury.date
    return out


def _bill_to(story: ClaimStory, rng: random.Random) -> list[str]:
    ins = story.insurer
    return [pick(rng, "Bill to:", "To:", "Account to:", "Invoice to:"), ins.name, ins.address, ""]


def _totals(subtotal: float, gst: float, rng: random.Random, gst_free_note: bool) -> list[str]:
    out = [f"| | | Subtotal | {money(subtotal)} |",
           f"| | | GST | {money(gst)} |",
           f"| | | Total | {money(subtotal + gst)} |"]
    if gst_free_note and gst == 0 and rng.random() < 0.7:
        out.append("")
        out.append(pick(rng, "GST-free health service.", "Medical services are GST free.",
                        "No GST applies to this service."))
    return out



def _tidy(lines: list[str]) -> str:
    """Join lines, collapsing runs of blank lines and trimming the ends."""
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)

def _doc(spec: DocSpec, variant: str, kind: str, lines: list[str], fields: dict,
         hn: str = "") -> Doc:
    return Doc(doc_type=DT, template=f"{DT}/{variant}", kind=kind,
               text=_tidy(lines), date=spec.date, fields=fields,
               hard_negative_of=hn)


# ----------------------------------------------------------------------------- templates


@template(DT, "physio_tax_invoice")
def physio_tax_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    prac, physio = story.physio_practice, story.physio
    fields: dict[str, object] = {"doc_date": spec.date}
    codes = {"NSW": ("PTA001", "PTA002"), "VIC": ("PI100", "PS200"), "QLD": ("PHY001", "PHY002")}
    c_init, c_sub = codes.get(story.scheme.code, ("500", "505"))
    lines = [f"# {prac.name}", prac.address, f"ABN {_abn(prac, rng)}"
             + (f"  Ph {prac.phone}" if prac.phone else ""), "",
             f"## {pick(rng, 'TAX INVOICE', 'Tax Invoice', 'Tax Invoice / Receipt')}",
             f"Invoice no: {_inv_no(rng)}   Date: {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines += _claim_block(story, rng, f, fields)
    if rng.random() < 0.5:
        lines.append(f"Treating physiotherapist: {physio.formal}"
                     + (f" ({physio.qualifications})" if physio.qualifications else ""))
        fields["author"] = physio.name
    lines += ["", "| Date | Item | Description | Fee |"]
    days = _service_days(story, spec, rng, rng.randint(2, 6))
    total = 0.0
    first_visit = rng.random() < 0.4
    for i, d in enumerate(days):
        if i == 0 and first_visit:
            code, desc, fee = c_init, "Initial consultation and treatment", 96.65
        else:
            code, desc, fee = c_sub, pick(rng, "Standard consultation", "Subsequent treatment",
                                          "Consultation and treatment"), 82.15
        total += fee
        lines.append(f"| {f(d)} | {code} | {desc} | {money(fee)} |")
    lines += _totals(total, 0.0, rng, True)
    due = spec.date + dt.timedelta(days=rng.choice((14, 30)))
    lines += ["", f"Payment due: {f(due)}", ""] + _bank(rng, prac.name)
    return _doc(spec, "physio_tax_invoice", "form", lines, fields)


@template(DT, "gp_account")
def gp_account(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    gp, prac = story.treating_doctor, story.practice
    fields: dict[str, object] = {"doc_date": spec.date, "author": gp.name}
    nsw = story.scheme.code == "NSW" and rng.random() < 0.8
    lines = [prac.name.upper(), prac.address]
    if prac.phone:
        lines.append(f"Tel {prac.phone}")
    lines += [f"ABN: {_abn(prac, rng)}", "",
              f"# {pick(rng, 'ACCOUNT', 'Tax Invoice', 'Statement of Account')}",
              f"Doctor: {gp.formal}" + (f"  Provider No. {gp.provider_number}"
                                         if gp.provider_number else ""),
              f"Account no. {_inv_no(rng)}   Issued {f(spec.date)}", ""]
    lines += _claim_block(story, rng, f, fields, employer_p=0.4, doi_p=0.8)
    lines.append("")
    lines.append("| Date of service | Item | Service | Charged |")
    total = 0.0
    for d in _service_days(story, spec, rng, rng.randint(1, 4)):
        if nsw:
            code, desc, fee = rng.choice((("WCO002", "Standard consultation", 76.00),
                                          ("WCO003", "Long consultation", 110.95),
                                          ("WCO004", "Certificate of capacity - subsequent",
                                           21.90)))
        else:
            code, desc, fee = rng.choice((("23", "Level B consultation", 85.00),
                                          ("36", "Level C consultation", 140.00),
                                          ("CC1", "Completion of certificate", 25.00)))
        total += fee
        lines.append(f"| {f(d)} | {code} | {desc} | {money(fee)} |")
    lines.append(f"| | | Total (GST free) | {money(total)} |")
    lines += ["", pick(rng, "Amount due within 14 days.", "Please pay within 30 days.",
                       f"Due date: {f(spec.date + dt.timedelta(days=14))}"),
              pick(rng, "Workers compensation claim - please do not bill the patient.",
                   "This account is payable by the insurer.", "")]
    lines += [""] + _bank(rng, prac.name)
    return _doc(spec, "gp_account", "form", lines, fields)


@template(DT, "specialist_account")
def specialist_account(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    sp, prac = story.specialist, story.specialist_practice
    fields: dict[str, object] = {"doc_date": spec.date, "author": sp.name}
    lines = [f"{sp.formal} {sp.qualifications}".strip(), sp.role or "Specialist",
             prac.name, prac.address,
             f"ABN {_abn(prac, rng)}" + (f"  Provider no. {sp.provider_number}"
                                         if sp.provider_number else ""), "---",
             f"# {pick(rng, 'Tax Invoice', 'ACCOUNT FOR PROFESSIONAL SERVICES', 'Invoice')}",
             f"Invoice {_inv_no(rng)} | {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines += _claim_block(story, rng, f, fields, doi_p=0.7)
    if rng.random() < 0.6:
        diag = story.injury.diagnosis
        if story.injury.body_part.lower() not in diag.lower():
            diag += f" ({story.injury.body_part})"
        lines.append(f"Diagnosis: {diag}")
        fields["body_part"] = story.injury.body_part
    lines += ["", "| Date | Item no. | Description | Amount |"]
    total = 0.0
    days = _service_days(story, spec, rng, rng.randint(1, 3))
    for i, d in enumerate(days):
        code, desc, fee = (("104", "Initial specialist consultation", 295.00) if i == 0 else
                           ("105", "Subsequent consultation", 148.00))
        total += fee
        lines.append(f"| {f(d)} | {code} | {desc} | {money(fee)} |")
    if rng.random() < 0.4:
        lines.append(f"| {f(days[-1])} | RPT | Report to insurer | {money(440.00)} |")
        total += 440.00
    lines += _totals(total, 0.0, rng, True)
    lines += ["", f"Due {f(spec.date + dt.timedelta(days=rng.choice((14, 21, 30))))}."]
    lines += _bank(rng, prac.name)
    return _doc(spec, "specialist_account", "form", lines, fields)


@template(DT, "imaging_invoice")
def imaging_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    bp = story.injury.body_part
    clinic = pick(rng, "Western Imaging Group", "Precision Radiology", "Metro Diagnostic Imaging",
                  "Coastal X-Ray & Ultrasound")
    suburb = story.worker_address.split(",")[-1].strip()
    fields: dict[str, object] = {"doc_date": spec.date, "body_part": bp}
    lines = [f"# {clinic}", f"{rng.randint(1, 200)} {pick(rng, 'Station', 'High', 'Church')} St, "
             f"{suburb}", f"ABN {_abn(Org(clinic, ''), rng)}", "",
             pick(rng, "TAX INVOICE", "Account", "INVOICE / RECEIPT"),
             f"Invoice: {_inv_no(rng)}", f"Date: {f(spec.date)}", ""]
    lines += _claim_block(story, rng, f, fields, employer_p=0.3, doi_p=0.5)
    lines.append(f"Referring doctor: {story.treating_doctor.formal}")
    lines.append("")
    exams = [("58106" if "back" in bp else "57712", f"X-ray {bp}", 95.00),
             ("63154" if "back" in bp else "63322", f"MRI {bp}", 520.00),
             ("55808" if "shoulder" in bp else "55812", f"Ultrasound {bp}", 210.00),
             ("56223", f"CT {bp}", 365.00)]
    rng.shuffle(exams)
    d = _service_days(story, spec, rng, 1)[0]
    total = 0.0
    lines.append("| Date | MBS item | Examination | Fee |")
    for code, desc, fee in exams[: rng.randint(1, 2)]:
        total += fee
        lines.append(f"| {f(d)} | {code} | {desc} | {money(fee)} |")
    lines += _totals(total, 0.0, rng, True)
    lines += ["", f"Radiologist: Dr {pick(rng, 'K. Abbott', 'R. Mistry', 'L. Chen', 'S. Varga')}",
              pick(rng, "Payment terms: 30 days.", "Please pay by the due date.",
                   f"Due: {f(spec.date + dt.timedelta(days=30))}")]
    return _doc(spec, "imaging_invoice", "form", lines, fields)


_DRUGS_PHYS = ("Paracetamol 500mg tabs x100", "Paracetamol/codeine 500/30 x20",
               "Celecoxib 200mg caps x30", "Pregabalin 75mg caps x56", "Ibuprofen 400mg x30",
               "Diclofenac gel 1% 100g", "Meloxicam 15mg x30", "Tapentadol SR 50mg x28")
_DRUGS_PSY = ("Sertraline 50mg x30", "Escitalopram 10mg x28", "Mirtazapine 15mg x30",
              "Temazepam 10mg x25", "Quetiapine 25mg x60")


@template(DT, "pharmacy_statement")
def pharmacy_statement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    ph = pick(rng, "Priceline Pharmacy", "Chemist Warehouse", "TerryWhite Chemmart",
              "Amcal Pharmacy", "Blooms The Chemist")
    suburb = story.worker_address.split(",")[-1].strip()
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [f"{ph} {suburb.split()[0]}", f"Shop {rng.randint(1, 40)}, {suburb}",
             f"ABN {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
             f"{rng.randint(100, 999)}", "",
             f"# {pick(rng, 'Statement', 'Workers Compensation Statement', 'Tax Invoice')}",
             f"Statement date: {f(spec.date)}", ""]
    lines += _claim_block(story, rng, f, fields, employer_p=0.2, doi_p=0.3)
    lines += [f"Prescriber: {story.treating_doctor.formal}", "",
              "| Date | Rx no. | Item | Qty | Price |"]
    pool = list(_DRUGS_PSY if story.injury.psychological else _DRUGS_PHYS)
    total = 0.0
    for d in _service_days(story, spec, rng, rng.randint(2, 5)):
        drug = rng.choice(pool)
        price = rng.choice((7.70, 12.45, 18.95, 24.60, 31.60, 42.50))
        total += price
        lines.append(f"| {f(d)} | {rng.randint(100000, 999999)} | {drug} | 1 | {money(price)} |")
    lines.append(f"| | | | Total | {money(total)} |")
    lines += ["", pick(rng, "Includes GST where applicable.", "PBS items GST free.",
                       "All items GST free."),
              pick(rng, "Balance due 30 days.", "Please remit on receipt.")]
    return _doc(spec, "pharmacy_statement", "form", lines, fields)


@template(DT, "hospital_account")
def hospital_account(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    hosp = pick(rng, "Northside Private Hospital", "St Brendan's Day Surgery",
                "Lakeside Private Hospital", "Riverview Surgical Centre")
    adm = _service_days(story, spec, rng, 1)[0]
    los = rng.choice((0, 1, 2, 3))
    dis = adm + dt.timedelta(days=los)
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [f"# {hosp}", pick(rng, "Patient Accounts", "Accounts Department", ""),
             f"ABN {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)} "
             f"{rng.randint(100, 999)}", "---",
             f"{pick(rng, 'HOSPITAL ACCOUNT', 'TAX INVOICE', 'Inpatient Account')}", ""]
    lines += [f"Account no.: {rng.randint(1000000, 9999999)}", f"Invoice date: {f(spec.date)}",
              f"Admitted: {f(adm)}   Discharged: {f(dis)}"]
    lines += _claim_block(story, rng, f, fields, employer_p=0.4, doi_p=0.7)
    lines.append(f"Admitting doctor: {story.specialist.formal}")
    lines += ["", "| Code | Description | Qty | Amount |"]
    rows = [("TH01", "Theatre fee - band 4", 1, 1650.00),
            ("DS01", "Day surgery accommodation", 1, 480.00) if los == 0 else
            ("AC02", "Overnight accommodation - surgical", los, 890.00),
            ("PH01", "Pharmacy - inpatient", 1, rng.choice((45.10, 88.20, 132.75))),
            ("PR01", "Prostheses / consumables", 1, rng.choice((210.00, 385.00, 0.0)))]
    total = 0.0
    for code, desc, q, amt in rows:
        if amt == 0:
            continue
        total += q * amt
        lines.append(f"| {code} | {desc} | {q} | {money(q * amt)} |")
    lines.append(f"| | Total due | | {money(total)} |")
    lines += ["", pick(rng, "Payment within 30 days of invoice date.",
                       "Please quote the account number with payment."),
              pick(rng, "Page 1 of 1", "Enquiries: patient accounts, business hours.", "")]
    return _doc(spec, "hospital_account", "form", lines, fields)


@template(DT, "rehab_provider_invoice")
def rehab_provider_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    rp, rc = story.rehab_provider, story.rehab_consultant
    fields: dict[str, object] = {"doc_date": spec.date}
    nsw = story.scheme.code == "NSW"
    lines = [f"# {rp.name}", rp.address, f"ABN {_abn(rp, rng)}", "",
             f"TAX INVOICE {_inv_no(rng)}", f"Date: {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines += _claim_block(story, rng, f, fields, employer_p=0.7, doi_p=0.4)
    lines.append(f"Consultant: {rc.name}" + (f", {rc.qualifications}" if rc.qualifications
                                             else ""))
    lines += ["", "| Date | Code | Service | Hours | Rate | Amount |"]
    rate = rng.choice((178.20, 185.00, 192.40))
    services = [("WRA001" if nsw else "R101", "Initial assessment"),
                ("WRA005" if nsw else "R105", "Workplace assessment"),
                ("WRA010" if nsw else "R110", "RTW plan development"),
                ("WRA020" if nsw else "R120", "Case conference"),
                ("WRA030" if nsw else "R130", "Report writing"),
                ("WRA040" if nsw else "R140", "Travel time")]
    total = 0.0
    days = _service_days(story, spec, rng, rng.randint(2, 5))
    for d in days:
        code, desc = rng.choice(services)
        hrs = rng.choice((0.5, 1.0, 1.5, 2.0, 2.5))
        amt = round(hrs * rate, 2)
        total += amt
        lines.append(f"| {f(d)} | {code} | {desc} | {hrs} | {money(rate)} | {money(amt)} |")
    gst = round(total * 0.1, 2)
    lines += [f"| | | | | Subtotal | {money(total)} |",
              f"| | | | | GST 10% | {money(gst)} |",
              f"| | | | | TOTAL | {money(total + gst)} |", ""]
    lines.append(f"Terms: {pick(rng, '14 days', '30 days', 'strictly 14 days')}")
    lines += _bank(rng, rp.name)
    return _doc(spec, "rehab_provider_invoice", "form", lines, fields)


@template(DT, "ime_fee_invoice")
def ime_fee_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    """IME fee invoice naming the examiner and exam date (not the IME report)."""
    f = _fd(rng)
    ime, prac = story.ime_examiner, story.ime_practice
    exam = spec.about if isinstance(spec.about, dt.date) else \
        spec.date - dt.timedelta(days=rng.randint(0, 14))
    exam = max(exam, story.injury.date)
    fields: dict[str, object] = {"doc_date": spec.date, "exam_date": exam, "examiner": ime.name,
                                 "author": ime.name}
    lines = [prac.name.upper() if rng.random() < 0.5 else f"# {prac.name}", prac.address,
             f"ABN {_abn(prac, rng)}", "",
             f"## {pick(rng, 'TAX INVOICE', 'Tax Invoice - Medicolegal Services', 'Invoice')}",
             f"Invoice no. {_inv_no(rng)}", f"Invoice date: {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines += [f"Examinee: {story.worker.name}"]
    fields["worker"] = story.worker.name
    if rng.random() < 0.8:
        lines.append(f"{pick(rng, 'Your ref', 'Claim no.', 'Claim number')}: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Examiner: {ime.formal}" + (f" {ime.qualifications}" if ime.qualifications else ""),
              f"Date of examination: {f(exam)}", ""]
    code = "IMC001" if story.scheme.code == "NSW" else "IME01"
    base = rng.choice((1650.00, 1980.00, 2250.00, 2640.00))
    rows = [(code, "Independent medical examination and report", base)]
    if rng.random() < 0.5:
        rows.append(("IMR", "Review of additional documents (per 50 pages)",
                     rng.choice((150.00, 220.00))))
    if rng.random() < 0.3:
        rows.append(("IMC-NA", "Interpreter arranged", 180.00))
    lines.append("| Item | Description | Amount |")
    sub = 0.0
    for c, d, a in rows:
        sub += a
        lines.append(f"| {c} | {d} | {money(a)} |")
    gst = round(sub * 0.1, 2)
    lines += [f"| | Subtotal | {money(sub)} |", f"| | GST | {money(gst)} |",
              f"| | Amount due | {money(sub + gst)} |", ""]
    lines.append(pick(rng, "Medicolegal services attract GST.",
                      "Payment due within 30 days.",
                      f"Due date {f(spec.date + dt.timedelta(days=30))}"))
    if rng.random() < 0.3:
        lines.append("Report released on payment of this invoice.")
    lines += [""] + _bank(rng, prac.name)
    return _doc(spec, "ime_fee_invoice", "form", lines, fields, hn="ime_report")


@template(DT, "investigation_fee_invoice")
def investigation_fee_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    firm, inv = story.investigation_firm, story.investigator
    fields: dict[str, object] = {"doc_date": spec.date}
    lines = [f"# {firm.name}", firm.address, f"ABN {_abn(firm, rng)}"
             + pick(rng, "", f"  Master licence {rng.randint(400000, 499999)}"), "",
             "TAX INVOICE", f"No. {_inv_no(rng)}   Date {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines.append(f"Matter: {pick(rng, 'Factual investigation', 'Surveillance', 'Activity check')}"
                 f" - {story.worker.name}")
    fields["worker"] = story.worker.name
    if rng.random() < 0.8:
        lines.append(f"Your ref: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Investigator: {inv.name}", "", "| Description | Units | Rate | Amount |"]
    rate = rng.choice((95.00, 110.00, 125.00))
    rows = [("Professional time - interviews", rng.choice((3, 4.5, 6)), rate),
            ("Travel time", rng.choice((1, 1.5, 2.5)), rate),
            ("Report preparation", rng.choice((2, 3, 4)), rate),
            ("Kilometres", rng.randint(40, 260), 0.96)]
    if rng.random() < 0.5:
        rows.append(("Surveillance hours", rng.choice((8, 12, 16)), rate))
    sub = 0.0
    for d, u, r in rows:
        amt = round(u * r, 2)
        sub += amt
        lines.append(f"| {d} | {u} | {money(r)} | {money(amt)} |")
    gst = round(sub * 0.1, 2)
    lines += [f"| | | Subtotal | {money(sub)} |", f"| | | GST | {money(gst)} |",
              f"| | | Total | {money(sub + gst)} |", ""]
    lines += _bank(rng, firm.name)
    return _doc(spec, "investigation_fee_invoice", "form", lines, fields)


@template(DT, "legal_costs_memo")
def legal_costs_memo(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    panel = rng.random() < 0.5  # the insurer's own (panel) solicitors bill the insurer
    if panel:
        firm = Org(pick(rng, "Harper Quill Legal", "Marlow & Finch Insurance Lawyers",
                        "Bennett Stroud Lawyers"), story.insurer.address.split(",")[-1].strip())
        sol_name = pick(rng, "Gemma Larkin", "Oliver Brandt", "Nadia Petrov")
    else:
        firm, sol_name = story.law_firm, story.solicitor.name
    fields: dict[str, object] = {"doc_date": spec.date, "author": sol_name}
    lines = [firm.name.upper(), firm.address, f"ABN {_abn(firm, rng)}", "",
             "# " + pick(rng, "TAX INVOICE", "Memorandum of Fees",
                         "Tax Invoice and Memorandum of Costs"),
             f"Invoice {_inv_no(rng)}   Date: {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    if panel:
        lines.append(f"Client: {story.insurer.name} obo {story.employer.name}")
        lines.append(f"Matter: {story.employer.name} ats {story.worker.name}")
    else:
        lines.append(f"Re: {story.worker.name} v {story.employer.name}")
        lines.append(pick(rng, "Costs payable pursuant to orders made.",
                          "Costs as agreed at conciliation.", "Regulated costs."))
    fields.update(worker=story.worker.name, employer=story.employer.name)
    if rng.random() < 0.6:
        lines.append(f"Claim no. {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [f"Solicitor responsible: {sol_name}", "", "## Professional fees"]
    fees = [("Taking instructions and reviewing file", rng.choice((880.0, 1210.0))),
            ("Preparing application and attachments", rng.choice((1650.0, 2200.0))),
            ("Attendance at conciliation conference", rng.choice((1430.0, 1980.0))),
            ("Correspondence", rng.choice((275.0, 440.0)))]
    rng.shuffle(fees)
    sub = 0.0
    lines.append("| Description | Amount |")
    for d, a in fees[: rng.randint(2, 4)]:
        sub += a
        lines.append(f"| {d} | {money(a)} |")
    lines += ["", "## Disbursements", "| Description | Amount |"]
    disb = [("Medical report fee", rng.choice((880.0, 1320.0))), ("Photocopying", 45.0),
            ("Courier", 22.5)]
    for d, a in disb[: rng.randint(1, 3)]:
        sub += a
        lines.append(f"| {d} | {money(a)} |")
    gst = round(sub * 0.1, 2)
    lines += ["", f"Subtotal {money(sub)}", f"GST {money(gst)}", f"Total {money(sub + gst)}", "",
              pick(rng, "Costs are calculated in accordance with the applicable costs schedule.",
                   "Payment within 30 days please.", "Trust account details available on request.")]
    lines += _bank(rng, firm.name)
    return _doc(spec, "legal_costs_memo", "form", lines, fields)


@template(DT, "statement_of_account")
def statement_of_account(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
    f = _fd(rng)
    prac = rng.choice((story.physio_practice, story.practice, story.specialist_practice))
    fields: dict[str, object] = {"doc_date": spec.date}
    title = pick(rng, "STATEMENT", "Statement of Account", "Overdue Account Reminder")
    lines = [prac.name, prac.address, "", f"## {title}",
             f"As at {f(spec.date)}", ""]
    lines += _bill_to(story, rng)
    lines += _claim_block(story, rng, f, fields, employer_p=0.0, doi_p=0.2)
    lines += ["", "| Invoice | Date | Amount | Paid | Balance |"]
    bal = 0.0
    for d in _service_days(story, spec, rng, rng.randint(2, 4)):
        amt = rng.choice((82.15, 96.65, 76.00, 148.00))
        paid = amt if rng.random() < 0.4 else 0.0
        bal += amt - paid
        lines.append(f"| {_inv_no(rng)} | {f(d)} | {money(amt)} | {money(paid)} | "
                     f"{money(amt - paid)} |")
    lines += ["", f"Balance outstanding: {money(bal)}",
              "| Current | 30 days | 60 days | 90+ days |",
              f"| {money(bal)} | $0.00 | $0.00 | $0.00 |", "",
              pick(rng, "Please arrange payment at your earliest convenience.",
                   "If payment has been made please disregard this statement.",
                   "Remittance advice to accounts please.")]
    return _doc(spec, "statement_of_account", "form", lines, fields)
