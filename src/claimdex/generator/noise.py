"""Plain text from the generator markup, and text-level noise that imitates OCR and faxes.

- :func:`parse_markup` splits the markup of :mod:`claimdex.generator.model` into blocks
  (shared by the renderers).
- :func:`strip_markup` turns markup into the plain text a person would see.
- :func:`ocr_noise` corrupts text like a poor OCR pass; :func:`fax_header` makes the line a
  fax machine prints across the top of a page.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass

BOX_RE = re.compile(r"\[( |x|X)\]")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")


@dataclass(frozen=True, slots=True)
class Block:
    """One markup construct. ``kind``: h1, h2, text, box, table, rule, blank."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    header: bool = False  # tables: the first row was followed by a |---| separator


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return tuple(c.strip() for c in inner.split("|"))


def parse_markup(text: str) -> list[Block]:
    """Split markup into blocks; consecutive table rows form one ``table`` block."""
    blocks: list[Block] = []
    rows: list[tuple[str, ...]] = []
    header = False

    def flush() -> None:
        nonlocal rows, header
        if rows:
            blocks.append(Block("table", rows=tuple(rows), header=header))
        rows, header = [], False

    for raw in text.splitlines():
        line = raw.rstrip()
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            cells = _cells(stripped)
            if cells and all(_SEPARATOR_CELL.match(c) for c in cells if c) and any(cells):
                header = len(rows) == 1 or header
                continue
            rows.append(cells)
            continue
        flush()
        if not stripped:
            blocks.append(Block("blank"))
        elif stripped.startswith("## "):
            blocks.append(Block("h2", stripped[3:].strip()))
        elif stripped.startswith("# "):
            blocks.append(Block("h1", stripped[2:].strip()))
        elif stripped in ("---", "***", "___") or re.fullmatch(r"-{3,}", stripped):
            blocks.append(Block("rule"))
        elif BOX_RE.match(stripped):
            blocks.append(Block("box", line))
        else:
            blocks.append(Block("text", line))
    flush()
    return blocks


def boxes(text: str, style: str = "brackets") -> str:
    """Replace ``[x]``/``[ ]`` with the chosen style: brackets, glyphs, or ascii (X / _)."""
    if style == "glyphs":
        return BOX_RE.sub(lambda m: "☐" if m.group(1) == " " else "☒", text)
    if style == "ascii":
        return BOX_RE.sub(lambda m: "( )" if m.group(1) == " " else "(X)", text)
    return BOX_RE.sub(lambda m: "[ ]" if m.group(1) == " " else "[X]", text)


def _table_text(rows: tuple[tuple[str, ...], ...], style: str, box_style: str) -> list[str]:
    rows = tuple(tuple(boxes(c, box_style) for c in r) for r in rows)
    if style == "pipes":
        return [" | ".join(c for c in r) for r in rows]
    if style == "tabs":
        return ["\t".join(r) for r in rows]
    width = max(len(r) for r in rows)
    cols = [max((len(r[i]) for r in rows if i < len(r)), default=0) for i in range(width)]
    out = []
    for r in rows:
        cells = [(r[i] if i < len(r) else "").ljust(min(cols[i], 40)) for i in range(width)]
        out.append("  ".join(cells).rstrip())
    return out


def strip_markup(text: str, rng: random.Random | None = None, *, box_style: str | None = None,
                 table_style: str | None = None, upper_titles: bool | None = None) -> str:
    """Markup to plain text: headings without '#', boxes as [X]/[ ] (or ☒/☐), tables as
    aligned columns (or ' | '-separated). With ``rng``, unset styles are drawn at random;
    without it the defaults are brackets, aligned columns, titles as written."""
    if box_style is None:
        box_style = rng.choice(("brackets", "brackets", "glyphs", "ascii")) if rng else "brackets"
    if table_style is None:
        table_style = rng.choice(("aligned", "aligned", "pipes", "tabs")) if rng else "aligned"
    if upper_titles is None:
        upper_titles = rng.random() < 0.3 if rng else False
    lines: list[str] = []
    for block in parse_markup(text):
        if block.kind == "h1":
            lines.append(block.text.upper() if upper_titles else block.text)
        elif block.kind == "h2":
            lines.append(block.text)
        elif block.kind in ("text", "box"):
            lines.append(boxes(block.text, box_style))
        elif block.kind == "table":
            lines.extend(_table_text(block.rows, table_style, box_style))
        elif block.kind == "rule":
            lines.append("-" * 40 if (rng is None or rng.random() < 0.5) else "")
        else:
            lines.append("")
    out = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", out).strip("\n") + "\n"


# --------------------------------------------------------------------------- OCR noise

