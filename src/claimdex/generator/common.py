"""Small helpers shared by all templates: varied date/money formats, blocks, an example story."""

from __future__ import annotations

import datetime as dt
import random

from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Decision,
    Injury,
    Org,
    Person,
    Scheme,
)

_DAY_FIRST_FORMATS = (
    "{d.day}/{d.month:02d}/{d.year}",  # 3/04/2024
    "{d.day:02d}/{d.month:02d}/{d.year}",  # 03/04/2024
    "{d.day} {month} {d.year}",  # 3 April 2024
    "{d.day} {mon} {d.year}",  # 3 Apr 2024
    "{d.year}-{d.month:02d}-{d.day:02d}",  # 2024-04-03
    "{d.day:02d}.{d.month:02d}.{yy}",  # 03.04.24
    "{d.day:02d}/{d.month:02d}/{yy}",  # 03/04/24
    "{weekday} {d.day} {month} {d.year}",  # Wednesday 3 April 2024
    "{d.day:02d}-{mon}-{d.year}",  # 03-Apr-2024
)


def fmt_date(day: dt.date, rng: random.Random | None = None, style: int | None = None) -> str:
    """Format ``day`` Australian day-first; a random style when ``rng`` is given."""
    if style is None:
        style = rng.randrange(len(_DAY_FIRST_FORMATS)) if rng else 0
    pattern = _DAY_FIRST_FORMATS[style % len(_DAY_FIRST_FORMATS)]
    return pattern.format(
        d=day,
        month=day.strftime("%B"),
        mon=day.strftime("%b"),
        yy=f"{day.year % 100:02d}",
        weekday=day.strftime("%A"),
    )


def date_style(rng: random.Random) -> int:
    """Pick one date style to use consistently within a document."""
    return rng.randrange(len(_DAY_FIRST_FORMATS))


def money(amount: float) -> str:
    return f"${amount:,.2f}"


def tick(checked: bool) -> str:
    return "[x]" if checked else "[ ]"


def pick(rng: random.Random, *options: str) -> str:
    return rng.choice(options)


def maybe(rng: random.Random, p: float, text: str) -> str:
    """``text`` with probability ``p``, else an empty string (for optional lines)."""
    return text if rng.random() < p else ""


def join_lines(*lines: str | None) -> str:
    """Join lines, dropping ``None`` (not empty strings, which are paragraph breaks)."""
    return "\n".join(line for line in lines if line is not None)


def capacity_phrase(capacity: str, rng: random.Random) -> str:
    options = {
        "none": ("has no current work capacity", "is unfit for any work", "no capacity for work"),
        "suitable_duties": (
            "has capacity for some type of employment (suitable duties)",
            "is fit for suitable/modified duties",
            "can return to work on restricted duties",
        ),
        "pre_injury_duties": (
            "is fit for pre-injury duties",
            "has capacity to return to full pre-injury duties",
            "is fit for normal duties without restriction",
        ),
    }
    return rng.choice(options[capacity])


def example_story() -> ClaimStory:
    """A fixed, hand-built story for template smoke tests (not used in corpora)."""
    day = dt.date(2024, 3, 4)
    gp = Person("Dr", "Anita", "Raman", "General practitioner", "02 9687 1100",
                "reception@parkclinic.example", "MBBS FRACGP", "2345678A")
    cm1 = Person("Ms", "Chloe", "Nguyen", "Case manager", "13 44 22", "chloe.nguyen@harbourins.example")
    cm2 = Person("Mr", "Daniel", "O'Brien", "Case manager", "13 44 22", "daniel.obrien@harbourins.example")
    return ClaimStory(
        claim_number="HW-2403-118822",
        scheme=Scheme("NSW", "NSW", "SIRA", "Workers Compensation Act 1987",
                      "Certificate of Capacity", "Worker's injury claim form", "PIAWE"),
        insurer=Org("Harbour Workers Insurance", "Level 7, 2 Smith St, Parramatta NSW 2150",
                    "13 44 22", "51 824 753 556", "harbourins.example"),
        worker=Person("Mr", "Tomas", "Kowalski", "Warehouse storeperson", "0412 555 019"),
        worker_dob=dt.date(1986, 9, 17),
        worker_address="14 Wattle Cres, Blacktown NSW 2148",
        worker_occupation="Storeperson",
        employer=Org("Greenline Logistics Pty Ltd", "88 Foundry Rd, Seven Hills NSW 2147",
                     "02 9620 4400", "33 102 417 032", "greenline.example"),
        employer_contact=Person("Ms", "Priya", "Shah", "RTW coordinator", "02 9620 4411"),
        injury=Injury(day, "10:40 am", "lower back", "sprain/strain",
                      "Lifting a 25 kg carton from a pallet he felt a sharp pain in his lower back.",
                      "Dispatch area, Seven Hills warehouse", False, "Lumbar sprain, L4/5 disc bulge"),
        notification_date=day + dt.timedelta(days=1),
        claim_lodged=day + dt.timedelta(days=6),
        case_managers=(CaseManagerStint(cm1, day + dt.timedelta(days=1)),
                       CaseManagerStint(cm2, day + dt.timedelta(days=45))),
        treating_doctor=gp,
        practice=Org("Park Street Medical Centre", "3 Park St, Blacktown NSW 2148", "02 9687 1100"),
        specialist=Person("Dr", "Martin", "Hale", "Orthopaedic surgeon", qualifications="FRACS (Orth)"),
        specialist_practice=Org("Westmead Spine & Orthopaedics", "Suite 4, 160 Hawkesbury Rd, Westmead NSW 2145"),
        physio=Person("Mr", "Sam", "Lee", "Physiotherapist", qualifications="BAppSc (Physio)"),
        physio_practice=Org("Blacktown Physio & Rehab", "22 Main St, Blacktown NSW 2148", abn="12 345 678 901"),
        ime_examiner=Person("Dr", "Helen", "Forsyth", "Consultant orthopaedic surgeon", qualifications="MBBS FRACS"),
        ime_practice=Org("Medico-Legal Assessments Australia", "Level 2, 50 Clarence St, Sydney NSW 2000"),
        rehab_consultant=Person("Ms", "Jess", "Moran", "Rehabilitation consultant", qualifications="B.OccThy"),
        rehab_provider=Org("WorkAbility Rehab Services", "5/10 Church St, Parramatta NSW 2150"),
        investigator=Person("Mr", "Gary", "Pike", "Licensed investigator"),
        investigation_firm=Org("Sentinel Investigations", "PO Box 221, Sydney NSW 2001"),
        solicitor=Person("Ms", "Rebecca", "Tan", "Solicitor"),
        law_firm=Org("Tan & Marsh Lawyers", "Level 12, 1 Macquarie Pl, Sydney NSW 2000"),
        certificates=(
            Certificate(day, day, day + dt.timedelta(days=13), "none", 0, 0, (), gp, True),
            Certificate(day + dt.timedelta(days=14), day + dt.timedelta(days=14), day + dt.timedelta(days=41),
                        "suitable_duties", 4, 3, ("No lifting over 5 kg", "No repetitive bending"), gp, False),
        ),
        decisions=(Decision(day + dt.timedelta(days=5), "provisional", 1182.40),
                   Decision(day + dt.timedelta(days=60), "accepted", 1182.40)),
        piawe=1182.40,
        hourly_rate=31.12,
        ordinary_hours=38.0,
    )
