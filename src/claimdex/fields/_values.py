"""Reading one value from a piece of text: a person's name, an organisation, a claim number,
a body part. Each reader returns where the value lies in the text it was given and the value
normalised for the index (titles and letters after names dropped, capitals softened)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimdex.fields._lexicon import Lexicon

_PARTICLES = {"van", "der", "de", "la", "le", "di", "da", "von", "del", "della", "bin", "binti",
              "el", "al", "dos", "du", "den", "ter", "ben", "abu"}
_NOT_NAMES = set("""
worker employer case manager managers claims claim team leader page date dear re the and of for to from
signature signed phone ph email mobile insurer insurance workers workplace compensation services service
medical centre center clinic practice group pty ltd limited inc health hospital physiotherapy physio rehab
rehabilitation department office street st road rd avenue ave level suite unit po box gpo nsw vic qld sa
wa tas nt act australia general practitioner doctor specialist surgeon consultant nominated treating
independent examiner senior advisor adviser officer coordinator director partner solicitor lawyers legal
monday tuesday wednesday thursday friday saturday sunday yes no n/a unknown not applicable illegible
handwritten print name dob occupation address employee patient claimant position hours days week
certificate capacity injury notice report plan note file ref our your my his her their attention attn cc
fax tel subject sent kind regards thanks thank sincerely faithfully best wishes cheers hi hello good
morning afternoon team leader tl portfolio manager contact details enclosed attached re: please
initial progress final first subsequent medicare nhs acc worksafe workcover comcare sira icare
liability decision provisional accepted disputed payments weekly piawe invoice account tax total gst
employer's worker's doctor's physician's mon tue wed thu fri sat sun jan feb mar apr may jun jul aug
sep oct nov dec january february march april june july august september october november december
reviewed approved prepared completed entered by via on at in with per as is are was were be been
copy original confidential private urgent fyi rtw ntd gp ime cm iw er tc t/c call mr mrs ms dr
mutual express agency cover partners logistics transport industries foods corporation council
clm provider prov notification summary orders order consent incident investigation assessment review update
request letter form statement determination application authority transfer handover
examination evaluation information record records minutes conference referral approval
decline declined outcome chronology background history schedule wage wages earnings payslip
certificate certification medication treatment physiotherapy surgery injection scan imaging
""".split())
_ORG_WORDS = {"insurance", "services", "service", "group", "ltd", "limited", "claims", "medical",
              "health", "care", "solutions", "management", "workers"}
_ORG_TAIL = {"claims", "insurance", "services", "service", "pty", "ltd", "limited", "group", "agency",
             "mutual", "workers", "cover", "solutions", "medical", "health", "rehab", "rehabilitation",
             "physiotherapy", "physio", "legal", "lawyers", "investigations", "council", "club",
             "centre", "center", "clinic", "practice", "express", "logistics", "transport", "partners",
             "inc", "co", "corporation", "foods", "industries", "hospital", "care", "management"}
_TOKEN = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]\.?")
_WORD_PARTS = re.compile(r"['’\-]")
_INITIAL = re.compile(r"[A-Z]\.?")
_INVERTED = re.compile(r"([A-Z][A-Za-z'’\-]+),\s*([A-Z][A-Za-z'’\-]+(?:\s[A-Z][A-Za-z'’\-]+)?)(?=$|[\s,;(])")
_JOINERS = re.compile(r"([-'’])")


def _name_word(word: str) -> bool:
    """ "Smith", "O'Brien", "Smith-Jones", "McAllister", "Wiśniewski", "TAUFA", "J." """
    if len(word) <= 2 and _LETTER.fullmatch(word):
        return word[0].isupper()
    stem = word.rstrip(".")
    parts = _WORD_PARTS.split(stem) if ("-" in stem or "'" in stem or "’" in stem) else [stem]
    if not all(p.isalpha() for p in parts) or not word[0].isupper():
        return False
    return all(p[0].isupper() or len(p) > 1 for p in parts)


@dataclass(frozen=True, slots=True)
class Read:
    start: int  # offsets into the text given to the reader
    end: int
    value: str


def _clean(word: str) -> str:
    return word.strip(",.;:()[]\"'*").replace("’", "'")


def _title_re(lexicon: Lexicon) -> re.Pattern[str]:
    return _titles(lexicon.titles)


@lru_cache(maxsize=8)
def _titles(names: frozenset[str]) -> re.Pattern[str]:
    titles = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(t.rstrip(".")) for t in titles)
    return re.compile(rf"(?:(?:{body})(?:\.\s*|\s+))+", re.IGNORECASE)


def read_person(text: str, lexicon: Lexicon, *, need_two: bool = True) -> Read | None:
    """A person's name at the start of ``text`` ("Dr Anita Raman MBBS", "TAUFA, TAMA",
    "S. Mancini"); None when the text does not start with one."""
    lead = len(text) - len(text.lstrip(" \t:-–|*>(\"'"))
    body = text[lead:]
    title = _title_re(lexicon).match(body)
    pos = title.end() if title else 0
    inverted = _inverted(body[pos:], lexicon)
    if inverted:
        return Read(lead + pos + inverted.start, lead + pos + inverted.end, inverted.value)
    words = _name_words(body, pos, lexicon)
    last_end = words[-1][1] if words else pos
    nxt = _TOKEN.search(body, last_end)
    if nxt and _clean(nxt.group(0)).lower() in _ORG_TAIL and body[last_end:nxt.start()] == " ":
        return None  # "Dandenong Ranges Claims Agency": an organisation, not a person
    while words and (words[-1][0].lower() in _PARTICLES or _INITIAL.fullmatch(words[-1][0])):
        words.pop()
    names = [w for w, _ in words]
    if not names or (need_two and len(names) < 2) or all(len(w.rstrip(".")) < 2 for w in names):
        return None
    end = words[-1][1]
    words = names
    if not title and len(words) >= 2 and all(w.isupper() and len(w) <= 3 for w in words):
        return None  # "NSW ACT", acronyms
    value = " ".join(words)
    if value.replace(".", "").replace(" ", "").isupper():
        value = _soften(value)
    return Read(lead, lead + end, value)


def _name_words(body: str, pos: int, lexicon: Lexicon) -> list[tuple[str, int]]:
    """The words of a name from ``pos``: (word, end offset in ``body``)."""
    words: list[tuple[str, int]] = []
    last_end = pos
    for match in _TOKEN.finditer(body, pos):
        raw = match.group(0)
        if words and (body[last_end:match.start()] not in (" ", "") or raw[0] in "([<{\"'"):
            break  # a wide gap, a line break, punctuation or a bracket ends the name
        word = _clean(raw)
        if not _fits(word, words, lexicon):
            break
        initial = len(word) <= 2 and _INITIAL.fullmatch(word) is not None
        kept = raw.rstrip(",;:)") if initial else raw.rstrip(",;:).")
        last_end = match.start() + len(kept)
        words.append((word if initial else word.rstrip("."), last_end))
        if raw.rstrip(".").endswith((",", ";", ")")) or len(words) == 4 or (
                raw.endswith(".") and not initial):
            break
    return words


def _fits(word: str, words: list[tuple[str, int]], lexicon: Lexicon) -> bool:
    """Can ``word`` continue the name ``words``?"""
    if not word:
        return False
    if words and word.isupper() != words[0][0].isupper() and len(word) > 1 and len(words[0][0]) > 1:
        return False  # "Kyle Huang MBBS", "KIRRA UGLE Occupation"
    low = word.lower().rstrip(".")
    if low in lexicon.postnominals or (low in _NOT_NAMES and low not in _PARTICLES):
        return False
    if "-" in low and any(part in _ORG_WORDS for part in low.split("-")[1:]):
        return False  # "Self-Insurance"
    return _name_word(word) or bool(words and low in _PARTICLES)


def _inverted(text: str, lexicon: Lexicon) -> Read | None:
    """ "TAUFA, TAMA" or "Huang, Kyle": a surname, a comma, then given names."""
    m = _INVERTED.match(text)
    if not m:
        return None
    surname, given = m.group(1), m.group(2)
    words = given.split()
    if any(w.lower() in _NOT_NAMES or w.lower() in lexicon.postnominals for w in [surname, *words]):
        return None
    if given.isupper() and not surname.isupper():
        return None  # "Dallas, TX"
    if len(words[0]) < 2 or (given.isupper() and len(given) <= 3):
        return None
    value = f"{given} {surname}"
    if value.replace(" ", "").isupper() or surname.isupper():
        value = _soften(value)
    return Read(m.start(), m.end(), value)


def _soften(text: str) -> str:
    """ "KIRRA UGLE" -> "Kirra Ugle", "O'BRIEN" -> "O'Brien"."""
    out = []
    for word in text.split():
        if len(word) <= 2 and word.endswith("."):
            out.append(word)
            continue
        parts = _JOINERS.split(word.lower())
        out.append("".join(p.capitalize() if p not in "-'’" else p for p in parts))
    return " ".join(out)


_ORG_STOP = re.compile(
    r"\.\s+(?=[A-Z][a-z])|\s\(|\s-\s|;|\s+(?:ABN|ACN|Ph|Phone|Tel|T:|Fax|Email|E:)\b|,\s*(?=\d|Unit\b|Level\b|Suite\b|"
    r"PO\b|P\.O\.|GPO\b|Shop\b|Factory\b|Lot\b|Locked Bag\b)|\s{2,}|\t|\s\|")
_NOT_ORG = re.compile(r"(?:the\s+)?(?:worker|employee|insurer|claimant)\b", re.IGNORECASE)
_GENERIC = {"yes", "no", "n/a", "na", "nil", "none", "unknown", "self", "self-employed", "tbc",
            "not applicable", "see attached", "as above", "same", "other", "details"}


def read_org(text: str, *, capitals: bool = False) -> Read | None:
    """An organisation name at the start of ``text``, up to its address, phone or a bracket;
    with ``capitals`` (names in running text) also up to the first lower-case word."""
    lead = len(text) - len(text.lstrip(" \t:-–|*>"))
    body = text[lead:]
    stop = _ORG_STOP.search(body)
    end = stop.start() if stop else len(body)
    if capitals:
        for word in _TOKEN.finditer(body[:end]):
            if word.group(0)[0].islower() and word.group(0) not in ("&", "and", "of", "the", "de"):
                end = word.start()
                break
    value = body[:end].rstrip(" .,:;-–")
    if not value or not (value[0].isupper() or value[0].isdigit()):
        return None
    if value.lower() in _GENERIC or sum(c.isalpha() for c in value) < 3 or len(value) > 90:
        return None
    if _NOT_ORG.match(value):
        return None
    shown = " ".join(value.split())
    if shown.isupper() and len(shown) > 5:
        shown = _soften(shown).replace(" And ", " and ")
    return Read(lead, lead + len(value), shown)


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9/\-.]*[A-Za-z0-9]")
_OCR_ID = [(re.compile(r"(?<=\d)[Oo](?=\d|$|[-/])|(?<=[-/])[Oo](?=\d)"), "0"),
           (re.compile(r"(?<=\d)[Il|](?=\d|$|[-/])"), "1")]
_DATE_LIKE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}([/.\-]\d{1,4})?$")
_ID_LEAD = re.compile(r"[\s:#.\-–|]*(?:no\.?\s*|number\s*|#\s*)?(?:\([^)]{0,20}\)[\s:#.\-–|]*)?",
                      re.IGNORECASE)
_PHONE = re.compile(r"\d{2,4}[- ]?\d{3,4}[- ]?\d{3,4}")
_NOT_DIGIT = re.compile(r"\D")


def read_claim_id(text: str) -> Read | None:
    """A claim number or reference at the start of ``text`` ("GIS/24/347870", "3O2-884-19O5")."""
    m = _ID_LEAD.match(text)
    pos = m.end() if m else 0
    found = _ID.match(text, pos)
    if not found:
        return None
    token = found.group(0).rstrip(".-/")
    for pattern, digit in _OCR_ID:
        token = pattern.sub(digit, token)
    digits = sum(c.isdigit() for c in token)
    if digits < 4 or len(token) < 5 or len(token) > 24 or _DATE_LIKE.match(token):
        return None
    if _PHONE.fullmatch(token) and token.startswith(("04", "13", "18", "02", "03", "07", "08")) \
            and len(_NOT_DIGIT.sub("", token)) == 10:
        return None  # a phone number
    return Read(found.start(), found.start() + len(token), token.upper())


# Specific structures named by the region a claim file records.
_REGION = {"rotator cuff": "shoulder", "lumbar spine": "lower back", "cervical spine": "neck",
           "thoracic spine": "upper back", "achilles": "ankle", "hamstring": "thigh",
           "index finger": "fingers", "middle finger": "fingers", "ring finger": "fingers",
           "little finger": "fingers", "finger": "fingers", "toe": "toes"}


def read_body_part(text: str, lexicon: Lexicon) -> Read | None:
    """The first body part named in ``text``, with its side when given."""
    m = _body_parts(lexicon.body_parts).search(text)
    if not m:
        return None
    side = (m.group(1) or "").lower()
    side = {"l": "left", "r": "right"}.get(side, side)
    part = m.group(2).lower()
    value = f"{side} {_REGION.get(part, part)}".strip()
    return Read(m.start(), m.end(), value)


@lru_cache(maxsize=8)
def _body_parts(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = "|".join(re.escape(p) for p in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:(left|right|both|bilateral|l|r)\)?\s+)?({parts})\b", re.IGNORECASE)
