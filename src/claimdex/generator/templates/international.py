"""International claim documents: the same claim story told the way other injury schemes write.

The document-type classifier must recognise what a document *is*, not the Australian words it
happens to use. These templates re-tell a story in the forms, letters and notes of:

- United States state workers' compensation (California DWC/WCAB, Texas DWC, New York WCB,
  Florida, Ohio BWC, Pennsylvania): carriers and TPAs, adjusters, "employee"/"claimant",
  DOI, TTD/TPD, AWW, MMI, UR, RFA, QME/AME/IME;
- United Kingdom employers' liability and occupational health: fit notes, RIDDOR, loss
  adjusters, Pre-Action Protocol letters of claim, Part 36, NHS discharge letters;
- New Zealand ACC: ACC45, ACC18, cover decisions, weekly compensation, recovery team;
- Canada: Ontario WSIB (Form 6, Form 7, Functional Abilities Form) and WorkSafeBC.

Every template is registered under the TRUE document type with a variant name prefixed by the
jurisdiction (``us_``, ``uk_``, ``nz_``, ``ca_``).

Dates: United States documents write dates month-first ("04/03/2024", "April 3, 2024"); the
others day-first. A date-valued field (``doc_date``, ``injury_date``, ``cert_from`` ...) is
recorded only when the document writes that date in one of the day-first or ISO forms of
:func:`claimdex.generator.common.fmt_date` (see :class:`_Dates`), so the ground truth never
depends on reading "04/03/2024" the American way. Money is in the local currency (the story's
weekly earnings figure is reused as a local amount).
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from claimdex.generator.common import date_style, fmt_date, maybe, pick, tick
from claimdex.generator.model import (
    CaseManagerStint,
    Certificate,
    ClaimStory,
    Decision,
    Doc,
    DocSpec,
    Injury,
    Person,
    template,
)

DAY = dt.timedelta(days=1)

# =========================================================================== registration


@dataclass
class _Out:
    """What a template body returns; :func:`_intl` turns it into a :class:`Doc`."""

    kind: str
    lines: list[str | None]
    fields: dict[str, object]
    headers: dict[str, str] = field(default_factory=dict)
    hard_negative_of: str = ""


def _clean(lines: list[str | None]) -> str:
    text = "\n".join(line.rstrip() for line in lines if line is not None).strip("\n")
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text


_PERSON_KEYS = ("worker", "author", "case_manager", "examiner", "handover_from", "handover_to")


def _stated(fields: dict[str, object], blob: str) -> dict[str, object]:
    """Keep only the fields the document actually states (a safety net for the ground truth:
    names token by token, other strings verbatim, dates in a day-first or ISO form)."""
    low = blob.lower()
    out: dict[str, object] = {}
    for key, value in fields.items():
        if isinstance(value, dt.date):
            if not any(fmt_date(value, style=k) in blob for k in range(9)):
                continue
        elif key in _PERSON_KEYS:
            if not all(tok in low for tok in str(value).lower().split()):
                continue
        elif key in ("claim_number", "employer", "body_part"):
            if str(value).lower() not in low:
                continue
        out[key] = value
    return out


def _intl(doc_type: str, variant: str) -> Callable:
    """Register ``fn`` (returning :class:`_Out`) as template ``doc_type/variant``."""

    def register(fn: Callable[[ClaimStory, DocSpec, random.Random], _Out]):
        name = f"{doc_type}/{variant}"

        def build(story: ClaimStory, spec: DocSpec, rng: random.Random) -> Doc:
            out = fn(story, spec, rng)
            text = _clean(out.lines)
            fields = _stated(out.fields, text + "\n" + "\n".join(out.headers.values()))
            return Doc(doc_type=doc_type, template=name, kind=out.kind, text=text,
                       date=spec.date, fields=fields, email_headers=dict(out.headers),
                       hard_negative_of=out.hard_negative_of)

        build.__name__ = fn.__name__
        build.__doc__ = fn.__doc__
        template(doc_type, variant)(build)
        return build

    return register


# =========================================================================== dates


class _Dates:
    """One date style for a whole document; ``safe`` when it is a day-first/ISO form that
    :func:`fmt_date` also produces (only then are date fields recorded)."""

    def __init__(self, fn: Callable[[dt.date], str], safe: bool) -> None:
        self._fn = fn
        self.safe = safe

    def __call__(self, day: dt.date) -> str:
        return self._fn(day)

    def put(self, fields: dict[str, object], key: str, day: dt.date) -> None:
        if self.safe:
            fields[key] = day


def _fmt(pattern: str, day: dt.date) -> str:
    return pattern.format(m=day.month, d=day.day, y=day.year, yy=f"{day.year % 100:02d}",
                          B=day.strftime("%B"), b=day.strftime("%b"), A=day.strftime("%A"))


# (pattern, safe, weight): month-first American styles, plus the ISO and 03-Apr-2024 forms
# that claims systems and EMR printouts use.
_US_STYLES = (
    ("{m:02d}/{d:02d}/{y}", False, 6),
    ("{m}/{d}/{y}", False, 3),
    ("{B} {d}, {y}", False, 4),
    ("{b} {d}, {y}", False, 2),
    ("{m:02d}-{d:02d}-{y}", False, 1),
    ("{m:02d}/{d:02d}/{yy}", False, 1),
    ("{A}, {B} {d}, {y}", False, 1),
    ("{y}-{m:02d}-{d:02d}", True, 2),
    ("{d:02d}-{b}-{y}", True, 1),
)


def _us_dates(rng: random.Random, safe_only: bool = False) -> _Dates:
    pool = [s for s in _US_STYLES if s[1] or not safe_only]
    pattern, safe, _ = rng.choices(pool, weights=[w for _, _, w in pool])[0]
    return _Dates(lambda day: _fmt(pattern, day), safe)


def _dm_dates(rng: random.Random, style: int | None = None) -> _Dates:
    chosen = date_style(rng) if style is None else style
    return _Dates(lambda day: fmt_date(day, style=chosen), True)


def _ca_dates(rng: random.Random) -> _Dates:
    """Canada: dd/mm/yyyy on forms, ISO in systems, "April 3, 2024" in many letters."""
    r = rng.random()
    if r < 0.3:
        return _Dates(lambda day: _fmt("{B} {d}, {y}", day), False)
    if r < 0.45:
        return _dm_dates(rng, 4)
    return _dm_dates(rng, rng.choice((1, 1, 2, 3)))


_TZ = {"US": ("-0500", "-0600", "-0700", "-0800"), "UK": ("+0000", "+0100"),
       "NZ": ("+1200", "+1300"), "CA": ("-0400", "-0500", "-0700", "-0800")}


def _hdr_date(day: dt.date, rng: random.Random, country: str) -> tuple[str, bool]:
    """An email Date header and whether it writes the date in a recognised form."""
    hh, mm = rng.randint(7, 17), rng.randint(0, 59)
    if rng.random() < 0.5:
        tz = rng.choice(_TZ.get(country, ("+0000",)))
        return (f"{day:%a}, {day.day:02d} {day:%b} {day.year} {hh:02d}:{mm:02d}:"
                f"{rng.randint(0, 59):02d} {tz}", True)
    ampm = "AM" if hh < 12 else "PM"
    h12 = hh if hh <= 12 else hh - 12
    if country == "US":
        return f"{day:%A}, {day:%B} {day.day}, {day.year} {h12}:{mm:02d} {ampm}", False
    if country == "CA" and rng.random() < 0.5:
        return f"{day:%B} {day.day}, {day.year} {h12}:{mm:02d} {ampm.lower()}", False
    return f"{day:%A}, {day.day} {day:%B} {day.year} {h12}:{mm:02d} {ampm.lower()}", True


# =========================================================================== places & orgs


@dataclass(frozen=True)
class _Place:
    city: str
    code: str  # ZIP / postcode / postal code
    area: str  # phone area code
    region: str = ""  # state or province abbreviation


_US_PLACES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "CA": (("Fresno", "93721", "559"), ("Sacramento", "95814", "916"),
           ("Riverside", "92501", "951"), ("Oakland", "94612", "510"),
           ("San Diego", "92101", "619"), ("Bakersfield", "93301", "661"),
           ("Van Nuys", "91401", "818"), ("Stockton", "95202", "209")),
    "TX": (("Houston", "77002", "713"), ("Dallas", "75201", "214"),
           ("San Antonio", "78205", "210"), ("Austin", "78701", "512"),
           ("El Paso", "79901", "915"), ("Fort Worth", "76102", "817")),
    "NY": (("Buffalo", "14202", "716"), ("Rochester", "14604", "585"),
           ("Albany", "12207", "518"), ("Syracuse", "13202", "315"),
           ("Brooklyn", "11201", "718"), ("Yonkers", "10701", "914")),
    "FL": (("Tampa", "33602", "813"), ("Orlando", "32801", "407"),
           ("Jacksonville", "32202", "904"), ("Miami", "33130", "305"),
           ("Tallahassee", "32301", "850")),
    "OH": (("Columbus", "43215", "614"), ("Cleveland", "44113", "216"),
           ("Cincinnati", "45202", "513"), ("Toledo", "43604", "419"), ("Akron", "44308", "330")),
    "PA": (("Pittsburgh", "15222", "412"), ("Philadelphia", "19107", "215"),
           ("Harrisburg", "17101", "717"), ("Allentown", "18101", "610"), ("Erie", "16501", "814")),
}
_US_STATE_NAMES = {"CA": "California", "TX": "Texas", "NY": "New York", "FL": "Florida",
                   "OH": "Ohio", "PA": "Pennsylvania"}
_US_AGENCY = {
    "CA": "Division of Workers' Compensation",
    "TX": "Texas Department of Insurance, Division of Workers' Compensation",
    "NY": "Workers' Compensation Board",
    "FL": "Division of Workers' Compensation",
    "OH": "Ohio Bureau of Workers' Compensation",
    "PA": "Bureau of Workers' Compensation",
}
_US_STREETS = ("Main St", "Oak Ave", "Maple Dr", "Commerce Blvd", "Industrial Pkwy", "Lincoln Ave",
               "Washington St", "Park Ave", "Elm St", "Cedar Ln", "Market St", "Lakeview Dr",
               "Airport Rd", "Jefferson Blvd", "Pine St", "Harbor Way", "Distribution Dr")
_UK_PLACES = (("Leeds", "LS11 5DR", "0113"), ("Sheffield", "S9 2RX", "0114"),
              ("Birmingham", "B6 7EU", "0121"), ("Manchester", "M17 1AP", "0161"),
              ("Bristol", "BS2 0JZ", "0117"), ("Nottingham", "NG7 2PJ", "0115"),
              ("Leicester", "LE4 9LJ", "0116"), ("Cardiff", "CF24 5EL", "029"),
              ("Glasgow", "G51 4BN", "0141"), ("Newcastle upon Tyne", "NE6 1AS", "0191"),
              ("Stoke-on-Trent", "ST4 2RW", "01782"), ("Coventry", "CV6 5AP", "024"))
_UK_STREETS = ("Station Road", "High Street", "Mill Lane", "Church Street", "Victoria Road",
               "Park Road", "Kings Road", "Queensway", "Manor Way", "Canal Street",
               "Unit 4, Riverside Industrial Estate", "Trafford Park Road", "London Road")
_NZ_PLACES = (("Auckland", "1010", "09"), ("Manukau", "2104", "09"), ("Hamilton", "3204", "07"),
              ("Tauranga", "3110", "07"), ("Wellington", "6011", "04"),
              ("Lower Hutt", "5010", "04"), ("Christchurch", "8011", "03"),
              ("Dunedin", "9016", "03"), ("Palmerston North", "4410", "06"),
              ("Napier", "4110", "06"), ("Whangarei", "0110", "09"), ("Rotorua", "3010", "07"))
_NZ_STREETS = ("Kahu Street", "Great South Road", "Victoria Street", "Riccarton Road",
               "Te Rapa Road", "Cameron Road", "Main Street", "Hutt Road", "Princes Street",
               "Tory Street", "Rata Street", "Pohutukawa Drive", "Kowhai Road")
_CA_PLACES = {
    "ON": (("Toronto", "M9W 5L7", "416"), ("Hamilton", "L8L 4S4", "905"),
           ("Mississauga", "L5T 2H7", "905"), ("London", "N6E 1A1", "519"),
           ("Ottawa", "K1G 3N4", "613"), ("Windsor", "N8W 5W7", "519"),
           ("Kitchener", "N2C 1L3", "519"), ("Sudbury", "P3A 4R7", "705")),
    "BC": (("Vancouver", "V5L 1H2", "604"), ("Surrey", "V3W 1G1", "604"),
           ("Burnaby", "V5J 5J3", "604"), ("Kelowna", "V1X 4K4", "250"),
           ("Victoria", "V8Z 3K2", "250"), ("Prince George", "V2N 1T4", "250")),
}
_CA_STREETS = ("Dundas Street West", "Yonge Street", "King Street East", "Industrial Parkway",
               "Kingsway", "Main Street", "Boundary Road", "Lakeshore Road", "Commerce Court",
               "Wellington Road", "Fraser Highway")


def _place(rng: random.Random, country: str, region: str = "") -> _Place:
    if country == "US":
        city, code, area = rng.choice(_US_PLACES[region])
        return _Place(city, code, area, region)
    if country == "UK":
        return _Place(*rng.choice(_UK_PLACES))
    if country == "NZ":
        return _Place(*rng.choice(_NZ_PLACES))
    city, code, area = rng.choice(_CA_PLACES[region or "ON"])
    return _Place(city, code, area, region or "ON")


def _address(rng: random.Random, country: str, region: str = "",
             place: _Place | None = None, home: bool = False) -> str:
    p = place or _place(rng, country, region)
    n = rng.randint(2, 4800) if country in ("US", "CA") else rng.randint(1, 240)
    if country == "US":
        suite = "" if home else maybe(rng, 0.35, f", Suite {rng.randint(1, 9)}"
                                                 f"{rng.randint(0, 2)}0")
        return f"{n} {rng.choice(_US_STREETS)}{suite}, {p.city}, {p.region} {p.code}"
    if country == "UK":
        street = rng.choice(_UK_STREETS)
        if street.startswith("Unit"):
            return f"{street}, {p.city} {p.code}"
        return f"{n} {street}, {p.city} {p.code}"
    if country == "NZ":
        return f"{n} {rng.choice(_NZ_STREETS)}, {p.city} {p.code}"
    unit = maybe(rng, 0.3, f"Unit {rng.randint(1, 30)}, ")
    return f"{unit}{n} {rng.choice(_CA_STREETS)}, {p.city} {p.region} {p.code}"


def _phone(rng: random.Random, country: str, place: _Place | None = None,
           region: str = "") -> str:
    p = place or _place(rng, country, region)
    if country in ("US", "CA"):
        return pick(rng, f"({p.area}) 555-01{rng.randint(0, 99):02d}",
                    f"{p.area}-555-01{rng.randint(0, 99):02d}")
    if country == "UK":
        return f"{p.area} 496 0{rng.randint(0, 999):03d}"
    return f"{p.area} {rng.randint(200, 999)} {rng.randint(1000, 9999)}"


_ORG_SUFFIX = {"US": " Inc.", "UK": " Ltd", "NZ": " Limited", "CA": " Inc."}


def _org(name: str, country: str) -> str:
    """An Australian company name with the local company suffix."""
    for old in (" Pty Ltd", " Pty. Ltd.", " Limited", " Ltd", " Inc"):
        if name.endswith(old):
            return name[: -len(old)] + _ORG_SUFFIX.get(country, " Ltd")
    return name


def _firm(story: ClaimStory, country: str) -> str:
    base = story.law_firm.name
    for word in (" Lawyers", " Solicitors", " Legal", " Law", " Partners"):
        if base.endswith(word):
            base = base[: -len(word)]
    return {"US": f"{base}, LLP", "UK": f"{base} Solicitors LLP",
            "NZ": f"{base} Barristers & Solicitors", "CA": f"{base} LLP"}.get(country, base)


def _mail(person: Person, domain: str) -> str:
    local = f"{person.first}.{person.last}".lower()
    local = re.sub(r"[^a-z.\-]", "", local.replace(" ", ""))
    return f"{local}@{domain}"


def _domain(name: str, tld: str) -> str:
    word = re.sub(r"[^a-z]", "", name.split()[0].lower()) or "claims"
    return f"{word}{tld}"


_US_CARRIERS = ("Redwood Mutual Casualty Company", "Keystone Employers Insurance Co.",
                "Great Lakes Indemnity Company", "Lone Star Casualty Insurance Company",
                "Sunbelt Workers Compensation Fund", "Empire Commercial Insurance Company",
                "Buckeye Mutual Insurance Company", "Golden State Employers Insurance",
                "Atlantic Coast Casualty Co.", "Allegheny Valley Insurance Company")
_US_TPAS = ("Summit Claims Management, Inc.", "Pinnacle Risk Services", "Meridian Claims "
            "Administrators", "Harborline TPA Services LLC", "Keystone Claims Solutions",
            "Compass Risk Management Services", "Northstar Claims Administration")
_UK_INSURERS = ("Albion Mutual Insurance plc", "Pennine General Insurance Ltd",
                "Britannic Commercial Insurance plc", "Severn Casualty & General",
                "Northgate Insurance Company Ltd", "Thameside Commercial Insurance")
_UK_ADJUSTERS = ("Pennant Loss Adjusters Ltd", "Carrow & Hale Loss Adjusting",
                 "Lindqvist Adjusting Services", "Marlow Claims & Adjusting LLP")


@dataclass
class _Loc:
    """The jurisdiction a document is written in, fixed for the whole document."""

    country: str  # US | UK | NZ | CA
    region: str  # US state / Canadian province, "" elsewhere
    D: _Dates
    place: _Place
    insurer: str
    tpa: str = ""

    @property
    def cur(self) -> str:
        return {"UK": "£", "NZ": "$", "CA": "$"}.get(self.country, "$")

    def money(self, amount: float) -> str:
        return f"{self.cur}{amount:,.2f}"

    def domain(self) -> str:
        tld = {"US": ".com", "UK": ".co.uk", "NZ": ".co.nz", "CA": ".ca"}[self.country]
        return _domain(self.tpa or self.insurer, tld)

    @property
    def state(self) -> str:
        return _US_STATE_NAMES.get(self.region, self.region)

    @property
    def board(self) -> str:
        if self.country == "CA":
            return "WorkSafeBC" if self.region == "BC" else "WSIB"
        return {"NZ": "ACC"}.get(self.country, self.insurer)


def _us(rng: random.Random, region: str | None = None, safe_only: bool = False) -> _Loc:
    st = region or rng.choice(tuple(_US_PLACES))
    place = _place(rng, "US", st)
    tpa = rng.choice(_US_TPAS) if rng.random() < 0.5 else ""
    return _Loc("US", st, _us_dates(rng, safe_only), place, rng.choice(_US_CARRIERS), tpa)


def _uk(rng: random.Random) -> _Loc:
    return _Loc("UK", "", _dm_dates(rng), _place(rng, "UK"), rng.choice(_UK_INSURERS))


def _nz(rng: random.Random) -> _Loc:
    return _Loc("NZ", "", _dm_dates(rng), _place(rng, "NZ"), "ACC")


def _ca(rng: random.Random, region: str | None = None, forms: bool = False) -> _Loc:
    prov = region or pick(rng, "ON", "ON", "BC")
    dates = _dm_dates(rng, rng.choice((1, 1, 4))) if forms else _ca_dates(rng)
    board = "WorkSafeBC" if prov == "BC" else "Workplace Safety and Insurance Board"
    return _Loc("CA", prov, dates, _place(rng, "CA", prov), board)


_BOARD_ADDR = {
    "NZ": "ACC, PO Box 5213, Wellington 6140",
    "ON": "Workplace Safety and Insurance Board, 200 Front Street West, Toronto ON M5V 3J1",
    "BC": "WorkSafeBC, PO Box 4700 Stn Terminal, Vancouver BC V6B 1J1",
}
_BOARD_PHONE = {"NZ": "0800 101 996", "ON": "1-800-387-0750", "BC": "1-888-967-5377"}


def _board_addr(loc: _Loc) -> str:
    return _BOARD_ADDR.get(loc.region or loc.country, _BOARD_ADDR["NZ"])


def _board_phone(loc: _Loc) -> str:
    return _BOARD_PHONE.get(loc.region or loc.country, _BOARD_PHONE["NZ"])


# =========================================================================== people


def _cat(person: Person) -> str:
    role = (person.role or "").lower()
    for key, cat in (("psychiatr", "psychiatrist"), ("psycholog", "psychologist"),
                     ("physio", "physio"), ("occupational physician", "occ"),
                     ("occupational medicine", "occ"), ("rehabilitation physician", "rehab"),
                     ("surgeon", "surgeon"), ("general practitioner", "gp"), ("gp", "gp")):
        if key in role:
            return cat
    return "spec"


_CREDS = {
    "US": {"gp": "MD", "surgeon": "MD, FAAOS", "psychiatrist": "MD", "psychologist": "PhD",
           "occ": "MD, MPH, FACOEM", "rehab": "DO", "physio": "PT, DPT", "spec": "MD"},
    "UK": {"gp": "MBChB MRCGP", "surgeon": "MB BS FRCS (Tr & Orth)",
           "psychiatrist": "MB BS MRCPsych", "psychologist": "DClinPsy CPsychol",
           "occ": "MB ChB FFOM", "rehab": "MB BS FRCP", "physio": "BSc (Hons) MCSP",
           "spec": "MB BS FRCP"},
    "NZ": {"gp": "MBChB FRNZCGP", "surgeon": "MBChB FRACS", "psychiatrist": "MBChB FRANZCP",
           "psychologist": "PGDipClinPsych", "occ": "MBChB FAFOEM", "rehab": "MBChB FAFRM",
           "physio": "BPhty", "spec": "MBChB FRACP"},
    "CA": {"gp": "MD CCFP", "surgeon": "MD FRCSC", "psychiatrist": "MD FRCPC",
           "psychologist": "PhD C.Psych.", "occ": "MD CCBOM", "rehab": "MD FRCPC",
           "physio": "MScPT", "spec": "MD FRCPC"},
}
_ROLES = {
    "US": {"gp": "Primary Treating Physician", "surgeon": "Orthopedic Surgery",
           "psychiatrist": "Psychiatry", "psychologist": "Clinical Psychology",
           "occ": "Occupational Medicine", "rehab": "Physical Medicine & Rehabilitation",
           "physio": "Physical Therapist", "spec": "Internal Medicine"},
    "UK": {"gp": "General Practitioner", "surgeon": "Consultant Orthopaedic Surgeon",
           "psychiatrist": "Consultant Psychiatrist", "psychologist": "Clinical Psychologist",
           "occ": "Consultant Occupational Physician", "rehab": "Consultant in Rehabilitation "
           "Medicine", "physio": "Chartered Physiotherapist", "spec": "Consultant Physician"},
    "NZ": {"gp": "General Practitioner", "surgeon": "Orthopaedic Surgeon",
           "psychiatrist": "Psychiatrist", "psychologist": "Clinical Psychologist",
           "occ": "Occupational Medicine Specialist", "rehab": "Rehabilitation Medicine "
           "Specialist", "physio": "Physiotherapist", "spec": "Specialist Physician"},
    "CA": {"gp": "Family Physician", "surgeon": "Orthopaedic Surgeon",
           "psychiatrist": "Psychiatrist", "psychologist": "Psychologist",
           "occ": "Occupational Medicine Physician", "rehab": "Physiatrist",
           "physio": "Physiotherapist", "spec": "Specialist Physician"},
}


def _creds(person: Person, country: str) -> str:
    return _CREDS[country][_cat(person)]


def _role(person: Person, country: str) -> str:
    return _ROLES[country][_cat(person)]


def _dr(person: Person, country: str, creds: bool = True) -> str:
    """"Dr. Anita Raman, MD" / "Dr Anita Raman MBChB MRCGP"."""
    cat = _cat(person)
    if cat in ("physio", "psychologist") and country == "US":
        title = ""
    elif cat == "physio":
        title = ""
    else:
        title = "Dr. " if country in ("US", "CA") else "Dr "
    name = f"{title}{person.name}"
    if not creds:
        return name
    sep = ", " if country in ("US", "CA") else " "
    return f"{name}{sep}{_creds(person, country)}"


def _formal(person: Person) -> str:
    return person.formal or person.name


def _wname(story: ClaimStory, rng: random.Random, us: bool = False) -> str:
    w = story.worker
    options = [w.name, _formal(w), f"{w.last.upper()}, {w.first}"]
    if us:
        options += [f"{w.last}, {w.first}", f"{w.last.upper()}, {w.first.upper()}"]
    return rng.choice(options)


def _pron(story: ClaimStory) -> tuple[str, str, str]:
    t = story.worker.title
    if t in ("Ms", "Mrs", "Miss"):
        return "she", "her", "her"
    if t == "Mr":
        return "he", "him", "his"
    return "they", "them", "their"


def _injured(story: ClaimStory) -> str:
    """"injured his right knee" / "sustained a psychological injury"."""
    if story.injury.psychological:
        return "sustained a psychological injury"
    return f"injured {_pron(story)[2]} {story.injury.body_part}"


def _dear(person: Person, country: str) -> str:
    """Salutation name: "Mr. Kowalski" (US), "Mr Kowalski", or the full name without title."""
    if person.title in ("Mr", "Ms", "Mrs", "Miss", "Dr"):
        dot = "." if country in ("US", "CA") else ""
        return f"{person.title}{dot} {person.last}"
    return person.name


_ROLE_WORDS = {
    "US": (("WHS", "EHS"), ("RTW coordinator", "Return-to-Work Coordinator"),
           ("Injury management advisor", "Workers' Comp Coordinator")),
    "UK": (("WHS", "Health and Safety"), ("RTW coordinator", "Absence Manager"),
           ("Injury management advisor", "Occupational Health Adviser")),
    "NZ": (("WHS", "Health and Safety"), ("RTW coordinator", "Return to Work Coordinator")),
    "CA": (("WHS", "Health and Safety"), ("RTW coordinator", "Return-to-Work Coordinator")),
}


def _jobrole(person: Person, country: str, default: str) -> str:
    """An employer contact's job title in local terms ("WHS officer" -> "EHS officer")."""
    role = person.role or default
    for a, b in _ROLE_WORDS.get(country, ()):
        role = role.replace(a, b)
    return role


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ssn(rng: random.Random) -> str:
    return pick(rng, f"XXX-XX-{rng.randint(1000, 9999)}", f"***-**-{rng.randint(1000, 9999)}")