# (from, to) confusions seen in OCR output; applied inside words.
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"), ("m", "rn"), ("l", "1"), ("1", "l"), ("I", "l"), ("l", "I"), ("O", "0"),
    ("0", "O"), ("cl", "d"), ("d", "cl"), ("e", "c"), ("c", "e"), ("S", "5"), ("5", "S"),
    ("B", "8"), ("8", "B"), ("g", "q"), ("h", "b"), ("ri", "n"), ("vv", "w"), ("w", "vv"),
    ("i", "í"), ("a", "o"), ("u", "n"), ("n", "u"), ("t", "f"), ("fi", "ﬁ"), ("Z", "2"),
    ("ll", "Il"), (".", ","), (",", "."), ("/", "I"),
)
_STRAY = (".", ",", "'", "`", "~", ":", ";", "-", "_", "^", "|", "»", "‘", "*")


def _corrupt_word(word: str, rng: random.Random) -> str:
    action = rng.random()
    if action < 0.55:
        options = [(a, b) for a, b in CONFUSIONS if a in word]
        if options:
            a, b = rng.choice(options)
            starts = [m.start() for m in re.finditer(re.escape(a), word)]
            i = rng.choice(starts)
            return word[:i] + b + word[i + len(a):]
    if len(word) > 2 and action < 0.7:
        i = rng.randrange(len(word))
        return word[:i] + word[i + 1:]  # dropped character
    if action < 0.8:
        i = rng.randrange(len(word))
        return word[:i] + word[i] + word[i:]  # duplicated character
    if action < 0.92:
        i = rng.randrange(len(word) + 1)
        return word[:i] + rng.choice(_STRAY) + word[i:]
    if word.isalpha():
        return word.swapcase() if len(word) < 3 else word[0] + word[1:].upper()
    return word


def ocr_noise(text: str, rng: random.Random, level: float = 0.05) -> str:
    """Corrupt ``text`` like a poor OCR pass. ``level`` (0..1) is roughly the share of
    words touched: character confusions (rn/m, l/1/I, O/0, cl/d, e/c ...), dropped and
    doubled characters, stray punctuation, words broken across lines, merged or doubled
    spaces, and occasionally a lost line break."""
    if level <= 0:
        return text
    level = min(1.0, level)
    out_lines: list[str] = []
    for line in text.split("\n"):
        parts = re.split(r"( +)", line)
        pieces: list[str] = []
        for part in parts:
            if not part:
                continue
            if part.startswith(" "):
                r = rng.random()
                if r < level * 0.25:
                    continue  # merged words
                if r < level * 0.4:
                    part = part + " "
                pieces.append(part)
                continue
            word = part
            if rng.random() < level:
                word = _corrupt_word(word, rng)
            if len(word) > 5 and rng.random() < level * 0.12:
                cut = rng.randint(2, len(word) - 2)
                word = word[:cut] + rng.choice(("-\n", "\n", "- \n")) + word[cut:]
            pieces.append(word)
        new = "".join(pieces)
        if out_lines and new and rng.random() < level * 0.05:
            out_lines[-1] = out_lines[-1] + " " + new  # lost line break
        else:
            out_lines.append(new)
        if rng.random() < level * 0.03:
            out_lines.append(rng.choice(("", ".", "'", "-", "~", "|")))  # stray mark
    return "\n".join(out_lines)


# --------------------------------------------------------------------------- fax header

_FAX_NAMES = ("RECEPTION", "ADMIN", "FRONT DESK", "PRACTICE", "CLAIMS", "MEDICAL RECORDS",
              "ACCOUNTS", "OFFICE", "HR", "PAYROLL")


def fax_header(rng: random.Random, *, sender: str = "", phone: str = "",
               when: dt.datetime | dt.date | None = None, page: int = 1, pages: int = 1) -> str:
    """A fax header line such as ``12/03/2024 10:33  02 9687 1100  PARK ST MEDICAL  P.001/003``."""
    if when is None:
        when = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 5 * 365))
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day, rng.randint(7, 18), rng.randint(0, 59))
    name = (sender or rng.choice(_FAX_NAMES)).upper()[:28]
    number = phone or f"0{rng.choice('2378')} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}"
    style = rng.randrange(5)
    if style == 0:
        return (f"{when:%d/%m/%Y %H:%M}  FAX {number}  {name}  "
                f"P.{page:03d}/{pages:03d}")
    if style == 1:
        return f"{when:%b-%d-%Y %I:%M%p}  From:{number}  To:{name}  Page {page} of {pages}"
    if style == 2:
        compact = number.replace(" ", "")
        intl = "+61 " + compact[1:] if compact.startswith("0") else compact
        return f"{when:%a %d %b %Y %H:%M:%S}  {intl}  -> {name}  Pg {page}/{pages}"
    if style == 3:
        return f"{when:%d-%b-%y %H:%M}  {name}  {number}  #{rng.randint(100, 9999)}  P. {page}"
    return f"FROM : {name}   FAX NO. : {number}   {when:%d %b. %Y %H:%M}   P{page}"
