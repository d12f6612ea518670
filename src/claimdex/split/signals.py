"""Reading one page: what its top, its end and its numbering say about where it sits in a
document (letterhead, title, worker details, dates, "Page k of N", fax headers, sign-offs).
Never logs page text. The rules that weigh these signals are in claimdex.split."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------- patterns

_N = r"([\dlIO]{1,3})"  # a page number as OCR may read it ("l" for 1, "O" for 0)
_PAGE_OF = re.compile(rf"\b(?:page|pg|p)\.?\s*{_N}\s*(?:of|/)\s*{_N}\b", re.I)
_PAGE_ONLY = re.compile(r"^\W{0,3}(?:page|pg|p\.)\s*(\d{1,3})\W{0,3}$", re.I)
_BARE = re.compile(r"^\W{0,3}(\d{1,3})\W{0,3}$")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?\b", re.I)
_FAX_WORDS = re.compile(r"\b(?:fax|from|to)\b\s*[:.]?|->|#\d+|\bp\.?\s?\d{1,3}\b|\bpg\b", re.I)
_FAX_PAGE = re.compile(r"(?:\bp(?:age|g)?\.?\s*0*(\d{1,3})(?:\s*(?:/|of)\s*0*(\d{1,3}))?)\s*$",
                       re.I)
_PHONE = re.compile(r"(?:\b(?:ph|phone|tel|t|fax|f|mob|m)\b\.?\s*:?\s*[+(]?\d)|"
                    r"(?:\(0\d\)\s?\d{4}\s?\d{4})|(?:\b0\d[\s-]?\d{4}[\s-]?\d{4}\b)|"
                    r"(?:\b1[38]00[\s-]?\d{3}[\s-]?\d{3}\b)|(?:\+\d{1,3}[\s\d-]{7,})", re.I)
_CONTACT = re.compile(r"\b(?:abn|acn|a\.b\.n)\b|@[\w-]+\.[\w.]+|\bwww\.|\bpo box\b|\bgpo box\b|"
                      r"\b(?-i:NSW|VIC|QLD|SA|WA|TAS|NT)\s+\d{4}\b|"
                      r"\b(?-i:ACT)\s+(?:02|26|29)\d\d\b|"  # ACT postcodes, not "ACT 1998"
                      r"\b\d{1,4}\s+\w+\s+(?:st|street|rd|road|ave|avenue|hwy|highway|cres|ct|"
                      r"pl|place|dr|drive|lane|pde|parade|tce|terrace|blvd|way)\b", re.I)
_TITLE_WORDS = re.compile(
    r"\b(?:certificate|report|invoice|statement|notice|form|plan|application|authority|"
    r"authori[sz]ation|consent|record|notes?|minutes|referral|request|assessment|examination|"
    r"decision|summary|account|notification|diary|memo(?:randum)?|handover|subpoena|"
    r"determination|letter|claim|review|approval|schedule|advice|receipt|quote|estimate)\b",
    re.I)
_IDENTITY = re.compile(
    r"^\s*(?:re\s*:\s*)?(?:worker|claimant|patient|employee|injured worker|iw|client|insured|"
    r"(?:worker'?s?\s+|full\s+|patient'?s?\s+)?name|surname|claim\s*(?:no\.?|number|#|ref)?|"
    r"dob|d\.o\.b\.?|date of birth|doi|d\.o\.i\.?|date of injury)\s*[:#.]", re.I)
_BULLET = re.compile(r"^\s*(?:[-•*·–>o]\s|\(?[a-z0-9]{1,2}[.)]\s+[a-z])")
_SALUTATION = re.compile(r"^\s*(?:dear|hi|hello|good (?:morning|afternoon))\b", re.I)
_REFERENCE = re.compile(r"^\s*(?:re|subject|our ref|your ref)\s*[:.]", re.I)
_EMAIL_HEAD = re.compile(r"^\s*(from|to|sent|date|subject|cc)\s*:", re.I)
_CLOSING = re.compile(
    r"\b(?:yours (?:sincerely|faithfully|truly)|kind regards|warm regards|best regards|"
    r"regards|sincerely|many thanks|ng[aā] mihi|signature|signed|end of (?:report|document)|"
    r"encl(?:osures?)?\b|cc\s*:|disclaimer|intended recipient|privacy)", re.I)
# A page that opens with the end of a letter (a sign-off, enclosures, copies) is its tail.
_TAIL = re.compile(r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|warm|best)\s+regards|"
                   r"regards\b|sincerely\b|many thanks|encl(?:osures?)?\b|cc\s*:|"
                   r"attachments?\s*:)", re.I)
_CONTINUED = re.compile(r"\b(?:continued|cont['’]?d|\(cont\.?\))", re.I)
_CLAIM_NO = re.compile(
    r"\bclaim\s*(?:no\.?|number|num|#|ref(?:erence)?)\s*(?:\(if known\))?\s*[:.]?\s*"
    r"([A-Z0-9](?:[A-Z0-9/\-.]| (?=\d)){3,22}[A-Z0-9])", re.I)
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?,?[\s-]+\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\b", re.I)
# A numbered or lettered part of a document ("3. Opinion", "4.2 Treatment", "PART 3 - INJURY",
# "Section 5", "Appendix B", "Schedule 1"): a heading inside a document, never its title.
_SECTION = re.compile(
    r"^\s*(?:(?P<part>part|section|chapter)\s+(?P<n>\d{1,3}|[ivx]{1,6}|[a-h])\b|"
    r"(?:appendix|annexure|annex|attachment|schedule|exhibit)\s+(?:\d{1,3}|[ivx]{1,6}|[a-h])\b|"
    r"\(?(?P<m>\d{1,2})(?:\.\d{1,2})*[.)]\s+\S|(?P<k>\d{1,2})\.\d{1,2}\s+\S|"
    r"(?-i:(?P<a>[A-H])[.)]\s+[A-Z]{2}))", re.I)
# An amount of money: a line with a date and an amount is a row of a table (of accounts,
# payments), not a document's date.
_MONEY = re.compile(r"[$£€]\s?\d|(?<![\d.:])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.])")
_BLANK_PHRASE = re.compile(r"(?:this page (?:is )?(?:intentionally )?(?:left )?blank|"
                           r"page intentionally left blank)", re.I)
_TOP_LINES = 10
_END_LINES = 6


# --------------------------------------------------------------------------- page signals


@dataclass(frozen=True, slots=True)
class PageSignals:
    number: int
    blank: bool
    page_of: tuple[int, int] | None  # "Page k of N" in the page's first or last lines
    page_only: int | None  # "Page k" or a lone number as the first or last line
    fax_sender: str  # the letters of the fax header line, "" when none
    fax_page: int | None
    top: tuple[str, ...]  # normalised first lines (fax header removed)
    head: frozenset[str]  # start-of-document cues found in ``top``
    head_lines: tuple[frozenset[str], ...]  # cues per top line, to discount running headers
    opens_lower: bool  # the first text line starts in lower case
    ends_open: bool  # the last text line runs on: no closing punctuation, long
    closed: bool  # a sign-off or signature block in the last lines
    opening: bool  # "Dear ..." in the last lines: the letter's body is still to come
    dear_first: bool  # the page opens with "Dear ...": its letter's head is on the page before
    continued: bool
    claim_no: str | None
    lines: int  # text lines on the page
    chars: int  # letters and digits on the page


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _is_fax_header(line: str) -> bool:
    return bool(_CLOCK.search(line)) and len(_FAX_WORDS.findall(line)) >= 1 and \
        bool(re.search(r"\d{3,}", line)) and bool(_FAX_PAGE.search(line) or
                                                  re.search(r"\bfax\b", line, re.I))


def _line_cues(line: str, index: int) -> frozenset[str]:
    """Start-of-document cues on one of the first lines of a page. Running prose (a line of
    mostly lower-case words) carries none but a salutation or an email header."""
    cues = set()
    if _SALUTATION.match(line):
        cues.add("salutation")
    if _REFERENCE.match(line):
        cues.add("reference")
    if _EMAIL_HEAD.match(line):
        cues.add("email_head")
    if _IDENTITY.match(line) and index < 8:
        cues.add("identity")
    words = line.split()
    if _is_prose(words) or _BULLET.match(line):
        if index < 3 and _DATE.match(line):  # "18/06/2024 - Call to ..."
            cues.add("date_top")
            if _is_dateline(line):
                cues.add("dateline")
        return frozenset(cues)
    if len(words) <= 14 and (_PHONE.search(line) or _CONTACT.search(line)):
        cues.add("letterhead")
    if _SECTION.match(line):  # a part of a document: not its title
        return frozenset(cues)
    if index < 8 and (len(words) >= 2 or line.isupper()) and len(words) <= 9 \
            and _TITLE_WORDS.search(line) \
            and not line.endswith((".", ",")):  # one word ("Examination") heads a section
        cues.add("title")
    if _DATE.search(line) and (index < 3 or len(words) <= 8) and not _MONEY.search(line):
        cues.add("date_top")
        if _is_dateline(line):
            cues.add("dateline")
    letters = [ch for ch in line if ch.isalpha()]
    capitals = len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)
    if index == 0 and len(words) <= 12 and (capitals and len(words) >= 2 or "title" in cues):
        cues.add("first_title")
    return frozenset(cues)


_BODY_ONLY = frozenset({"salutation", "reference", "email_head"})  # cues that may follow text


def _above_body(cues: tuple[frozenset[str], ...], lines: list[str]) -> tuple[frozenset[str], ...]:
    """A document's head (letterhead, title, date, who it is about) stands above its body:
    cues below the first paragraph of running prose (two prose lines in a row) do not count."""
    prose = [_is_prose(x.split()) for x in lines]
    body = next((i + 1 for i in range(len(lines) - 1) if prose[i] and prose[i + 1]), len(lines))
    sections = [_section_heading(x) for x in lines]
    later = next((i for i, n in enumerate(sections) if n is not None and n != "first"), None)
    if later is not None:  # a later part of a document: the page is inside one, unless the
        body = min(body, later if "first" in sections[:later] else 0)  # document began above
    if lines and _TAIL.match(lines[0]):
        body = 0
    return tuple(c if i < body else c & _BODY_ONLY for i, c in enumerate(cues))


def _section_heading(line: str) -> str | None:
    """"first" for the heading of a document's first part ("1. Details", "PART A"), "later"
    for a later part ("3. Opinion", "PART 6 - CONSENT", "Appendix B"), else None."""
    found = _SECTION.match(line)
    if not found or len(line.split()) > 8 or re.search(r":\s*\S", line):
        return None  # not a heading: a numbered question and its answer, a list item
    number = found.group("n") or found.group("m") or found.group("k") or found.group("a")
    if number is None:
        return "later"  # an appendix, schedule, attachment ...
    return "first" if number.casefold() in ("1", "i", "a") else "later"


def _is_dateline(line: str) -> bool:
    """A date heading a line of a few words ("Date: 14 March 2024", "Friday 6 August 2021
    11:05", "2/11/2023 - Reallocation"), not a date inside a sentence or a row of a table."""
    rest = _CLOCK.sub(" ", _DATE.sub(" ", line))
    return len(_DATE.findall(line)) <= 2 and len(re.findall(r"[^\W\d_]{2,}", rest)) <= 5


def _is_prose(words: list[str]) -> bool:
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 6 and lower >= 0.5 * len(words)


def page_signals(number: int, text: str, *, blank_chars: int = 15) -> PageSignals:
    """What one page says about where it sits in a document (never logged)."""
    raw_lines = [_fold(x) for x in text.splitlines()]
    lines = [x for x in raw_lines if x]
    fax_sender, fax_page = "", None
    body = list(lines)
    for pos in (0, 1):  # fax headers print on the first line or two
        if pos < len(body) and _is_fax_header(body[pos]):
            fax_sender, fax_page = _fax_identity(body[pos])
            body.pop(pos)
            break
    alnum = sum(ch.isalnum() for ch in "".join(body))
    blank = alnum < blank_chars or (bool(_BLANK_PHRASE.search(" ".join(body))) and alnum < 80)
    page_of, page_only = _numbering(body)
    text_lines = [x for x in body if not _is_page_marker(x)]
    top = tuple(x.casefold() for x in text_lines[:_TOP_LINES])
    head_lines = _above_body(tuple(_line_cues(x, i) for i, x in enumerate(text_lines[:_TOP_LINES])),
                             text_lines[:_TOP_LINES])
    head = frozenset().union(*head_lines) if head_lines else frozenset()
    if sum("email_head" in c for c in head_lines) >= 2:
        head |= {"email_block"}
    salutation = any(_SALUTATION.match(x) for x in text_lines[:20])
    if salutation:
        head |= {"salutation"}
    first = text_lines[0] if text_lines else ""
    last = text_lines[-1] if text_lines else ""
    letters = [ch for ch in first if ch.isalpha()]
    tail = " ".join(text_lines[-_END_LINES:])
    claim = next((m for m in map(_CLAIM_NO.search, text_lines[:40]) if m), None)
    return PageSignals(
        number=number, blank=blank, page_of=page_of, page_only=page_only,
        fax_sender=fax_sender, fax_page=fax_page, top=top, head=head, head_lines=head_lines,
        opens_lower=bool(letters) and letters[0].islower() and not _EMAIL_HEAD.match(first),
        ends_open=len(last) >= 45 and last[-1:].isalnum() or last.endswith((",", "-", "and")),
        closed=bool(_CLOSING.search(tail)),
        opening=any(_SALUTATION.match(x) for x in text_lines[-2:]),
        dear_first=bool(re.match(r"\s*dear\b", first, re.I)),
        continued=any(_CONTINUED.search(x) for x in text_lines[:3]),
        claim_no=_claim_key(claim.group(1)) if claim else None,
        lines=len(text_lines), chars=alnum,
    )


def _fax_identity(line: str) -> tuple[str, int | None]:
    found = _FAX_PAGE.search(line)
    page = int(found.group(1)) if found else None
    letters = re.sub(r"[^a-z]+", " ", line.casefold())
    letters = re.sub(r"\b(?:fax|from|to|no|page|pg|p|of|am|pm|jan|feb|mar|apr|may|jun|jul|aug|"
                     r"sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\b", " ", letters)
    return " ".join(letters.split()), page


def _is_page_marker(line: str) -> bool:
    return bool(_PAGE_ONLY.match(line) or _BARE.match(line) or
                (len(line) < 30 and _PAGE_OF.search(line)))


def _numbering(lines: list[str]) -> tuple[tuple[int, int] | None, int | None]:
    edge = lines[-3:][::-1] + lines[:3]  # footers first, then headers
    page_of = None
    for line in edge:
        found = _PAGE_OF.search(line)
        if found and not _CLOCK.search(line):
            k, n = _number(found.group(1)), _number(found.group(2))
            if 1 <= k <= n:
                page_of = (k, n)
                break
    page_only = None
    for line in (lines[-1:] + lines[:1]) if lines else []:
        found = _PAGE_ONLY.match(line) or _BARE.match(line)
        if found:
            page_only = int(found.group(1))
            break
    return page_of, page_only


def _number(text: str) -> int:
    digits = text.translate(str.maketrans("lIO", "110"))
    return int(digits) if digits.isdigit() else 0


def _claim_key(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.casefold().replace("o", "0"))