def _nhi(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "".join(rng.choice(letters) for _ in range(3)) + f"{rng.randint(1000, 9999)}"


def _nhs(rng: random.Random) -> str:
    return f"{rng.randint(400, 499)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _ni(rng: random.Random) -> str:
    a, b = rng.choice("ABCEGHJKLMNPRSTWXYZ"), rng.choice("ABCEGHJKLMNPRSTWXYZ")
    return f"{a}{b} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} " \
           f"{rng.choice('ABCD')}"


def _adj_no(rng: random.Random) -> str:
    return f"ADJ{rng.randint(10000000, 19999999)}"


def _cm_title(loc: _Loc, rng: random.Random) -> str:
    if loc.country == "US":
        return pick(rng, "Claims Adjuster", "Workers' Compensation Claims Examiner",
                    "Senior Claims Adjuster", "Claims Representative", "Lost Time Adjuster")
    if loc.country == "UK":
        return pick(rng, "Claims Handler", "Casualty Claims Handler", "Technical Claims "
                    "Handler (EL)", "Senior Claims Handler, Liability")
    if loc.country == "NZ":
        return pick(rng, "Recovery Team Member", "Case Owner", "Recovery Partner",
                    "Recovery Coordinator", "Case Manager")
    if loc.region == "BC":
        return pick(rng, "Case Manager", "Entitlement Officer", "Claim Owner")
    return pick(rng, "Case Manager", "Eligibility Adjudicator", "Case Manager, Claims Services")


# =========================================================================== story helpers


def _cert(story: ClaimStory, spec: DocSpec) -> Certificate:
    if isinstance(spec.about, Certificate):
        return spec.about
    issued = [c for c in story.certificates if c.issued <= spec.date]
    if issued:
        return issued[-1]
    if story.certificates:
        return story.certificates[0]
    return Certificate(spec.date, spec.date, spec.date + 13 * DAY, "none", 0, 0, (),
                       story.treating_doctor, True)


def _latest_cert(story: ClaimStory, day: dt.date) -> Certificate | None:
    issued = [c for c in story.certificates if c.issued <= day]
    return issued[-1] if issued else None


def _decision(story: ClaimStory, spec: DocSpec) -> Decision:
    if isinstance(spec.about, Decision):
        return spec.about
    past = [d for d in story.decisions if d.date <= spec.date]
    if past:
        return past[-1]
    if story.decisions:
        return story.decisions[0]
    return Decision(spec.date, "provisional", story.piawe)


def _latest_decision(story: ClaimStory, day: dt.date) -> Decision | None:
    past = [d for d in story.decisions if d.date <= day]
    return past[-1] if past else None


def _author(spec: DocSpec, default: Person) -> Person:
    return spec.about if isinstance(spec.about, Person) else default


def _exam(story: ClaimStory, spec: DocSpec, rng: random.Random) -> dt.date:
    if isinstance(spec.about, dt.date):
        return spec.about
    return max(story.injury.date, spec.date - rng.randint(5, 25) * DAY)


def _pair(story: ClaimStory, spec: DocSpec) -> tuple[Person, Person | None, dt.date]:
    about = spec.about
    if (isinstance(about, tuple) and len(about) == 2
            and all(isinstance(s, CaseManagerStint) for s in about)):
        return about[0].person, about[1].person, about[1].start
    stints = story.case_managers
    if len(stints) >= 2:
        best = min(range(1, len(stints)), key=lambda i: abs((stints[i].start - spec.date).days))
        return stints[best - 1].person, stints[best].person, stints[best].start
    return stints[0].person, None, spec.date


def _aww(story: ClaimStory) -> float:
    if story.piawe > 0:
        return round(story.piawe, 2)
    if story.hourly_rate > 0 and story.ordinary_hours > 0:
        return round(story.hourly_rate * story.ordinary_hours, 2)
    return 980.0


def _rate(story: ClaimStory) -> float:
    if story.hourly_rate > 0:
        return story.hourly_rate
    hours = story.ordinary_hours or 38.0
    return round(_aww(story) / hours, 2)


def _hours(story: ClaimStory) -> float:
    return story.ordinary_hours if story.ordinary_hours > 0 else 40.0


def _weeks_off(story: ClaimStory, day: dt.date) -> int:
    return max(0, (day - story.injury.date).days // 7)


def _lbs(text: str) -> str:
    """American units and words: "No lifting > 5 kg" -> "No lifting > 11 lb"."""
    text = text.replace("moon boot", "walking boot")
    return re.sub(r"(\d+(?:\.\d+)?)\s*kg",
                  lambda m: f"{round(float(m.group(1)) * 2.2)} lb", text)


def _region(story: ClaimStory) -> str:
    inj = story.injury
    if inj.psychological:
        return "psych"
    bp = inj.body_part.lower()
    for key, reg in (("back", "back"), ("lumbar", "back"), ("neck", "neck"),
                     ("shoulder", "shoulder"), ("knee", "knee"), ("wrist", "wrist"),
                     ("ankle", "ankle"), ("groin", "hernia"), ("abdomen", "hernia"),
                     ("foot", "foot"), ("forearm", "burn"), ("eye", "eye"), ("hand", "hand"),
                     ("finger", "hand"), ("thumb", "hand"), ("hip", "hip")):
        if key in bp:
            return reg
    return "other"


def _side(story: ClaimStory) -> str:
    bp = story.injury.body_part.lower()
    return "left" if "left" in bp else "right" if "right" in bp else ""


@dataclass(frozen=True)
class _Clin:
    icd: str
    icd_desc: str
    exam: tuple[str, ...]
    imaging: tuple[str, ...]
    treatment: tuple[str, ...]
    procedure: tuple[str, str]  # (CPT, description)
    imaging_cpt: tuple[str, str]


_CLIN: dict[str, _Clin] = {
    "back": _Clin(
        "S39.012A", "Strain of muscle, fascia and tendon of lower back",
        ("Tenderness over the L4-S1 paraspinal muscles bilaterally with muscle guarding",
         "Lumbar flexion limited to 45 degrees (fingertips to mid-shin) with pain at end range",
         "Extension 10 degrees, painful; lateral flexion 20 degrees each side",
         "Straight leg raise negative to 70 degrees bilaterally",
         "Reflexes 2+ and symmetric at knees and ankles; sensation intact L2-S1",
         "Heel and toe walking performed without difficulty"),
        ("MRI lumbar spine: L4-5 broad-based disc bulge without significant canal stenosis",
         "Lumbar spine X-ray, 3 views: no fracture or spondylolisthesis; mild L5-S1 "
         "disc space narrowing"),
        ("physical therapy 2 times a week for 6 weeks", "NSAIDs as needed",
         "home exercise program", "lumbar epidural steroid injection if radicular symptoms "
         "persist", "activity modification"),
        ("64483", "Transforaminal epidural steroid injection, lumbar, single level"),
        ("72148", "MRI lumbar spine without contrast")),
    "neck": _Clin(
        "S16.1XXA", "Strain of muscle, fascia and tendon at neck level",
        ("Tenderness over the cervical paraspinals and upper trapezius",
         "Cervical rotation 50 degrees right, 55 degrees left; flexion 35 degrees",
         "Spurling's test negative bilaterally",
         "Upper limb power 5/5 throughout; reflexes symmetric"),
        ("X-ray cervical spine: straightening of the normal lordosis, no fracture",
         "MRI cervical spine: mild C5-6 disc osteophyte complex, no cord compression"),
        ("physical therapy 2 times a week for 4 weeks", "muscle relaxant at night",
         "ergonomic review of workstation", "trigger point injections"),
        ("20553", "Trigger point injections, 3 or more muscles"),
        ("72141", "MRI cervical spine without contrast")),
    "shoulder": _Clin(
        "S46.011A", "Strain of muscle and tendon of the rotator cuff of SIDE shoulder",
        ("Positive Neer and Hawkins impingement signs on the SIDE",
         "Active abduction 110 degrees, forward flexion 130 degrees, painful arc 70-120 "
         "degrees",
         "Empty can test painful with 4/5 supraspinatus strength",
         "No instability; distal neurovascular status intact"),
        ("MRI SIDE shoulder: supraspinatus tendinosis with partial-thickness articular-sided "
         "tear; subacromial bursitis",
         "Ultrasound SIDE shoulder: subacromial-subdeltoid bursal thickening"),
        ("physical therapy for rotator cuff strengthening", "subacromial corticosteroid "
         "injection", "orthopedic consultation", "no overhead work"),
        ("29827", "Arthroscopy, shoulder, with rotator cuff repair"),
        ("73221", "MRI upper extremity joint without contrast")),
    "knee": _Clin(
        "S83.241A", "Other tear of medial meniscus, current injury, SIDE knee",
        ("Medial joint line tenderness with a small effusion",
         "Range of motion 0-115 degrees; McMurray's test positive medially",
         "Lachman and drawer tests negative; collateral ligaments stable",
         "Antalgic gait"),
        ("MRI SIDE knee: horizontal tear of the posterior horn of the medial meniscus",
         "X-ray SIDE knee: no fracture, joint spaces preserved"),
        ("physical therapy for quadriceps strengthening", "knee brace", "orthopedic referral "
         "for consideration of arthroscopy", "limit squatting and kneeling"),
        ("29881", "Arthroscopy, knee, with meniscectomy (medial or lateral)"),
        ("73721", "MRI lower extremity joint without contrast")),
    "hand": _Clin(
        "S61.411A", "Laceration without foreign body of SIDE hand",
        ("Healing wound over the SIDE hand, no signs of infection",
         "Grip strength (Jamar, position 2): 22 kg SIDE, 38 kg contralateral",
         "Full composite fist with mild stiffness; sensation intact in all digits"),
        ("X-ray SIDE hand: no fracture or retained foreign body",),
        ("wound care and suture removal", "hand therapy", "splinting as required",
         "desensitisation program"),
        ("26418", "Repair, extensor tendon, dorsum of finger"),
        ("73130", "X-ray hand, minimum 3 views")),
    "wrist": _Clin(
        "S52.501A", "Unspecified fracture of the lower end of SIDE radius",
        ("Tenderness over the distal radius; mild swelling",
         "Wrist extension 40 degrees, flexion 45 degrees; supination limited",
         "Grip strength reduced; median nerve sensation intact"),
        ("X-ray SIDE wrist: healing undisplaced distal radius fracture in satisfactory "
         "alignment", "CT SIDE wrist: no intra-articular step"),
        ("cast immobilisation then removable splint", "hand therapy", "repeat X-ray at 6 "
         "weeks"),
        ("25607", "Open treatment of distal radial fracture"),
        ("73110", "X-ray wrist, complete, minimum 3 views")),
    "ankle": _Clin(
        "S93.401A", "Sprain of unspecified ligament of SIDE ankle",
        ("Swelling and bruising over the lateral SIDE ankle",
         "Tenderness over the ATFL; anterior drawer mildly lax",
         "Able to bear weight with a limp; no bony tenderness at the malleoli"),
        ("X-ray SIDE ankle: no fracture (Ottawa rules applied)",),
        ("CAM boot for two weeks", "physical therapy with balance retraining",
         "ankle brace on return to work"),
        ("27792", "Open treatment of distal fibular fracture"),
        ("73610", "X-ray ankle, complete, minimum 3 views")),
    "hernia": _Clin(
        "K40.90", "Unilateral inguinal hernia, without obstruction or gangrene",
        ("Reducible swelling in the groin, increasing with cough impulse",
         "No tenderness or signs of strangulation"),
        ("Ultrasound groin: indirect inguinal hernia containing fat",),
        ("general surgery referral", "laparoscopic hernia repair", "no lifting over 10 kg "
         "until repaired"),
        ("49650", "Laparoscopic repair of initial inguinal hernia"),
        ("76705", "Ultrasound, abdominal, limited")),
    "foot": _Clin(
        "S92.321A", "Displaced fracture of second metatarsal bone, SIDE foot",
        ("Swelling and tenderness over the dorsum of the SIDE foot",
         "Pain on weight-bearing; toes well perfused"),
        ("X-ray SIDE foot: fracture of the second metatarsal shaft, minimally displaced",),
        ("post-op shoe / CAM boot", "partial weight-bearing", "repeat X-ray in 4 weeks"),
        ("28470", "Closed treatment of metatarsal fracture"),
        ("73630", "X-ray foot, complete, minimum 3 views")),
    "burn": _Clin(
        "T22.211A", "Burn of second degree of SIDE forearm",
        ("Partial-thickness burn, approximately 2% TBSA, healing with no infection",),
        ("No imaging required",),
        ("silver dressings", "burns clinic review", "pressure garment if scarring"),
        ("16020", "Dressings and/or debridement of partial-thickness burns"),
        ("", "")),
    "eye": _Clin(
        "S05.01XA", "Injury of conjunctiva and corneal abrasion without foreign body, SIDE eye",
        ("Fluorescein uptake over a small corneal abrasion; foreign body removed",
         "Visual acuity 6/9 in the affected eye"),
        ("No imaging required",),
        ("chloramphenicol ointment", "eye patch", "ophthalmology review if not healed"),
        ("65222", "Removal of foreign body, external eye; corneal, with slit lamp"),
        ("", "")),
    "hip": _Clin(
        "S76.011A", "Strain of muscle, fascia and tendon of SIDE hip",
        ("Tenderness over the greater trochanter", "Hip flexion 100 degrees, internal rotation "
         "painful"),
        ("X-ray pelvis: no fracture",),
        ("physical therapy", "NSAIDs", "activity modification"),
        ("20610", "Arthrocentesis/injection, major joint"),
        ("73502", "X-ray hip, 2-3 views")),
    "psych": _Clin(
        "F43.23", "Adjustment disorder with mixed anxiety and depressed mood",
        ("Alert and oriented; affect anxious and tearful at times",
         "Speech normal in rate and volume; thought process linear",
         "No psychotic features; denies suicidal ideation, intent or plan",
         "Concentration and short-term memory subjectively impaired"),
        ("PHQ-9 score 16 (moderately severe)", "GAD-7 score 15 (severe anxiety)",
         "Beck Depression Inventory-II score 24"),
        ("individual psychotherapy (CBT) weekly", "SSRI medication (sertraline) via PCP",
         "sleep hygiene", "graded return to work with a different supervisor"),
        ("90837", "Psychotherapy, 60 minutes with patient"),
        ("90791", "Psychiatric diagnostic evaluation")),
    "other": _Clin(
        "T14.90XA", "Injury, unspecified",
        ("Localised tenderness and reduced range of motion", "Neurovascular status intact"),
        ("X-ray: no fracture",),
        ("physical therapy", "analgesia", "modified duties"),
        ("97110", "Therapeutic exercise"),
        ("73000", "X-ray, plain film")),
}


_US_WORDS = (("orthopaedic", "orthopedic"), ("Orthopaedic", "Orthopedic"),
             ("physiotherapy", "physical therapy"), ("Physiotherapy", "Physical therapy"))
_INTL_WORDS = (("physical therapy", "physiotherapy"), ("Physical therapy", "Physiotherapy"),
               ("orthopedic", "orthopaedic"), ("Orthopedic", "Orthopaedic"),
               ("exercise program", "exercise programme"), ("desensitisation program",
                                                            "desensitisation programme"))


def _spell(text: str, country: str) -> str:
    """American or British/Commonwealth spelling of the clinical phrases."""
    for a, b in (_US_WORDS if country == "US" else _INTL_WORDS):
        text = text.replace(a, b)
    return text


def _clin(story: ClaimStory, country: str = "US") -> _Clin:
    base = _CLIN[_region(story)]
    side = _side(story)
    if "stress" in story.injury.nature.lower() and _region(story) == "psych":
        base = _Clin("F43.10", "Post-traumatic stress disorder, unspecified", base.exam,
                     base.imaging, base.treatment, base.procedure, base.imaging_cpt)
    word = side or "right"

    def s(text: str) -> str:
        return _spell(text.replace("SIDE", word), country)

    code = base.icd
    if side == "left" and code.startswith(("S", "T")):
        if code.endswith("XA"):
            code = code[:-3] + "2XA"
        elif code.endswith("1A"):
            code = code[:-2] + "2A"
    return _Clin(code, s(base.icd_desc), tuple(s(x) for x in base.exam),
                 tuple(s(x) for x in base.imaging), tuple(s(x) for x in base.treatment),
                 base.procedure, base.imaging_cpt)


def _where(inj: Injury) -> str:
    """Where it happened, without the Australian site suffix ("Dispatch area")."""
    return inj.location.split(",")[0].strip() or "Workplace"


def _diagnosis(story: ClaimStory) -> str:
    return story.injury.diagnosis or story.injury.nature


def _dx_site(story: ClaimStory) -> str:
    """The diagnosis, followed by the body part when the diagnosis does not name it."""
    dx, bp = _diagnosis(story), story.injury.body_part
    return dx if bp.lower() in dx.lower() else f"{dx} ({bp})"


def _restrictions(cert: Certificate | None, story: ClaimStory, rng: random.Random) -> list[str]:
    if cert is not None and cert.restrictions:
        return list(cert.restrictions)
    if story.injury.psychological:
        return rng.sample(["No contact with the previous supervisor", "Reduced hours",
                           "No customer-facing conflict work", "Regular breaks"], 2)
    return rng.sample(["No lifting over 10 kg", "No repetitive bending", "Change position "
                       "every 30 minutes", "No overhead work", "No ladders",
                       "Seated work preferred"], 3)


def _cap_words(capacity: str, country: str) -> str:
    words = {
        "US": {"none": "temporarily totally disabled (TTD) - no work",
               "suitable_duties": "modified duty with restrictions (TPD)",
               "pre_injury_duties": "regular duty, no restrictions"},
        "UK": {"none": "not fit for work", "suitable_duties": "fit for work with adjustments",
               "pre_injury_duties": "fit for normal duties"},
        "NZ": {"none": "fully unfit for work", "suitable_duties": "fit for selected work",
               "pre_injury_duties": "fully fit for normal work"},
        "CA": {"none": "not able to work (no functional abilities for work)",
               "suitable_duties": "able to return to modified work",
               "pre_injury_duties": "able to return to regular duties, no restrictions"},
    }
    return words[country][capacity]


def _sign(rng: random.Random, country: str) -> str:
    if country == "US":
        return pick(rng, "Sincerely,", "Very truly yours,", "Respectfully,", "Regards,")
    if country == "NZ":
        return pick(rng, "Nga mihi", "Kind regards", "Nga mihi nui", "Yours sincerely")
    if country == "CA":
        return pick(rng, "Sincerely,", "Yours truly,", "Regards,")
    return pick(rng, "Yours sincerely", "Yours faithfully", "Kind regards")


def _uk_close(salutation: str, rng: random.Random) -> str:
    """"Yours faithfully" after "Dear Sirs"/"Dear Sir/Madam", otherwise a named close."""
    if "Sir" in salutation:
        return "Yours faithfully"
    return pick(rng, "Yours sincerely", "Kind regards")


def _opt_lines(rng: random.Random, p: float, lines: list[str | None]) -> list[str | None]:
    return lines if rng.random() < p else []


def _shuffled(rng: random.Random, blocks: list[list[str | None]]) -> list[str | None]:
    blocks = list(blocks)
    rng.shuffle(blocks)
    out: list[str | None] = []
    for block in blocks:
        out.extend(block)
    return out


def _fields(**kw: object) -> dict[str, object]:
    return {k: v for k, v in kw.items() if v is not None and v != ""}


def _clinic(rng: random.Random, loc: _Loc, person: Person) -> str:
    city = loc.place.city
    if loc.country == "US":
        return pick(rng, f"{city} Occupational Medicine", f"{city} Injury & Rehab Clinic",
                    f"{person.last} Family Medicine, PA", f"WorkWell Occupational Health - {city}",
                    f"{city} Urgent Care & Occupational Health",
                    f"Valley Orthopedic Group - {city}")
    if loc.country == "UK":
        return pick(rng, f"{city} Road Surgery", "The Riverside Medical Practice",
                    f"{person.last} & Partners", f"{city} Health Centre", "Northfield Surgery")
    if loc.country == "NZ":
        return pick(rng, f"{city} Medical Centre", f"{city} Accident & Medical",
                    "Kowhai Family Health", f"{city} Urgent Care", "Tui Health Centre")
    return pick(rng, f"{city} Family Health Team", f"{city} Medical Clinic",
                f"{city} Walk-in & Family Practice", "Lakeshore Community Health Centre")


# =========================================================================== certificate


@_intl("certificate_of_capacity", "us_tx_dwc073_work_status")
def us_tx_dwc073_work_status(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Texas DWC Form-073 Work Status Report: parts I-IV with the three status boxes."""
    loc = _us(rng, "TX", safe_only=True)
    D = loc.D
    cert = _cert(story, spec)
    doc, w, inj = cert.doctor, story.worker, story.injury
    clin = _clin(story, loc.country)
    emp = _org(story.employer.name, "US")
    clinic = _clinic(rng, loc, doc)
    cap = cert.capacity
    fields = _fields(worker=w.name, author=doc.name, capacity=cap, employer=emp,
                     claim_number=story.claim_number)
    D.put(fields, "cert_from", cert.date_from)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    a = cap == "pre_injury_duties"
    b = cap == "suitable_duties"
    c = cap == "none"
    if not a:
        D.put(fields, "cert_to", cert.date_to)
    hrs = cert.hours_per_day if b and cert.hours_per_day else 0
    restr = [_lbs(r) for r in _restrictions(cert, story, rng)] if b else []
    blank = "____"
    lines: list[str | None] = [
        "Texas Department of Insurance, Division of Workers' Compensation",
        pick(rng, "# DWC Work Status Report", "# WORK STATUS REPORT (DWC Form-073)",
             "# DWC FORM-073 - Texas Workers' Compensation Work Status Report"),
        "",
        "## PART I: GENERAL INFORMATION",
        f"| Injured Employee's Name | {w.name} |",
        f"| Date of Injury | {D(inj.date)} |",
        f"| Last 4 digits of SSN | {rng.randint(1000, 9999)} |",
        f"| Employee's description of injury/accident | {_lbs(inj.mechanism)} |",
        f"| Doctor's/Delegating Doctor's Name and Degree | {_dr(doc, 'US')} |",
        f"| Clinic/Facility Name | {clinic} |",
        f"| Clinic/Facility/Doctor Phone & Fax | {_phone(rng, 'US', loc.place)} |",
        f"| Clinic/Facility/Doctor Address | {_address(rng, 'US', 'TX', loc.place)} |",
        f"| Employer's Name | {emp} |",
        f"| Insurance Carrier | {loc.insurer} |",
        f"| Carrier Claim # | {story.claim_number} |",
        f"| Date being sent | {D(spec.date)} |",
        "",
        "## PART II: WORK STATUS INFORMATION AND RESTRICTIONS",
        f"{tick(a)} (a) The injured employee's medical condition resulting from the workers' "
        f"compensation injury will allow the employee to return to work as of "
        f"{D(cert.date_from) if a else blank} without restrictions.",
        f"{tick(b)} (b) The injured employee's medical condition resulting from the workers' "
        f"compensation injury will allow the employee to return to work as of "
        f"{D(cert.date_from) if b else blank} with the restrictions identified in PART III, "
        f"which are expected to last through {D(cert.date_to) if b else blank}.",
        f"{tick(c)} (c) The injured employee's medical condition resulting from the workers' "
        f"compensation injury has prevented and still prevents the employee from returning to "
        f"work as of {D(cert.date_from) if c else blank} and is expected to continue through "
        f"{D(cert.date_to) if c else blank}.",
        "",
        "## PART III: ACTIVITY RESTRICTIONS (only complete if box (b) is checked)",
    ]
    if b:
        postures = ["Standing", "Sitting", "Kneeling/squatting", "Bending/stooping",
                    "Pushing/pulling", "Twisting", "Reaching overhead", "Keyboarding", "Walking"]
        lines.append("Posture restrictions (max hours per day):")
        for p in rng.sample(postures, rng.randint(3, 6)):
            lines.append(f"| {p} | {rng.choice(('0', '1', '2', '4', 'As tolerated'))} |")
        lines += [
            f"[x] Max hours per day of work: {hrs or rng.choice((4, 6))}",
            f"[x] May not lift/carry objects more than {rng.choice((10, 15, 20, 25))} lbs "
            f"for more than {rng.choice((1, 2))} hours per day",
            f"{tick(rng.random() < 0.5)} Sit/stretch breaks of {rng.choice((5, 10))} minutes per "
            "hour",
            f"{tick(rng.random() < 0.2)} Must take prescription medication(s) that may make "
            "the employee drowsy",
            "Other: " + "; ".join(restr),
        ]
    else:
        lines.append("N/A")
    lines += [
        "",
        "## PART IV: TREATMENT/FOLLOW-UP APPOINTMENT INFORMATION",
        f"Work injury diagnosis information: {clin.icd} {clin.icd_desc}",
        f"Expected follow-up services include: [x] Evaluation by the treating doctor on "
        f"{D(cert.date_to + DAY)}"
        + maybe(rng, 0.5, f"; [x] Physical medicine {rng.choice((2, 3))} times per week for "
                          f"{rng.choice((3, 4, 6))} weeks"),
        "Role of doctor: [x] Treating doctor [ ] Referral doctor [ ] Designated doctor "
        "[ ] RME doctor [ ] Other doctor",
        f"Doctor/Delegate signature: {doc.name}    Date: {D(cert.issued)}",
        maybe(rng, 0.4, "DWC Form-073 (Rev. 12/22)    Page 1 of 1"),
    ]
    return _Out("form", lines, fields)


@_intl("certificate_of_capacity", "us_occ_clinic_work_status")
def us_occ_clinic_work_status(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US occupational-medicine clinic work status printout (CA/NY/FL/OH/PA), lbs and TTD."""
    loc = _us(rng, rng.choice(("CA", "NY", "FL", "OH", "PA")), safe_only=True)
    D = loc.D
    cert = _cert(story, spec)
    doc, w, inj = cert.doctor, story.worker, story.injury
    emp = _org(story.employer.name, "US")
    cap = cert.capacity
    clin = _clin(story, loc.country)
    title = {"OH": "Physician's Report of Work Ability (MEDCO-14)",
             "CA": pick(rng, "Work Status Report", "Physician's Work Status / Activity "
                        "Prescription"),
             "NY": "Doctor's Work Status Note (attach to Form C-4)"}.get(
        loc.region, pick(rng, "WORK STATUS REPORT", "Return to Work Status", "Work Activity "
                         "Status Report"))
    fields = _fields(worker=w.name, author=doc.name, capacity=cap)
    D.put(fields, "cert_from", cert.date_from)
    D.put(fields, "doc_date", cert.issued)
    clinic = _clinic(rng, loc, doc)
    lines: list[str | None] = [
        clinic.upper(),
        f"{_address(rng, 'US', loc.region, loc.place)}  |  Ph {_phone(rng, 'US', loc.place)}  "
        f"|  Fax {_phone(rng, 'US', loc.place)}",
        "---",
        f"# {title}",
        f"Patient: {_wname(story, rng, us=True)}    DOB: {D(story.worker_dob)}",
    ]
    if rng.random() < 0.7:
        lines.append(f"Employer: {emp}")
        fields["employer"] = emp
    if rng.random() < 0.75:
        lines.append(f"{pick(rng, 'Claim #', 'WC Claim No.', 'Carrier claim #')}: "
                     f"{story.claim_number}    Carrier: {loc.tpa or loc.insurer}")
        fields["claim_number"] = story.claim_number
    lines += [
        f"DOI: {D(inj.date)}    Date of visit: {D(cert.issued)}",
        f"Body part: {inj.body_part}    Dx: {clin.icd} - {clin.icd_desc}",
        "",
        "## WORK STATUS",
    ]
    fields["body_part"] = inj.body_part
    D.put(fields, "injury_date", inj.date)
    ttd = pick(rng, "No work (TTD)", "Off work - totally temporarily disabled",
               "Patient is unable to work")
    lines.append(f"{tick(cap == 'pre_injury_duties')} Regular duty without restrictions "
                 f"effective {D(cert.date_from) if cap == 'pre_injury_duties' else '______'}")
    if cap == "suitable_duties":
        lines.append(f"[x] Modified duty from {D(cert.date_from)} to {D(cert.date_to)}")
        D.put(fields, "cert_to", cert.date_to)
        if cert.hours_per_day:
            lines.append(f"    Hours: {cert.hours_per_day} hrs/day, {cert.days_per_week or 5} "
                         "days/week")
        for r in _restrictions(cert, story, rng):
            lines.append(f"    - {_lbs(r)}")
        lines.append(pick(rng, "If modified duty is not available the patient is to be "
                          "considered off work.", "Restrictions apply at work and at home.",
                          "Employer to accommodate restrictions or keep patient off work."))
    else:
        lines.append("[ ] Modified duty from ______ to ______")
    if cap == "none":
        lines.append(f"[x] {ttd} from {D(cert.date_from)} through {D(cert.date_to)}")
        D.put(fields, "cert_to", cert.date_to)
    else:
        lines.append(f"[ ] {ttd} from ______ through ______")
    lines += [
        "",
        f"Treatment plan: {rng.choice(clin.treatment)}",
        f"Next appointment: {D(cert.date_to + rng.choice((0, 1)) * DAY)}",
        maybe(rng, 0.5, pick(rng, "PR-2 to follow.", "Narrative report to follow.",
                             "Copy faxed to adjuster.")),
        "",
        f"Provider: {_dr(doc, 'US')}",
        pick(rng, f"Electronically signed by {doc.name} on {D(cert.issued)}",
             f"Signature: ______________  {doc.name}", f"/s/ {doc.name}"),
    ]
    return _Out("form", lines, fields)


@_intl("certificate_of_capacity", "uk_fit_note")
def uk_fit_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK Statement of Fitness for Work (fit note / Med3), not fit or may be fit."""
    loc = _uk(rng)
    D = loc.D
    cert = _cert(story, spec)
    doc, w, inj = cert.doctor, story.worker, story.injury
    cap = cert.capacity
    may = cap != "none"
    fields = _fields(worker=w.name, author=doc.name, capacity=cap, cert_from=cert.date_from,
                     cert_to=cert.date_to, doc_date=cert.issued)
    restr = _restrictions(cert, story, rng) if cap == "suitable_duties" else []
    weeks = max(1, round(((cert.date_to - cert.date_from).days + 1) / 7))
    f2f = rng.random() < 0.7
    condition = pick(rng, _diagnosis(story), f"{_diagnosis(story)} (injury at work)",
                     f"{inj.body_part} injury - {inj.nature}")
    if cap == "pre_injury_duties":
        comment = pick(rng, "Fit to resume normal duties. No adjustments required.",
                       "Recovered well. May return to usual role from the date below.")
    elif cap == "suitable_duties":
        comment = "; ".join(restr) + maybe(rng, 0.6, f". Suggest {cert.hours_per_day or 4} "
                                                     "hours a day initially.")
    else:
        comment = pick(rng, "", "Awaiting physiotherapy. Review in surgery.",
                       "Not able to perform any duties at present.")
    lines: list[str | None] = [
        pick(rng, "# Statement of Fitness for Work", "# Fit note",
             "# Statement of Fitness for Work - for social security or Statutory Sick Pay"),
        maybe(rng, 0.5, "Med3"),
        "",
        f"Patient's name: {pick(rng, _formal(w), w.name)}",
        maybe(rng, 0.5, f"NHS number: {_nhs(rng)}"),
        f"I assessed your case on: {D(cert.issued)}",
        f"{tick(f2f)} face-to-face consultation  "
        f"{tick(not f2f)} telephone or video consultation  [ ] paper report",
        f"and, because of the following condition(s): {condition}",
        "",
        "I advise you that:",
        f"{tick(not may)} you are not fit for work.",
        f"{tick(may)} you may be fit for work taking account of the following advice:",
        "If available, and with your employer's agreement, you may benefit from:",
        f"{tick(cap == 'suitable_duties' and rng.random() < 0.6)} a phased return to work  "
        f"{tick(cap == 'suitable_duties' and bool(cert.hours_per_day))} altered hours",
        f"{tick(cap == 'suitable_duties')} amended duties  "
        f"{tick(cap == 'suitable_duties' and rng.random() < 0.3)} workplace adaptations",
        f"Comments, including functional effects of your condition(s): {comment}",
        "",
        f"This will be the case for {weeks} week{'s' if weeks > 1 else ''}",
        f"or from {D(cert.date_from)} to {D(cert.date_to)}",
        f"I {pick(rng, 'will', 'will not')} need to assess your fitness for work again at the end "
        "of this period.",
        "",
        f"Doctor's signature: {_dr(doc, 'UK', creds=False)}",
        f"Date of statement: {D(cert.issued)}",
        f"{pick(rng, 'Surgery address', 'Healthcare professional address')}: "
        f"{_clinic(rng, loc, doc)}, {_address(rng, 'UK', place=loc.place)}",
        maybe(rng, 0.4, "This form is not valid unless signed by a doctor, nurse, occupational "
                        "therapist, pharmacist or physiotherapist."),
    ]
    if rng.random() < 0.35:
        lines.insert(0, f"Fax from {loc.place.area} 496 0{rng.randint(0, 999):03d}  "
                        f"{D(cert.issued)}  p.1/1")
    return _Out("form", lines, fields)


@_intl("certificate_of_capacity", "nz_acc18_medical_certificate")
def nz_acc18_medical_certificate(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC18 medical certificate: fully unfit / selected work / normal work."""
    loc = _nz(rng)
    D = loc.D
    cert = _cert(story, spec)
    doc, w, inj = cert.doctor, story.worker, story.injury
    cap = cert.capacity
    fields = _fields(worker=w.name, author=doc.name, capacity=cap, cert_from=cert.date_from,
                     doc_date=cert.issued, body_part=inj.body_part)
    read = f"{rng.choice('NS')}{rng.randint(10, 99)}{rng.choice('0123456789z')}."
    lines: list[str | None] = [
        pick(rng, "# ACC18 Medical Certificate", "# Medical Certificate (ACC18)",
             "# ACC18 - Medical certificate for weekly compensation"),
        "Accident Compensation Corporation",
        "",
        "## Patient details",
        f"Name: {pick(rng, w.name, _formal(w), w.last.upper() + ', ' + w.first)}",
        f"NHI: {_nhi(rng)}",
        maybe(rng, 0.6, f"Date of birth: {D(story.worker_dob)}"),
    ]
    if rng.random() < 0.8:
        lines.append(f"ACC claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [
        f"Date of injury: {D(inj.date)}",
        "",
        "## Injury",
        f"Injury diagnosis: {_diagnosis(story)} ({read})",
        f"Body site: {inj.body_part}",
        f"Occupation: {story.worker_occupation}",
        "",
        "## Work capacity",
    ]
    fields["injury_date"] = inj.date
    hrs = cert.hours_per_day or 4
    days = cert.days_per_week or 3
    if cap == "none":
        lines.append(f"[x] Fully unfit for work from {D(cert.date_from)} to {D(cert.date_to)}")
        fields["cert_to"] = cert.date_to
    else:
        lines.append("[ ] Fully unfit for work from ________ to ________")
    if cap == "suitable_duties":
        lines.append(f"[x] Fit for selected work from {D(cert.date_from)} to "
                     f"{D(cert.date_to)} for {hrs} hours per day, {days} days per week")
        fields["cert_to"] = cert.date_to
        lines.append("Restrictions / what the patient can do: "
                     + "; ".join(_restrictions(cert, story, rng)))
    else:
        lines.append("[ ] Fit for selected work from ________ to ________")
    lines.append(f"{tick(cap == 'pre_injury_duties')} Fully fit for normal work from "
                 f"{D(cert.date_from) if cap == 'pre_injury_duties' else '________'}")
    lines += [
        "",
        f"Review date: {D(cert.date_to)}",
        maybe(rng, 0.5, "Referrals: " + pick(rng, "physiotherapy", "hand therapy", "orthopaedic",
                                             "psychology (via ACC)", "nil")),
        "",
        "## Certifying practitioner",
        f"{_dr(doc, 'NZ')}    {_role(doc, 'NZ')}",
        f"{_clinic(rng, loc, doc)}, {_address(rng, 'NZ', place=loc.place)}",
        f"HPI CPN: {rng.randint(10000, 99999)}    Date: {D(cert.issued)}",
        maybe(rng, 0.4, "Generated in Medtech Evolution - lodged electronically with ACC"),
    ]
    return _Out("form", lines, fields)


@_intl("certificate_of_capacity", "ca_wsib_functional_abilities_form")
def ca_wsib_functional_abilities_form(story: ClaimStory, spec: DocSpec,
                                      rng: random.Random) -> _Out:
    """Ontario WSIB Functional Abilities Form (FAF) for early and safe return to work."""
    loc = _ca(rng, "ON", forms=True)
    D = loc.D
    cert = _cert(story, spec)
    doc, w, inj = cert.doctor, story.worker, story.injury
    cap = cert.capacity
    emp = _org(story.employer.name, "CA")
    fields = _fields(worker=w.name, author=doc.name, capacity=cap, cert_from=cert.date_from,
                     doc_date=cert.issued, employer=emp)
    days = (cert.date_to - cert.date_from).days + 1
    duration = ("1-2 days" if days <= 2 else "3-7 days" if days <= 7 else
                "8-14 days" if days <= 14 else "14+ days")
    lines: list[str | None] = [
        "Workplace Safety and Insurance Board",
        pick(rng, "# Functional Abilities Form for Planning Early and Safe Return to Work",
             "# Functional Abilities Form (FAF)"),
        "",
        "## Part 1 - Worker and employer information (to be completed by the worker/employer)",
        f"Worker name: {w.name}",
        f"Employer: {emp}",
        f"Date of injury/illness (dd/mm/yyyy): {D(inj.date)}",
    ]
    fields["injury_date"] = inj.date
    if rng.random() < 0.7:
        lines.append(f"WSIB claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [
        f"Employer contact: {story.employer_contact.name}, {_phone(rng, 'CA', loc.place)}",
        f"I consent to the release of this information to my employer and the WSIB: "
        f"[x] Signed {w.name}",
        "",
        "## Part 2 - Health professional to complete",
        f"Date of assessment (dd/mm/yyyy): {D(cert.issued)}",
    ]
    if cap == "none":
        lines += ["[ ] Worker is capable of returning to work with no restrictions",
                  "[ ] Worker is capable of returning to work with restrictions",
                  f"[x] Worker is not able to return to work at this time: from "
                  f"{D(cert.date_from)} until {D(cert.date_to)}"]
        fields["cert_to"] = cert.date_to
    elif cap == "pre_injury_duties":
        lines += [f"[x] Worker is capable of returning to work with no restrictions from "
                  f"{D(cert.date_from)}",
                  "[ ] Worker is capable of returning to work with restrictions"]
    else:
        lines += ["[ ] Worker is capable of returning to work with no restrictions",
                  f"[x] Worker is capable of returning to work with restrictions from "
                  f"{D(cert.date_from)}"]
        lines.append("")
        lines.append("| Ability | Full abilities | Restriction |")
        abilities = (("Walking", "Up to 100 metres"), ("Standing", "Up to 30 minutes"),
                     ("Sitting", "Up to 30 minutes"), ("Lifting floor to waist", "Up to 5 kg"),
                     ("Lifting waist to shoulder", "Up to 5 kg"), ("Stair climbing",
                                                                   "Up to 5 steps"),
                     ("Ladder climbing", "No"), ("Use of hand(s)", "Limited gripping"),
                     ("Bending/twisting", "Limited"), ("Work at or above shoulder", "No"),
                     ("Operating motorized equipment", "No"))
        for name, lim in abilities:
            restricted = rng.random() < 0.45
            lines.append(f"| {name} | {tick(not restricted)} | {lim if restricted else ''} |")
        lines += ["",
                  "Additional comments on limitations: "
                  + "; ".join(_restrictions(cert, story, rng)),
                  f"Hours: {tick(False)} regular full time  {tick(cert.hours_per_day > 0)} "
                  f"modified hours ({cert.hours_per_day or 4} hours/day)  "
                  f"{tick(rng.random() < 0.4)} graduated hours"]
    lines += [
        "",
        f"From the date of this assessment, the above will apply for approximately: {duration}",
        f"Date of next appointment: {D(cert.date_to)}",
        "",
        f"Health professional: {_dr(doc, 'CA')}    Telephone: {_phone(rng, 'CA', loc.place)}",
        "Signature: ______________________",
        maybe(rng, 0.4, "Form 2647A  Page 1 of 2"),
    ]
    return _Out("form", lines, fields)


# =========================================================================== IME


def _history(story: ClaimStory, rng: random.Random, D: _Dates, country: str,
             who: str = "the claimant") -> str:
    inj = story.injury
    he, _, his = _pron(story)
    emp = _org(story.employer.name, country)
    occ = story.worker_occupation.lower()
    mech = _lbs(inj.mechanism) if country == "US" else inj.mechanism
    return pick(
        rng,
        f"{_cap(who)} reports that on {D(inj.date)}, while employed as a {occ} by {emp}, "
        f"the following occurred: \"{mech}\"",
        f"On {D(inj.date)} {who} was working as a {occ} for {emp} at about {inj.time}. "
        f"{_cap(he)} describes the incident as follows: {mech}",
        f"{_cap(who)} has worked for {emp} as a {occ}. {_cap(his)} account of the index event of "
        f"{D(inj.date)} is: {mech}",
    )


def _records(story: ClaimStory, rng: random.Random, D: _Dates, country: str,
             upto: dt.date) -> list[str]:
    inj = story.injury
    gp, sp, pt = story.treating_doctor, story.specialist, story.physio
    clin = _clin(story, country)
    items: list[tuple[dt.date, str]] = [
        (inj.date + DAY, f"Initial treating report, {_dr(gp, country, creds=False)}: "
                         f"{_diagnosis(story)}"),
    ]
    for cert in story.certificates[:4]:
        if cert.issued <= upto:
            items.append((cert.issued, f"Work status / certificate, {cert.doctor.name}: "
                                       f"{_cap_words(cert.capacity, country)}"))
    if not inj.psychological:
        items.append((inj.date + rng.randint(8, 20) * DAY, clin.imaging[0]))
        items.append((inj.date + rng.randint(10, 30) * DAY,
                      f"{'Physical therapy' if country == 'US' else 'Physiotherapy'} notes, "
                      f"{pt.name} ({rng.randint(4, 14)} visits)"))
    items.append((inj.date + rng.randint(20, 50) * DAY,
                  f"Consultation report, {_dr(sp, country, creds=False)}"))
    items = sorted((d, t) for d, t in items if d <= upto)
    return [f"{D(d)} - {t}" for d, t in items] or [f"{D(upto)} - Claim file documents"]


def _wpi(story: ClaimStory, rng: random.Random) -> tuple[int, str]:
    reg = _region(story)
    pct = rng.randint(3, 12)
    basis = {
        "back": f"DRE Lumbar Category II (5-8% WPI), Table 15-3; rated at {pct}% WPI",
        "neck": f"DRE Cervical Category II (5-8% WPI), Table 15-5; rated at {pct}% WPI",
        "shoulder": f"loss of range of motion, Figures 16-40, 16-43 and 16-46; {pct}% WPI",
        "knee": f"partial meniscectomy and loss of motion, Table 17-33; {pct}% WPI",
        "psych": f"Global Assessment of Function 58, converted per Labor Code table; {pct}% WPI",
    }.get(reg, f"regional impairment converted to {pct}% WPI")
    return pct, basis


@_intl("ime_report", "us_ca_panel_qme_report")
def us_ca_panel_qme_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California Panel QME comprehensive medical-legal evaluation (long, numbered headings)."""
    loc = _us(rng, "CA")
    D = loc.D
    ime, inj, w = story.ime_examiner, story.injury, story.worker
    exam = _exam(story, spec, rng)
    clin = _clin(story, loc.country)
    emp = _org(story.employer.name, "US")
    he, him, his = _pron(story)
    adj = _adj_no(rng)
    firm = _firm(story, "US")
    cert = _latest_cert(story, exam)
    mmi = cert is not None and cert.capacity == "pre_injury_duties"
    pct, basis = _wpi(story, rng)
    specialty = "Psychiatry" if inj.psychological else pick(rng, "Orthopaedic Surgery (MOS)",
                                                            "Physical Medicine & Rehabilitation",
                                                            "Occupational Medicine")
    fields = _fields(worker=w.name, examiner=ime.name, author=ime.name,
                     claim_number=story.claim_number, employer=emp, body_part=inj.body_part)
    D.put(fields, "exam_date", exam)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    title = pick(rng, "PANEL QUALIFIED MEDICAL EVALUATOR'S INITIAL COMPREHENSIVE MEDICAL-LEGAL "
                 "REPORT", "COMPREHENSIVE MEDICAL-LEGAL EVALUATION (ML-201)",
                 "QUALIFIED MEDICAL EVALUATION - INITIAL REPORT")
    lines: list[str | None] = [
        f"{_dr(ime, 'US')}",
        f"Qualified Medical Evaluator - {specialty}",
        _address(rng, "US", "CA", loc.place),
        "",
        D(spec.date),
        "",
        f"{firm}, Attorneys for Applicant",
        f"{loc.tpa or loc.insurer}, Claims Administrator",
        "Defense counsel of record",
        "",
        f"| Applicant | {w.last.upper()}, {w.first} |",
        f"| Employer | {emp} |",
        f"| Claim No. | {story.claim_number} |",
        f"| WCAB No. | {adj} |",
        f"| Date of Injury | {D(inj.date)} |",
        f"| Date of Evaluation | {D(exam)} |",
        f"| Panel No. | {rng.randint(7000000, 7999999)} |",
        "",
        f"# {title}",
        "",
        pick(rng, "Dear Counsel and Claims Administrator:", "To All Parties:",
             "Ladies and Gentlemen:"),
        "",
        f"I evaluated the above applicant on {D(exam)} as the Panel Qualified Medical Evaluator "
        f"in {specialty}. I spent {rng.randint(45, 90)} minutes face-to-face with the "
        f"applicant and {rng.randint(2, 9)} hours reviewing records and preparing this report. "
        f"{'A certified interpreter was present.' if rng.random() < 0.3 else ''}",
        "",
        "## 1. HISTORY OF INJURY",
        _history(story, rng, D, "US", "the applicant"),
        f"{_cap(he)} reported the injury to {his} supervisor and was referred to "
        f"{_dr(story.treating_doctor, 'US', creds=False)}. {_cap(he)} has received "
        + ", ".join(clin.treatment[:3]) + ".",
        "",
        "## 2. CURRENT COMPLAINTS",
        ("Anxiety, poor sleep (4-5 hours a night), low mood and avoidance of the workplace."
         if inj.psychological else
         f"Constant {inj.body_part} pain rated {rng.randint(4, 8)}/10, worse with "
         f"{pick(rng, 'lifting', 'prolonged sitting', 'reaching', 'walking', 'bending')} and "
         f"better with rest and medication."),
        "",
        "## 3. PAST MEDICAL HISTORY",
        pick(rng, "No prior industrial injuries. No prior injury to the same body part.",
             f"Prior minor {inj.body_part} strain in {inj.date.year - rng.randint(3, 9)}, "
             "resolved without residuals.", "Hypertension, controlled. No prior claims."),
        "",
        "## 4. REVIEW OF RECORDS",
        *[f"- {r}" for r in _records(story, rng, D, "US", exam)],
        "",
        "## 5. PHYSICAL EXAMINATION" if not inj.psychological else "## 5. MENTAL STATUS "
                                                                     "EXAMINATION",
        f"Height {rng.randint(62, 74)} in. Weight {rng.randint(130, 240)} lbs. Right hand "
        "dominant." if not inj.psychological else "Psychological testing administered: "
        + ", ".join(clin.imaging),
        *[f"- {e}" for e in clin.exam],
        "",
        "## 6. DIAGNOSES",
        f"1. {clin.icd_desc} (ICD-10 {clin.icd})",
        f"2. {_diagnosis(story)}",
        "",
        "## 7. CAUSATION",
        pick(rng, f"Within reasonable medical probability the {inj.body_part} injury is "
                  "industrial, arising out of and occurring in the course of employment (AOE/COE).",
             "The mechanism described is consistent with the diagnosis. I find the injury "
             "industrial within reasonable medical probability."),
        "",
        "## 8. TEMPORARY DISABILITY",
        (f"The applicant was temporarily totally disabled from {D(inj.date)} and "
         + ("returned to regular duty." if mmi else "remains temporarily partially disabled "
            "with the work restrictions below.")),
        "",
        "## 9. PERMANENT AND STATIONARY STATUS / MMI",
        (f"The applicant reached maximum medical improvement (MMI) as of {D(exam)}."
         if mmi else "The applicant is not yet permanent and stationary. I recommend "
         "re-evaluation in approximately " + rng.choice(("3", "4", "6")) + " months."),
        "",
        "## 10. IMPAIRMENT RATING (AMA Guides, 5th Edition)",
        basis if mmi else "Deferred until MMI.",
        "",
        "## 11. APPORTIONMENT (Labor Code 4663 and 4664)",
        pick(rng, f"{rng.choice((80, 85, 90))}% of the permanent disability is caused by "
                  "the industrial injury; the balance is apportioned to pre-existing "
                  "degenerative changes.", "I find no basis for apportionment to non-industrial "
             "factors."),
        "",
        "## 12. FUTURE MEDICAL CARE",
        "Future medical care should include " + ", ".join(clin.treatment[1:4]) + ".",
        "",
        "## 13. WORK RESTRICTIONS",
        "; ".join(_lbs(r) for r in _restrictions(cert, story, rng)) if not mmi
        else "No work restrictions.",
        "",
        "## DISCLOSURE AND DECLARATION",
        "I declare under penalty of perjury that the information contained in this report and "
        "its attachments, if any, is true and correct to the best of my knowledge and belief, "
        "except as to information that I have indicated I received from others, and as to that "
        "information I declare under penalty of perjury that it accurately describes the "
        "information provided to me.",
        f"Executed at {loc.place.city}, California on {D(spec.date)}.",
        "",
        f"{_dr(ime, 'US')}",
        "Qualified Medical Evaluator",
        maybe(rng, 0.5, f"Billing: ML-201  |  Page {rng.randint(9, 30)} of "
                        f"{rng.randint(30, 45)}"),
    ]
    return _Out("report", lines, fields)


@_intl("ime_report", "us_carrier_ime_report")
def us_carrier_ime_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Carrier-requested IME (NY/PA/FL/OH): answers to the adjuster's numbered questions."""
    loc = _us(rng, rng.choice(("NY", "PA", "FL", "OH")))
    D = loc.D
    ime, inj, w = story.ime_examiner, story.injury, story.worker
    exam = _exam(story, spec, rng)
    clin = _clin(story, loc.country)
    he, _, his = _pron(story)
    cm = story.case_manager_on(spec.date)
    cert = _latest_cert(story, exam)
    fit = cert is not None and cert.capacity == "pre_injury_duties"
    fields = _fields(worker=w.name, examiner=ime.name, author=ime.name, body_part=inj.body_part)
    D.put(fields, "exam_date", exam)
    D.put(fields, "doc_date", spec.date)
    degree = {"NY": pick(rng, "mild (25%)", "moderate (50%)", "marked (75%)") + " temporary "
                    "partial disability",
              "PA": "fully recovered" if fit else "not fully recovered; capable of modified work",
              "FL": f"MMI {'reached' if fit else 'not reached'}; rating per the Florida Uniform "
                    "Permanent Impairment Rating Schedule",
              "OH": "the allowed conditions have " + ("reached" if fit else "not reached")
                    + " maximum medical improvement"}[loc.region]
    form = {"NY": "IME-4 Independent Medical Examiner's Report",
            "PA": "Independent Medical Examination",
            "FL": "Independent Medical Examination (s. 440.13(5), F.S.)",
            "OH": "Independent Medical Examination - Allowed Conditions"}[loc.region]
    qa = [
        ("What is the diagnosis?", f"{clin.icd_desc} ({clin.icd})."),
        ("Is the diagnosis causally related to the work incident as described?",
         pick(rng, "Yes, within a reasonable degree of medical certainty.",
              "Yes, the history is consistent with the objective findings.",
              "Partially; there is a pre-existing degenerative component.")),
        ("Is further treatment necessary and reasonable?",
         pick(rng, "No further formal treatment is required; home exercise program.",
              "Yes: " + clin.treatment[0] + ", then discharge.",
              "A short course of " + clin.treatment[0] + " is reasonable.")),
        ("What is the claimant's current work capacity / degree of disability?",
         _cap(degree) + "."),
        ("Has the claimant reached MMI?", "Yes." if fit else "No. Re-examine in 90 days."),
    ]
    if rng.random() < 0.5:
        qa.append(("Are the complaints consistent with objective findings?",
                   pick(rng, "Yes.", "Subjective complaints exceed objective findings.",
                        "Largely consistent; Waddell signs 1/5.")))
    lines: list[str | None] = [
        f"{pick(rng, 'Independent Medical Evaluations of', 'IME Associates of', 'Premier IME -')}"
        f" {loc.state}",
        _address(rng, "US", loc.region, loc.place),
        "",
        f"# {form}",
        "",
        f"Date of report: {D(spec.date)}",
        f"Claimant: {_wname(story, rng, us=True)}",
        f"Claim #: {story.claim_number}" if rng.random() < 0.8 else None,
        f"Date of accident: {D(inj.date)}",
        f"Date of exam: {D(exam)}",
        f"Requested by: {cm.name}, {loc.tpa or loc.insurer}",
        f"Examiner: {_dr(ime, 'US')}, Board Certified",
        "",
        "## History",
        _history(story, rng, D, "US"),
        f"{_cap(he)} is "
        + pick(rng, "currently off work", "working modified duty", "working full duty")
        + " and attends " + pick(rng, "physical therapy", "follow-up visits", "no treatment")
        + ".",
        "",
        "## Records reviewed",
        *[f"- {r}" for r in _records(story, rng, D, "US", exam)],
        "",
        "## Examination",
        *[f"- {e}" for e in clin.exam],
        "",
        "## Responses to questions",
    ]
    if "Claim #" in "".join(x for x in lines if x):
        fields["claim_number"] = story.claim_number
    for i, (q, a) in enumerate(qa, start=1):
        lines += [f"{i}. {q}", f"   {a}"]
    lines += [
        "",
        "I certify that I have no financial interest in the outcome of this claim and that the "
        "above opinions are given within a reasonable degree of medical certainty. "
        f"{his.capitalize()} "
        "identity was confirmed by photo ID.",
        "",
        f"{_dr(ime, 'US')}",
        maybe(rng, 0.5, f"Authorization # {rng.randint(100000, 999999)}  (WCB rating code "
                        f"{pick(rng, 'OS', 'PM', 'IM')})" if loc.region == "NY" else ""),
    ]
    return _Out("report", lines, fields)


@_intl("ime_report", "uk_cpr35_expert_report")
def uk_cpr35_expert_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK medico-legal expert report under CPR Part 35 with statement of truth."""
    loc = _uk(rng)
    D = loc.D
    ime, inj, w = story.ime_examiner, story.injury, story.worker
    exam = _exam(story, spec, rng)
    clin = _clin(story, loc.country)
    he, _, his = _pron(story)
    firm = _firm(story, "UK")
    instructed = pick(rng, f"{firm} on behalf of the Claimant",
                      f"{loc.insurer} (jointly instructed under the Pre-Action Protocol)",
                      f"{firm}, single joint expert")
    months = rng.choice((6, 9, 12, 18, 24))
    fields = _fields(worker=w.name, examiner=ime.name, author=ime.name, exam_date=exam,
                     doc_date=spec.date, injury_date=inj.date, body_part=inj.body_part)
    n = 0

    def para(text: str) -> str:
        nonlocal n
        n += 1
        return f"{sec}.{n} {text}"

    lines: list[str | None] = [
        pick(rng, "# MEDICAL REPORT", "# Medico-Legal Report", "# EXPERT MEDICAL REPORT"),
        pick(rng, "Prepared in accordance with CPR Part 35 and Practice Direction 35",
             "For the use of the Court - CPR Part 35"),
        "",
        f"| Claimant | {_formal(w)} |",
        f"| Date of birth | {D(story.worker_dob)} |",
        f"| Date of accident | {D(inj.date)} |",
        f"| Date of examination | {D(exam)} |",
        "| Place of examination | "
        + pick(rng, "Consulting rooms", "Private clinic", "Nuffield rooms") + ", "
        f"{loc.place.city} |",
        f"| Instructed by | {instructed} |",
        f"| Reference | {story.claim_number} |",
        f"| Expert | {_dr(ime, 'UK')}, {_role(ime, 'UK')} |",
        f"| Date of report | {D(spec.date)} |",
        "",
    ]
    fields["claim_number"] = story.claim_number
    sec = 1
    lines += ["## 1. Introduction",
              para(f"I am a {_role(ime, 'UK').lower()} with {rng.randint(12, 30)} years' "
                   "experience in the preparation of medico-legal reports."),
              para(f"I examined {_formal(w)} alone{maybe(rng, 0.3, ', with an interpreter')} "
                   f"on {D(exam)}. Identity was confirmed by "
                   + pick(rng, "passport.", "driving licence.")),
              para("I have had access to the GP records, the hospital records and the "
                   "occupational health file." if rng.random() < 0.7 else
                   "I have not had sight of the medical records; I reserve the right to amend "
                   "my opinion on review of them."),
              ""]
    sec, n = 2, 0
    lines += ["## 2. Circumstances of the accident",
              para(_history(story, rng, D, "UK", "the Claimant")),
              para(f"{_cap(he)} completed an entry in the accident book"
                   f"{' and the matter was reported under RIDDOR' if rng.random() < 0.5 else ''}."),
              ""]
    sec, n = 3, 0
    lines += ["## 3. Injuries, treatment and progress",
              para(f"{_cap(he)} attended {pick(rng, 'A&E', 'the GP', 'the minor injuries unit')} "
                   f"where {_diagnosis(story)} was diagnosed."),
              para("Treatment has comprised " + ", ".join(clin.treatment[:3]) + "."),
              para(f"{_cap(he)} was absent from work for {rng.randint(2, 16)} weeks and "
                   + pick(rng, "returned on a phased basis.", "has not yet returned.",
                          "returned to full duties.")),
              ""]
    sec, n = 4, 0
    lines += ["## 4. Present symptoms", *[para(s) for s in rng.sample([
        f"Intermittent {inj.body_part} pain, worse at the end of a working day.",
        "Sleep disturbed two or three nights a week.",
        "Difficulty with household tasks such as vacuuming and gardening.",
        "Has stopped playing five-a-side football.", "Takes over-the-counter analgesia."],
        3)], ""]
    sec, n = 5, 0
    lines += ["## 5. Examination", *[para(e) for e in clin.exam], ""]
    sec, n = 6, 0
    lines += [
        "## 6. Opinion and prognosis",
        para(f"On the balance of probabilities {_formal(w)} sustained {clin.icd_desc.lower()} "
             "in the accident described."),
        para(pick(rng, f"In my opinion the accident caused an acceleration of symptoms from "
                       f"pre-existing degenerative change by a period of {months} months.",
                  f"I expect the symptoms attributable to the accident to resolve within "
                  f"{months} months of the accident.",
                  "The Claimant has reached a plateau; residual symptoms are likely to be "
                  "permanent but mild.")),
        para(pick(rng, "The time off work was reasonable and attributable to the accident.",
                  "A phased return over four weeks was reasonable.")),
        para("I do not recommend further investigation." if rng.random() < 0.5 else
             f"I recommend a further course of {rng.randint(6, 8)} sessions of physiotherapy."),
        "",
        "## 7. Statement of truth",
        "I confirm that I have made clear which facts and matters referred to in this report "
        "are within my own knowledge and which are not. Those that are within my own "
        "knowledge I confirm to be true. The opinions I have expressed represent my true and "
        "complete professional opinions on the matters to which they refer.",
        "I understand that proceedings for contempt of court may be brought against anyone "
        "who makes, or causes to be made, a false statement in a document verified by a "
        "statement of truth without an honest belief in its truth.",
        "",
        "## 8. Expert's declaration",
        "I understand that my duty is to help the Court on matters within my expertise and "
        "that this duty overrides any obligation to the party by whom I am instructed or paid.",
        "",
        f"Signed: {_dr(ime, 'UK')}    Dated: {D(spec.date)}",
    ]
    if rng.random() < 0.5:
        lines.insert(3, f"Claimant's solicitors: {firm}, ref {story.solicitor.last.upper()[:3]}/"
                        f"{rng.randint(1000, 9999)}")
    return _Out("report", lines, fields)


@_intl("ime_report", "nz_medical_case_review")
def nz_medical_case_review(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC-commissioned medical case review answering ACC's questions."""
    loc = _nz(rng)
    D = loc.D
    ime, inj, w = story.ime_examiner, story.injury, story.worker
    exam = _exam(story, spec, rng)
    clin = _clin(story, loc.country)
    he, _, his = _pron(story)
    cm = story.case_manager_on(spec.date)
    fields = _fields(worker=w.name, examiner=ime.name, author=ime.name, exam_date=exam,
                     doc_date=spec.date, claim_number=story.claim_number)
    cert = _latest_cert(story, exam)
    cap = cert.capacity if cert else "suitable_duties"
    qa = [
        ("What is the diagnosis?", f"{_diagnosis(story)}."),
        ("Is the current condition caused by the covered personal injury?",
         pick(rng, "Yes. The covered injury remains the material cause of the current "
                   "condition.", "In part. The injury has resolved to the point where "
                   "degenerative change is now the main cause of ongoing symptoms.",
              "Yes, on the balance of probabilities.")),
        ("Is there any pre-existing or gradual process condition contributing?",
         pick(rng, "There is age-related degeneration, asymptomatic before the accident.",
              "No significant pre-existing condition was identified.")),
        ("What treatment is recommended?", _cap("; ".join(clin.treatment[:3])) + "."),
        ("What is the client's capacity for work?",
         f"{_cap(_cap_words(cap, 'NZ'))}" + (" in the pre-injury role." if cap != "none" else
                                             " at present.")),
    ]
    lines: list[str | None] = [
        pick(rng, "# Medical Case Review", "# MEDICAL CASE REVIEW REPORT",
             "# Independent Medical Assessment - Medical Case Review"),
        f"Prepared for: {cm.name}, {_cm_title(loc, rng)}, ACC",
        f"Client: {w.name}    DOB: {D(story.worker_dob)}",
        f"ACC claim number: {story.claim_number}",
        f"Date of injury: {D(inj.date)}",
        f"Date of assessment: {D(exam)}    Date of report: {D(spec.date)}",
        f"Assessor: {_dr(ime, 'NZ')}, {_role(ime, 'NZ')}",
        "",
        "## Consent",
        f"The purpose of the assessment was explained and {w.first} gave informed consent. "
        f"{_cap(he)} understood the report would be sent to ACC and {his} GP.",
        "",
        "## Sources of information",
        *[f"- {r}" for r in _records(story, rng, D, "NZ", exam)],
        "",
        "## History",
        _history(story, rng, D, "NZ", w.first),
        f"Current occupation: {story.worker_occupation}. Employer: "
        f"{_org(story.employer.name, 'NZ')}.",
        "",
        "## Examination",
        *[f"- {e}" for e in clin.exam],
        "",
        "## Questions from ACC",
    ]
    fields["injury_date"] = inj.date
    fields["employer"] = _org(story.employer.name, "NZ")
    for i, (q, a) in enumerate(qa, start=1):
        lines += [f"**Q{i}. {q}**".replace("**", ""), a, ""]
    lines += [
        maybe(rng, 0.5, "I have no conflict of interest. I have not previously treated the "
                        "client."),
        f"{_dr(ime, 'NZ')}",
        f"{_role(ime, 'NZ')}, {_address(rng, 'NZ', place=loc.place)}",
    ]
    return _Out("report", lines, fields)


# =========================================================================== consent


@_intl("consent_form", "us_hipaa_authorization")
def us_hipaa_authorization(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US HIPAA-compliant authorization to release protected health information to a carrier."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    recipient = loc.tpa or loc.insurer
    fields = _fields(worker=w.name, author=w.name)
    D.put(fields, "doc_date", spec.date)
    state_law = {"CA": "and the California Confidentiality of Medical Information Act (Civil "
                       "Code 56.11)",
                 "NY": "and New York Public Health Law 18",
                 "TX": "and Texas Health and Safety Code Chapter 181"}.get(loc.region, "")
    lines: list[str | None] = [
        pick(rng, "# AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION",
             "# HIPAA-Compliant Authorization for Release of Medical Records",
             "# Authorization to Use or Disclose Health Information - Workers' Compensation"),
        f"(45 CFR 164.508 {state_law})".replace(" )", ")"),
        "",
        f"Patient name: {_wname(story, rng, us=True)}",
        f"Date of birth: {D(story.worker_dob)}",
        f"Address: {_address(rng, 'US', loc.region, loc.place, home=True)}",
    ]
    if rng.random() < 0.75:
        lines.append(f"Claim #: {story.claim_number}    Date of injury: {D(inj.date)}")
        fields["claim_number"] = story.claim_number
        D.put(fields, "injury_date", inj.date)
    lines += [
        "",
        "1. I authorize: "
        + pick(rng, "any physician, hospital, clinic, pharmacy or other health care provider "
                    "who has treated me",
               f"{_dr(story.treating_doctor, 'US', creds=False)} and "
               f"{_clinic(rng, loc, story.treating_doctor)}"),
        f"2. to release to: {recipient}, attn: {cm.name}, {_cm_title(loc, rng)}",
        f"   {_address(rng, 'US', loc.region)}  Fax {_phone(rng, 'US', loc.place)}",
        "3. the following information:",
        f"[x] Medical records relating to my injury of {D(inj.date)}",
        f"{tick(rng.random() < 0.6)} Billing and payment records",
        f"{tick(rng.random() < 0.4)} Records of prior treatment to the same body part "
        f"({inj.body_part}) for the past {rng.choice((5, 10))} years",
        f"{tick(inj.psychological)} Mental health records (psychotherapy notes require a "
        "separate authorization)",
        "[ ] Alcohol/drug treatment records (42 CFR Part 2)   [ ] HIV/AIDS test results",
        "4. Purpose: " + pick(rng, "evaluation and administration of my workers' compensation "
                                   "claim", "at the request of the individual - workers' "
                                            "compensation claim", "claim processing"),
        "5. This authorization expires: " + pick(rng, "one year from the date signed",
                                                 "at the conclusion of the claim",
                                                 D(spec.date + 365 * DAY)),
        "",
        "I understand that:",
        "- I may revoke this authorization at any time by written notice to the provider, "
        "except to the extent action has already been taken in reliance on it.",
        "- Information disclosed under this authorization may be redisclosed by the recipient "
        "and may no longer be protected by federal privacy regulations.",
        "- My treatment, payment, enrollment or eligibility for benefits will not be "
        "conditioned on whether I sign this authorization.",
        maybe(rng, 0.6, "- A photocopy or facsimile of this authorization is as valid as the "
                        "original."),
        "",
        f"Signature of patient: {pick(rng, '/s/ ' + w.name, '____________________')}    "
        f"Date: {D(spec.date)}",
        f"Printed name: {w.name}",
        "If signed by a legal representative, relationship to patient: ________",
    ]
    return _Out("form", lines, fields)


@_intl("consent_form", "uk_records_form_of_authority")
def uk_records_form_of_authority(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK form of authority for medical, OH and employment records (UK GDPR / AMRA 1988)."""
    loc = _uk(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    firm = _firm(story, "UK")
    to = pick(rng, firm, loc.insurer, f"{loc.insurer} and its appointed loss adjusters")
    fields = _fields(worker=w.name, author=w.name, doc_date=spec.date, injury_date=inj.date)
    emp = _org(story.employer.name, "UK")
    holders = rng.sample([f"My GP, {_clinic(rng, loc, story.treating_doctor)}",
                          f"{loc.place.city} Teaching Hospitals NHS Foundation Trust",
                          f"{emp} (personnel, occupational health and payroll records)",
                          "Any physiotherapist who has treated me",
                          "HM Revenue & Customs (employment history)"], 3)
    lines: list[str | None] = [
        pick(rng, "# FORM OF AUTHORITY", "# Authority to Release Records",
             "# Consent to disclosure of medical and employment records"),
        "",
        f"Name: {_formal(w)}",
        f"Address: {_address(rng, 'UK', place=loc.place)}",
        f"Date of birth: {D(story.worker_dob)}",
        maybe(rng, 0.5, f"NHS number: {_nhs(rng)}"),
        maybe(rng, 0.4, f"National Insurance number: {_ni(rng)}"),
        "",
        f"I, {w.name}, authorise the following to release copies of my records to {to}:",
        *[f"- {h}" for h in holders],
        "",
        f"The records are required in connection with my claim for personal injury arising from "
        f"an accident at work on {D(inj.date)}.",
        "This authority covers records created both before and after that date.",
        "",
        "## Access to Medical Reports Act 1988",
        f"{tick(rng.random() < 0.5)} I wish to see any report prepared by my doctor before it is "
        "supplied.",
        "[ ] I do not wish to see the report before it is supplied.",
        "",
        "Your personal data will be processed in accordance with the UK GDPR and the Data "
        "Protection Act 2018. A photocopy of this authority is as valid as the original.",
        "",
        "Signed: ____________________",
        f"Dated: {D(spec.date)}",
    ]
    if rng.random() < 0.6:
        lines.insert(1, f"Our ref: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("consent_form", "nz_acc_authority_to_collect")
def nz_acc_authority_to_collect(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC authority to collect medical and other records (Privacy Act 2020)."""
    loc = _nz(rng)
    D = loc.D
    w = story.worker
    fields = _fields(worker=w.name, author=w.name, doc_date=spec.date,
                     claim_number=story.claim_number)
    short = rng.random() < 0.4
    lines: list[str | None] = [
        pick(rng, "# Authority to collect medical and other records",
             "# ACC167 - Authority to collect medical and other records",
             "# Your authority for ACC to collect information"),
        f"Claim number: {story.claim_number}",
        f"Your name: {w.name}    Date of birth: {D(story.worker_dob)}",
        maybe(rng, 0.6, f"NHI number: {_nhi(rng)}"),
        "",
    ]
    if short:
        lines += [
            "I authorise ACC to collect medical and other records from any person or agency "
            "that holds information relevant to my claim, and to disclose relevant information "
            "to those people and agencies so that ACC can make decisions on my claim and help "
            "me recover.",
        ]
    else:
        lines += [
            "## What this authority covers",
            "By signing, you authorise ACC to collect information from:",
            "- health providers (including your GP, specialists, physiotherapists and "
            "hospitals)",
            "- your employer(s), including earnings and attendance records",
            "- Inland Revenue, for information about your earnings",
            "- the Ministry of Social Development, and other insurers",
            "",
            "ACC can also give relevant information to these people or agencies so that "
            "they can help with your claim and recovery.",
            "",
            "## Your rights",
            "Under the Privacy Act 2020 you can ask to see and correct the information ACC "
            "holds about you. You can withdraw this authority at any time by contacting your "
            "recovery team, but this may affect ACC's ability to make decisions on your claim.",
        ]
    lines += [
        "",
        "## Declaration",
        f"{tick(True)} I have read and understood this authority",
        f"Signature: ________________    Date: {D(spec.date)}",
        maybe(rng, 0.5, "If signing for the client, name and relationship: ________"),
        "",
        f"Return to: {_board_addr(loc)}  |  0800 101 996",
    ]
    return _Out("form", lines, fields)


@_intl("consent_form", "ca_consent_release_health_info")
def ca_consent_release_health_info(story: ClaimStory, spec: DocSpec,
                                   rng: random.Random) -> _Out:
    """Canadian consent to disclose personal health information (PHIPA / BC FIPPA)."""
    loc = _ca(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    on = loc.region == "ON"
    law = ("Personal Health Information Protection Act, 2004 (PHIPA)" if on else
           "Freedom of Information and Protection of Privacy Act (FIPPA)")
    board = loc.board
    fields = _fields(worker=w.name, author=w.name)
    D.put(fields, "doc_date", spec.date)
    clinic = _clinic(rng, loc, story.treating_doctor)
    lines: list[str | None] = [
        clinic,
        _address(rng, "CA", loc.region, loc.place),
        "",
        pick(rng, "# Consent to Release Personal Health Information",
             "# Patient Consent - Disclosure to Third Party",
             f"# Authorization to Release Information to {board}"),
        "",
        f"Patient: {w.name}    Date of birth: {D(story.worker_dob)}",
        f"{'Health card' if on else 'PHN'}: {rng.randint(1000, 9999)} {rng.randint(100, 999)} "
        f"{rng.randint(100, 999)}",
    ]
    if rng.random() < 0.7:
        lines.append(f"{board} claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    lines += [
        "",
        f"I consent to {clinic} disclosing the following personal health information:",
        f"{tick(True)} Clinical notes and reports relating to my work injury of "
        f"{D(inj.date)}",
        f"{tick(rng.random() < 0.6)} Diagnostic imaging and test results",
        f"{tick(rng.random() < 0.5)} Functional abilities information (to my employer, "
        "restrictions only - no diagnosis)",
        "",
        "to: " + pick(rng, f"{board}", f"{board} and my employer, "
                                       f"{_org(story.employer.name, 'CA')}",
                      f"{board} and my representative, {_firm(story, 'CA')}"),
        "",
        f"I understand this consent is given under the {law}, that I may withdraw it at any "
        "time in writing, and that withdrawal does not affect information already disclosed.",
        maybe(rng, 0.5, "Note: health professionals are required to report to the Board "
                        "without consent in some circumstances."),
        "",
        f"Signature: ____________________    Date: {D(spec.date)}",
        f"Witness: {pick(rng, 'front desk', story.treating_doctor.name, '________')}",
    ]
    D.put(fields, "injury_date", inj.date)
    return _Out("form", lines, fields)


# =========================================================================== handover

_DEC_WORDS = {
    "US": {"provisional": "Delayed - within the 90-day investigation period, benefits paying",
           "accepted": "Accepted", "reasonable_excuse": "Delayed - awaiting information",
           "disputed": "Denied", "work_capacity": "Accepted - TD modified/terminated"},
    "UK": {"provisional": "Liability under investigation", "accepted": "Liability admitted",
           "reasonable_excuse": "Liability decision extended - awaiting documents",
           "disputed": "Liability denied",
           "work_capacity": "Liability admitted; continuing loss of earnings disputed"},
    "NZ": {"provisional": "Cover decision extended", "accepted": "Cover accepted",
           "reasonable_excuse": "Decision deferred - awaiting information",
           "disputed": "Cover declined", "work_capacity": "Weekly compensation ended (VI)"},
    "CA": {"provisional": "Initial entitlement pending", "accepted": "Allowed",
           "reasonable_excuse": "Pending - information requested",
           "disputed": "Not allowed", "work_capacity": "LOE reduced - suitable work available"},
}


def _status(story: ClaimStory, day: dt.date, country: str) -> str:
    dec = _latest_decision(story, day)
    if dec is None:
        return {"US": "Open - compensability under investigation", "UK": "New notification",
                "NZ": "Lodged - cover decision pending", "CA": "Registered - pending "
                                                               "decision"}[country]
    return _DEC_WORDS[country][dec.kind]


def _work_status(story: ClaimStory, day: dt.date, country: str) -> str:
    cert = _latest_cert(story, day)
    if cert is None:
        return "no current medical certification on file"
    return _cap_words(cert.capacity, country)


@_intl("handover_note", "us_adjuster_file_transfer")
def us_adjuster_file_transfer(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US claim reassignment summary: status, benefits, reserves, litigation, action items."""
    loc = _us(rng)
    D = loc.D
    old, new, start = _pair(story, spec)
    w, inj = story.worker, story.injury
    aww = _aww(story)
    td = round(aww * 2 / 3, 2)
    weeks = max(1, _weeks_off(story, spec.date))
    paid = round(td * min(weeks, 26), 2)
    reserves = (round(td * rng.randint(20, 60), -2), rng.choice((15000, 25000, 40000, 75000)),
                rng.choice((2500, 5000, 8500)))
    rep = rng.random() < 0.5
    fields = _fields(worker=w.name, claim_number=story.claim_number, handover_from=old.name,
                     handover_to=new.name if new else None, author=old.name,
                     employer=_org(story.employer.name, "US"))
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    to_line = new.name if new else pick(rng, "Unassigned - lost time queue", "Supervisor queue "
                                                                             "(to be reassigned)")
    lines: list[str | None] = [
        pick(rng, "# CLAIM TRANSFER SUMMARY", "# File Reassignment Memo",
             "# Claim Handoff - Transfer of Adjuster"),
        f"From: {old.name}, {_cm_title(loc, rng)}",
        f"To: {to_line}",
        f"Effective: {D(start)}    Prepared: {D(spec.date)}",
        "",
        f"| Claimant | {w.last.upper()}, {w.first} |",
        f"| Claim # | {story.claim_number} |",
        f"| DOI | {D(inj.date)} |",
        f"| Employer / Insured | {_org(story.employer.name, 'US')} |",
        f"| Jurisdiction | {loc.state} |",
        f"| Carrier | {loc.insurer} |",
        f"| Claim status | {_status(story, spec.date, 'US')} |",
        "",
        "## Injury / Medical",
        f"{_cap(inj.body_part)} - {_diagnosis(story)}. PTP "
        f"{_dr(story.treating_doctor, 'US', creds=False)}. Current work status: "
        f"{_work_status(story, spec.date, 'US')}.",
        pick(rng, "RFA for psychotherapy x 8 pending UR." if inj.psychological else
             "RFA for PT x 8 visits pending UR - due in 5 business days.",
             "No UR pending. Psych eval completed." if inj.psychological else
             "No UR pending. MRI approved and completed.",
             "Psychiatry consult authorized; awaiting report." if inj.psychological else
             "Ortho consult authorized; awaiting report.",
             "Nurse case manager assigned; see care plan."),
        "",
        "## Indemnity",
        f"AWW {loc.money(aww)} - TD rate {loc.money(td)}/wk. TTD paid through "
        f"{D(spec.date - rng.randint(1, 10) * DAY)}. Total indemnity paid to date "
        f"{loc.money(paid)}.",
        "",
        "## Reserves",
        f"| Indemnity | {loc.money(reserves[0])} |",
        f"| Medical | {loc.money(reserves[1])} |",
        f"| Expense | {loc.money(reserves[2])} |",
        f"| Total incurred | {loc.money(sum(reserves))} |",
        "",
        "## Litigation",
        (f"Represented - AA {story.solicitor.name}, {_firm(story, 'US')}. "
         + ("Application filed, " + _adj_no(rng) + "." if loc.region == "CA"
            else "Claim petition filed.")
         if rep else "Unrepresented. Claimant cooperative; 3-point contact completed."),
        "",
        "## Action items",
        *[f"[ ] {a}" for a in rng.sample([
            "Diary 14 days for PR-2 / progress report",
            "Confirm modified duty availability with employer",
            "Request updated wage statement to verify AWW",
            "Calendar 90-day decision deadline",
            "Follow up on IME/QME appointment",
            "Review reserves at 30 days",
            "Send benefit notice to claimant"], 4)],
        "",
        pick(rng, f"Thanks - {old.first}", f"{old.name} | ext. {rng.randint(2000, 4999)}",
             f"-{old.first[0]}{old.last[0]}"),
    ]
    return _Out("report" if rng.random() < 0.6 else "note", lines, fields)


@_intl("handover_note", "uk_claims_handler_handover_email")
def uk_claims_handler_handover_email(story: ClaimStory, spec: DocSpec,
                                     rng: random.Random) -> _Out:
    """UK employers' liability claim handed between claims handlers by email."""
    loc = _uk(rng)
    D = loc.D
    old, new, start = _pair(story, spec)
    w, inj = story.worker, story.injury
    dom = loc.domain()
    firm = _firm(story, "UK")
    reserve = rng.choice((7500, 12500, 18000, 25000, 40000))
    part36 = rng.random() < 0.35
    to_addr = f"{new.name} <{_mail(new, dom)}>" if new else f"EL Claims Team <el.claims@{dom}>"
    hdr, safe = _hdr_date(spec.date, rng, "UK")
    subject = pick(rng, f"Handover - {w.last} v {_org(story.employer.name, 'UK')} - "
                        f"{story.claim_number}", f"File handover: {story.claim_number}",
                   f"EL claim {story.claim_number} ({w.name}) - handover")
    fields = _fields(worker=w.name, claim_number=story.claim_number, handover_from=old.name,
                     handover_to=new.name if new else None, author=old.name,
                     injury_date=inj.date)
    if safe:
        fields["doc_date"] = spec.date
    greet = f"Hi {new.first}," if new else "Hi team,"
    lines: list[str | None] = [
        greet,
        "",
        pick(rng, f"As discussed, I'm handing this one over to you from {D(start)} as I move to "
                  "the large loss team.",
             f"Please see below handover for the above EL claim, which transfers to you "
             f"from {D(start)}.",
             "Handover note for this file before my leave - grateful if you could pick it up."),
        "",
        f"Claimant: {w.name} ({story.worker_occupation.lower()}), represented by {firm}.",
        f"Accident: {D(inj.date)} - {inj.mechanism}",
        f"Injury: {_diagnosis(story)}.",
        f"Liability: {_status(story, spec.date, 'UK')}."
        + maybe(rng, 0.5, " Contributory negligence argument is weak - training records "
                          "incomplete."),
        f"Reserve: {loc.money(reserve)} (general damages {loc.money(round(reserve * 0.45, -2))}, "
        f"special damages {loc.money(round(reserve * 0.35, -2))}, costs balance).",
        "",
        "Outstanding:",
        *[f"- {a}" for a in rng.sample([
            "Response to Letter of Claim due - 3 month period under the Protocol",
            "Medical report (CPR 35) awaited from claimant solicitors",
            "Loss adjuster's report on file; witness statements from supervisor still needed",
            "Schedule of special damages requested",
            "CRU certificate applied for",
            "Employer to send RIDDOR report and risk assessment",
            "Rehab Code INA report received - physio funded x 6"], 3)],
        maybe(rng, 1.0 if part36 else 0.0,
              f"Claimant Part 36 offer of {loc.money(round(reserve * 0.6, -2))} received - "
              f"21 day relevant period expires {D(spec.date + 21 * DAY)}."),
        "",
        pick(rng, "Any questions give me a shout.", "Diary set for 14 days.",
             "Happy to talk it through."),
        "",
        pick(rng, "Thanks", "Kind regards", "Cheers"),
        old.name,
        f"{_cm_title(loc, rng)} | {loc.insurer}",
    ]
    headers = {"From": f"{old.name} <{_mail(old, dom)}>", "To": to_addr, "Subject": subject,
               "Date": hdr}
    return _Out("email", lines, fields, headers)


@_intl("handover_note", "nz_case_owner_transfer")
def nz_case_owner_transfer(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC transfer summary between recovery team members / case owners."""
    loc = _nz(rng)
    D = loc.D
    old, new, start = _pair(story, spec)
    w, inj = story.worker, story.injury
    fields = _fields(worker=w.name, claim_number=story.claim_number, handover_from=old.name,
                     handover_to=new.name if new else None, author=old.name, doc_date=spec.date)
    wk = round(_aww(story) * 0.8, 2)
    team = pick(rng, "Recovery Team - Assisted", "Partnered Recovery", "Recovery Team - "
                                                                        "Supported",
                f"{loc.place.city} Branch")
    terse = rng.random() < 0.45
    if terse:
        lines: list[str | None] = [
            f"TRANSFER NOTE {D(spec.date)} - {old.name} -> "
            f"{new.name if new else 'team queue for allocation'}",
            f"Clt {w.name} / claim {story.claim_number} / DOI {D(inj.date)}",
            f"Inj: {_dx_site(story)}",
            f"Cover: {_status(story, spec.date, 'NZ')}",
            f"WC: {loc.money(wk)} gross/wk (80%). Work status: "
            f"{_work_status(story, spec.date, 'NZ')}",
            f"Providers: GP {story.treating_doctor.name}; physio {story.physio.name}",
            "Next: " + "; ".join(rng.sample(["ACC18 due", "call clt re stay-at-work plan",
                                             "chase specialist report", "IRP review",
                                             "employer RTW meeting"], 3)),
        ]
    else:
        lines = [
            pick(rng, "# Case transfer summary", "# Claim transfer - handover to new case owner",
                 "# Recovery team transfer"),
            f"Transferring from: {old.name} ({team})",
            f"Transferring to: {new.name if new else 'Unallocated - team queue'}",
            f"Transfer date: {D(start)}",
            "",
            f"Client: {w.name}    Claim number: {story.claim_number}",
            f"Date of injury: {D(inj.date)}    Employer: {_org(story.employer.name, 'NZ')}",
            "",
            "## Summary",
            f"{w.first} {_injured(story)} at work ({inj.nature}). "
            f"Cover status: {_status(story, spec.date, 'NZ')}. Current work status: "
            f"{_work_status(story, spec.date, 'NZ')}.",
            f"Weekly compensation is being paid at {loc.money(wk)} a week (80% of pre-incapacity "
            "earnings)." if rng.random() < 0.7 else "Earnings details still to be verified with "
                                                     "IR/employer.",
            "",
            "## Client needs and engagement",
            pick(rng, f"{w.first} is engaged and keen to return to work.",
                 f"{w.first} has found the process stressful; prefers email contact.",
                 f"Good rapport; {w.first} calls weekly."),
            "",
            "## Open tasks",
            *[f"- {t}" for t in rng.sample([
                "Review ACC18 expiring soon and confirm next GP appointment",
                "Approve ARTP for further physiotherapy",
                "Refer for Stay at Work service with employer",
                "Request clinical advice on specialist recommendation",
                "Follow up employer about selected duties",
                "Update Individual Rehabilitation Plan"], 3)],
            "",
            f"Transfer discussed with {new.first if new else 'team leader'} on {D(spec.date)}.",
        ]
    fields["injury_date"] = inj.date
    return _Out("note", lines, fields)


@_intl("handover_note", "ca_case_manager_transfer_memo")
def ca_case_manager_transfer_memo(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian WSIB / WorkSafeBC claim file memo transferring the case to a new manager."""
    loc = _ca(rng)
    D = loc.D
    old, new, start = _pair(story, spec)
    w, inj = story.worker, story.injury
    emp = _org(story.employer.name, "CA")
    fields = _fields(worker=w.name, claim_number=story.claim_number, handover_from=old.name,
                     handover_to=new.name if new else None, author=old.name, employer=emp)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    loe = round(_aww(story) * (0.85 if loc.region == "ON" else 0.9) * 0.78, 2)
    lines: list[str | None] = [
        f"{loc.board} - Claim file memo",
        f"Memo type: {pick(rng, 'File transfer', 'Case transfer', 'Transfer summary')}",
        f"Claim: {story.claim_number}    Worker: {w.name}    Accident date: {D(inj.date)}",
        f"Employer: {emp}",
        f"Author: {old.name}, {_cm_title(loc, rng)}    Date: {D(spec.date)}",
        "",
        f"This claim is being transferred to {new.name if new else 'the team intake queue'} "
        f"effective {D(start)} "
        + pick(rng, "due to a caseload rebalance.", "as the claim now requires "
                    "long-term case management.", "following a team restructure."),
        "",
        "## Entitlement to date",
        f"- Initial entitlement: {_status(story, spec.date, 'CA')}",
        f"- Loss of earnings (LOE) benefits paid at {loc.money(loe)} per week "
        f"({'85' if loc.region == 'ON' else '90'}% of net average earnings)",
        f"- Health care: {rng.choice(_clin(story, 'CA').treatment)}",
        "",
        "## Return to work",
        f"Current functional status: {_work_status(story, spec.date, 'CA')}. "
        + pick(rng, f"Employer has offered modified duties; {w.first} has not yet accepted.",
               "RTW meeting held with the employer and worker; plan in place.",
               "Employer unable to accommodate; consider work transition referral.",
               "No RTW barriers identified."),
        "",
        "## Next steps",
        *[f"{i}. {t}" for i, t in enumerate(rng.sample([
            "Obtain updated FAF from treating physician",
            "Decide entitlement for recommended MRI",
            "Follow up with the employer on modified work offer",
            "Schedule RTW specialist involvement",
            "Review non-economic loss (NEL) once MMI reached",
            "Respond to representative's request for file access"], 3), start=1)],
    ]
    return _Out("note", lines, fields)


# =========================================================================== claim form


@_intl("claim_form", "us_ca_dwc1_claim_form")
def us_ca_dwc1_claim_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California DWC 1 workers' compensation claim form: employee and employer sections."""
    loc = _us(rng, "CA")
    D = loc.D
    w, inj, emp_c = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "US")
    home = _place(rng, "US", "CA")
    street = _address(rng, "US", "CA", home, home=True)
    signed = max(inj.date, min(spec.date, story.claim_lodged))
    fields = _fields(worker=w.name, author=w.name, employer=emp, body_part=inj.body_part)
    D.put(fields, "doc_date", signed)
    D.put(fields, "injury_date", inj.date)
    handed = inj.date + rng.randint(0, 1) * DAY
    lines: list[str | None] = [
        "State of California - Division of Workers' Compensation",
        pick(rng, "# WORKERS' COMPENSATION CLAIM FORM (DWC 1)",
             "# DWC 1 - Workers' Compensation Claim Form & Notice of Potential Eligibility"),
        maybe(rng, 0.5, "Estado de California - Formulario de Reclamo de Compensacion de "
                        "Trabajadores (DWC 1)"),
        "",
        "## Employee: complete the \"Employee\" section and give the form to your employer.",
        f"1. Name: {w.name}    Today's date: {D(signed)}",
        f"2. Home address: {street.rsplit(', ', 2)[0]}",
        f"3. City: {home.city}    State: CA    Zip: {home.code}",
        f"4. Date of injury: {D(inj.date)}    Time of injury: {inj.time}",
        f"5. Address and description of where injury happened: {_where(inj)}, "
        f"{_address(rng, 'US', 'CA', loc.place)}",
        f"6. Describe injury and part of body affected: {_lbs(inj.mechanism)} "
        f"Injured {inj.body_part}.",
        f"7. Social Security Number: {_ssn(rng)}",
        f"8. {tick(rng.random() < 0.4)} Check if you agree to receive notices about your claim "
        "by e-mail only.  E-mail: " + (w.email or "________"),
        f"9. Signature of employee: {pick(rng, '/s/ ' + w.name, w.name, '(signed)')}",
        "",
        "## Employer: complete this section and give the employee a copy immediately.",
        f"10. Name of employer: {emp}",
        f"11. Address: {_address(rng, 'US', 'CA', loc.place)}",
        f"12. Date employer first knew of injury: {D(inj.date)}",
        f"13. Date claim form was provided to employee: {D(handed)}",
        f"14. Date employer received claim form: {D(signed)}",
        f"15. Name and address of insurance carrier or adjusting agency: "
        f"{loc.tpa or loc.insurer}, {_address(rng, 'US', 'CA')}",
        f"16. Insurance policy number: WC{rng.randint(1000000, 9999999)}",
        f"17. Signature of employer representative: {emp_c.name}",
        f"18. Title: {emp_c.role or 'HR Manager'}    19. Telephone: "
        f"{_phone(rng, 'US', loc.place)}",
        "",
        "Anyone who makes or causes to be made any knowingly false or fraudulent material "
        "statement or material representation for the purpose of obtaining or denying workers' "
        "compensation benefits or payments is guilty of a felony.",
        maybe(rng, 0.5, "Employer copy / Copia del empleador"),
    ]
    if rng.random() < 0.4:
        lines.insert(0, f"Claim # {story.claim_number} assigned {D(story.notification_date)}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("claim_form", "us_state_employee_claim")
def us_state_employee_claim(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Employee's own claim: Texas DWC Form-041 or New York WCB Form C-3."""
    region = rng.choice(("TX", "NY"))
    loc = _us(rng, region)
    D = loc.D
    w, inj = story.worker, story.injury
    emp = _org(story.employer.name, "US")
    clin = _clin(story, "US")
    signed = max(inj.date, min(spec.date, story.claim_lodged))
    fields = _fields(worker=w.name, author=w.name, employer=emp, body_part=inj.body_part)
    D.put(fields, "doc_date", signed)
    D.put(fields, "injury_date", inj.date)
    lost = _latest_cert(story, signed) is not None
    if region == "TX":
        lines: list[str | None] = [
            "Texas Department of Insurance, Division of Workers' Compensation",
            "# DWC Form-041 - Employee's Claim for Compensation for a Work-Related Injury or "
            "Occupational Disease",
            "",
            "## Employee information",
            f"Name: {w.name}    SSN: {_ssn(rng)}    Date of birth: {D(story.worker_dob)}",
            f"Mailing address: {_address(rng, 'US', 'TX', loc.place, home=True)}",
            f"Phone: {_phone(rng, 'US', loc.place)}    Primary language: "
            + pick(rng, "English", "Spanish", "English"),
            "",
            "## Employer information",
            f"Employer name: {emp}",
            f"Employer address: {_address(rng, 'US', 'TX')}",
            "",
            "## Injury information",
            f"Date of injury: {D(inj.date)}    County where injury occurred: "
            + pick(rng, "Harris", "Dallas", "Bexar", "Travis", "Tarrant"),
            f"Describe how the injury occurred: {_lbs(inj.mechanism)}",
            f"Body part(s) injured: {inj.body_part}",
            f"Did you report the injury to your employer? Yes - on {D(inj.date)} to "
            f"{story.employer_contact.name}",
            f"Have you lost time from work because of the injury? {'Yes' if lost else 'No'}",
            f"Treating doctor: {_dr(story.treating_doctor, 'US')}",
            "",
            "You must file this claim with the Division within one year of the date of injury.",
            f"Employee signature: ______________    Date: {D(signed)}",
        ]
    else:
        lines = [
            "Workers' Compensation Board - State of New York",
            pick(rng, "# EMPLOYEE CLAIM (Form C-3)", "# C-3 Employee Claim"),
            maybe(rng, 0.5, f"WCB Case # G{rng.randint(1000000, 9999999)}"),
            "",
            "## A. Employee information",
            f"1. Name: {w.last}, {w.first}    2. Date of birth: {D(story.worker_dob)}",
            f"3. Address: {_address(rng, 'US', 'NY', loc.place, home=True)}",
            f"4. Phone: {_phone(rng, 'US', loc.place)}    5. SSN: {_ssn(rng)}",
            "## B. Employer information",
            f"1. Employer name: {emp}    2. Address: {_address(rng, 'US', 'NY')}",
            "## C. Job information",
            f"1. Job title: {story.worker_occupation}    2. Regular duties: "
            + pick(rng, "lifting and moving stock", "general duties as assigned",
                   "operating equipment and manual handling"),
            f"3. Gross weekly wage: {loc.money(_aww(story))}",
            "## D. Injury/illness information",
            f"1. Date of injury: {D(inj.date)}    2. Time: {inj.time}",
            f"3. Where did the injury happen? {_where(inj)}",
            f"4. Explain how the injury happened: {_lbs(inj.mechanism)}",
            f"5. List all body parts injured: {inj.body_part}",
            f"6. Nature of injury: {clin.icd_desc}",
            f"7. Date you notified employer: {D(inj.date)}",
            "## E. Medical treatment",
            f"Treating provider: {_dr(story.treating_doctor, 'US')}",
            "## F. Lost time and return to work",
            f"Did you stop work because of this injury? {'Yes' if lost else 'No'}",
            "## G. Your signature",
            "By signing, I state the above is true and correct. Any person who knowingly and "
            "with intent to defraud presents a false claim is guilty of a crime.",
            f"Signature: {w.name}    Date: {D(signed)}",
        ]
    if rng.random() < 0.35:
        lines.insert(0, f"Carrier claim # {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("claim_form", "nz_acc45_injury_claim")
def nz_acc45_injury_claim(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC45 injury claim form lodged at the first treatment visit."""
    loc = _nz(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    gp = story.treating_doctor
    emp = _org(story.employer.name, "NZ")
    lodged = max(inj.date, min(spec.date, inj.date + rng.randint(0, 2) * DAY))
    fields = _fields(worker=w.name, author=w.name, employer=emp, injury_date=inj.date,
                     doc_date=lodged, body_part=inj.body_part)
    acc45 = f"{rng.choice('ABCDEFGHJK')}{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}"
    read = f"{rng.choice('NS')}{rng.randint(10, 99)}{rng.choice('0123456789z')}."
    lines: list[str | None] = [
        pick(rng, "# ACC45 Injury Claim Form", "# Injury claim form (ACC45)"),
        f"ACC45 number: {acc45}",
        "",
        "## Patient details",
        f"NHI: {_nhi(rng)}",
        f"Name: {w.first} {w.last.upper()}    Date of birth: {D(story.worker_dob)}",
        f"Address: {_address(rng, 'NZ', place=loc.place)}",
        f"Phone: 02{rng.randint(0, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        f"Occupation: {story.worker_occupation}",
        "",
        "## Accident details",
        f"Date of accident: {D(inj.date)}    Time: {inj.time}",
        f"Where did the accident happen? {pick(rng, 'Place of work', 'Workplace')} - "
        f"{_where(inj)}",
        "Did the injury happen at work? [x] Yes [ ] No",
        f"Employer: {emp}",
        f"How did the accident happen? {inj.mechanism}",
        "Is this injury the result of a gradual process? "
        + tick("repetit" in inj.mechanism.lower()) + " Yes",
        "Is this a treatment injury? [ ] Yes [x] No",
        "",
        "## Injury details",
        f"Diagnosis: {_diagnosis(story)}    Read code: {read}",
        f"Side/site: {inj.body_part}",
        f"Fully unfit for work? {'Yes - see ACC18' if story.certificates else 'No'}",
        "",
        "## Patient declaration",
        "I declare that the information I have given is true and correct. I authorise ACC to "
        "collect medical and other records relevant to this claim, and to give information to "
        "my health providers and employer so they can help with my recovery.",
        f"Patient signature: (signed electronically)    Date: {D(lodged)}",
        "",
        "## Provider details",
        f"Lodged by: {_dr(gp, 'NZ', creds=False)}, {_clinic(rng, loc, gp)}",
        f"Provider ID: {rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}    Vendor ID: "
        f"{rng.choice('GHJK')}{rng.randint(100, 999)}",
    ]
    if rng.random() < 0.5:
        lines.insert(2, f"Claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("claim_form", "ca_workers_report_of_injury")
def ca_workers_report_of_injury(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Ontario WSIB Form 6 / WorkSafeBC Form 6A worker's report of injury."""
    loc = _ca(rng, forms=True)
    D = loc.D
    w, inj = story.worker, story.injury
    emp = _org(story.employer.name, "CA")
    on = loc.region == "ON"
    signed = max(inj.date, min(spec.date, story.claim_lodged))
    fields = _fields(worker=w.name, author=w.name, employer=emp, injury_date=inj.date,
                     doc_date=signed, body_part=inj.body_part)
    lost = _latest_cert(story, signed) is not None
    side = _side(story)
    lines: list[str | None] = [
        loc.board if on else "WorkSafeBC",
        "# Worker's Report of Injury/Disease (Form 6)" if on else
        "# Application for Compensation and Report of Injury or Occupational Disease (Form 6A)",
        "",
        "## A. Worker information",
        f"Name: {w.last}, {w.first}    Date of birth (dd/mm/yyyy): {D(story.worker_dob)}",
        f"Address: {_address(rng, 'CA', loc.region, loc.place)}",
        f"Telephone: {_phone(rng, 'CA', loc.place)}    Language preference: "
        + pick(rng, "English", "English", "French"),
        f"Social insurance number: *** *** {rng.randint(100, 999)}",
        f"Job title/occupation: {story.worker_occupation}",
        "",
        "## B. Employer information",
        f"Employer name: {emp}",
        f"Address: {_address(rng, 'CA', loc.region)}",
        f"Supervisor: {story.employer_contact.name}",
        "",
        "## C. Accident/illness details",
        f"Date of accident (dd/mm/yyyy): {D(inj.date)}    Time: {inj.time}",
        f"Date reported to employer: {D(inj.date)}    Reported to: "
        f"{story.employer_contact.name}",
        f"Describe what happened: {inj.mechanism}",
        f"Part(s) of body injured: {inj.body_part}    "
        f"{tick(side == 'left')} Left {tick(side == 'right')} Right",
        f"Where did it happen? {_where(inj)}",
        "Were there any witnesses? " + pick(rng, "No", "Yes - co-worker",
                                            f"Yes - {story.employer_contact.name}"),
        "",
        "## D. Health care",
        f"Health professional: {_dr(story.treating_doctor, 'CA', creds=False)}",
        "",
        "## E. Lost time / modified work",
        f"Did you lose time from work after the day of injury? {'Yes' if lost else 'No'}",
        "Have you returned to work? " + pick(rng, "No", "Yes - modified duties",
                                             "Yes - regular duties"),
        "",
        "## Worker's declaration",
        "I declare that the information I have given on this form is true and complete. I "
        f"understand I must notify {'the WSIB' if on else 'WorkSafeBC'} of any change in my "
        "medical or employment status.",
        f"Signature: ____________    Date (dd/mm/yyyy): {D(signed)}",
    ]
    if rng.random() < 0.6:
        lines.insert(2, f"Claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


# =========================================================================== notification

_WCIO_PART = {"back": "42 Lower back area", "neck": "18 Soft tissue (neck)",
              "shoulder": "38 Shoulder(s)", "knee": "53 Knee", "hand": "35 Hand",
              "wrist": "34 Wrist", "ankle": "55 Ankle", "foot": "56 Foot",
              "hernia": "61 Abdomen including groin", "eye": "14 Eye(s)",
              "burn": "33 Lower arm", "hip": "51 Hip", "psych": "66 No physical injury",
              "other": "90 Multiple body parts"}
_US_FROI = {
    "CA": "Employer's Report of Occupational Injury or Illness (Form 5020)",
    "TX": "Employer's First Report of Injury or Illness (DWC Form-001)",
    "NY": "Employer's Report of Work-Related Injury/Illness (Form C-2F)",
    "FL": "First Report of Injury or Illness (DWC-1)",
    "OH": "First Report of an Injury, Occupational Disease or Death (FROI)",
    "PA": "Employer's Report of Occupational Injury or Disease (LIBC-344)",
}


def _accident_kind(story: ClaimStory) -> str:
    mech = story.injury.mechanism.lower()
    if story.injury.psychological:
        if any(k in mech for k in ("punched", "threatened", "robbery", "assault")):
            return "Physically assaulted by a person"
        return "Another kind of accident"
    for keys, kind in ((("rear-ended", "traffic"), "Injured in a road traffic incident"),
                       (("slip", "trip", "stepped", "missed a step", "rolled"),
                        "Slipped, tripped or fell on the same level"),
                       ((" lift", "lifting", "carry", "pull", "push", "transferr", "reach",
                         "bending"),
                        "Injured while handling, lifting or carrying"),
                       (("fell onto", "falling", "struck", "fell from"),
                        "Hit by a moving, flying or falling object"),
                       (("caught", "crush", "ran over"), "Trapped by something collapsing or "
                                                         "overturning"),
                       (("cut", "box cutter"), "Contact with sharp object"),
                       (("hot", "burn", "oil"), "Exposed to, or in contact with, a harmful "
                                                "substance")):
        if any(k in mech for k in keys):
            return kind
    return "Another kind of accident"


@_intl("injury_notification", "us_employer_first_report")
def us_employer_first_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US employer's first report of injury (state FROI form, OSHA 301-style questions)."""
    loc = _us(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "US")
    reg = _region(story)
    lost = _latest_cert(story, spec.date) is not None or rng.random() < 0.5
    fields = _fields(worker=w.name, employer=emp, author=ec.name, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    D.put(fields, "notification_date", story.notification_date)
    hired = inj.date - rng.randint(200, 4000) * DAY
    lines: list[str | None] = [
        f"{_US_STATE_NAMES[loc.region]} - {_US_AGENCY[loc.region]}",
        f"# {_US_FROI[loc.region]}",
        maybe(rng, 0.5, "Report all injuries requiring medical treatment beyond first aid or "
                        "resulting in lost time."),
        "",
        "## Employer",
        f"| Employer name | {emp} |",
        f"| FEIN | {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)} |",
        f"| Location address | {_address(rng, 'US', loc.region, loc.place)} |",
        "| NAICS code | " + rng.choice(("493110", "236220", "622110", "722511", "445110",
                                        "332710")) + " |",
        f"| Insurance carrier | {loc.insurer} |",
        f"| Policy number | WC {rng.randint(100000, 999999)}-{rng.randint(10, 99)} |",
        f"| Claims administrator | {loc.tpa or loc.insurer} |",
        "",
        "## Employee",
        f"| Name | {w.last.upper()}, {w.first} |",
        f"| SSN | {_ssn(rng)} |",
        f"| Date of birth | {D(story.worker_dob)} |",
        f"| Home address | {_address(rng, 'US', loc.region, home=True)} |",
        f"| Occupation / job title | {story.worker_occupation} |",
        f"| Date hired | {D(hired)} |",
        f"| Wage | {loc.money(_rate(story))} per hour, {_hours(story):g} hours per week |",
        "",
        "## Occurrence",
        f"| Date of injury | {D(inj.date)} |",
        f"| Time of event | {inj.time.upper()} |",
        f"| Date employer notified | {D(inj.date)} |",
        f"| Date reported to claims administrator | {D(story.notification_date)} |",
        f"| Last day worked | {D(inj.date)} |" if lost else None,
        f"| Date disability began | {D(inj.date + DAY)} |" if lost else None,
        f"| Returned to work | {'No' if lost else 'Yes - same day'} |",
        f"| Did injury occur on employer's premises? | {pick(rng, 'Yes', 'Yes', 'No')} |",
        "",
        "What was the employee doing just before the incident occurred?",
        pick(rng, f"Normal duties as a {story.worker_occupation.lower()}.",
             f"Working in the {_where(inj).lower()}."),
        "What happened? How did the injury occur?",
        _lbs(inj.mechanism),
        "What was the injury or illness? Part of body affected?",
        f"{inj.nature}, {inj.body_part}",
        f"Part of body code: {_WCIO_PART.get(_region(story), '90 Multiple body parts')}"
        if reg else None,
        "",
        f"Physician / health care provider: {_dr(story.treating_doctor, 'US', creds=False)}",
        f"Treated in an emergency room? {pick(rng, 'No', 'No', 'Yes')}    Hospitalized "
        "overnight as an in-patient? No",
        "",
        f"Prepared by: {ec.name}    Title: {_jobrole(ec, 'US', 'HR Manager')}    Phone: "
        f"{_phone(rng, 'US', loc.place)}",
        f"Date: {D(spec.date)}",
    ]
    if rng.random() < 0.5:
        lines.insert(2, f"Claim # {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("injury_notification", "us_froi_email_to_tpa")
def us_froi_email_to_tpa(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US employer HR email reporting a new injury to the carrier/TPA intake team."""
    loc = _us(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "US")
    dom = _domain(emp, ".com")
    tpa_dom = loc.domain()
    hdr, safe = _hdr_date(spec.date, rng, "US")
    lost = _latest_cert(story, spec.date) is not None
    fields = _fields(worker=w.name, employer=emp, author=ec.name, body_part=inj.body_part)
    if safe:
        fields["doc_date"] = spec.date
    D.put(fields, "injury_date", inj.date)
    subject = pick(rng, f"New WC claim - {w.name} - DOI {D(inj.date)}",
                   f"FROI - {emp} - {w.last}", f"Injury report: {w.first} {w.last}",
                   "New lost time claim" if lost else "New medical only claim")
    lines: list[str | None] = [
        pick(rng, "Hello Intake Team,", "Good morning,", "Hi,"),
        "",
        pick(rng, "Please set up a new workers' comp claim for the employee below. The FROI is "
                  "attached and was also submitted through the portal.",
             "Reporting a work injury that occurred at our "
             f"{loc.place.city} location. Details below.",
             "We need to open a claim for one of our associates. Please confirm receipt."),
        "",
        f"Employee: {w.name}",
        f"Job title: {story.worker_occupation}",
        f"Date of injury: {D(inj.date)} at {inj.time}",
        f"Location: {_where(inj)}",
        f"What happened: {_lbs(inj.mechanism)}",
        f"Body part: {inj.body_part}",
        f"Medical: seen at {_clinic(rng, loc, story.treating_doctor)}"
        + (", taken off work by the doctor" if lost else ", released to regular duty"),
        f"Wages: {loc.money(_rate(story))}/hr, approx. {_hours(story):g} hrs/week",
        "Modified duty available: " + pick(rng, "Yes", "Yes, within restrictions", "No"),
        maybe(rng, 0.5, "No witnesses. Supervisor statement attached."),
        "",
        pick(rng, "Let me know if you need anything else.", "Please send the claim number when "
                                                            "assigned.",
             "Thanks for your help."),
        "",
        ec.name,
        f"{_jobrole(ec, 'US', 'HR Generalist')} | {emp}",
        _phone(rng, "US", loc.place),
    ]
    headers = {"From": f"{ec.name} <{_mail(ec, dom)}>",
               "To": f"newclaims@{tpa_dom}", "Subject": subject, "Date": hdr}
    return _Out("email", lines, fields, headers)


@_intl("injury_notification", "uk_riddor_over7day_report")
def uk_riddor_over7day_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK RIDDOR report of an injury (F2508 style), copy sent to the EL insurer."""
    loc = _uk(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "UK")
    age = (inj.date - story.worker_dob).days // 365
    fields = _fields(worker=w.name, employer=emp, author=ec.name, injury_date=inj.date,
                     doc_date=spec.date, body_part=inj.body_part)
    severity = pick(rng, "An injury to a person at work that incapacitated them for more than "
                         "7 consecutive days", "Over-seven-day incapacitation of a worker")
    lines: list[str | None] = [
        "Health and Safety Executive",
        pick(rng, "# RIDDOR report - Report of an injury",
             "# Report of an injury (F2508) - Reporting of Injuries, Diseases and Dangerous "
             "Occurrences Regulations 2013"),
        f"Notification number: {rng.randint(100000000, 999999999)}",
        f"Submitted: {D(spec.date)}",
        "",
        "## About you and your organisation",
        f"Name: {ec.name}    Job title: {_jobrole(ec, 'UK', 'Health and Safety Manager')}",
        f"Organisation: {emp}",
        f"Address: {_address(rng, 'UK', place=loc.place)}",
        f"Telephone: {_phone(rng, 'UK', loc.place)}",
        "",
        "## Where did the incident happen?",
        f"At the above address - {_where(inj)}",
        f"Local authority: {loc.place.city} City Council",
        "Main activity of the organisation: "
        + pick(rng, "Warehousing and storage", "Construction", "Residential care",
               "Manufacture of food products", "Retail sale", "Transport"),
        "",
        "## About the incident",
        f"Date of incident: {D(inj.date)}    Time: {inj.time}",
        f"Kind of accident: {_accident_kind(story)}",
        "",
        "## About the injured person",
        f"Name: {w.name}    Age: {age}    Gender: "
        f"{'Male' if w.title == 'Mr' else 'Female' if w.title in ('Ms', 'Mrs', 'Miss') else '-'}",
        f"Job title: {story.worker_occupation}",
        "Status: [x] Employee [ ] On a training scheme [ ] Self-employed [ ] Member of the public",
        "",
        "## About the injury",
        f"Severity: {severity}",
        f"Type of injury: {inj.nature}",
        f"Part of the body: {inj.body_part}",
        "",
        "## Describing what happened",
        inj.mechanism + " "
        + pick(rng, "Manual handling risk assessment is being reviewed.",
               "Employee was trained in manual handling in the last 12 months.",
               "Area has been inspected; no defects found.", ""),
        "",
        maybe(rng, 0.7, f"cc: {loc.insurer} (employers' liability) - policy "
                        f"EL/{rng.randint(100000, 999999)}"),
    ]
    return _Out("form", lines, fields)


@_intl("injury_notification", "uk_el_incident_notification_email")
def uk_el_incident_notification_email(story: ClaimStory, spec: DocSpec,
                                      rng: random.Random) -> _Out:
    """UK employer (or broker) notifying its employers' liability insurer of an accident."""
    loc = _uk(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "UK")
    hdr, safe = _hdr_date(spec.date, rng, "UK")
    fields = _fields(worker=w.name, employer=emp, author=ec.name, injury_date=inj.date)
    if safe:
        fields["doc_date"] = spec.date
    subject = pick(rng, f"EL incident notification - {emp} - {w.name}",
                   f"Notification of accident at work {D(inj.date)}",
                   f"Potential EL claim: {w.last}")
    lines: list[str | None] = [
        "Dear Claims Team,",
        "",
        pick(rng, "We write to notify you of an accident at work which may give rise to an "
                  "employers' liability claim under our policy.",
             "Please accept this email as notification of an incident involving one of our "
             "employees. No claim has been intimated yet but the employee has been absent."),
        "",
        f"Policyholder: {emp}",
        f"Policy number: EL{rng.randint(1000000, 9999999)}",
        f"Injured employee: {w.name}, {story.worker_occupation}",
        f"Date and time: {D(inj.date)} at {inj.time}",
        f"Location: {_where(inj)}",
        f"Circumstances: {inj.mechanism}",
        f"Injury: {inj.nature} - {inj.body_part}",
        "Accident book entry: Yes (copy attached)",
        "RIDDOR reportable: " + pick(rng, "Yes - reported to HSE as over-7-day injury",
                                      "Not yet - absence under 7 days", "No"),
        "Absence: " + pick(rng, "Currently signed off with a fit note",
                           "Returned on amended duties", "Off work"),
        maybe(rng, 0.5, "CCTV: footage retained for 30 days."),
        "",
        pick(rng, "Please let us know what further documents you require.",
             "Our broker is copied in.", "Please acknowledge receipt."),
        "",
        pick(rng, "Kind regards", "Regards"),
        ec.name,
        f"{_jobrole(ec, 'UK', 'HR Business Partner')}, {emp}",
    ]
    fields["body_part"] = inj.body_part
    headers = {"From": f"{ec.name} <{_mail(ec, _domain(emp, '.co.uk'))}>",
               "To": f"elclaims@{loc.domain()}", "Subject": subject, "Date": hdr}
    return _Out("email", lines, fields, headers)


@_intl("injury_notification", "ca_form7_employer_report")
def ca_form7_employer_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian Form 7 employer's report of injury (WSIB Ontario / WorkSafeBC)."""
    loc = _ca(rng, forms=True)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "CA")
    on = loc.region == "ON"
    rate = _rate(story)
    hours = _hours(story)
    fields = _fields(worker=w.name, employer=emp, author=ec.name, injury_date=inj.date,
                     doc_date=spec.date, body_part=inj.body_part)
    lost = _latest_cert(story, spec.date) is not None
    weeks = [inj.date - (7 * k) * DAY for k in range(4, 0, -1)]
    lines: list[str | None] = [
        loc.board if on else "WorkSafeBC",
        "# Employer's Report of Injury/Disease (Form 7)" if on else
        "# Employer's Report of Injury or Occupational Disease (Form 7)",
        "",
        "## A. Worker information",
        f"Name: {w.last}, {w.first}    Date of birth: {D(story.worker_dob)}",
        f"Job title: {story.worker_occupation}    Date of hire: "
        f"{D(inj.date - rng.randint(300, 3000) * DAY)}",
        "",
        "## B. Employer information",
        f"Trade/legal name: {emp}",
        f"{'WSIB firm number' if on else 'Employer number'}: {rng.randint(1000000, 9999999)}    "
        f"{'Rate group' if on else 'Classification unit'}: {rng.randint(100, 999)}",
        f"Address: {_address(rng, 'CA', loc.region, loc.place)}",
        "",
        "## C. Accident/illness information",
        f"Date and time of accident: {D(inj.date)} {inj.time}",
        f"Date reported to employer: {D(inj.date)}    Reported to: {ec.name}",
        f"Describe what happened: {inj.mechanism}",
        f"Body part(s) injured: {inj.body_part}",
        f"Was it witnessed? {pick(rng, 'Yes', 'No')}    Prior similar problem? No",
        "",
        "## D. Health care",
        "Did the worker receive health care? Yes - "
        + pick(rng, "family physician", "walk-in clinic", "hospital emergency department"),
        "",
        "## E. Lost time / modified work",
        f"Did the worker lose time beyond the day of accident? {'Yes' if lost else 'No'}",
        "Has modified work been offered? " + pick(rng, "Yes - accepted", "Yes - declined",
                                                  "Not yet", "No"),
        "",
        "## F. Wages and earnings",
        f"Regular rate of pay: {loc.money(rate)} per hour    Normal hours: {hours:g} per week",
        "| Period from | Period to | Gross earnings |",
    ]
    for start in weeks:
        gross = round(rate * hours * rng.uniform(0.85, 1.1), 2)
        lines.append(f"| {D(start)} | {D(start + 6 * DAY)} | {loc.money(gross)} |")
    lines += [
        "",
        "## Declaration",
        "I declare that the information provided is true and complete.",
        f"Name: {ec.name}    Title: {_jobrole(ec, loc.country, 'Manager')}    Date: {D(spec.date)}",
    ]
    if rng.random() < 0.5:
        lines.insert(2, f"Claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


# =========================================================================== IMP / plans


@_intl("injury_management_plan", "us_nurse_case_management_care_plan")
def us_nurse_case_management_care_plan(story: ClaimStory, spec: DocSpec,
                                       rng: random.Random) -> _Out:
    """US carrier nurse case management care plan: problem/goal/intervention table."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    ncm = story.rehab_consultant
    adj = story.case_manager_on(spec.date)
    clin = _clin(story, "US")
    rtw = spec.date + rng.choice((14, 21, 28, 42)) * DAY
    odg = rng.choice((21, 28, 35, 49, 70))
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=ncm.name,
                     case_manager=adj.name, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    rows = [
        ("Pain / symptom management", "Pain reduced to 3/10 or less",
         f"Coordinate {clin.treatment[0]}; confirm attendance weekly"),
        ("Functional restoration", "Independent with home exercise program",
         "Obtain PT progress notes every 2 weeks; compare with ODG visit guidelines"),
        ("Return to work", f"Modified duty by {D(rtw)}",
         "Send restrictions to employer; confirm transitional duty offer"),
        ("Medication management", "No opioid use beyond 2 weeks",
         "Review pharmacy utilization; discuss with PTP"),
        ("Claimant education", "Understands plan and benefits",
         "Explain TTD/TPD, mileage reimbursement and UR process"),
    ]
    lines: list[str | None] = [
        f"{loc.tpa or loc.insurer} - Managed Care Services",
        pick(rng, "# Case Management Care Plan", "# NURSE CASE MANAGEMENT - INITIAL CARE PLAN",
             "# Medical Case Management Plan"),
        "",
        f"Claimant: {_wname(story, rng, us=True)}    Claim #: {story.claim_number}",
        f"DOI: {D(inj.date)}    Jurisdiction: {loc.state}",
        f"Employer: {_org(story.employer.name, 'US')}",
        f"Adjuster: {adj.name}    Nurse case manager: {ncm.name}, RN, CCM",
        f"Plan date: {D(spec.date)}    Referral type: "
        + pick(rng, "Telephonic", "Field", "Telephonic - lost time"),
        "",
        "## Medical summary",
        f"Diagnosis: {clin.icd} {clin.icd_desc}. Body part: {inj.body_part}.",
        f"PTP: {_dr(story.treating_doctor, 'US')}. Current work status: "
        f"{_work_status(story, spec.date, 'US')}.",
        f"ODG/MTUS duration guideline for this diagnosis: {odg} days. Days since injury: "
        f"{(spec.date - inj.date).days}.",
        "",
        "## Care plan",
        "| Problem | Goal | Interventions | Target date |",
    ]
    for i, (prob, goal, action) in enumerate(rng.sample(rows, rng.randint(3, 5))):
        lines.append(f"| {prob} | {goal} | {action} | {D(spec.date + (14 + 7 * i) * DAY)} |")
    lines += [
        "",
        "## Barriers to recovery",
        *[f"- {b}" for b in rng.sample([
            "Delay in scheduling diagnostic testing",
            "Transportation - claimant does not drive",
            "Fear-avoidance behaviour reported by PT",
            "Employer has limited modified duty positions",
            "Language - Spanish interpreter needed",
            "Comorbidity: diabetes (non-industrial)"], 2)],
        "",
        f"Anticipated RTW (modified): {D(rtw)}    Anticipated MMI: "
        f"{D(inj.date + (odg + 60) * DAY)}",
        "Plan discussed with: " + pick(rng, "claimant and PTP", "claimant, PTP and employer",
                                       "PTP office (nurse line)"),
        f"Next review: {D(spec.date + 30 * DAY)}",
        "",
        f"{ncm.name}, RN, CCM - Nurse Case Manager",
    ]
    return _Out("report", lines, fields)


@_intl("injury_management_plan", "nz_acc_recovery_plan")
def nz_acc_recovery_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC recovery plan / Individual Rehabilitation Plan agreed with the client."""
    loc = _nz(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    emp = _org(story.employer.name, "NZ")
    review = spec.date + rng.choice((28, 42, 56)) * DAY
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, doc_date=spec.date, employer=emp,
                     injury_date=inj.date)
    irp = rng.random() < 0.5
    lines: list[str | None] = [
        "# Individual Rehabilitation Plan" if irp else
        pick(rng, "# Your recovery plan", "# Recovery plan"),
        f"Kia ora {w.first}," if rng.random() < 0.6 else f"Client: {w.name}",
        f"Claim number: {story.claim_number}    Date of injury: {D(inj.date)}",
        f"Plan start: {D(spec.date)}    Review by: {D(review)}",
        "",
        "## What matters to you",
        pick(rng, f"Getting back to my job as a {story.worker_occupation.lower()} at {emp}.",
             "Being able to do my job and look after my whanau without pain.",
             "Returning to work and to touch rugby."),
        "",
        "## Your goals",
        *[f"{i}. {g}" for i, g in enumerate([
            pick(rng, "Return to selected duties for 4 hours a day",
                 "Return to work on a graduated plan"),
            pick(rng, "Return to full hours and normal duties", "Be fully fit for normal work"),
            pick(rng, "Manage symptoms independently", "Complete the physiotherapy programme"),
        ], start=1)],
        "",
        "## What you will do",
        "- Attend your appointments and follow your home exercise programme",
        "- Keep in touch with your employer and let us know about changes",
        "",
        "## What your employer will do",
        f"- {emp} will provide selected duties within your medical certificate",
        "",
        "## What ACC will do",
        *[f"- {x}" for x in rng.sample([
            f"Fund up to {rng.choice((8, 12, 16))} physiotherapy treatments",
            "Refer you to a Stay at Work provider to work with you and your employer",
            "Pay weekly compensation while you are certified unfit for work",
            "Arrange and pay for a specialist assessment",
            "Help with transport to treatment",
            "Fund a psychology assessment" if inj.psychological else "Fund a GP review"], 3)],
        "",
        "## Reviewing this plan",
        f"We'll check in with you every {pick(rng, 'two', 'three', 'four')} weeks and review "
        f"the plan by {D(review)}.",
    ]
    if irp:
        lines += ["This plan is prepared under the Accident Compensation Act 2001. Please sign "
                  "to show you agree with it.", "",
                  f"Client: ____________    Case owner: {cm.name}    Date: {D(spec.date)}"]
    else:
        lines += ["", "Nga mihi", cm.name, f"{_cm_title(loc, rng)} | ACC | {_board_phone(loc)}"]
    return _Out("report" if irp else "letter", lines, fields)


@_intl("injury_management_plan", "ca_board_return_to_work_plan")
def ca_board_return_to_work_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian board-issued recovery and return-to-work plan (WSIB / WorkSafeBC)."""
    loc = _ca(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    emp = _org(story.employer.name, "CA")
    on = loc.region == "ON"
    start = spec.date + rng.choice((3, 7, 10)) * DAY
    cert = _latest_cert(story, spec.date)
    hrs = cert.hours_per_day if cert and cert.hours_per_day else 4
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, employer=emp)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        loc.board,
        pick(rng, "# Return to Work Plan", "# Recovery and Return to Work Plan",
             "# Graduated Return to Work Plan"),
        "",
        f"Claim number: {story.claim_number}    Date: {D(spec.date)}",
        f"Worker: {w.name}    Employer: {emp}",
        f"Accident date: {D(inj.date)}    Injury: {inj.body_part} ({inj.nature})",
        "",
        "## Goal",
        pick(rng, "Return to the pre-injury job with temporary accommodation.",
             "Return to suitable and available work with the accident employer.",
             "Return to pre-injury hours and duties by the end of week 4."),
        "",
        "## Schedule",
        "| Week | Start date | Hours/day | Duties |",
    ]
    base, step = min(hrs, 5), rng.choice((1, 2))
    for k in range(4):
        h = min(8, base + step * k)
        duty = pick(rng, "modified duties within restrictions", "light duties",
                    "pre-injury duties with assistance for lifting") if h < 8 else \
            "regular duties"
        lines.append(f"| {k + 1} | {D(start + 7 * k * DAY)} | {h} | {duty} |")
    lines += [
        "",
        "## Responsibilities",
        f"- Worker: participate in the plan, attend treatment and tell "
        f"{'the WSIB' if on else 'WorkSafeBC'} about any difficulties.",
        f"- Employer ({story.employer_contact.name}): provide the modified work above and "
        "monitor progress.",
        f"- {loc.board}: monitor, pay any partial loss of earnings and resolve disputes.",
        "",
        ("Under the Workplace Safety and Insurance Act, 1997 (sections 40 and 43) workers and "
         "employers must co-operate in early and safe return to work." if on else
         "Under the Workers Compensation Act, employers and workers have a duty to "
         "co-operate in return to work."),
        "",
        f"{cm.name}, {_cm_title(loc, rng)}    {_board_phone(loc)}",
    ]
    return _Out("report", lines, fields)


# =========================================================================== liability

_US_NOTICE = {
    "provisional": ("Notice of Temporary Compensation Payable", "LIBC-501"),
    "accepted": ("Notice of Compensation Payable", "LIBC-495"),
    "reasonable_excuse": ("Notice of Delay in Compensability Decision", ""),
    "disputed": ("Notice of Workers' Compensation Denial", "LIBC-496"),
    "work_capacity": ("Notice of Ability to Return to Work", "LIBC-757"),
}


def _weekly(story: ClaimStory, dec: Decision) -> float:
    return dec.weekly_amount if dec.weekly_amount > 0 else round(_aww(story) * 2 / 3, 2)


@_intl("liability_notice", "us_notice_of_compensation_status")
def us_notice_of_compensation_status(story: ClaimStory, spec: DocSpec,
                                     rng: random.Random) -> _Out:
    """US (Pennsylvania-style) statutory notice: NTCP, NCP, denial, delay or ability to RTW."""
    loc = _us(rng, "PA" if rng.random() < 0.6 else rng.choice(("OH", "FL", "NY")))
    D = loc.D
    dec = _decision(story, spec)
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    emp = _org(story.employer.name, "US")
    aww = _aww(story)
    rate = round(aww * 2 / 3, 2)
    title, form = _US_NOTICE[dec.kind]
    fields = _fields(worker=w.name, claim_number=story.claim_number, decision=dec.kind,
                     author=cm.name, case_manager=cm.name, employer=emp)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    pa = loc.region == "PA"
    lines: list[str | None] = [
        f"Commonwealth of Pennsylvania - {_US_AGENCY['PA']}" if pa else
        f"{loc.state} - {_US_AGENCY[loc.region]}",
        f"# {title.upper() if rng.random() < 0.5 else title}",
        f"{form}" if pa and form else None,
        "",
        f"| Employee | {w.name} |",
        f"| Employer | {emp} |",
        f"| Insurer | {loc.insurer} |",
        f"| Claim number | {story.claim_number} |",
        f"| Date of injury | {D(inj.date)} |",
        f"| Injury description | {inj.nature}, {inj.body_part} |",
        f"| Average weekly wage | {loc.money(aww)} |",
        "",
    ]
    if dec.kind == "provisional":
        lines += [
            f"Temporary compensation will be paid at {loc.money(rate)} per week beginning "
            f"{D(inj.date + 8 * DAY)}.",
            "These payments are made without prejudice and without admission of liability. "
            "The insurer may stop payments within 90 days by issuing a Notice Stopping "
            "Temporary Compensation. If it does not, this notice converts to a Notice of "
            "Compensation Payable.",
        ]
    elif dec.kind == "accepted":
        lines += [
            "The insurer accepts liability for the work injury described above.",
            f"Compensation is payable at {loc.money(_weekly(story, dec))} per week (66 2/3% of "
            "the average weekly wage, subject to the statutory maximum) beginning "
            f"{D(inj.date + 8 * DAY)}.",
            "Reasonable and necessary medical treatment will be paid according to the medical "
            "fee schedule.",
        ]
    elif dec.kind == "reasonable_excuse":
        lines += [
            "We have not yet been able to decide whether your claim is compensable because "
            + pick(rng, "we have not received the medical records we requested.",
                   "we have been unable to obtain a recorded statement from you.",
                   "the employer disputes the circumstances of the injury."),
            f"We will make a decision by {D(spec.date + 30 * DAY)}. No indemnity payments will "
            "be issued until then.",
        ]
    elif dec.kind == "disputed":
        reasons = rng.sample([
            "An injury did not take place in the course of employment.",
            "The medical evidence does not establish a work-related injury.",
            "Notice of the injury was not given within 120 days.",
            "The employee is not disabled as a result of the alleged work injury.",
            "The injury resulted from a pre-existing condition."], 2)
        lines += ["The insurer denies this claim for the following reason(s):",
                  *[f"[x] {r}" for r in reasons],
                  "If you disagree you may file a Claim Petition for Compensation with the "
                  "workers' compensation office. You have three years from the date of injury "
                  "to file."]
    else:
        lines += [
            f"Based on the medical report of {_dr(story.treating_doctor, 'US', creds=False)}, "
            "you are able to return to work with the following restrictions: "
            + "; ".join(_lbs(r) for r in _restrictions(_latest_cert(story, spec.date), story,
                                                       rng)) + ".",
            "If you return to work at lower wages you may be entitled to partial disability "
            "benefits. Your benefits may be modified or suspended if suitable work is "
            "available and you refuse it.",
        ]
    lines += [
        "",
        f"Date issued: {D(spec.date)}",
        f"Prepared by: {cm.name}, {_cm_title(loc, rng)}, {loc.tpa or loc.insurer}",
        f"Phone: {_phone(rng, 'US', loc.place)}",
        maybe(rng, 0.5, "cc: Employer; Bureau of Workers' Compensation" if pa else
              "cc: Employer; claimant's attorney (if any)"),
    ]
    return _Out("form", lines, fields)


@_intl("liability_notice", "us_ca_benefit_notice_letter")
def us_ca_benefit_notice_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California claims administrator benefit notice: accept, delay, deny, TD change."""
    loc = _us(rng, "CA")
    D = loc.D
    dec = _decision(story, spec)
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    admin = loc.tpa or loc.insurer
    home = _address(rng, "US", "CA", home=True)
    fields = _fields(worker=w.name, claim_number=story.claim_number, decision=dec.kind,
                     author=cm.name, case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    td = _weekly(story, dec)
    subj = {"provisional": "Notice regarding delay in decision - medical treatment provided",
            "accepted": "Notice of acceptance of claim",
            "reasonable_excuse": "Notice regarding delay in decision (Labor Code 5402)",
            "disputed": "Notice of denial of claim",
            "work_capacity": "Notice regarding temporary disability benefits ending"}[dec.kind]
    lines: list[str | None] = [
        admin,
        _address(rng, "US", "CA", loc.place),
        "",
        D(spec.date),
        "",
        w.name,
        *home.split(", ", 1),
        "",
        f"RE: {subj}",
        f"Claim number: {story.claim_number}",
        f"Date of injury: {D(inj.date)}",
        f"Employer: {_org(story.employer.name, 'US')}",
        "",
        f"Dear {_dear(w, 'US')}:",
        "",
    ]
    if dec.kind == "provisional":
        lines += [
            "We have not yet decided whether to accept your claim. While we investigate, we "
            "will authorize reasonable medical treatment up to $10,000 until the claim is "
            "accepted or denied.",
            f"We will make a decision no later than {D(story.claim_lodged + 90 * DAY)}. If we "
            "do not, your claim will be presumed compensable.",
        ]
    elif dec.kind == "accepted":
        lines += [
            f"Your claim for injury to your {inj.body_part} has been accepted.",
            f"Temporary disability benefits will be paid every two weeks at {loc.money(td)} "
            f"per week, which is two-thirds of your average weekly earnings of "
            f"{loc.money(_aww(story))}.",
            "Your medical treatment will be provided through our Medical Provider Network.",
        ]
    elif dec.kind == "reasonable_excuse":
        lines += [
            "We need more information before we can decide your claim. Specifically: "
            + pick(rng, "your medical records from your treating physician.",
                   "a statement from your supervisor.", "your prior medical history."),
            "We will decide within 90 days of the date you filed your claim form. Temporary "
            "disability benefits are not payable while the decision is delayed.",
        ]
    elif dec.kind == "disputed":
        lines += [
            "After a complete investigation we are denying your claim because "
            + pick(rng, "the medical evidence does not support that your injury arose out of "
                        "and occurred in the course of employment.",
                   "the Qualified Medical Evaluator found the condition non-industrial.",
                   "the claim was filed after a notice of termination and no exception "
                   "applies.") ,
            "If you disagree, you may file an Application for Adjudication of Claim with the "
            "Workers' Compensation Appeals Board (WCAB). You may also contact an Information "
            "& Assistance Officer of the Division of Workers' Compensation.",
        ]
    else:
        lines += [
            f"Your primary treating physician reports you can return to modified work. Your "
            f"employer has offered modified work within your restrictions. Temporary "
            f"disability benefits will end on {D(spec.date + 3 * DAY)}.",
            "If you disagree with the medical opinion, you may request a Qualified Medical "
            "Evaluator (QME) panel by completing the enclosed form DWC-105/106.",
        ]
    lines += [
        "",
        "If you have questions, contact me at the number below. You may also consult an "
        "attorney of your choice.",
        "",
        _sign(rng, "US"),
        "",
        cm.name,
        f"{_cm_title(loc, rng)} | {_phone(rng, 'US', loc.place)} | {_mail(cm, loc.domain())}",
        "",
        maybe(rng, 0.6, "Enclosures: DWC Information & Assistance fact sheet"),
    ]
    return _Out("letter", lines, fields)


@_intl("liability_notice", "nz_acc_cover_decision")
def nz_acc_cover_decision(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC cover or weekly compensation decision letter with review rights."""
    loc = _nz(rng)
    D = loc.D
    dec = _decision(story, spec)
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    fields = _fields(worker=w.name, claim_number=story.claim_number, decision=dec.kind,
                     author=cm.name, case_manager=cm.name, doc_date=spec.date,
                     injury_date=inj.date)
    wk = round(_aww(story) * 0.8, 2)
    head = {"provisional": "We need more time to decide your claim",
            "accepted": "We've accepted your claim",
            "reasonable_excuse": "We need more information before we can decide",
            "disputed": "We can't accept your claim",
            "work_capacity": "Your weekly compensation is stopping"}[dec.kind]
    lines: list[str | None] = [
        "ACC - Accident Compensation Corporation",
        _board_addr(loc),
        "",
        D(spec.date),
        "",
        w.name,
        _address(rng, "NZ", place=loc.place),
        "",
        f"Claim number: {story.claim_number}",
        "",
        f"Kia ora {w.first}" if rng.random() < 0.6 else f"Dear {_dear(w, 'NZ')}",
        "",
        f"# {head}",
        "",
    ]
    if dec.kind == "provisional":
        lines += [f"We've received your claim for the injury to your {inj.body_part} on "
                  f"{D(inj.date)}. We need more time to make a decision on cover because we're "
                  "waiting for information from your doctor.",
                  f"We'll make our decision by {D(spec.date + 60 * DAY)}. In the meantime you "
                  "can continue your treatment."]
    elif dec.kind == "accepted":
        lines += [f"We've accepted your claim for {_diagnosis(story)}, following your accident "
                  f"on {D(inj.date)}. This means we can help pay for your treatment and "
                  "support your recovery.",
                  f"As your doctor has certified you unfit for work, you'll receive weekly "
                  f"compensation of {loc.money(wk)} before tax (80% of your earnings). Your "
                  "employer pays the first week."]
    elif dec.kind == "reasonable_excuse":
        lines += ["We can't make a decision on your claim yet because "
                  + pick(rng, "we haven't received your signed authority to collect "
                              "information.", "we need your employer to confirm your earnings.",
                         "we need clinical notes from your GP.") + "",
                  f"Please send the information by {D(spec.date + 21 * DAY)}."]
    elif dec.kind == "disputed":
        lines += [f"We've looked at your claim for {_diagnosis(story)} and decided we can't "
                  "provide cover.",
                  "This is because " + pick(rng, "the information shows your condition is "
                                                 "caused mainly by a gradual process that is "
                                                 "not work-related.",
                                            "our clinical advisor found your condition is "
                                            "mainly due to age-related changes, not an "
                                            "accident.",
                                            "mental injury is only covered in limited "
                                            "circumstances that don't apply to your claim.")]
    else:
        lines += ["Following your vocational independence assessments, the medical assessor "
                  "found you're able to work 35 hours or more a week in the types of work "
                  "identified.",
                  f"Your weekly compensation will stop three months after you were told this, "
                  f"on {D(spec.date + 91 * DAY)}."]
    lines += [
        "",
        "## If you disagree",
        "You can ask for a review of this decision. You need to apply within three months of "
        "the date of this letter. You can talk to us first, or contact an independent "
        "advocate.",
        "",
        _sign(rng, "NZ"),
        cm.name,
        f"{_cm_title(loc, rng)}, ACC    {_board_phone(loc)}",
    ]
    return _Out("letter", lines, fields)


@_intl("liability_notice", "ca_entitlement_decision_letter")
def ca_entitlement_decision_letter(story: ClaimStory, spec: DocSpec,
                                   rng: random.Random) -> _Out:
    """Canadian WSIB / WorkSafeBC decision letter on entitlement, with objection rights."""
    loc = _ca(rng)
    D = loc.D
    dec = _decision(story, spec)
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    on = loc.region == "ON"
    pct = "85" if on else "90"
    loe = round(_aww(story) * (0.85 if on else 0.9) * 0.78, 2)
    fields = _fields(worker=w.name, claim_number=story.claim_number, decision=dec.kind,
                     author=cm.name, case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    body = {
        "provisional": [f"I have registered your claim for the {inj.body_part} injury of "
                        f"{D(inj.date)}. While I gather information, health care benefits "
                        "will be paid. I will make a decision on initial entitlement once I "
                        "receive the employer's report and medical information."],
        "accepted": [f"I have allowed your claim for {inj.nature} of the {inj.body_part}.",
                     f"You are entitled to loss of earnings benefits at {loc.money(loe)} per "
                     f"week, {pct}% of your net average earnings, from "
                     f"{D(inj.date + DAY)} while you are unable to work.",
                     "Health care expenses related to this injury will be paid."],
        "reasonable_excuse": ["I cannot make a decision on your claim at this time because "
                              + pick(rng, "I have not received a report from your health "
                                          "professional.",
                                     "your employer has not submitted the Form 7.",
                                     "I have not been able to reach you by phone."),
                              f"Please contact me by {D(spec.date + 14 * DAY)}."],
        "disputed": ["I have decided your claim is not allowed.",
                     pick(rng, "The information does not show that an accident happened in "
                               "the course of your employment.",
                          "The medical information does not show a link between your "
                          "condition and your work duties.",
                          "You did not report the injury to your employer until several weeks "
                          "later and there are inconsistent accounts.")],
        "work_capacity": ["Your employer has offered you suitable work within your functional "
                          "abilities, which you declined.",
                          f"Your loss of earnings benefits will therefore be reduced effective "
                          f"{D(spec.date + 7 * DAY)} to reflect the earnings you could receive "
                          "in the suitable work."],
    }[dec.kind]
    objection = ("If you disagree with this decision you may object. For return to work "
                 "decisions you must object within 30 days; for all other decisions within six "
                 "months. Use the Objection Form." if on else
                 "If you disagree, you may ask the Review Division to review this decision "
                 "within 90 days of the date of this letter.")
    lines: list[str | None] = [
        loc.board,
        _board_addr(loc),
        "",
        D(spec.date),
        "",
        w.name,
        _address(rng, "CA", loc.region, loc.place),
        "",
        f"Claim number: {story.claim_number}",
        f"{'Accident date' if on else 'Date of injury'}: {D(inj.date)}",
        "",
        f"Dear {_dear(w, 'CA')}:" if rng.random() < 0.5 else f"Dear {w.first}:",
        "",
        pick(rng, "Decision on your claim", "Re: Entitlement decision",
             "I am writing to tell you about my decision."),
        "",
        *body,
        "",
        objection,
        "",
        _sign(rng, "CA"),
        "",
        cm.name,
        _cm_title(loc, rng),
        f"Telephone: {_board_phone(loc)} ext. {rng.randint(2000, 7999)}",
        f"c: {_org(story.employer.name, 'CA')}",
    ]
    return _Out("letter", lines, fields)


@_intl("liability_notice", "uk_el_liability_response")
def uk_el_liability_response(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK employers' liability insurer's response on liability to the claimant's solicitors."""
    loc = _uk(rng)
    D = loc.D
    dec = _decision(story, spec)
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    firm = _firm(story, "UK")
    emp = _org(story.employer.name, "UK")
    fields = _fields(worker=w.name, claim_number=story.claim_number, decision=dec.kind,
                     author=cm.name, case_manager=cm.name, doc_date=spec.date,
                     injury_date=inj.date, employer=emp)
    body = {
        "provisional": ["We are still investigating liability. In the meantime, and without "
                        "admission of liability, we agree to fund an Immediate Needs "
                        "Assessment under the Rehabilitation Code 2015.",
                        "We will provide our full response within the three-month period "
                        "allowed under the Pre-Action Protocol."],
        "accepted": ["We write to confirm that, following our investigations, liability is "
                     "admitted on behalf of our insured.",
                     "Please forward your client's medical evidence and schedule of loss so "
                     "that we can consider quantum. We would welcome an early Part 36 offer."],
        "reasonable_excuse": ["We are not yet in a position to respond on liability as we have "
                              "not received "
                              + pick(rng, "your client's signed form of authority.",
                                     "the CPR-compliant medical report.",
                                     "details of the alleged defect."),
                              "We ask that the Protocol period is extended by 28 days."],
        "disputed": ["Following our investigations, liability is denied.",
                     pick(rng, "Our insured carried out a suitable and sufficient risk "
                               "assessment and your client had received manual handling "
                               "training. There was no breach of the Manual Handling "
                               "Operations Regulations 1992.",
                          "The accident was caused solely by your client's own failure to "
                          "follow the safe system of work.",
                          "We do not accept that the accident occurred as alleged; there is "
                          "no accident book entry and no witnesses."),
                     "We enclose the documents in our insured's possession which are material "
                     "to the issues between the parties."],
        "work_capacity": ["Breach of duty is admitted. However, causation of the continuing "
                          "loss of earnings is not.",
                          f"The medical evidence indicates your client was fit for work from "
                          f"{D(spec.date - 14 * DAY)}; any claim for loss of earnings after "
                          "that date is denied."],
    }[dec.kind]
    salute = ("Dear Sirs" if rng.random() < 0.4 else
              f"Dear {_dear(story.solicitor, 'UK')}")
    lines: list[str | None] = [
        loc.insurer,
        f"Casualty Claims, {_address(rng, 'UK', place=loc.place)}",
        "",
        f"{firm}",
        f"FAO {story.solicitor.formal}",
        "",
        D(spec.date),
        "",
        f"Your ref: {story.solicitor.last.upper()[:3]}/{rng.randint(1000, 9999)}",
        f"Our ref: {story.claim_number}",
        "",
        salute,
        "",
        f"Your client: {w.name}",
        f"Our insured: {emp}",
        f"Date of accident: {D(inj.date)}",
        "",
        *body,
        "",
        _uk_close(salute, rng),
        "",
        cm.name,
        _cm_title(loc, rng),
        f"Direct dial: {_phone(rng, 'UK', loc.place)}",
    ]
    return _Out("letter", lines, fields)


# =========================================================================== wages


def _weekly_rows(story: ClaimStory, rng: random.Random, n: int, end: dt.date,
                 period: int = 7) -> list[tuple[dt.date, float, float]]:
    """(period ending, hours, gross) for ``n`` periods ending before ``end``."""
    rate = _rate(story)
    base_hours = _hours(story) * period / 7
    rows = []
    last = end - DAY - (end - DAY).weekday() * DAY + 4 * DAY  # a Friday near the end
    if last >= end:
        last -= 7 * DAY
    for k in range(n - 1, -1, -1):
        hours = round(base_hours * rng.uniform(0.8, 1.12) * 2) / 2
        rows.append((last - k * period * DAY, hours, round(hours * rate, 2)))
    return rows


@_intl("wage_information", "us_aww_calculation_worksheet")
def us_aww_calculation_worksheet(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US adjuster's average weekly wage and TD rate calculation worksheet."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    n = {"TX": 13, "NY": 52, "PA": 52, "OH": 52, "FL": 13, "CA": 52}[loc.region]
    shown = 13 if n == 13 else rng.choice((13, 52))
    rows = _weekly_rows(story, rng, 13, inj.date)
    total13 = round(sum(g for _, _, g in rows), 2)
    aww = round(total13 / 13, 2)
    td = round(aww * 2 / 3, 2)
    waiting = {"CA": 3, "TX": 7, "NY": 7, "FL": 7, "OH": 7, "PA": 7}[loc.region]
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, employer=_org(story.employer.name, "US"))
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        pick(rng, "# AWW / TD RATE CALCULATION", "# Average Weekly Wage Worksheet",
             "# Indemnity Rate Calculation"),
        f"Claimant: {_wname(story, rng, us=True)}    Claim #: {story.claim_number}",
        f"Employer: {_org(story.employer.name, 'US')}    State: {loc.region}",
        f"DOI: {D(inj.date)}    Prepared: {D(spec.date)} by {cm.name}",
        "",
        "Method: " + ("13 weeks immediately preceding the injury" if shown == 13 else
                      "52 weeks preceding the injury (13 most recent shown)"),
        "",
        "| Week ending | Hours | Gross wages |",
        *[f"| {D(d)} | {h:g} | {loc.money(g)} |" for d, h, g in rows],
        f"| Total (13 wks) | | {loc.money(total13)} |",
        "",
        f"AWW = {loc.money(total13)} / 13 = {loc.money(aww)}",
        f"TD rate = AWW x 2/3 = {loc.money(td)} per week",
        pick(rng, "State maximum/minimum checked - rate within limits.",
             "Rate is below the state maximum for the DOI year.",
             "Max/min verified per DWC rate table."),
        f"Waiting period: {waiting} days"
        + (" (paid retroactively if disability exceeds 14 days)" if loc.region == "CA" else ""),
        maybe(rng, 0.5, "Concurrent employment: none reported. Overtime included at actual."),
        maybe(rng, 0.4, "Fringe benefits: employer-paid health insurance continues - "
                        "not included."),
        "",
        pick(rng, "Wage statement received from employer payroll.",
             "Source: payroll register faxed by employer.",
             "AWW to be re-verified when 52-week payroll is received."),
    ]
    return _Out("note" if rng.random() < 0.5 else "report", lines, fields)


@_intl("wage_information", "us_employer_wage_statement")
def us_employer_wage_statement(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US employer's wage statement (Texas DWC Form-003 style): 13 weeks before the injury."""
    loc = _us(rng, rng.choice(("TX", "TX", "FL", "OH")))
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "US")
    rows = _weekly_rows(story, rng, 13, inj.date)
    fields = _fields(worker=w.name, employer=emp, author=ec.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    title = ("# DWC Form-003 - Employer's Wage Statement" if loc.region == "TX" else
             pick(rng, "# EMPLOYER'S WAGE STATEMENT", "# Wage Statement - Workers' Compensation"))
    lines: list[str | None] = [
        title,
        "",
        f"Employee: {w.name}    SSN: {_ssn(rng)}",
        f"Employer: {emp}    FEIN: {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
        f"Date of injury: {D(inj.date)}",
        f"Position: {story.worker_occupation}    Rate of pay at time of injury: "
        f"{loc.money(_rate(story))}/hr",
        f"Employee worked for this employer for at least 13 weeks before the injury? "
        f"{pick(rng, 'Yes', 'Yes', 'No - similar employee data below')}",
        "",
        "## Wages paid in the 13 weeks immediately preceding the injury",
        "| # | Week ending | Days worked | Hours | Gross pay |",
    ]
    for i, (d, h, g) in enumerate(rows, start=1):
        lines.append(f"| {i} | {D(d)} | {min(5, max(3, round(h / 8)))} | {h:g} | "
                     f"{loc.money(g)} |")
    lines += [
        f"| | Total | | | {loc.money(sum(g for _, _, g in rows))} |",
        "",
        "## Non-pecuniary wages",
        f"{tick(rng.random() < 0.6)} Health insurance    {tick(False)} Meals    "
        f"{tick(False)} Lodging    {tick(rng.random() < 0.2)} Vehicle",
        "Will the employer continue providing these benefits? "
        + pick(rng, "Yes", "Yes, for 90 days", "No"),
        "",
        "I certify that the above information is true and correct.",
        f"Signature: {ec.name}    Title: {_jobrole(ec, loc.country, 'Payroll Manager')}    "
        f"Date: {D(spec.date)}",
        f"Phone: {_phone(rng, 'US', loc.place)}",
    ]
    if rng.random() < 0.6:
        lines.insert(1, f"Carrier claim #: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("wage_information", "nz_acc_earnings_certificate")
def nz_acc_earnings_certificate(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand employer earnings details for ACC weekly compensation (first week paid)."""
    loc = _nz(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "NZ")
    rows = _weekly_rows(story, rng, 4, inj.date)
    four = round(sum(g for _, _, g in rows), 2)
    weekly = round(four / 4, 2)
    fields = _fields(worker=w.name, employer=emp, author=ec.name, doc_date=spec.date,
                     injury_date=inj.date)
    lines: list[str | None] = [
        pick(rng, "# Employer earnings details", "# ACC - Earnings information from employer",
             "# Employer earnings certificate"),
        "",
        f"Employee: {w.name}    IRD number: {rng.randint(10, 139)}-{rng.randint(100, 999)}-"
        f"{rng.randint(100, 999)}",
        f"Employer: {emp}",
        f"Date of injury: {D(inj.date)}    First day of incapacity: {D(inj.date + DAY)}",
        "Employment type: " + pick(rng, "Permanent full time", "Permanent part time",
                                   "Fixed term"),
        "",
        "## Gross earnings in the four weeks before incapacity",
        "| Week ending | Hours | Gross earnings |",
        *[f"| {D(d)} | {h:g} | {loc.money(g)} |" for d, h, g in rows],
        f"| Total | | {loc.money(four)} |",
        "",
        f"Average weekly earnings: {loc.money(weekly)}",
        f"Weekly compensation (80%): {loc.money(round(weekly * 0.8, 2))}",
        "",
        "## First week compensation",
        f"{tick(True)} We paid first week compensation of "
        f"{loc.money(round(weekly * 0.8, 2))} (work injury - employer pays week one)",
        f"{tick(rng.random() < 0.3)} The employee is receiving holiday pay / sick leave top-up",
        "",
        f"Completed by: {ec.name}, {_jobrole(ec, 'NZ', 'Payroll')}    Phone: "
        f"{_phone(rng, 'NZ', loc.place)}",
        f"Date: {D(spec.date)}",
    ]
    if rng.random() < 0.7:
        lines.insert(1, f"ACC claim number: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("wage_information", "uk_employer_earnings_letter")
def uk_employer_earnings_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK employer's earnings details (13 weeks pre-accident, sick pay) for an EL claim."""
    loc = _uk(rng)
    D = loc.D
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "UK")
    rows = _weekly_rows(story, rng, 13, inj.date)
    gross = round(sum(g for _, _, g in rows), 2)
    net = round(gross * rng.uniform(0.76, 0.82), 2)
    ssp = 116.75
    to = pick(rng, _firm(story, "UK"), loc.insurer)
    fields = _fields(worker=w.name, employer=emp, author=ec.name, doc_date=spec.date,
                     injury_date=inj.date)
    lines: list[str | None] = [
        emp,
        _address(rng, "UK", place=loc.place),
        "",
        D(spec.date),
        "",
        to,
        "",
        f"Re: {w.name} - accident on {D(inj.date)}",
        "",
        "Dear Sir/Madam",
        "",
        f"Further to your request, we confirm that {w.name} has been employed by us as a "
        f"{story.worker_occupation.lower()} since "
        f"{D(inj.date - rng.randint(400, 4000) * DAY)}"
        f"{pick(rng, ' on a permanent full-time contract', ' on a zero-hours contract', '')}.",
        "",
        "Earnings in the 13 weeks before the accident were:",
        "| Week ending | Hours | Gross pay |",
        *[f"| {D(d)} | {h:g} | {loc.money(g)} |" for d, h, g in rows],
        f"| Total | | {loc.money(gross)} |",
        "",
        f"Total net pay for the period was {loc.money(net)} (average "
        f"{loc.money(round(net / 13, 2))} net per week).",
        "During the absence " + pick(
            rng, f"Statutory Sick Pay was paid at {loc.money(ssp)} per week.",
            f"company sick pay was paid at full pay for {rng.choice((2, 4, 6))} weeks, then "
            f"Statutory Sick Pay at {loc.money(ssp)} per week.",
            "no sick pay was paid as the employee did not qualify."),
        maybe(rng, 0.5, "Payslips for the period are enclosed."),
        "",
        "Yours faithfully",
        "",
        ec.name,
        _jobrole(ec, "UK", "Payroll Manager"),
    ]
    return _Out("letter", lines, fields)


# =========================================================================== medical


def _doctor_author(story: ClaimStory, spec: DocSpec, default: Person) -> Person:
    """``spec.about`` when it is a doctor (not a physio or psychologist), else ``default``."""
    who = _author(spec, default)
    return who if _cat(who) not in ("physio", "psychologist") and who.title in (
        "Dr", "A/Prof", "Prof", "Assoc Prof") else default


@_intl("medical_report", "us_doctors_first_report")
def us_doctors_first_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California Doctor's First Report of Occupational Injury or Illness (Form 5021)."""
    loc = _us(rng, "CA")
    D = loc.D
    doc = _doctor_author(story, spec, story.treating_doctor)
    w, inj = story.worker, story.injury
    clin = _clin(story, "US")
    emp = _org(story.employer.name, "US")
    visit = max(inj.date, min(spec.date, inj.date + rng.randint(0, 2) * DAY))
    cert = _latest_cert(story, visit)
    usual = cert is not None and cert.capacity == "pre_injury_duties"
    fields = _fields(worker=w.name, author=doc.name, employer=emp, body_part=inj.body_part)
    D.put(fields, "doc_date", visit)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        "STATE OF CALIFORNIA",
        "# DOCTOR'S FIRST REPORT OF OCCUPATIONAL INJURY OR ILLNESS",
        "Within 5 days of your initial examination, for every occupational injury or illness, "
        "send two copies of this report to the employer's workers' compensation insurance "
        "carrier or the insured employer. Failure to file a timely doctor's report may result "
        "in assessment of a civil penalty.",
        "",
        f"1. INSURER NAME AND ADDRESS: {loc.tpa or loc.insurer}, {_address(rng, 'US', 'CA')}",
        f"2. EMPLOYER NAME: {emp}",
        f"3. Address: {_address(rng, 'US', 'CA', loc.place)}",
        "4. Nature of business: " + pick(rng, "Warehousing", "Construction", "Health care",
                                         "Food service", "Retail", "Manufacturing"),
        f"5. PATIENT NAME: {w.first} {w.last}    6. Sex: "
        f"{'Male' if w.title == 'Mr' else 'Female' if w.title in ('Ms', 'Mrs', 'Miss') else '-'}"
        f"    7. Date of birth: {D(story.worker_dob)}",
        f"8. Address: {_address(rng, 'US', 'CA', home=True)}",
        f"9. Telephone: {_phone(rng, 'US', loc.place)}",
        f"10. Occupation: {story.worker_occupation}    11. Social Security No.: {_ssn(rng)}",
        f"12. Injured at: {_where(inj)}    County: "
        + pick(rng, "Fresno", "Sacramento", "Riverside", "Alameda", "San Diego", "Kern"),
        f"13. Date and hour of injury: {D(inj.date)} {inj.time}    14. Date last worked: "
        f"{D(inj.date)}",
        f"15. Date and hour of first examination: {D(visit)} "
        f"{rng.randint(8, 16)}:{rng.choice(('00', '15', '30', '45'))}",
        "16. Have you (or your office) previously treated patient? "
        + pick(rng, "No", "Yes - routine care"),
        "",
        "17. DESCRIBE HOW THE ACCIDENT OR EXPOSURE HAPPENED (give specific object, machinery or "
        "chemical; use reverse side if more space is needed):",
        _lbs(inj.mechanism),
        "18. SUBJECTIVE COMPLAINTS:",
        pick(rng, f"Pain in the {inj.body_part}, worse with activity.",
             f"{_cap(inj.body_part)} pain and stiffness since the incident.",
             "Anxiety, insomnia and tearfulness." if inj.psychological else
             f"Sharp {inj.body_part} pain 7/10."),
        "19. OBJECTIVE FINDINGS: (A) Physical examination:",
        *[f"  - {e}" for e in clin.exam[:4]],
        f"  (B) X-ray and laboratory results: {clin.imaging[-1]}",
        f"20. DIAGNOSIS: {clin.icd_desc}    ICD-10: {clin.icd}",
        "    Chemical or toxic compounds involved? [ ] Yes [x] No",
        "21. Are your findings and diagnosis consistent with the patient's account of injury "
        "or onset of illness? [x] Yes [ ] No",
        "22. Is there any other current condition that will impede or delay the patient's "
        "recovery? " + pick(rng, "No", "Yes - obesity", "Yes - diabetes"),
        f"23. TREATMENT RENDERED: {clin.treatment[0]}; {clin.treatment[1]}",
        "24. If further treatment required, specify treatment plan/estimated duration: "
        + pick(rng, "4-6 weeks", "re-evaluate in 1 week", "6-8 weeks"),
        "25. If hospitalized as inpatient, give hospital name and location: N/A",
        f"26. WORK STATUS - Is patient able to perform usual work? "
        f"{tick(usual)} Yes {tick(not usual)} No",
    ]
    if not usual and cert is not None:
        kind = "Modified work" if cert.capacity == "suitable_duties" else "Off work"
        lines.append(f"    If no, date when patient can return to: Regular work "
                     f"{D(cert.date_to + DAY)}; {kind} {D(cert.date_from)}")
        lines.append("    Specify restrictions: "
                     + "; ".join(_lbs(r) for r in _restrictions(cert, story, rng)))
    lines += [
        "",
        f"Doctor's signature: {doc.name}    CA License Number: "
        f"{rng.choice('AGC')}{rng.randint(10000, 99999)}",
        f"Doctor name and degree: {_dr(doc, 'US')}    IRS number: "
        f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
        f"Address: {_clinic(rng, loc, doc)}, {_address(rng, 'US', 'CA', loc.place)}",
        f"Date: {D(visit)}",
        "Any person who makes or causes to be made any knowingly false or fraudulent material "
        "statement or material representation for the purpose of obtaining or denying workers' "
        "compensation benefits or payments is guilty of a felony.",
        maybe(rng, 0.4, "FORM 5021 (Rev. 7) 2016"),
    ]
    return _Out("form", lines, fields, hard_negative_of="certificate_of_capacity")


@_intl("medical_report", "us_pr2_progress_report")
def us_pr2_progress_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California PR-2 primary treating physician's progress report (SOAP style)."""
    loc = _us(rng, "CA")
    D = loc.D
    doc = _doctor_author(story, spec, story.treating_doctor)
    w, inj = story.worker, story.injury
    clin = _clin(story, "US")
    cert = _latest_cert(story, spec.date)
    cm = story.case_manager_on(spec.date)
    fields = _fields(worker=w.name, author=doc.name, claim_number=story.claim_number,
                     body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    reasons = ["Periodic report (required 45 days after last report)", "Change in treatment plan",
               "Change in work status", "Need for referral or consultation",
               "Request for authorization", "Released from care", "Info requested by"]
    picked = set(rng.sample(range(len(reasons)), 2))
    lines: list[str | None] = [
        "State of California - Division of Workers' Compensation",
        "# PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2)",
        "Check the box(es) which indicate why you are submitting a report at this time:",
        *[f"{tick(i in picked)} {r}" for i, r in enumerate(reasons)],
        "",
        f"Patient: {w.last}, {w.first}",
        f"Date of birth: {D(story.worker_dob)}    Date of injury: {D(inj.date)}",
        f"Occupation: {story.worker_occupation}    Claim number: {story.claim_number}",
        f"Claims administrator: {loc.tpa or loc.insurer}    Adjuster: {cm.name}",
        f"Employer: {_org(story.employer.name, 'US')}",
        "",
        "## Subjective complaints",
        pick(rng, f"Patient reports {inj.body_part} pain is {rng.randint(3, 7)}/10, improved "
                  "with therapy.",
             f"Ongoing {inj.body_part} pain; sleep disturbed; tolerating modified duty.",
             "Persistent symptoms despite therapy; requests stronger medication."),
        "",
        "## Objective findings",
        *[f"- {e}" for e in rng.sample(clin.exam, min(3, len(clin.exam)))],
        "",
        "## Diagnoses",
        f"1. {clin.icd_desc} - ICD-10 {clin.icd}",
        "",
        "## Treatment plan",
        *[f"- {t}" for t in clin.treatment[:3]],
        maybe(rng, 0.5, f"- Request for authorization submitted for {clin.procedure[1]} "
                        f"(CPT {clin.procedure[0]})"),
        "",
        "## Work status",
    ]
    if cert is None:
        lines.append("[ ] Remain off work    [ ] Modified work    [ ] Return to full duty "
                     "- to be determined")
    elif cert.capacity == "none":
        lines.append(f"[x] Remain off work until {D(cert.date_to)}")
    elif cert.capacity == "suitable_duties":
        lines.append(f"[x] Return to modified work on {D(cert.date_from)} with the following "
                     "limitations: " + "; ".join(_lbs(r) for r in cert.restrictions or
                                                 _restrictions(cert, story, rng)))
    else:
        lines.append(f"[x] Return to full duty on {D(cert.date_from)} with no limitations")
    lines += [
        "",
        f"Next appointment: {D(spec.date + rng.choice((14, 21, 28)) * DAY)}",
        "",
        "I declare under penalty of perjury that this report is true and correct to the best "
        "of my knowledge and that I have not violated Labor Code section 139.3.",
        f"Signature: {doc.name}    Executed at: {loc.place.city}, California    Date: "
        f"{D(spec.date)}",
        f"Name: {_dr(doc, 'US')}    Specialty: {_role(doc, 'US')}",
        f"Address: {_address(rng, 'US', 'CA', loc.place)}    Phone: {_phone(rng, 'US', loc.place)}",
    ]
    return _Out("form", lines, fields)


@_intl("medical_report", "uk_nhs_discharge_letter")
def uk_nhs_discharge_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK NHS emergency department / fracture clinic discharge letter to the GP."""
    loc = _uk(rng)
    D = loc.D
    doc = _doctor_author(story, spec, story.specialist)
    gp = story.treating_doctor
    w, inj = story.worker, story.injury
    clin = _clin(story, "UK")
    seen = max(inj.date, min(spec.date, inj.date + rng.randint(0, 3) * DAY))
    trust = f"{loc.place.city} " + pick(rng, "Teaching Hospitals", "University Hospitals",
                                        "and District Hospitals") + " NHS Foundation Trust"
    dept = pick(rng, "Emergency Department", "Fracture Clinic", "Trauma & Orthopaedics",
                "Minor Injuries Unit")
    fields = _fields(worker=w.name, author=doc.name, doc_date=spec.date, body_part=inj.body_part,
                     injury_date=inj.date)
    lines: list[str | None] = [
        trust,
        dept,
        _address(rng, "UK", place=loc.place),
        "",
        pick(rng, "# Discharge Summary", "# Emergency Department Discharge Letter",
             "# Clinic letter"),
        "",
        f"Dr {gp.name}",
        _clinic(rng, loc, gp),
        "",
        f"Date of attendance: {D(seen)}    Date typed: {D(spec.date)}",
        f"Patient: {_formal(w)}    DOB: {D(story.worker_dob)}    NHS No: {_nhs(rng)}",
        f"Hospital No: {rng.choice('RMJK')}{rng.randint(100000, 999999)}",
        "",
        f"Dear Dr {gp.last},",
        "",
        "## Presenting complaint",
        f"Injury at work on {D(inj.date)}: {inj.mechanism}",
        "",
        "## Examination",
        *[f"- {e}" for e in clin.exam[:3]],
        "",
        "## Investigations",
        f"- {rng.choice(clin.imaging)}",
        "",
        "## Diagnosis",
        _diagnosis(story),
        "",
        "## Treatment and medication on discharge (TTO)",
        f"- {clin.treatment[0]}",
        "- " + pick(rng, "Co-codamol 30/500 two tablets QDS PRN",
                                  "Naproxen 500 mg BD with food", "Paracetamol 1 g QDS PRN"),
        "",
        "## Follow-up",
        pick(rng, "Fracture clinic in 1 week.", "GP review in 1-2 weeks.",
             "Physiotherapy referral made.", "No hospital follow-up required."),
        "Fit note: " + pick(rng, "not fit for work for 2 weeks issued",
                            "advised to obtain from GP", "not required"),
        "",
        "Yours sincerely",
        "",
        f"{_dr(doc, 'UK')}",
        pick(rng, "ST4 Trauma & Orthopaedics", "Emergency Medicine Registrar",
             _role(doc, "UK")),
        maybe(rng, 0.5, "cc: Patient"),
    ]
    return _Out("letter", lines, fields)


@_intl("medical_report", "nz_physio_soap_notes")
def nz_physio_soap_notes(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand physiotherapy treatment notes (SOAP) for an ACC claim."""
    loc = _nz(rng)
    D = loc.D
    pt = _author(spec, story.physio)
    if _cat(pt) != "physio":
        pt = story.physio
    w, inj = story.worker, story.injury
    clin = _clin(story, "NZ")
    n = rng.randint(2, 4)
    visits = sorted({max(inj.date, spec.date - rng.randint(0, 20) * DAY) for _ in range(n)})
    fields = _fields(worker=w.name, author=pt.name, claim_number=story.claim_number,
                     body_part=inj.body_part, injury_date=inj.date)
    practice = pick(rng, f"{loc.place.city} Physio", "Motion Physiotherapy",
                    f"{loc.place.city} Sports & Spinal Physiotherapy")
    lines: list[str | None] = [
        f"{practice} - Treatment notes",
        f"Patient: {w.name}    ACC claim: {story.claim_number}    DOI: {D(inj.date)}",
        f"Injury: {_dx_site(story)}",
        f"Treating physio: {pt.name} ({_creds(pt, 'NZ')})",
        "---",
    ]
    first_tx, approved = rng.randint(1, 6), rng.choice((8, 12, 16))
    for i, v in enumerate(visits):
        lines += [
            f"{D(v)} - Tx {first_tx + i} of {approved} (ACC)",
            "S: " + pick(rng, "Pain 5/10, better than last week.",
                                       "Sore after work shift.", "Sleeping better, pain 3/10.",
                                       "Flare-up after lifting at home."),
            f"O: {rng.choice(clin.exam)}",
            "A: " + pick(rng, "Improving as expected.", "Slow progress; consider review.",
                         "Irritable presentation today."),
            "P: " + pick(rng, "Manual therapy, progress HEP, review 1/52.",
                         "Graded loading, review 2/52.", "Dry needling + HEP. RTW plan "
                                                         "discussed."),
            "",
        ]
    lines.append(f"{pt.name}, Physiotherapist")
    if len(visits) == 1 or rng.random() < 0.5:
        fields["doc_date"] = visits[-1]
    return _Out("note", lines, fields)


@_intl("medical_report", "ca_specialist_consultation_letter")
def ca_specialist_consultation_letter(story: ClaimStory, spec: DocSpec,
                                      rng: random.Random) -> _Out:
    """Canadian specialist consultation letter to the family physician, WSIB/WorkSafeBC cc."""
    loc = _ca(rng)
    D = loc.D
    doc = _doctor_author(story, spec, story.specialist)
    gp = story.treating_doctor
    w, inj = story.worker, story.injury
    clin = _clin(story, "CA")
    he, _, his = _pron(story)
    fields = _fields(worker=w.name, author=doc.name, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        _dr(doc, "CA"),
        _role(doc, "CA"),
        _address(rng, "CA", loc.region, loc.place),
        f"Tel {_phone(rng, 'CA', loc.place)}  Fax {_phone(rng, 'CA', loc.place)}",
        "",
        D(spec.date),
        "",
        f"Dr. {gp.name}",
        _clinic(rng, loc, gp),
        "",
        f"RE: {w.last.upper()}, {w.first}    DOB: {D(story.worker_dob)}",
        f"{loc.board} claim: {story.claim_number}" if rng.random() < 0.7 else None,
        "",
        f"Dear Dr. {gp.last}:" if rng.random() < 0.6 else f"Dear {gp.first},",
        "",
        f"Thank you for referring this pleasant {story.worker_occupation.lower()} whom I saw "
        f"today regarding {his} {inj.body_part}.",
        "",
        f"HISTORY: {_history(story, rng, D, 'CA', w.first)}",
        "",
        "EXAMINATION: " + " ".join(e + "." for e in clin.exam[:3]),
        "",
        "INVESTIGATIONS: " + rng.choice(clin.imaging) + ".",
        "",
        f"IMPRESSION: {_diagnosis(story)}.",
        "",
        "PLAN: " + pick(rng, f"I have recommended {clin.treatment[0]} and will see {w.first} "
                             "again in six weeks.",
                        f"{_cap(he)} is a candidate for {clin.procedure[1].lower()}; we "
                        "discussed risks and benefits and {he} wishes to proceed.".replace(
                            "{he}", he),
                        "Conservative management is appropriate; no surgical indication."),
        f"From a work perspective {he} " + pick(
            rng, "may continue modified duties.", "should remain off work for now.",
            "can return to regular duties."),
        "",
        _sign(rng, "CA"),
        "",
        _dr(doc, "CA"),
        f"c.c. {loc.board}" + maybe(rng, 0.5, f"; {_org(story.employer.name, 'CA')} (FAF only)"),
    ]
    if any(line and story.claim_number in line for line in lines):
        fields["claim_number"] = story.claim_number
    return _Out("letter", lines, fields)


# =========================================================================== treatment


def _requester(story: ClaimStory, spec: DocSpec) -> Person:
    who = _author(spec, story.treating_doctor)
    return who if who.title in ("Dr", "A/Prof", "Prof", "Assoc Prof") or _cat(who) in (
        "physio", "psychologist") else story.treating_doctor


def _procedure_request(story: ClaimStory, who: Person) -> tuple[str, str, str]:
    """(service, code, frequency) a requester of this kind would ask for."""
    clin = _clin(story, "US")
    if _cat(who) == "physio":
        return ("Physical therapy - therapeutic exercise and manual therapy", "97110, 97140",
                "2x/week x 6 weeks (12 visits)")
    if _cat(who) == "psychologist" or story.injury.psychological:
        return ("Individual psychotherapy (CBT)", "90837", "weekly x 8 sessions")
    if _cat(who) == "gp" and clin.imaging_cpt[0]:
        return (clin.imaging_cpt[1], clin.imaging_cpt[0], "x1")
    return (clin.procedure[1], clin.procedure[0], "x1, outpatient surgery center")


@_intl("treatment_request", "us_dwc_rfa_form")
def us_dwc_rfa_form(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """California DWC Form RFA (Request for Authorization of medical treatment)."""
    loc = _us(rng, "CA")
    D = loc.D
    who = _requester(story, spec)
    w, inj = story.worker, story.injury
    clin = _clin(story, "US")
    cm = story.case_manager_on(spec.date)
    service, code, freq = _procedure_request(story, who)
    fields = _fields(worker=w.name, author=who.name, claim_number=story.claim_number,
                     employer=_org(story.employer.name, "US"))
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    kind = rng.choices(("new", "resub", "exp"), weights=(6, 2, 1))[0]
    responded = rng.random() < 0.35
    lines: list[str | None] = [
        "State of California, Division of Workers' Compensation",
        "# REQUEST FOR AUTHORIZATION (DWC Form RFA)",
        "Attach the Doctor's First Report of Occupational Injury or Illness, Form DLSR 5021, "
        "or a Treating Physician's Progress Report, DWC Form PR-2, or equivalent narrative "
        "report substantiating the requested treatment.",
        "",
        f"{tick(kind == 'new')} New Request    {tick(kind == 'resub')} Resubmission - Change "
        f"in Material Facts    {tick(kind == 'exp')} Expedited Review: Check box if employee "
        "faces an imminent and serious threat to his or her health",
        "",
        "## Employee information",
        f"Name (Last, First, Middle): {w.last}, {w.first}",
        f"Date of injury: {D(inj.date)}    Date of birth: {D(story.worker_dob)}",
        f"Claim number: {story.claim_number}    Employer: {_org(story.employer.name, 'US')}",
        "",
        "## Requesting physician information",
        f"Name: {_dr(who, 'US')}",
        f"Practice name: {_clinic(rng, loc, who)}",
        f"Address: {_address(rng, 'US', 'CA', loc.place)}",
        f"Phone: {_phone(rng, 'US', loc.place)}    Fax: {_phone(rng, 'US', loc.place)}",
        f"Specialty: {_role(who, 'US')}    NPI number: {rng.randint(1000000000, 1999999999)}",
        "",
        "## Claims administrator information",
        f"Company name: {loc.tpa or loc.insurer}    Contact: {cm.name}",
        f"Address: {_address(rng, 'US', 'CA')}    Fax: {_phone(rng, 'US', loc.place)}",
        "",
        "## Requested treatment",
        "| Diagnosis | ICD-Code | Service/Good Requested | CPT/HCPCS Code | Other Information |",
        f"| {clin.icd_desc} | {clin.icd} | {service} | {code} | {freq} |",
    ]
    if rng.random() < 0.4:
        lines.append(f"| {clin.icd_desc} | {clin.icd} | Follow-up office visit | 99214 | "
                     "x1 in 4 weeks |")
    lines += [
        "",
        f"Requesting physician signature: {who.name}    Date: {D(spec.date)}",
        "",
        "## Claims Administrator/Utilization Review Organization (URO) Response",
        f"{tick(responded)} Approved  [ ] Denied or modified (see separate decision letter)  "
        "[ ] Delay (see separate notification of delay)",
        "[ ] Requested treatment has been previously denied  [ ] Liability for treatment is "
        "disputed",
        f"Authorization number: {'A' + str(rng.randint(100000, 999999)) if responded else ''}"
        f"    Authorized by: {cm.name if responded else ''}",
        "DWC Form RFA (Effective 1/2014)",
    ]
    return _Out("form", lines, fields)


@_intl("treatment_request", "us_ur_determination_letter")
def us_ur_determination_letter(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US utilization review determination on a treatment request (certified/modified/denied)."""
    loc = _us(rng, rng.choice(("CA", "CA", "TX")))
    D = loc.D
    who = _requester(story, spec)
    reviewer = story.ime_examiner
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    clin = _clin(story, "US")
    service, code, freq = _procedure_request(story, who)
    outcome = rng.choice(("CERTIFIED", "MODIFIED", "NON-CERTIFIED", "NON-CERTIFIED"))
    received = spec.date - rng.randint(2, 5) * DAY
    uro = pick(rng, "Summit Utilization Review, Inc.", "Pacific Medical Review Services",
               "Cornerstone UR Partners", "ClearPath Review Organization")
    fields = _fields(worker=w.name, author=reviewer.name, claim_number=story.claim_number)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    guide = ("MTUS/ACOEM guidelines" if loc.region == "CA" else
             "ODG (Official Disability Guidelines), as adopted by the Division")
    rationale = {
        "CERTIFIED": f"The request is consistent with {guide}. Documentation supports medical "
                     "necessity.",
        "MODIFIED": f"{guide} support an initial trial of 6 visits with documented functional "
                    "improvement before further visits. The request is modified to 6 visits.",
        "NON-CERTIFIED": f"Criteria in the {guide} are not met. There is no documentation "
                         "of failed conservative care for at least 6 weeks, and no objective "
                         "neurological deficit is documented.",
    }[outcome]
    lines: list[str | None] = [
        uro,
        f"On behalf of {loc.tpa or loc.insurer}",
        "",
        D(spec.date),
        "",
        f"To: {_dr(who, 'US', creds=False)} (requesting provider); {w.name} (employee); "
        f"{cm.name} (claims adjuster)",
        "",
        pick(rng, "# NOTICE OF UTILIZATION REVIEW DETERMINATION", "# Utilization Review "
             "Decision", "# UR DETERMINATION - PROSPECTIVE REVIEW"),
        "",
        f"Employee: {w.name}    Claim #: {story.claim_number}    DOI: {D(inj.date)}",
        f"Request received: {D(received)}    Type: Prospective",
        "",
        "| Requested treatment | Code | Quantity | Determination |",
        f"| {service} | {code} | {freq} | {outcome} |",
        "",
        "## Clinical summary",
        f"{_cap(inj.body_part)} injury on {D(inj.date)}; diagnosis {clin.icd} {clin.icd_desc}. "
        + pick(rng, "Treated with medication and therapy with partial improvement.",
               "Persistent pain despite conservative care.", "Limited records provided."),
        "",
        "## Rationale",
        rationale,
        "",
        "## Physician reviewer",
        f"{_dr(reviewer, 'US')}, board certified in {_role(reviewer, 'US')}. "
        + maybe(rng, 0.6, f"Peer-to-peer attempted with {who.name} on {D(received + DAY)}; "
                          + pick(rng, "no response.", "discussed; no change.",
                                 "left message.")),
        "",
    ]
    if outcome != "CERTIFIED":
        if loc.region == "CA":
            lines.append("If you disagree with this decision you may request Independent "
                         "Medical Review (IMR) by signing and returning the enclosed "
                         "Application for IMR (DWC Form IMR) within 30 days.")
        else:
            lines.append("You may request reconsideration of this decision. If denied on "
                         "reconsideration, you may request review by an Independent Review "
                         "Organization (IRO).")
    lines += [
        "",
        f"Authorization #: UR{rng.randint(1000000, 9999999)}",
        maybe(rng, 0.5, "This decision is about medical necessity only and is not a decision "
                        "on liability for the claim."),
    ]
    return _Out("letter", lines, fields, hard_negative_of="liability_notice")


@_intl("treatment_request", "nz_acc32_prior_approval")
def nz_acc32_prior_approval(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC32 request for prior approval of treatment (surgery/specialist)."""
    loc = _nz(rng)
    D = loc.D
    who = _requester(story, spec)
    if _cat(who) == "gp":
        who = story.specialist
    w, inj = story.worker, story.injury
    clin = _clin(story, "NZ")
    service = (clin.procedure[1] if not inj.psychological else
               "Psychological treatment (12 sessions)")
    cost = rng.choice((2800, 4500, 8900, 12500, 16800))
    fields = _fields(worker=w.name, author=who.name, claim_number=story.claim_number,
                     doc_date=spec.date, injury_date=inj.date, body_part=inj.body_part)
    lines: list[str | None] = [
        pick(rng, "# ACC32 Request for prior approval", "# Request for prior approval of "
             "treatment (ACC32)"),
        "",
        "## Client",
        f"Name: {w.name}    DOB: {D(story.worker_dob)}    NHI: {_nhi(rng)}",
        f"Claim number: {story.claim_number}    Date of injury: {D(inj.date)}",
        f"Covered injury: {_dx_site(story)}",
        "",
        "## Requesting provider",
        f"{_dr(who, 'NZ')}, {_role(who, 'NZ')}",
        f"{_address(rng, 'NZ', place=loc.place)}    Provider ID: "
        f"{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}",
        "",
        "## Treatment requested",
        f"Procedure: {service}",
        "Facility: " + pick(rng, f"{loc.place.city} Surgical Hospital",
                            "Private day surgery unit", "Public hospital (ESPI)"),
        f"Proposed date: {D(spec.date + rng.choice((21, 35, 49)) * DAY)}",
        f"Estimated cost (excl. GST): {loc.money(cost)}",
        "",
        "## Clinical rationale",
        "The need for this treatment is caused by the covered injury. "
        + pick(rng, f"{clin.imaging[0]}.", "Failed 12 weeks of conservative management.",
               "Ongoing mechanical symptoms are limiting return to work.")
        + " " + pick(rng, "There is no significant pre-existing pathology.",
                     "Degenerative change is present but was asymptomatic before the "
                     "accident."),
        "",
        "Attachments: " + ", ".join(rng.sample(["specialist report", "MRI report",
                                                "X-ray report", "GP referral",
                                                "physiotherapy discharge"], 2)),
        "",
        f"Signed: {who.name}    Date: {D(spec.date)}",
        "",
        "ACC use only: [ ] Approved  [ ] Declined  [ ] More information required",
    ]
    return _Out("form", lines, fields)


@_intl("treatment_request", "ca_treatment_extension_request")
def ca_treatment_extension_request(story: ClaimStory, spec: DocSpec,
                                   rng: random.Random) -> _Out:
    """Canadian physiotherapy progress report requesting further treatment (WSIB/WorkSafeBC)."""
    loc = _ca(rng)
    D = loc.D
    who = _author(spec, story.physio)
    if _cat(who) != "physio":
        who = story.physio
    w, inj = story.worker, story.injury
    on = loc.region == "ON"
    done = rng.randint(6, 16)
    more = rng.choice((4, 6, 8))
    fields = _fields(worker=w.name, author=who.name, claim_number=story.claim_number,
                     body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        loc.board,
        pick(rng, "# Physiotherapy Progress Report - Request for Extension",
             "# Request for Additional Treatment" if on else "# Physiotherapy Progress Report",
             "# Health Professional's Progress Report"),
        "",
        f"Worker: {w.last}, {w.first}    Claim number: {story.claim_number}",
        f"Date of injury: {D(inj.date)}    Report date: {D(spec.date)}",
        "Clinic: " + pick(rng, f"{loc.place.city} Physiotherapy & Rehab",
                          "Kinetic Health Clinic", "Active Recovery Physio"),
        f"Treating physiotherapist: {who.name}, {_creds(who, 'CA')}",
        "",
        "## Status",
        f"Diagnosis: {_dx_site(story)}",
        f"Treatments to date: {done}",
        "Functional progress: " + pick(rng, "range of motion improved 30%; lifting tolerance "
                                            "10 kg", "pain reduced from 7/10 to 4/10",
                                       "plateau over the last two weeks"),
        f"Current work status: {_work_status(story, spec.date, 'CA')}",
        "",
        "## Request",
        f"I request approval for {more} additional treatments over {more // 2} weeks.",
        "Goals: " + pick(rng, "return to full duties; independent home program",
                         "increase lifting tolerance to 20 kg; full shift tolerance",
                         "reduce pain and complete graduated RTW"),
        "Planned interventions: " + ", ".join(rng.sample(["therapeutic exercise",
                                                          "manual therapy", "education",
                                                          "work simulation", "taping"], 3)),
        "",
        f"Signature: {who.name}    Registration #: {rng.randint(10000, 99999)}",
        "",
        f"{loc.board} use: [ ] Approved  [ ] Not approved  Case manager: ________",
    ]
    if on and rng.random() < 0.5:
        poc = {"back": "Low Back", "shoulder": "Shoulder"}.get(_region(story),
                                                               "Musculoskeletal")
        lines.insert(9, f"Program of Care: {poc} POC - block 2")
    return _Out("form", lines, fields)


# =========================================================================== rehab

_ONET = (("Dispatcher", "43-5032.00", "Sedentary"), ("Production, planning and expediting clerk",
                                                     "43-5061.00", "Sedentary"),
         ("Security guard", "33-9032.00", "Light"), ("Customer service representative",
                                                     "43-4051.00", "Sedentary"),
         ("Inventory clerk", "43-5081.00", "Light"), ("Parking attendant", "53-6021.00", "Light"),
         ("Cashier", "41-2011.00", "Light"), ("Receptionist", "43-4171.00", "Sedentary"))
_ANZSCO = (("Receptionist (General)", "542111"), ("Call or Contact Centre Operator", "541112"),
           ("Stock Clerk", "591117"), ("Retail Supervisor", "621511"),
           ("Security Officer", "442217"), ("Courier (light parcels)", "732111"),
           ("Production Clerk", "591113"), ("Customer Service Manager", "149212"))


@_intl("rehab_report", "us_vocational_rehab_evaluation")
def us_vocational_rehab_evaluation(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US vocational rehabilitation counselor's initial evaluation with TSA and labor market."""
    loc = _us(rng)
    D = loc.D
    vrc = story.rehab_consultant
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    he, _, his = _pron(story)
    jobs = rng.sample(_ONET, 3)
    fields = _fields(worker=w.name, author=vrc.name, claim_number=story.claim_number,
                     case_manager=cm.name, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    creds = pick(rng, "MS, CRC", "MA, CRC, LPC", "CRC, ABVE/D", "QRC")
    lines: list[str | None] = [
        f"{_org(story.rehab_provider.name, 'US')} - Vocational Services",
        _address(rng, "US", loc.region, loc.place),
        "",
        pick(rng, "# INITIAL VOCATIONAL EVALUATION", "# Vocational Rehabilitation Report",
             "# Vocational Assessment and Transferable Skills Analysis"),
        "",
        f"Claimant: {_wname(story, rng, us=True)}    Claim #: {story.claim_number}",
        f"DOI: {D(inj.date)}    Referral source: {cm.name}, {loc.tpa or loc.insurer}",
        f"Date of report: {D(spec.date)}    Counselor: {vrc.name}, {creds}",
        "",
        "## Reason for referral",
        pick(rng, "Claimant is unable to return to the usual and customary occupation and the "
                  "employer cannot accommodate permanent restrictions.",
             "Evaluate vocational feasibility and identify alternative employment.",
             "Assist with return to work within permanent restrictions."),
        "",
        "## Medical status",
        f"Injury to the {inj.body_part} ({_diagnosis(story)}). Work restrictions: "
        + "; ".join(_lbs(r) for r in _restrictions(_latest_cert(story, spec.date), story, rng))
        + ".",
        "",
        "## Background",
        f"Education: {pick(rng, 'High school diploma', 'GED', 'Some college', '10th grade')}. "
        f"Languages: {pick(rng, 'English', 'English and Spanish', 'Vietnamese, limited English')}."
        f" Computer skills: {pick(rng, 'basic', 'none', 'moderate (email, spreadsheets)')}.",
        f"Work history: {story.worker_occupation} for {_org(story.employer.name, 'US')} "
        f"({rng.randint(2, 12)} years); prior work as "
        + pick(rng, "a delivery driver", "a cashier", "a laborer", "a cook") + ".",
        "",
        "## Transferable skills analysis",
        "| Occupation | O*NET-SOC | Strength | Median wage |",
        *[f"| {t} | {c} | {s} | {loc.money(rng.uniform(16, 24))}/hr |" for t, c, s in jobs],
        "",
        "## Labor market survey",
        f"{rng.randint(6, 12)} employers contacted in the {loc.place.city} area; "
        f"{rng.randint(2, 6)} current openings within restrictions. Entry wages "
        f"{loc.money(rng.uniform(15, 18))} to {loc.money(rng.uniform(19, 25))} per hour.",
        "",
        "## Recommendations",
        *[f"{i}. {r}" for i, r in enumerate([
            f"Vocational goal: {jobs[0][0]}.",
            pick(rng, "Short-term computer skills training (8 weeks).",
                 "Direct job placement assistance for 90 days.",
                 "Supplemental Job Displacement Benefit voucher ($6,000) for retraining."
                 if loc.region == "CA" else "On-the-job training with wage subsidy."),
            f"Meet with {w.first} weekly; submit progress reports every 30 days.",
        ], start=1)],
        "",
        f"{vrc.name}, {creds}",
        "Vocational Rehabilitation Counselor",
    ]
    return _Out("report", lines, fields)


@_intl("rehab_report", "uk_immediate_needs_assessment")
def uk_immediate_needs_assessment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK Rehabilitation Code 2015 Immediate Needs Assessment by a case manager."""
    loc = _uk(rng)
    D = loc.D
    cmgr = story.rehab_consultant
    w, inj = story.worker, story.injury
    firm = _firm(story, "UK")
    seen = max(inj.date, spec.date - rng.randint(2, 10) * DAY)
    he, _, his = _pron(story)
    recs = rng.sample([
        ("Private physiotherapy (assessment + 6 sessions)", 480.0),
        ("Psychological assessment (CBT therapist)", 350.0),
        ("Case management (10 hours)", 950.0),
        ("Perching stool and long-handled reacher", 85.0),
        ("Taxi fares to treatment (est.)", 120.0),
        ("Workplace assessment and phased return plan", 420.0)], 3)
    fields = _fields(worker=w.name, author=cmgr.name, doc_date=spec.date, injury_date=inj.date,
                     body_part=inj.body_part)
    lines: list[str | None] = [
        _org(story.rehab_provider.name, "UK"),
        pick(rng, "# Immediate Needs Assessment Report", "# INA Report - Rehabilitation Code "
             "2015", "# Immediate Needs Assessment"),
        "",
        f"Client: {_formal(w)}    DOB: {D(story.worker_dob)}",
        f"Date of accident: {D(inj.date)}    Date of assessment: {D(seen)} "
        f"({pick(rng, 'home visit', 'telephone', 'video call')})",
        f"Instructed by: {pick(rng, firm, loc.insurer)} "
        f"{pick(rng, '(joint instruction)', '(claimant representative)', '')}".rstrip(),
        f"Case manager: {cmgr.name}, "
        + pick(rng, "Occupational Therapist (HCPC)", "RGN", "BSc Physiotherapy (HCPC)"),
        f"Report date: {D(spec.date)}",
        "",
        "This assessment was carried out under the Rehabilitation Code 2015. The report is "
        "outside the litigation process and may not be used in the claim except by agreement.",
        "",
        "## 1. Injuries and treatment to date",
        f"{_dx_site(story)} following an accident at work: {inj.mechanism}",
        "",
        "## 2. Current presentation",
        pick(rng, f"{_cap(he)} reports poor sleep, flashbacks and low mood."
             if inj.psychological else f"{_cap(he)} reports constant pain, poor sleep and "
                                       "low mood.",
             f"{_cap(he)} is managing personal care independently but needs help with "
             "shopping and housework.",
             f"{_cap(he)} is anxious about returning to work."),
        "",
        "## 3. Employment",
        f"{story.worker_occupation} with {_org(story.employer.name, 'UK')}. "
        + pick(rng, "Currently off work with a fit note.", "On a phased return.",
               "Employer is supportive of amended duties."),
        "",
        "## 4. Immediate needs and recommendations",
        "| Recommendation | Estimated cost |",
        *[f"| {r} | {loc.money(c)} |" for r, c in recs],
        f"| Total | {loc.money(sum(c for _, c in recs))} |",
        "",
        "## 5. Goals",
        f"- Return to {his} pre-accident role within {rng.choice((6, 8, 12))} weeks",
        "- Independence with daily activities",
        "",
        f"{cmgr.name}",
        "Case Manager",
    ]
    return _Out("report", [x for x in lines if x is not None], fields)


@_intl("rehab_report", "nz_vocational_independence_assessment")
def nz_vocational_independence_assessment(story: ClaimStory, spec: DocSpec,
                                          rng: random.Random) -> _Out:
    """New Zealand ACC vocational independence occupational assessment (work types)."""
    loc = _nz(rng)
    D = loc.D
    oa = story.rehab_consultant
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    types = rng.sample(_ANZSCO, rng.randint(3, 5))
    seen = max(inj.date, spec.date - rng.randint(3, 12) * DAY)
    fields = _fields(worker=w.name, author=oa.name, claim_number=story.claim_number,
                     case_manager=cm.name, doc_date=spec.date)
    lines: list[str | None] = [
        pick(rng, "# Vocational Independence Occupational Assessment",
             "# Initial Occupational Assessment (VI)", "# Occupational Assessment Report"),
        f"Prepared for: {cm.name}, ACC",
        f"Client: {w.name}    Claim number: {story.claim_number}",
        f"Assessment date: {D(seen)}    Report date: {D(spec.date)}",
        f"Occupational assessor: {oa.name}, "
        + pick(rng, "NZROT", "Registered Occupational Therapist", "Vocational Consultant"),
        "",
        "## Background",
        f"Covered injury: {_dx_site(story)} on {D(inj.date)}.",
        f"Pre-injury occupation: {story.worker_occupation}. Education: "
        + pick(rng, "NCEA Level 2", "School Certificate", "NZ Certificate in Warehousing",
               "Trade certificate") + ".",
        "Skills identified: " + ", ".join(rng.sample(["customer service", "stock control",
                                                      "forklift licence (F endorsement)",
                                                      "basic computer use", "team leadership",
                                                      "cash handling", "time management"], 4)),
        "",
        "## Work types identified",
        "| Work type | ANZSCO | Skills match |",
        *[f"| {t} | {c} | {pick(rng, 'Good', 'Good', 'Some training needed')} |"
          for t, c in types],
        "",
        "## Comment",
        "These work types are considered suitable given the client's education, training and "
        "experience. Medical sustainability will be determined by the vocational "
        "independence medical assessor.",
        "",
        oa.name,
        _org(story.rehab_provider.name, "NZ"),
    ]
    fields["injury_date"] = inj.date
    return _Out("report", [x for x in lines if x is not None], fields)


@_intl("rehab_report", "ca_job_site_analysis_rtw_plan")
def ca_job_site_analysis_rtw_plan(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian rehab provider's job demands analysis with a proposed graduated RTW plan."""
    loc = _ca(rng)
    D = loc.D
    kin = story.rehab_consultant
    w, inj = story.worker, story.injury
    emp = _org(story.employer.name, "CA")
    visit = max(inj.date, spec.date - rng.randint(1, 7) * DAY)
    start = spec.date + rng.choice((3, 7)) * DAY
    fields = _fields(worker=w.name, author=kin.name, employer=emp, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    demands = [("Lifting floor to waist", pick(rng, "Occasional", "Frequent"), "up to 23 kg"),
               ("Carrying", pick(rng, "Occasional", "Frequent"), "up to 15 kg, 10 m"),
               ("Standing", "Constant", "8 h shift, concrete floor"),
               ("Bending/stooping", pick(rng, "Occasional", "Frequent"), "picking from low "
                                                                         "shelves"),
               ("Reaching above shoulder", pick(rng, "Rare", "Occasional"), "top racking"),
               ("Keyboard/computer", pick(rng, "Rare", "Occasional"), "scanner entry")]
    lines: list[str | None] = [
        _org(story.rehab_provider.name, "CA"),
        pick(rng, "# Job Demands Analysis and Return to Work Plan",
             "# Job Site Analysis & Graduated RTW Recommendations",
             "# Ergonomic Job Site Assessment"),
        "",
        f"Worker: {w.name}    Claim: {story.claim_number}    Employer: {emp}",
        f"Site visit: {D(visit)} at {_address(rng, 'CA', loc.region, loc.place)}",
        f"Assessor: {kin.name}, "
        + (pick(rng, "R.Kin", "OT Reg. (Ont.)", "Registered Kinesiologist")
           if loc.region == "ON" else pick(rng, "Kinesiologist (BCAK)", "OT (BC)")),
        f"Present: {story.employer_contact.name} "
        f"({_jobrole(story.employer_contact, 'CA', 'supervisor')})"
        f", {w.first}",
        "",
        "## Job demands",
        "| Demand | Frequency | Detail |",
        *[f"| {a} | {b} | {c} |" for a, b, c in rng.sample(demands, 5)],
        "",
        "## Worker's current abilities",
        f"Per the latest functional information: {_work_status(story, spec.date, 'CA')}. "
        + "; ".join(_restrictions(_latest_cert(story, spec.date), story, rng)) + ".",
        "",
        "## Recommended graduated return to work",
        "| Week | Starting | Hours/day | Tasks |",
    ]
    for k in range(3):
        lines.append(f"| {k + 1} | {D(start + 7 * k * DAY)} | {4 + 2 * k} | "
                     + pick(rng, "scanning, labelling, light picking", "inventory counts",
                            "training new staff", "regular duties excluding heavy lifts")
                     + " |")
    lines += [
        "",
        "Ergonomic recommendations: " + ", ".join(rng.sample([
            "anti-fatigue matting", "lift assist/vacuum lifter", "relocate heavy stock to "
            "waist height", "job rotation every 2 hours", "sit-stand option"], 2)) + ".",
        f"Plan reviewed with the employer and worker; copy sent to {loc.board} for approval.",
        "",
        f"{kin.name}",
    ]
    D.put(fields, "injury_date", inj.date)
    return _Out("report", lines, fields, hard_negative_of="injury_management_plan")


# =========================================================================== investigation


def _activities(story: ClaimStory, rng: random.Random, us: bool) -> list[str]:
    he, _, his = _pron(story)
    load = "a 40 lb bag of dog food" if us else "a large bag of compost"
    acts = [
        "Subject exited the residence and walked to a "
        + pick(rng, "gray sedan", "white pickup", "blue SUV") + " without apparent difficulty.",
        "Subject drove to a "
        + pick(rng, "grocery store", "hardware store", "gas station") + ".",
        f"Subject carried {load} from the store to the vehicle and lifted it into the trunk.",
        "Subject was observed bending at the waist to load items; no guarding was observed.",
        f"Subject was observed wearing a brace on {his} {story.injury.body_part}."
        if not story.injury.psychological else "Subject met two adults at a cafe for 45 "
                                               "minutes.",
        "No activity observed; vehicle remained in the driveway.",
        "Subject mowed the front lawn for approximately 20 minutes.",
        "Subject walked slowly with a noticeable limp to the mailbox and returned inside.",
    ]
    return acts


@_intl("investigation_report", "us_subrosa_surveillance_report")
def us_subrosa_surveillance_report(story: ClaimStory, spec: DocSpec,
                                   rng: random.Random) -> _Out:
    """US sub rosa surveillance report with a time-stamped activity log per day."""
    loc = _us(rng)
    D = loc.D
    inv = story.investigator
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    firm = _org(story.investigation_firm.name, "US")
    days = sorted({max(inj.date, spec.date - rng.randint(1, 14) * DAY) for _ in range(3)})
    acts = _activities(story, rng, True)
    video = 0
    fields = _fields(worker=w.name, author=inv.name, claim_number=story.claim_number,
                     case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        firm,
        f"{_address(rng, 'US', loc.region, loc.place)}  |  {loc.state} PI License "
        f"#{rng.randint(10000, 99999)}",
        "",
        pick(rng, "# SURVEILLANCE REPORT", "# Activity Check / Sub Rosa Surveillance Report",
             "# Investigative Report - Surveillance"),
        "",
        f"Client: {loc.tpa or loc.insurer}    Attn: {cm.name}",
        f"Claimant: {_wname(story, rng, us=True)}    Claim #: {story.claim_number}",
        f"DOI: {D(inj.date)}    Alleged injury: {inj.body_part}",
        f"Report date: {D(spec.date)}    Investigator: {inv.name}",
        "",
        "## Assignment",
        pick(rng, "Obtain video of claimant's activities to compare with reported restrictions.",
             "Two-day activity check; confirm residence and employment status.",
             "Surveillance requested following inconsistent statements."),
        "",
    ]
    for day in days:
        lines += [f"## {D(day)}", f"Weather: {pick(rng, 'clear', 'overcast', 'light rain')}. "
                                  "Surveillance established at residence.",
                  "| Time | Observation |"]
        t = rng.randint(6, 8) * 60 + rng.randint(0, 59)
        for act in rng.sample(acts, rng.randint(2, 4)):
            t += rng.randint(20, 150)
            hh, mm = divmod(t, 60)
            lines.append(f"| {hh % 12 or 12}:{mm:02d} {'AM' if hh < 12 else 'PM'} | {act} |")
        mins = rng.randint(0, 25)
        video += mins
        lines += [f"Video obtained: {mins} minutes.", ""]
    lines += [
        "## Summary",
        f"Total video: {video} minutes over {len(days)} day(s). "
        + pick(rng, "Activities observed appear inconsistent with the reported restrictions.",
               "Claimant's observed activities were consistent with the reported injury.",
               "Limited activity observed; no conclusions can be drawn."),
        "",
        f"Respectfully submitted, {inv.name}",
        maybe(rng, 0.5, "This report is confidential and prepared at the request of counsel/the "
                        "carrier in anticipation of litigation."),
    ]
    return _Out("report", lines, fields)


@_intl("investigation_report", "us_recorded_statement_summary")
def us_recorded_statement_summary(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US adjuster/investigator recorded statement: transcript excerpt and summary."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    taker = pick(rng, "adjuster", "investigator")
    who = cm if taker == "adjuster" else story.investigator
    when = max(inj.date, spec.date - rng.randint(0, 5) * DAY)
    he, _, his = _pron(story)
    fields = _fields(worker=w.name, author=who.name, claim_number=story.claim_number)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    qa = [
        (f"This is {who.name} with {loc.tpa or loc.insurer}. Today is {D(when)}. I am speaking "
         f"with {w.name} by telephone. This call is being recorded; do I have your permission?",
         "Yes."),
        ("Please state your name and date of birth.", f"{w.name}, {D(story.worker_dob)}."),
        ("Who is your employer and what is your job?",
         f"{_org(story.employer.name, 'US').rstrip('.')}. I'm a "
         f"{story.worker_occupation.lower()}."),
        ("Tell me in your own words what happened.", _lbs(inj.mechanism)),
        ("Did anyone see it happen?", pick(rng, "No, I was by myself.",
                                           "My lead was nearby.", "I'm not sure.")),
        ("When did you report it and to whom?",
         f"Right away, to {story.employer_contact.first}." if rng.random() < 0.7 else
         "The next morning."),
        (f"Have you ever injured your {inj.body_part} before?",
         pick(rng, "No, never.", "Years ago, but it got better.", "Not at work.")),
        ("Are you working anywhere else?", pick(rng, "No.", "No, just this job.")),
        ("Is there anything else you want to add?", "No."),
    ]
    lines: list[str | None] = [
        pick(rng, "# RECORDED STATEMENT", "# Recorded Statement - Summary and Transcript",
             "# Claimant Recorded Statement"),
        f"Claim #: {story.claim_number}    Claimant: {w.name}    DOI: {D(inj.date)}",
        f"Statement taken by: {who.name} ({taker})    Date: {D(when)}    Duration: "
        f"{rng.randint(9, 28)} min",
        "",
        "## Summary",
        f"Claimant states {he} was injured on {D(inj.date)} while working as a "
        f"{story.worker_occupation.lower()}. Account is "
        + pick(rng, "consistent with the First Report of Injury.",
               "generally consistent with the employer's report; minor differences in time.",
               "inconsistent with the supervisor's account regarding when it was reported.")
        + " No prior injuries reported. No concurrent employment.",
        "",
        "## Transcript excerpt",
    ]
    for q, a in qa[: rng.randint(6, len(qa))]:
        lines += [f"Q: {q}", f"A: {a}"]
    lines += ["", "End of recording.", maybe(rng, 0.5, f"Transcribed {D(spec.date)}.")]
    return _Out("report", lines, fields)


@_intl("investigation_report", "uk_loss_adjuster_report")
def uk_loss_adjuster_report(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK loss adjuster's preliminary report to an employers' liability insurer."""
    loc = _uk(rng)
    D = loc.D
    adj = story.investigator
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    firm = rng.choice(_UK_ADJUSTERS)
    emp = _org(story.employer.name, "UK")
    visit = max(inj.date, spec.date - rng.randint(3, 14) * DAY)
    gd = rng.choice((4500, 7500, 12000, 18500, 27000))
    sd = rng.choice((1200, 2500, 4800, 9000))
    regs = ("Manual Handling Operations Regulations 1992" if "lift" in inj.mechanism.lower()
            else pick(rng, "Workplace (Health, Safety and Welfare) Regulations 1992",
                      "Provision and Use of Work Equipment Regulations 1998",
                      "Management of Health and Safety at Work Regulations 1999"))
    view = pick(rng, "indefensible", "defensible", "borderline; a 25% contributory negligence "
                                                   "argument is available")
    fields = _fields(worker=w.name, author=adj.name, claim_number=story.claim_number,
                     employer=emp, doc_date=spec.date, injury_date=inj.date,
                     case_manager=cm.name)
    lines: list[str | None] = [
        firm,
        "Chartered Loss Adjusters",
        "",
        pick(rng, "# PRELIMINARY REPORT", "# Report - Employers' Liability Claim",
             "# Liability Investigation Report"),
        "",
        f"| Insurer | {loc.insurer} |",
        f"| For the attention of | {cm.name} |",
        f"| Your ref | {story.claim_number} |",
        f"| Our ref | {firm.split()[0][:3].upper()}/{rng.randint(10000, 99999)} |",
        f"| Policyholder | {emp} |",
        f"| Claimant | {w.name} |",
        f"| Date of accident | {D(inj.date)} |",
        f"| Date of report | {D(spec.date)} |",
        "",
        "## 1. Summary",
        f"Claimant alleges {inj.nature} to the {inj.body_part}. Liability is in our view "
        f"{view}. We recommend a reserve of {loc.money(gd + sd + 6000)} inclusive of costs.",
        "",
        "## 2. Enquiries",
        f"We attended the policyholder's premises on {D(visit)} and met "
        f"{story.employer_contact.name} ({_jobrole(story.employer_contact, 'UK', 'manager')}).",
        "Documents obtained: " + ", ".join(rng.sample([
            "accident book entry", "RIDDOR report", "manual handling risk assessment",
            "training records", "CCTV stills", "witness statements", "maintenance log",
            "personnel file"], 4)) + ".",
        "",
        "## 3. Circumstances",
        inj.mechanism,
        "",
        "## 4. Liability",
        f"The relevant statutory duty is under the {regs}. "
        + pick(rng, "The risk assessment was generic and had not been reviewed for two years.",
               "Training records confirm the claimant attended manual handling training.",
               "There were no previous similar incidents recorded."),
        "",
        "## 5. Quantum",
        f"General damages: {loc.money(gd)} (Judicial College Guidelines bracket)",
        f"Special damages (loss of earnings, care, travel): {loc.money(sd)}",
        "CRU: to be confirmed",
        "",
        "## 6. Recommendations",
        *[f"- {r}" for r in rng.sample([
            "Request the claimant's GP records before a medical report is obtained.",
            "Consider an early Part 36 offer once the medical evidence is received.",
            "Offer rehabilitation under the Rehabilitation Code.",
            "Obtain signed statements from the supervisor and two co-workers.",
            "Preserve the CCTV footage."], 3)],
        "",
        f"{adj.name}",
        f"{pick(rng, 'ACII', 'Cert CII', 'FCILA', 'ACILA')}, Loss Adjuster",
    ]
    return _Out("report", lines, fields)


@_intl("investigation_report", "ca_factual_claim_investigation")
def ca_factual_claim_investigation(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian factual investigation of a contested claim: interviews and findings."""
    loc = _ca(rng)
    D = loc.D
    inv = story.investigator
    w, inj, ec = story.worker, story.injury, story.employer_contact
    emp = _org(story.employer.name, "CA")
    firm = _org(story.investigation_firm.name, "CA")
    he, _, his = _pron(story)
    fields = _fields(worker=w.name, author=inv.name, employer=emp, claim_number=story.claim_number)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    interviews = [
        (w.name, "worker", f"Confirmed the account: {inj.mechanism}"),
        (ec.name, _jobrole(ec, "CA", "supervisor"),
         pick(rng, "Was informed the same day; no concerns about the report.",
              f"Says {w.first} reported the injury two days later.",
              "Did not witness the incident but saw the worker in pain afterwards.")),
        ("Co-worker (name withheld)", "co-worker",
         pick(rng, "Heard the worker call out and helped move the load.",
              "Did not see the incident.", "Recalls the worker mentioning a sore back before "
                                            "the shift.")),
    ]
    lines: list[str | None] = [
        firm,
        pick(rng, "# Factual Investigation Report", "# Claim Investigation - Findings Report",
             "# Workplace Injury Investigation"),
        "",
        f"Requested by: {pick(rng, emp, loc.board, _firm(story, 'CA'))}",
        f"Claim: {story.claim_number}    Worker: {w.name}",
        f"Accident date: {D(inj.date)}    Report date: {D(spec.date)}",
        f"Investigator: {inv.name}",
        "",
        "## Scope",
        "Establish the circumstances of the reported incident, whether it was witnessed and "
        "when it was reported, and obtain relevant records.",
        "",
        "## Interviews",
    ]
    for name, role, said in interviews[: rng.randint(2, 3)]:
        lines += [f"**{name} ({role})**".replace("**", ""), said, ""]
    lines += [
        "## Records reviewed",
        "- " + "\n- ".join(rng.sample(["time and attendance records", "first aid log",
                                       "Form 7", "incident report", "CCTV (none available)",
                                       "job description"], 3)),
        "",
        "## Findings",
        pick(rng, "The evidence supports that the incident occurred as described.",
             "There are inconsistencies about when the injury was reported; no witness saw "
             "the incident.",
             "The worker's account is consistent across all interviews and records."),
        "",
        "This report contains facts only; it makes no recommendation on entitlement.",
        "",
        inv.name,
    ]
    return _Out("report", lines, fields)


# =========================================================================== file notes


@_intl("file_note", "us_claim_notes_export")
def us_claim_notes_export(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US claims system notes export: dated, categorised adjuster diary entries."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    user = f"{cm.first[0]}{cm.last}".upper().replace("'", "").replace(" ", "")[:8]
    cert = spec.about if isinstance(spec.about, Certificate) else _latest_cert(story, spec.date)
    aww = _aww(story)
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    pool = [
        ("CONTACT", "3-pt contact completed: clmt, employer and PTP office."),
        ("INDEMNITY", f"AWW {loc.money(aww)} per wage stmt; TD rate "
                      f"{loc.money(round(aww * 2 / 3, 2))}. TTD issued."),
        ("MEDICAL", "RFA rec'd for PT x 12; sent to UR. Decision due in 5 business days."),
        ("RESERVES", f"Reserves set: IND {loc.money(rng.choice((8000, 15000, 25000)))}, MED "
                     f"{loc.money(rng.choice((10000, 20000, 35000)))}."),
        ("DIARY", "Diary 14 days for PR-2 / work status."),
        ("EMPLOYER", "ER confirms modified duty available within restrictions."),
        ("LEGAL", "Rec'd letter of rep from AA. Stop direct contact w/ clmt."),
        ("SUPERVISOR", "Reviewed file. Agree w/ plan. Consider NCM referral."),
    ]
    if cert is not None:
        pool.append(("MEDICAL", f"Work status rec'd from {cert.doctor.name}: "
                                f"{_cap_words(cert.capacity, 'US')} to {D(cert.date_to)}."))
    entries = rng.sample(pool, rng.randint(4, min(7, len(pool))))
    start = max(inj.date, spec.date - 30 * DAY)
    days = sorted(start + rng.randint(0, max(0, (spec.date - start).days)) * DAY
                  for _ in entries)
    days[-1] = spec.date
    lines: list[str | None] = [
        f"{loc.tpa or loc.insurer} - Claim Notes",
        f"Claim: {story.claim_number}   Claimant: {w.last.upper()}, {w.first.upper()}   "
        f"DOI: {D(inj.date)}   Jurisdiction: {loc.region}",
        f"Printed: {D(spec.date)}    Adjuster: {cm.name} ({user})",
        "",
        "| Date | User | Category | Note |",
    ]
    for day, (cat, note) in zip(days, entries, strict=True):
        lines.append(f"| {D(day)} | {user} | {cat} | {note} |")
    return _Out("note", lines, fields)


@_intl("file_note", "uk_telephone_attendance_note")
def uk_telephone_attendance_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK claims handler's telephone attendance note (time engaged, summary, action)."""
    loc = _uk(rng)
    D = loc.D
    w = story.worker
    cm = story.case_manager_on(spec.date)
    firm = _firm(story, "UK")
    party = rng.randrange(3)
    other = [(story.solicitor.name, f"the claimant's solicitor at {firm}"),
             (story.employer_contact.name, f"the insured ({_org(story.employer.name, 'UK')})"),
             (story.investigator.name, "the loss adjuster")][party]
    mins = rng.choice((6, 12, 18, 24))
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, doc_date=spec.date)
    topics = rng.sample([
        ["Chased the response to our request for the claimant's GP records.",
         "Discussed whether the claimant would accept an Immediate Needs Assessment.",
         "Advised that liability remains under investigation within the Protocol period.",
         "Solicitor indicated a Part 36 offer is likely once the medical report is served.",
         "Discussed the schedule of special damages; payslips awaited."],
        ["Insured confirmed the risk assessment will be sent by Friday.",
         "Claimant has returned to work on amended duties per the latest fit note.",
         "Insured has no CCTV of the area; accident book entry to follow.",
         "Supervisor is willing to give a statement."],
        ["Adjuster has visited site and obtained the training records.",
         "Adjuster's preliminary view is that liability is difficult to defend.",
         "Report to follow within 14 days; fee estimate agreed."]][party], 2)
    lines: list[str | None] = [
        pick(rng, "# ATTENDANCE NOTE", "# Telephone attendance note", "# File note"),
        f"Claim: {story.claim_number}    Claimant: {w.name}",
        f"Date: {D(spec.date)}    Fee earner/handler: {cm.name}",
        f"Attending: {other[0]}, {other[1]}    Engaged: {mins} minutes (outgoing call)",
        "",
        *topics,
        "",
        "Action: " + pick(rng, "diary 14 days", "update reserve", "refer to team leader",
                          "write to confirm"),
    ]
    return _Out("note", lines, fields)


@_intl("file_note", "nz_acc_contact_record")
def nz_acc_contact_record(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC contact record / case note (terse recovery team entry)."""
    loc = _nz(rng)
    D = loc.D
    w = story.worker
    cm = story.case_manager_on(spec.date)
    cert = spec.about if isinstance(spec.about, Certificate) else _latest_cert(story, spec.date)
    who = rng.choice(["Client", "Employer", "GP practice", "Physio"])
    direction = pick(rng, "Outbound", "Inbound")
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, doc_date=spec.date)
    details = {
        "Client": pick(rng, "Clt reports pain easing, attending physio. Wants to try selected "
                            "duties. Explained WC process and ACC18 requirement.",
                       "Clt anxious re income. Explained weekly comp calc (80%). Will send "
                       "earnings info."),
        "Employer": f"Spoke with {story.employer_contact.first} - can offer selected duties "
                    "4h/day Mon-Fri. Will confirm in writing.",
        "GP practice": "Requested updated ACC18 and clinical notes. Practice to fax today.",
        "Physio": "Physio advises good progress, requests further 6 tx (ARTP to follow).",
    }[who]
    lines: list[str | None] = [
        f"Contact record - {D(spec.date)} {rng.randint(8, 16)}:{rng.randint(0, 59):02d}",
        f"Claim: {story.claim_number}    Client: {w.name}",
        f"Contact type: Phone - {direction}    With: {who}",
        "Purpose: " + pick(rng, "Recovery check-in", "RTW planning", "Information request",
                           "Certificate follow-up"),
        "",
        f"Details: {details}",
    ]
    if cert is not None and rng.random() < 0.7:
        lines.append(f"Current cert: {_cap_words(cert.capacity, 'NZ')} "
                     f"{D(cert.date_from)} - {D(cert.date_to)}")
    lines += ["", "Actions: " + "; ".join(rng.sample(["diary 1/52", "update IRP",
                                                     "send weekly comp letter",
                                                     "approve ARTP", "task to clinical team"],
                                                    2)),
              f"- {cm.name}, {_cm_title(loc, rng)}"]
    return _Out("note", lines, fields)


@_intl("file_note", "ca_memo_to_file")
def ca_memo_to_file(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian WSIB / WorkSafeBC claim memo (telephone call or decision-making note)."""
    loc = _ca(rng)
    D = loc.D
    w = story.worker
    cm = story.case_manager_on(spec.date)
    cert = spec.about if isinstance(spec.about, Certificate) else _latest_cert(story, spec.date)
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    body = pick(rng,
                f"I spoke with {w.first}, who confirmed {_pron(story)[0]} is attending "
                "physiotherapy twice a week and has an appointment with the family doctor "
                "next week.",
                f"I called the employer ({story.employer_contact.name}). Modified work is "
                "available and a start date was discussed.",
                "I reviewed the new medical information on file. No change to entitlement is "
                "required.")
    lines: list[str | None] = [
        f"{loc.board} - Memo",
        f"Claim number: {story.claim_number}    Worker: {w.name}",
        "Memo type: " + pick(rng, "Telephone call", "Decision", "Case review", "Information"),
        f"Date: {D(spec.date)}    Author: {cm.name}",
        "",
        body,
    ]
    if cert is not None:
        lines += ["", f"Functional information: {_cap_words(cert.capacity, 'CA')} until "
                      f"{D(cert.date_to)}."]
    lines += ["", "Next steps: " + pick(rng, "follow up in two weeks.",
                                        "arrange RTW meeting.", "request updated FAF.")]
    return _Out("note", lines, fields)


# =========================================================================== correspondence


def _appointment(story: ClaimStory, spec: DocSpec, rng: random.Random) -> dt.date:
    if isinstance(spec.about, dt.date):
        return spec.about
    return spec.date + rng.randint(10, 30) * DAY


@_intl("correspondence", "us_ime_appointment_notice")
def us_ime_appointment_notice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US notice to the claimant of an IME/QME appointment (mileage, interpreter, ID)."""
    loc = _us(rng)
    D = loc.D
    w = story.worker
    ime = story.ime_examiner
    cm = story.case_manager_on(spec.date)
    appt = _appointment(story, spec, rng)
    hour = rng.choice((8, 9, 10, 11, 1, 2, 3))
    time = f"{hour}:{rng.choice(('00', '15', '30', '45'))} {'AM' if hour >= 8 else 'PM'}"
    kind = "Panel QME" if loc.region == "CA" and rng.random() < 0.5 else "Independent Medical"
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, examiner=ime.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "exam_date", appt)
    lines: list[str | None] = [
        loc.tpa or loc.insurer,
        _address(rng, "US", loc.region, loc.place),
        "",
        D(spec.date),
        "",
        w.name,
        _address(rng, "US", loc.region, home=True),
        "",
        f"RE: {kind} Examination appointment",
        f"Claim #: {story.claim_number}    DOI: {D(story.injury.date)}",
        "",
        f"Dear {_dear(w, 'US')}:",
        "",
        f"An {'evaluation' if kind == 'Panel QME' else 'independent medical examination'} has "
        "been scheduled for you as follows:",
        "",
        f"| Doctor | {_dr(ime, 'US')} ({_role(ime, 'US')}) |",
        f"| Date | {D(appt)} |",
        f"| Time | {time} (please arrive 15 minutes early) |",
        f"| Location | {_address(rng, 'US', loc.region, loc.place)} |",
        "",
        "Please bring photo identification, a list of your medications and any X-rays or MRI "
        "films in your possession.",
        pick(rng, "You will be reimbursed for mileage at the current IRS rate. Please keep your "
                  "receipts for parking.",
             "If you need transportation or an interpreter, call our office at least 3 business "
             "days before the appointment.",
             "Failure to attend without good cause may result in suspension of your "
             "benefits."),
        "",
        _sign(rng, "US"),
        "",
        cm.name,
        f"{_cm_title(loc, rng)}  {_phone(rng, 'US', loc.place)}",
        maybe(rng, 0.5, f"cc: {_firm(story, 'US')} (applicant attorney)"),
    ]
    return _Out("letter", lines, fields)


@_intl("correspondence", "us_medical_records_request")
def us_medical_records_request(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US adjuster's request to a provider for medical records and bills (fax or letter)."""
    loc = _us(rng)
    D = loc.D
    w = story.worker
    cm = story.case_manager_on(spec.date)
    prov = rng.choice((story.treating_doctor, story.specialist, story.physio))
    fax = rng.random() < 0.5
    start = story.injury.date - rng.choice((0, 365, 730)) * DAY
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    lines: list[str | None] = []
    if fax:
        lines += [
            "# FAX",
            f"To: {_dr(prov, 'US', creds=False)} - Medical Records    Fax: "
            f"{_phone(rng, 'US', loc.place)}",
            f"From: {cm.name}, {loc.tpa or loc.insurer}    Fax: {_phone(rng, 'US', loc.place)}",
            f"Date: {D(spec.date)}    Pages: {rng.randint(2, 4)} (including cover)",
            "---",
        ]
    else:
        lines += [loc.tpa or loc.insurer, _address(rng, "US", loc.region, loc.place), "",
                  D(spec.date), "", f"{_dr(prov, 'US', creds=False)}", "Attn: Medical Records",
                  _address(rng, "US", loc.region), ""]
    lines += [
        f"RE: Patient {w.name}    DOB: {D(story.worker_dob)}",
        f"Claim #: {story.claim_number}    Employer: {_org(story.employer.name, 'US')}",
        "",
        pick(rng, "We are the workers' compensation claims administrator for the above patient. "
                  "Please send us copies of the following:",
             "Please forward the records listed below for our workers' compensation claim:"),
        f"- Office notes and reports from {D(start)} to present",
        "- Diagnostic test results (X-ray, MRI, EMG)",
        "- Work status reports and any restrictions given",
        "- Itemized billing (CMS-1500 / UB-04)",
        "",
        "Disclosure of this information for workers' compensation purposes is permitted "
        "without patient authorization under HIPAA, 45 CFR 164.512(l). "
        + pick(rng, "Copy charges will be paid per the state fee schedule.",
               "A signed authorization is enclosed for your records.", ""),
        "",
        f"Please respond by {D(spec.date + 14 * DAY)}.",
        "",
        pick(rng, "Thank you,", "Sincerely,"),
        cm.name,
        _cm_title(loc, rng),
    ]
    if fax:
        lines.append("CONFIDENTIALITY NOTICE: This facsimile contains protected health "
                     "information. If you received it in error, notify the sender and destroy "
                     "it.")
    return _Out("letter", lines, fields)


@_intl("correspondence", "uk_letter_of_claim_acknowledgement")
def uk_letter_of_claim_acknowledgement(story: ClaimStory, spec: DocSpec,
                                       rng: random.Random) -> _Out:
    """UK insurer's acknowledgement of a Letter of Claim (21 days) to the claimant's solicitors."""
    loc = _uk(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    cm = story.case_manager_on(spec.date)
    firm = _firm(story, "UK")
    received = max(inj.date, spec.date - rng.randint(3, 15) * DAY)
    email = rng.random() < 0.4
    salute = "Dear Sirs" if rng.random() < 0.4 and not email else \
        f"Dear {_dear(story.solicitor, 'UK')}"
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name, injury_date=inj.date)
    body = [
        f"Your client: {w.name}",
        f"Our insured: {_org(story.employer.name, 'UK')}",
        f"Accident date: {D(inj.date)}",
        "",
        f"We acknowledge receipt of your Letter of Claim dated {D(received)}. We confirm that we "
        "are the employers' liability insurers of the above insured.",
        "We will investigate and provide a reasoned response on liability within three months "
        "of the date of this acknowledgement, in accordance with the Pre-Action Protocol for "
        "Personal Injury Claims.",
        pick(rng, "In the meantime please send your client's signed form of authority.",
             "We would be grateful for details of your client's rehabilitation needs so that "
             "these can be considered under the Rehabilitation Code.",
             "Please confirm your client's National Insurance number for CRU purposes."),
        "",
        _uk_close(salute, rng),
        cm.name,
        f"{_cm_title(loc, rng)}, {loc.insurer}",
    ]
    if email:
        hdr, safe = _hdr_date(spec.date, rng, "UK")
        if safe:
            fields["doc_date"] = spec.date
        headers = {"From": f"{cm.name} <{_mail(cm, loc.domain())}>",
                   "To": f"{story.solicitor.name} "
                         f"<{_mail(story.solicitor, _domain(firm, '.co.uk'))}>",
                   "Subject": f"Your client {w.name} - our ref {story.claim_number}",
                   "Date": hdr}
        return _Out("email", [salute, "", *body], fields, headers)
    fields["doc_date"] = spec.date
    lines: list[str | None] = [
        loc.insurer, _address(rng, "UK", place=loc.place), "", firm, f"FAO {story.solicitor.name}",
        "", D(spec.date), "", f"Our ref: {story.claim_number}",
        f"Your ref: {story.solicitor.last.upper()[:3]}/{rng.randint(1000, 9999)}", "",
        salute, "", *body]
    return _Out("letter", lines, fields)


@_intl("correspondence", "nz_new_case_manager_intro")
def nz_new_case_manager_intro(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand ACC letter/email from a new case owner introducing themselves."""
    loc = _nz(rng)
    D = loc.D
    old, new, start = _pair(story, spec)
    me = new or story.case_manager_on(spec.date)
    w = story.worker
    email = rng.random() < 0.5
    title = _cm_title(loc, rng)
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=me.name,
                     case_manager=me.name, doc_date=spec.date)
    body = [
        f"Kia ora {w.first}," if rng.random() < 0.7 else f"Dear {_dear(w, 'NZ')},",
        "",
        f"I'm your new {title.lower()} at ACC and will be looking after your claim "
        f"({story.claim_number}) from {D(start)}."
        + (f" {old.first} has passed on your file and brought me up to date." if new else ""),
        "",
        pick(rng, "Your recovery plan and weekly compensation stay the same.",
             "There's nothing you need to do right now - your payments and treatment approvals "
             "continue as before.",
             "I'll give you a call in the next week to introduce myself and check how you're "
             "going."),
        "",
        f"You can contact me on {_board_phone(loc)} or by email at {_mail(me, 'acc.co.nz')}.",
        "",
        _sign(rng, "NZ"),
        me.name,
        f"{title}, ACC",
    ]
    if email:
        hdr, safe = _hdr_date(spec.date, rng, "NZ")
        if not safe:
            fields.pop("doc_date")
        headers = {"From": f"{me.name} <{_mail(me, 'acc.co.nz')}>",
                   "To": _mail(w, pick(rng, "xtra.co.nz", "gmail.com", "outlook.co.nz")),
                   "Subject": pick(rng, "Your new ACC contact", f"Claim {story.claim_number} - "
                                                                "new case owner",
                                   "Introducing your new recovery partner"),
                   "Date": hdr}
        return _Out("email", body, fields, headers)
    lines: list[str | None] = ["ACC", _board_addr(loc), "", D(spec.date), "", w.name,
                               _address(rng, "NZ", place=loc.place), "", *body]
    return _Out("letter", lines, fields)


@_intl("correspondence", "ca_claim_status_update_email")
def ca_claim_status_update_email(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian case manager email updating the worker (or employer) on the claim."""
    loc = _ca(rng)
    w = story.worker
    cm = story.case_manager_on(spec.date)
    to_emp = rng.random() < 0.35
    dom = "wsib.on.ca" if loc.region == "ON" else "worksafebc.com"
    hdr, safe = _hdr_date(spec.date, rng, "CA")
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=cm.name,
                     case_manager=cm.name)
    if safe:
        fields["doc_date"] = spec.date
    recipient = story.employer_contact if to_emp else w
    news = pick(rng, f"I have received the Functional Abilities Form from "
                     f"{_dr(story.treating_doctor, 'CA', creds=False)}.",
                "Your loss of earnings payment for the last two weeks was issued today.",
                "I have approved the physiotherapy extension requested by your clinic.",
                "I am still waiting for the employer's wage information.")
    lines: list[str | None] = [
        f"Hello {recipient.first},",
        "",
        f"I'm writing with an update on claim {story.claim_number}"
        + (f" for {w.name}." if to_emp else "."),
        "",
        news,
        pick(rng, "Next, I would like to set up a return-to-work meeting.",
             "Please let me know if anything changes with your work status.",
             "No action is needed from you at this time."),
        "",
        "You can also view your claim information online.",
        "",
        _sign(rng, "CA"),
        cm.name,
        f"{_cm_title(loc, rng)} | {loc.board} | {_board_phone(loc)}",
    ]
    headers = {"From": f"{cm.name} <{_mail(cm, dom)}>",
               "To": f"{recipient.name} <{_mail(recipient, 'example.ca')}>",
               "Subject": pick(rng, f"Claim {story.claim_number} - update",
                               "Update on your claim", f"{w.name} - claim update"),
               "Date": hdr}
    return _Out("email", lines, fields, headers)


# =========================================================================== invoices


@_intl("invoice", "us_cms1500_physio_bill")
def us_cms1500_physio_bill(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US CMS-1500 style physical therapy bill to the workers' compensation carrier."""
    loc = _us(rng)
    D = loc.D
    pt = _author(spec, story.physio)
    if _cat(pt) != "physio":
        pt = story.physio
    w, inj = story.worker, story.injury
    clin = _clin(story, "US")
    days = sorted({max(inj.date, spec.date - rng.randint(0, 25) * DAY)
                   for _ in range(rng.randint(2, 4))})
    codes = [("97110", "Therapeutic exercise", 3, 42.0), ("97140", "Manual therapy", 2, 39.0),
             ("97530", "Therapeutic activities", 2, 45.0), ("97112", "Neuromuscular re-ed",
                                                            1, 44.0)]
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=pt.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    practice = pick(rng, f"{loc.place.city} Physical Therapy", "ProMotion Physical Therapy, LLC",
                    "Keystone Rehab & Sports PT")
    lines: list[str | None] = [
        "# HEALTH INSURANCE CLAIM FORM (CMS-1500 02/12) - BILLING SUMMARY",
        "",
        "1. [ ] Medicare [ ] Medicaid [ ] TRICARE [ ] Group Health Plan [x] Other (Workers' "
        "Compensation)",
        f"1a. Insured's ID number: {story.claim_number}",
        f"2. Patient's name: {w.last.upper()}, {w.first.upper()}    3. DOB: "
        f"{D(story.worker_dob)}",
        f"4. Insured's name: {_org(story.employer.name, 'US')}",
        "10a. Is patient's condition related to employment? [x] YES [ ] NO",
        f"11. Insured's policy group or FECA number: {story.claim_number}",
        f"14. Date of current illness/injury: {D(inj.date)}    Qual 431",
        f"21. Diagnosis (ICD Ind. 0): A. {clin.icd}",
        "",
        "| 24A DOS | POS | CPT/HCPCS | Mod | Dx ptr | Charges | Units | NPI |",
    ]
    total = 0.0
    npi = rng.randint(1000000000, 1999999999)
    for d in days:
        for code, _desc, units, unit_fee in rng.sample(codes, 2):
            amount = round(units * unit_fee * rng.uniform(1.0, 1.3), 2)
            total += amount
            lines.append(f"| {D(d)} | 11 | {code} | GP | A | {loc.money(amount)} | {units} | "
                         f"{npi} |")
    lines += [
        "",
        f"25. Federal tax ID: {rng.randint(10, 99)}-{rng.randint(1000000, 9999999)} (EIN)",
        f"26. Patient account no.: {w.last[:3].upper()}{rng.randint(1000, 9999)}",
        f"28. Total charge: {loc.money(total)}    29. Amount paid: $0.00",
        f"31. Signature of physician or supplier: {pt.name}, PT, DPT    Date: {D(spec.date)}",
        f"32. Service facility: {practice}, {_address(rng, 'US', loc.region, loc.place)}",
        f"33. Billing provider: {practice}  Ph {_phone(rng, 'US', loc.place)}",
        "",
        f"Bill to: {loc.tpa or loc.insurer} - Workers' Comp Bill Review",
        maybe(rng, 0.5, "Payment per state official medical fee schedule. Please include claim # "
                        "on remittance (EOR)."),
    ]
    return _Out("form", lines, fields)


@_intl("invoice", "us_ub04_hospital_bill_summary")
def us_ub04_hospital_bill_summary(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """US UB-04 hospital outpatient/ER bill summary with revenue codes."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    clin = _clin(story, "US")
    svc = max(inj.date, min(spec.date, inj.date + rng.randint(0, 2) * DAY))
    hospital = pick(rng, f"{loc.place.city} Regional Medical Center", "St. Luke's Community "
                         "Hospital", f"{loc.place.city} General Hospital")
    rows = [("0450", "Emergency room", "99284", rng.uniform(900, 1800)),
            ("0320", "Radiology - diagnostic", clin.imaging_cpt[0] or "73000",
             rng.uniform(250, 1900)),
            ("0250", "Pharmacy", "", rng.uniform(20, 160)),
            ("0270", "Medical/surgical supplies", "", rng.uniform(15, 220)),
            ("0730", "EKG/ECG", "93005", rng.uniform(120, 300))]
    chosen = rows[:2] + rng.sample(rows[2:], rng.randint(1, 2))
    total = round(sum(r[3] for r in chosen), 2)
    fields = _fields(worker=w.name, claim_number=story.claim_number)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        pick(rng, "# UB-04 CLAIM SUMMARY", "# Hospital Itemized Bill (UB-04)",
             "# Statement of Charges - Outpatient"),
        f"1. {hospital}, {_address(rng, 'US', loc.region, loc.place)}",
        f"3a. Patient control no.: {rng.randint(10000000, 99999999)}    4. Type of bill: 0131",
        f"6. Statement covers period: {D(svc)} through {D(svc)}",
        f"8. Patient name: {w.last.upper()}, {w.first.upper()}    10. Birthdate: "
        f"{D(story.worker_dob)}",
        f"31. Occurrence code 04 (accident/employment related): {D(inj.date)}",
        "",
        "| Rev. cd. | Description | HCPCS | Serv. date | Total charges |",
        *[f"| {rc} | {desc} | {cpt} | {D(svc)} | {loc.money(round(amt, 2))} |"
          for rc, desc, cpt, amt in chosen],
        f"| 0001 | Total charges | | | {loc.money(total)} |",
        "",
        f"50. Payer: {loc.insurer} - Workers' Compensation",
        f"60. Insured's unique ID: {story.claim_number}",
        f"65. Employer name: {_org(story.employer.name, 'US')}",
        f"67. Principal diagnosis: {clin.icd}    72. ECI: W18.30XA" if rng.random() < 0.3 else
        f"67. Principal diagnosis: {clin.icd}",
        f"76. Attending physician: {_dr(story.specialist, 'US', creds=False)}",
        "",
        pick(rng, "Please remit within 45 days per state prompt-pay rules.",
             "Balance due from workers' compensation carrier. Patient responsibility: $0.00."),
    ]
    return _Out("form", lines, fields)


@_intl("invoice", "uk_medico_legal_ime_fee_note")
def uk_medico_legal_ime_fee_note(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK medical expert's fee note for a CPR Part 35 report (examination date in spec.about)."""
    loc = _uk(rng)
    D = loc.D
    ime = story.ime_examiner
    w = story.worker
    exam = _exam(story, spec, rng)
    firm = _firm(story, "UK")
    fee = rng.choice((450.0, 550.0, 650.0, 850.0, 1200.0))
    extra = rng.choice((0.0, 0.0, 75.0, 150.0))
    vat = rng.random() < 0.5
    net = fee + extra
    payer = pick(rng, firm, loc.insurer)
    fields = _fields(worker=w.name, author=ime.name, examiner=ime.name, exam_date=exam,
                     doc_date=spec.date)
    lines: list[str | None] = [
        f"{_dr(ime, 'UK')}",
        f"{_role(ime, 'UK')}",
        _address(rng, "UK", place=loc.place),
        "",
        pick(rng, "# FEE NOTE", "# INVOICE", "# Fee note - medico-legal services"),
        f"Invoice no: ML{rng.randint(1000, 9999)}    Date: {D(spec.date)}",
        "",
        f"To: {payer}",
        f"Your ref: {story.claim_number}",
        "",
        f"Re: {_formal(w)} - examination on {D(exam)}",
        "",
        "| Description | Amount |",
        f"| Examination and preparation of medico-legal report (CPR Part 35) | "
        f"{loc.money(fee)} |",
    ]
    if story.claim_number in "".join(x for x in lines if x):
        fields["claim_number"] = story.claim_number
    if extra:
        lines.append(f"| Review of medical records ({int(extra / 75)} hour(s)) | "
                     f"{loc.money(extra)} |")
    if vat:
        lines += [f"| VAT @ 20% | {loc.money(round(net * 0.2, 2))} |",
                  f"| Total | {loc.money(round(net * 1.2, 2))} |"]
    else:
        lines.append(f"| Total (not VAT registered) | {loc.money(net)} |")
    lines += [
        "",
        "Payment terms: " + pick(rng, "30 days from date of invoice.",
                                 "payable at the conclusion of the case (deferred).",
                                 "14 days."),
        f"Bank: sort code {rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}  "
        f"account {rng.randint(10000000, 99999999)}",
    ]
    return _Out("form", lines, fields, hard_negative_of="ime_report")


@_intl("invoice", "nz_gp_acc_invoice")
def nz_gp_acc_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand general practice tax invoice to ACC (consultations, ACC18, notes)."""
    loc = _nz(rng)
    D = loc.D
    gp = _doctor_author(story, spec, story.treating_doctor)
    w, inj = story.worker, story.injury
    practice = _clinic(rng, loc, gp)
    days = sorted({max(inj.date, spec.date - rng.randint(0, 30) * DAY)
                   for _ in range(rng.randint(1, 3))})
    items = [("GP1", "GP consultation (ACC)", 52.70), ("MS1", "ACC18 medical certificate", 38.20),
             ("NUR1", "Nurse consultation - dressing", 27.60),
             ("RPT", "Copy of clinical notes requested by ACC", 45.00)]
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=gp.name,
                     doc_date=spec.date)
    lines: list[str | None] = [
        practice,
        _address(rng, "NZ", place=loc.place),
        f"GST number: {rng.randint(10, 130)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
        "",
        "# TAX INVOICE",
        f"Invoice: {rng.randint(100000, 999999)}    Date: {D(spec.date)}",
        "Bill to: ACC, Provider Payments",
        "",
        f"Patient: {w.name}    NHI: {_nhi(rng)}",
        f"ACC claim number: {story.claim_number}    Date of injury: {D(inj.date)}",
        f"Provider: {_dr(gp, 'NZ', creds=False)}    Provider ID: "
        f"{rng.choice('ABCDEFGHJK')}{rng.randint(10000, 99999)}",
        "",
        "| Date | Code | Description | Amount (excl. GST) |",
    ]
    fields["injury_date"] = inj.date
    total = 0.0
    for d in days:
        code, desc, fee = rng.choice(items[:3])
        total += fee
        lines.append(f"| {D(d)} | {code} | {desc} | {loc.money(fee)} |")
    if rng.random() < 0.4:
        code, desc, fee = items[3]
        total += fee
        lines.append(f"| {D(spec.date)} | {code} | {desc} | {loc.money(fee)} |")
    gst = round(total * 0.15, 2)
    lines += [f"| | | GST 15% | {loc.money(gst)} |",
              f"| | | Total | {loc.money(round(total + gst, 2))} |",
              "",
              maybe(rng, 0.5, "Patient co-payment collected at the time of the visit."),
              "Payment by direct credit to the practice account within 20 working days."]
    return _Out("form", lines, fields)


@_intl("invoice", "ca_vocational_rehab_invoice")
def ca_vocational_rehab_invoice(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian rehab/vocational provider invoice to the WSIB or WorkSafeBC (HST/GST)."""
    loc = _ca(rng)
    D = loc.D
    rc = _author(spec, story.rehab_consultant)
    if rc != story.rehab_consultant:
        rc = story.rehab_consultant
    w = story.worker
    provider = _org(story.rehab_provider.name, "CA")
    on = loc.region == "ON"
    rate = rng.choice((95.0, 110.0, 125.0, 140.0))
    tax_name, tax = ("HST 13%", 0.13) if on else ("GST 5%", 0.05)
    services = rng.sample([("Initial vocational assessment", 3.0),
                           ("Job site analysis", 2.5), ("RTW meeting with employer", 1.5),
                           ("Report preparation", 2.0), ("Telephone case conference", 0.5),
                           ("Travel time", 1.0), ("Job search coaching", 2.0)], rng.randint(3, 5))
    fields = _fields(worker=w.name, claim_number=story.claim_number, author=rc.name)
    D.put(fields, "doc_date", spec.date)
    lines: list[str | None] = [
        provider,
        _address(rng, "CA", loc.region, loc.place),
        f"{'HST' if on else 'GST'} registration: {rng.randint(100000000, 999999999)} RT0001",
        "",
        pick(rng, "# INVOICE", "# Invoice for services", "# Statement of account"),
        f"Invoice #: {rng.randint(10000, 99999)}    Date: {D(spec.date)}",
        f"Bill to: {loc.board}" + (" - Health Services Payment" if on else
                                    " - Vocational Rehabilitation Services"),
        f"Provider ID: {rng.randint(1000000, 9999999)}",
        "",
        f"Worker: {w.name}    Claim #: {story.claim_number}",
        f"Service provider: {rc.name}",
        "",
        "| Date | Service | Hours | Rate | Amount |",
    ]
    subtotal = 0.0
    days = sorted(max(story.injury.date, spec.date - rng.randint(1, 30) * DAY)
                  for _ in services)
    for d, (desc, hours) in zip(days, services, strict=True):
        amt = round(hours * rate, 2)
        subtotal += amt
        lines.append(f"| {D(d)} | {desc} | {hours:g} | {loc.money(rate)} | {loc.money(amt)} |")
    lines += [
        f"| | Subtotal | | | {loc.money(subtotal)} |",
        f"| | {tax_name} | | | {loc.money(round(subtotal * tax, 2))} |",
        f"| | Total due | | | {loc.money(round(subtotal * (1 + tax), 2))} |",
        "",
        "Terms: net 30. Please quote the claim number with payment.",
    ]
    return _Out("form", lines, fields)


# =========================================================================== legal


@_intl("legal_document", "us_wcab_application_for_adjudication")
def us_wcab_application_for_adjudication(story: ClaimStory, spec: DocSpec,
                                         rng: random.Random) -> _Out:
    """California WCAB Application for Adjudication of Claim filed by applicant's attorney."""
    loc = _us(rng, "CA")
    D = loc.D
    w, inj = story.worker, story.injury
    sol = story.solicitor
    firm = _firm(story, "US")
    emp = _org(story.employer.name, "US")
    issues = rng.sample(["temporary disability indemnity", "permanent disability indemnity",
                         "reimbursement for medical expense", "medical treatment",
                         "supplemental job displacement", "compensation rate",
                         "other: penalties and interest"], rng.randint(2, 4))
    fields = _fields(worker=w.name, author=sol.name, employer=emp, body_part=inj.body_part)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        "WORKERS' COMPENSATION APPEALS BOARD",
        "STATE OF CALIFORNIA",
        "",
        f"Case No. {_adj_no(rng)}",
        "",
        f"{w.name}, Applicant,",
        "vs.",
        f"{emp}, Employer; {loc.insurer}, Insurance Carrier"
        + (f", administered by {loc.tpa}" if loc.tpa else "") + ", Defendants.",
        "",
        "# APPLICATION FOR ADJUDICATION OF CLAIM",
        "",
        f"Applicant's address: {_address(rng, 'US', 'CA', home=True)}",
        f"Carrier claim number: {story.claim_number}" if rng.random() < 0.6 else None,
        "",
        "IT IS CLAIMED THAT:",
        f"1. The injured employee, born {D(story.worker_dob)}, while employed as a "
        f"{story.worker_occupation.lower()} at {loc.place.city}, California by the employer on "
        f"{D(inj.date)}, sustained injury arising out of and in the course of employment to "
        f"{inj.body_part}.",
        f"2. The injury occurred as follows: {_lbs(inj.mechanism)}",
        f"3. Actual earnings at the time of injury were {loc.money(_aww(story))} per week.",
        "4. The injury caused disability as follows: "
        + pick(rng, "temporary total disability from the date of injury and continuing.",
               "periods of temporary disability; permanent disability to be determined."),
        "5. Compensation was paid: " + pick(rng, "Yes, in part.", "No.", "Yes; underpaid."),
        f"6. Medical treatment was received from {_dr(story.treating_doctor, 'US', creds=False)}"
        " and others. All treatment was furnished by the employer or carrier: No.",
        "7. Other cases have been filed by the applicant: None.",
        "8. This application is filed because of a disagreement regarding liability for: "
        + ", ".join(issues) + ".",
        "",
        f"Dated: {D(spec.date)}",
        "",
        f"{firm}",
        f"By: {sol.name}, Attorney for Applicant",
        f"State Bar No. {rng.randint(100000, 349999)}  |  EAMS Uniform Assigned Name: "
        f"{firm.upper().replace(',', '')[:20]}",
        "",
        maybe(rng, 0.6, "PROOF OF SERVICE: I served the foregoing on all parties shown on the "
                        "Official Address Record by U.S. mail."),
    ]
    if any(line and story.claim_number in line for line in lines):
        fields["claim_number"] = story.claim_number
    return _Out("form", lines, fields)


@_intl("legal_document", "us_attorney_notice_of_representation")
def us_attorney_notice_of_representation(story: ClaimStory, spec: DocSpec,
                                         rng: random.Random) -> _Out:
    """US applicant attorney's notice of representation and lien letter to the carrier."""
    loc = _us(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    sol = story.solicitor
    cm = story.case_manager_on(spec.date)
    firm = _firm(story, "US")
    fields = _fields(worker=w.name, author=sol.name, claim_number=story.claim_number,
                     case_manager=cm.name)
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        firm.upper(),
        "Attorneys at Law - Workers' Compensation & Personal Injury",
        _address(rng, "US", loc.region, loc.place),
        f"Tel {_phone(rng, 'US', loc.place)}  |  Fax {_phone(rng, 'US', loc.place)}",
        "",
        D(spec.date),
        "",
        pick(rng, "VIA FAX AND U.S. MAIL", "VIA EMAIL", "CERTIFIED MAIL - RETURN RECEIPT "
                                                        "REQUESTED"),
        "",
        f"{cm.name}",
        f"{loc.tpa or loc.insurer}",
        _address(rng, "US", loc.region),
        "",
        f"Re: Our client: {w.name}",
        f"    Employer: {_org(story.employer.name, 'US')}",
        f"    Claim No.: {story.claim_number}",
        f"    Date of injury: {D(inj.date)}",
        "",
        f"Dear {_dear(cm, 'US')}:",
        "",
        "# NOTICE OF REPRESENTATION",
        "",
        f"Please be advised that this office has been retained to represent {w.name} in the "
        "above workers' compensation matter. "
        + pick(rng, "A copy of the signed fee agreement/substitution is enclosed.",
               "Please direct all future communications regarding this claim to this office.",
               "Do not contact our client directly."),
        "",
        "Please provide the following within 15 days:",
        *[f"- {x}" for x in rng.sample([
            "A copy of all medical reports and records in your possession",
            "A benefit printout showing all indemnity and medical payments",
            "The employer's wage statement and your AWW calculation",
            "Any recorded statements taken from our client",
            "Copies of any surveillance and sub rosa reports",
            "The name of defense counsel, if assigned"], 3)],
        "",
        "We also claim an attorney's lien on any award or settlement in this matter."
        if rng.random() < 0.5 else
        "Nothing in this letter waives any of our client's rights or benefits.",
        "",
        _sign(rng, "US"),
        "",
        sol.name,
        f"Attorney at Law, {firm}",
        maybe(rng, 0.5, f"cc: {w.name}; {_org(story.employer.name, 'US')}"),
    ]
    return _Out("letter", lines, fields, hard_negative_of="correspondence")


@_intl("legal_document", "uk_letter_of_claim")
def uk_letter_of_claim(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """UK solicitor's Letter of Claim under the Pre-Action Protocol (workplace accident)."""
    loc = _uk(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    sol = story.solicitor
    firm = _firm(story, "UK")
    emp = _org(story.employer.name, "UK")
    he, _, his = _pron(story)
    to_insurer = rng.random() < 0.5
    allegations = rng.sample([
        "failing to provide and maintain a safe system of work;",
        "failing to carry out a suitable and sufficient assessment of the risks, contrary to "
        "Regulation 3 of the Management of Health and Safety at Work Regulations 1999;",
        "failing to avoid the need for hazardous manual handling so far as reasonably "
        "practicable, contrary to Regulation 4 of the Manual Handling Operations Regulations "
        "1992;",
        "failing to provide adequate information, instruction, training and supervision;",
        "failing to keep the floor free from obstructions and substances likely to cause a "
        "person to slip, contrary to Regulation 12 of the Workplace (Health, Safety and "
        "Welfare) Regulations 1992;",
        "exposing our client to a risk of injury which was reasonably foreseeable."], 4)
    allegations.sort(key=lambda a: a.startswith("exposing"))
    fields = _fields(worker=w.name, author=sol.name, employer=emp, doc_date=spec.date,
                     injury_date=inj.date, body_part=inj.body_part)
    lines: list[str | None] = [
        firm,
        _address(rng, "UK", place=loc.place),
        f"DX {rng.randint(10000, 99999)} {loc.place.city.upper()}",
        "",
        loc.insurer if to_insurer else emp,
        "Claims Department" if to_insurer else "FAO The Managing Director",
        _address(rng, "UK"),
        "",
        D(spec.date),
        "",
        f"Our ref: {sol.last.upper()[:3]}/{w.last.upper()[:4]}/{rng.randint(1000, 9999)}",
        "",
        "Dear Sirs",
        "",
        "# LETTER OF CLAIM",
        f"Our client: {_formal(w)}    Address: {_address(rng, 'UK', place=loc.place)}",
        f"Your {'insured' if to_insurer else 'employee'}: "
        + (emp if to_insurer else _formal(w)),
        f"Date of accident: {D(inj.date)}    Place: {_where(inj)}",
        "",
        f"We are instructed by the above-named to claim damages in connection with an accident "
        f"at work on {D(inj.date)}.",
        "" if to_insurer else "Please confirm the identity of your insurers. Please note that "
                              "the insurers will need to see this letter as soon as possible.",
        "",
        "## Circumstances",
        f"Our client was employed by {emp} as a {story.worker_occupation.lower()}. {inj.mechanism}",
        "",
        "## Reasons why we allege fault",
        "The accident was caused by the negligence and/or breach of statutory duty of our "
        "client's employer, its servants or agents, in:",
        *[f"({chr(97 + i)}) {a}" for i, a in enumerate(allegations)],
        "",
        "## Injuries",
        f"Our client suffered {_dx_site(story)}. {_cap(he)} attended "
        + pick(rng, "A&E", "the GP", "a walk-in centre")
        + " and has received physiotherapy.",
        "",
        "## Loss of earnings",
        f"Our client was absent from work and {his} losses will be detailed in a schedule.",
        "",
        "## Documents",
        "Under the Protocol we request disclosure of the documents listed in Annex C, including "
        "the accident book entry, RIDDOR report, risk assessments, training records and "
        "CCTV footage.",
        "",
        "## Response",
        "Please acknowledge this letter within 21 days and provide a full response on liability "
        "within three months of that acknowledgement. We would also invite you to consider "
        "rehabilitation under the Rehabilitation Code.",
        "",
        "Yours faithfully",
        "",
        firm,
        maybe(rng, 0.5, f"Contact: {sol.name}, {pick(rng, 'Solicitor', 'Associate', 'Partner')}"),
    ]
    if rng.random() < 0.5:
        lines.insert(11, f"Your ref: {story.claim_number}")
        fields["claim_number"] = story.claim_number
    return _Out("letter", lines, fields)


@_intl("legal_document", "nz_acc_review_application")
def nz_acc_review_application(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """New Zealand application for review of an ACC decision, lodged by the client's advocate."""
    loc = _nz(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    adv = story.solicitor
    dec = _latest_decision(story, spec.date)
    dec_date = dec.date if dec else max(inj.date, spec.date - 30 * DAY)
    subject = {"disputed": "decline of cover", "work_capacity": "suspension of weekly "
                                                                "compensation",
               "reasonable_excuse": "delay in deciding cover",
               "accepted": "entitlement to weekly compensation (rate)",
               "provisional": "extension of time to decide cover"}.get(
        dec.kind if dec else "disputed", "decline of cover")
    fields = _fields(worker=w.name, author=adv.name, claim_number=story.claim_number,
                     doc_date=spec.date)
    lines: list[str | None] = [
        pick(rng, "# Application for review of an ACC decision", "# Review application",
             "# Request for review - Accident Compensation Act 2001, section 134"),
        "",
        "## Your details",
        f"Name: {w.name}    Date of birth: {D(story.worker_dob)}",
        f"Address: {_address(rng, 'NZ', place=loc.place)}",
        f"ACC claim number: {story.claim_number}",
        "",
        "## The decision you want reviewed",
        f"Date of decision: {D(dec_date)}",
        f"What the decision was about: {subject}",
        "",
        "## Why you disagree",
        pick(rng, "The medical evidence from my specialist shows "
                  + ("my psychological injury" if inj.psychological else
                     f"the injury to my {inj.body_part}")
                  + " was caused by the accident, not by age-related changes.",
             "ACC did not consider the report from my treating physiotherapist.",
             "I am not able to work 35 hours a week in the work types identified."),
        maybe(rng, 0.5, "Further submissions and medical evidence will be provided before the "
                        "review hearing."),
        "",
        "## Representative",
        f"Name: {adv.name}    Organisation: {_firm(story, 'NZ')}",
        f"Phone: {_phone(rng, 'NZ', loc.place)}",
        "I authorise my representative to act for me and receive information about my claim.",
        "",
        "## Declaration",
        f"Signed: {w.name}    Date: {D(spec.date)}",
        "",
        "Applications must be received within three months of the date of the decision.",
    ]
    fields["injury_date"] = inj.date
    return _Out("form", lines, fields)


@_intl("legal_document", "ca_tribunal_notice_of_appeal")
def ca_tribunal_notice_of_appeal(story: ClaimStory, spec: DocSpec, rng: random.Random) -> _Out:
    """Canadian appeal to the tribunal: Ontario WSIAT or BC WCAT notice of appeal."""
    loc = _ca(rng)
    D = loc.D
    w, inj = story.worker, story.injury
    rep = story.solicitor
    on = loc.region == "ON"
    tribunal = ("Workplace Safety and Insurance Appeals Tribunal (WSIAT)" if on else
                "Workers' Compensation Appeal Tribunal (WCAT)")
    below = ("Appeals Resolution Officer" if on else "Review Division")
    span = (spec.date - inj.date).days
    decided = inj.date + int(span * rng.uniform(0.4, 0.85)) * DAY
    issues = rng.sample(["initial entitlement", "loss of earnings benefits from the date of "
                                                "accident", "entitlement to a permanent "
                                                            "impairment (NEL) award",
                         "suitability of the modified work offered", "health care benefits"],
                        2)
    fields = _fields(worker=w.name, author=rep.name, claim_number=story.claim_number,
                     employer=_org(story.employer.name, "CA"))
    D.put(fields, "doc_date", spec.date)
    D.put(fields, "injury_date", inj.date)
    lines: list[str | None] = [
        tribunal,
        pick(rng, "# Notice of Appeal", "# NOTICE OF APPEAL - Worker",
             "# Notice of Appeal Form"),
        "",
        "## Part A - Appellant",
        f"Worker: {w.name}    Claim number: {story.claim_number}",
        f"Address: {_address(rng, 'CA', loc.region, loc.place)}",
        f"Employer: {_org(story.employer.name, 'CA')}",
        f"Accident date: {D(inj.date)}",
        "",
        "## Part B - Representative",
        f"{rep.name}, {pick(rng, 'Lawyer', 'Paralegal (licensed)', 'Barrister and Solicitor')} - "
        f"{_firm(story, 'CA')}",
        "",
        "## Part C - Decision under appeal",
        f"Decision of the {below} dated {D(decided)}",
        "Issues under appeal: " + "; ".join(issues),
        "",
        "## Part D - Reasons",
        pick(rng, "The decision-maker gave insufficient weight to the treating specialist's "
                  "opinion on causation.",
             "The modified work offered was not suitable given the worker's restrictions.",
             "The worker's evidence about the accident was consistent and corroborated."),
        "",
        "## Part E - Hearing",
        "Type of hearing requested: " + pick(rng, "oral hearing", "written submissions",
                                             "oral hearing with interpreter"),
        "",
        f"Signature of representative: {rep.name}    Date: {D(spec.date)}",
        "The appeal must be filed within six months of the decision." if on else
        "The notice of appeal must be filed within 30 days of the Review Division decision.",
    ]
    return _Out("form", lines, fields)
