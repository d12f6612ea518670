"""The naming convention: safe file names rendered from a template, and the type codes.

``safe_filename`` makes any string a name that Windows, macOS and Linux shares all accept
(no reserved characters or device names, no trailing dots or spaces, no control characters,
Unicode NFC, at most ``max_chars`` characters and 255 UTF-8 bytes); it is deterministic and
idempotent. A :class:`NameTemplate` such as the default
``{claim_number}_{date:%Y-%m-%d}_{type_code}_{author}_{n}.{ext}`` renders a document's name;
unknown values render as visible placeholders (``UNDATED``, ``NOAUTHOR``, ``NOCLAIM``) and
``{n}`` appears only where two documents would otherwise share a name (see
:func:`assign_names`).
"""

from __future__ import annotations

import datetime as dt
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimdex.errors import ConfigError
from claimdex.models import FIELD_NAMES, ClaimView, DocumentView, Field

DEFAULT_TEMPLATE = "{claim_number}_{date:%Y-%m-%d}_{type_code}_{author}_{n}.{ext}"
MAX_CHARS = 150
MAX_BYTES = 255
LABELS_DIR = Path(__file__).resolve().parents[2] / "labels"
TAXONOMY_FILE = LABELS_DIR / "taxonomy.yaml"

_RESERVED_CHARS = frozenset('<>:"/\\|?*')
_RESERVED_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{dev}{i}" for dev in ("COM", "LPT") for i in (*"0123456789", "¹", "²", "³")})
_REPLACED_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn", "Zl", "Zp"})
_EXT = re.compile(r"[A-Za-z0-9]{1,10}")
_SEPARATORS = "_-. "


# -- the sanitiser ----------------------------------------------------------------------------

def safe_filename(name: str, *, max_chars: int = MAX_CHARS, empty: str = "unnamed") -> str:
    """``name`` made safe as one file name on Windows, macOS and Linux shares.

    Idempotent (``safe_filename(safe_filename(x)) == safe_filename(x)``), deterministic,
    never empty, at most ``max_chars`` characters and 255 bytes in UTF-8. A short extension
    (1-10 letters or digits) is kept whole when the name must be shortened.
    """
    max_chars = max(16, min(max_chars, MAX_BYTES))
    current = name
    for _ in range(6):  # each pass is close to idempotent; iterate to the fixed point
        cleaned = _sanitise_once(current, max_chars, empty)
        if cleaned == current:
            break
        current = cleaned
    return current


def _sanitise_once(name: str, max_chars: int, empty: str) -> str:
    text = unicodedata.normalize("NFC", name)
    chars = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch in _RESERVED_CHARS or category in _REPLACED_CATEGORIES:
            chars.append("_")
        elif category == "Cf":  # zero-width and bidi controls: invisible, dropped
            continue
        elif category == "Zs":
            chars.append(" ")
        else:
            chars.append(ch)
    text = re.sub(r" {2,}", " ", "".join(chars))
    stem, ext = _split_ext(text)
    stem = stem.strip(" .")
    first = stem.split(".", 1)[0].rstrip(" ")
    if first.upper() in _RESERVED_NAMES:
        stem = first + "_" + stem[len(first):]
    if not stem:
        stem = empty
    suffix = f".{ext}" if ext else ""
    budget_chars = max_chars - len(suffix)
    budget_bytes = MAX_BYTES - len(suffix.encode("utf-8"))
    if len(stem) > budget_chars or len(stem.encode("utf-8")) > budget_bytes:
        stem = stem[:budget_chars]
        while len(stem.encode("utf-8")) > budget_bytes:
            stem = stem[:-1]
        stem = unicodedata.normalize("NFC", stem).rstrip(" .") or empty
    return stem + suffix


def _split_ext(text: str) -> tuple[str, str]:
    stem, dot, ext = text.rpartition(".")
    if dot and stem.strip(" .") and _EXT.fullmatch(ext):
        return stem, ext
    return text, ""


def is_safe_filename(name: str, *, max_chars: int = MAX_CHARS) -> bool:
    return bool(name) and safe_filename(name, max_chars=max_chars) == name


# -- the taxonomy's type codes -----------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TypeInfo:
    id: str
    code: str
    name: str
    also_called: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Taxonomy:
    types: tuple[TypeInfo, ...]
    unknown_code: str = "UNK"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.types)

    @property
    def codes(self) -> tuple[str, ...]:
        return (*(t.code for t in self.types), self.unknown_code)

    def code(self, doc_type: str | None) -> str:
        return next((t.code for t in self.types if t.id == doc_type), self.unknown_code)


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """The document types and their short codes from ``labels/taxonomy.yaml``."""
    import yaml

    path = path or TAXONOMY_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path} could not be read ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict) or data.get("schema_version") != 1 or not data.get("types"):
        raise ConfigError(f"{path} is not a claimdex taxonomy (schema_version 1 with types)")
    types = []
    for item in data["types"]:
        if not isinstance(item, dict) or not item.get("id") or not item.get("code"):
            raise ConfigError(f"{path}: every type needs an id and a code")
        types.append(TypeInfo(str(item["id"]), str(item["code"]), str(item.get("name", item["id"])),
                              tuple(str(a) for a in item.get("also_called") or ())))
    unknown = (data.get("unknown") or {}).get("code", "UNK")
    return Taxonomy(tuple(types), str(unknown))


# -- field values -----------------------------------------------------------------------------

DATE_FIELDS = frozenset({"doc_date", "injury_date", "notification_date", "cert_from", "cert_to",
                         "exam_date"})
PERSON_FIELDS = frozenset({"author", "worker", "case_manager", "examiner", "handover_from",
                           "handover_to", "nominated_treating_doctor"})
SPECIAL_FIELDS = ("date", "type_code", "type", "claim", "original", "n", "ext")
TEMPLATE_FIELDS = frozenset((*SPECIAL_FIELDS, *FIELD_NAMES))
PLACEHOLDERS = {"date": "UNDATED", "doc_date": "UNDATED", "claim_number": "NOCLAIM",
                "claim": "NOCLAIM", "author": "NOAUTHOR", "worker": "NOWORKER",
                "employer": "NOEMPLOYER", "type_code": "UNK", "type": "unknown",
                "original": "unnamed"}
_FIELD_CAP = {"author": 24, "worker": 24, "employer": 24, "original": 60}
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "assoc",
                     "a/prof", "associate", "sir", "dame", "rev", "doctor"})
_ORG_WORDS = frozenset({"pty", "ltd", "limited", "inc", "services", "group", "clinic", "hospital",
                        "centre", "center", "medical", "insurance", "lawyers", "solicitors",
                        "partners", "health", "physiotherapy", "rehabilitation", "council",
                        "department", "associates", "company", "corporation", "practice",
                        "radiology", "pathology", "imaging", "consulting", "solutions", "care"})
_ORG_DROP = frozenset({"pty", "ltd", "limited", "inc", "the", "and", "&", "of"})


def placeholder(name: str) -> str:
    return PLACEHOLDERS.get(name, "NO" + name.replace("_", "").upper())


def clean_value(text: str, limit: int = 40) -> str:
    """A field value as a name part: letters and digits, runs of anything else become '-'.

    Values never contain '_' or '.', so the template's separators stay unambiguous."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch if ch.isalnum() and ch.isprintable() else "" if ch in "'’" else "-"
                   for ch in text)
    text = re.sub(r"-{2,}", "-", text).strip("-")
    return text[:limit].rstrip("-")


def short_person(name: str) -> str:
    """'Dr Charlotte Aumua, MBBS' -> 'Aumua-C'; organisations -> 'StringybarkCleaningServices'."""
    text = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFC", name)).strip()
    if "," in text:
        head, _, tail = text.partition(",")
        if len(head.split()) == 1 and tail.strip() and len(tail.split()) <= 3 \
                and not any(w.isupper() and len(w) > 2 for w in tail.split()):
            text = f"{tail} {head}"  # "Aumua, Charlotte"
        else:
            text = head  # "Charlotte Aumua, MBBS FRACGP" or "Lan Nguyen, Case Manager"
    words = [w for w in text.replace(".", " ").split() if w.strip("-'")]
    if words and all(w.isupper() for w in words if any(c.isalpha() for c in w)):
        words = [w.title() for w in words]
    if any(w.lower().strip(",") in _ORG_WORDS for w in words):
        kept = [w for w in words if w.lower() not in _ORG_DROP]
        kept = [w for w in kept if w.lower() not in _ORG_WORDS] or kept
        return clean_value("".join(w[:1].upper() + w[1:] for w in kept[:3]), _FIELD_CAP["employer"])
    words = [w for w in words if w.lower().strip(".") not in _TITLES]
    if len(words) >= 2:
        return clean_value(f"{words[-1]}-{words[0][:1]}", _FIELD_CAP["author"])
    return clean_value(" ".join(words), _FIELD_CAP["author"])


@dataclass(frozen=True, slots=True)
class NameRecord:
    """What a name is rendered from: one document plus facts about its file and claim."""

    document: DocumentView
    type_code: str
    claim_number: str | None  # the document's own, else the claim's most stated number
    ext: str  # lower-case, without the dot; "" when the file has none
    original: str  # the current file name without extension

    def value(self, name: str, spec: str = "") -> str | None:
        doc = self.document
        if name == "type_code":
            return self.type_code
        if name == "type":
            return doc.doc_type if doc.doc_type and doc.doc_type != "unknown" else None
        if name == "claim":
            return clean_value(doc.claim) or None
        if name == "original":
            return clean_value(self.original, _FIELD_CAP["original"]) or None
        if name == "claim_number":
            return clean_value(self.claim_number or "") or None
        field = "doc_date" if name == "date" else name
        raw = doc.value(field)
        if not raw:
            return None
        if field in DATE_FIELDS:
            try:
                day = dt.date.fromisoformat(raw)
            except ValueError:
                return None
            return day.strftime(spec or "%Y-%m-%d")
        if field in PERSON_FIELDS:
            return short_person(raw) or None
        if field == "employer":
            return short_person(raw + " Pty") or None
        return clean_value(raw, _FIELD_CAP.get(field, 40)) or None


def name_record(doc: DocumentView, *, taxonomy: Taxonomy, claim_number: str | None = None) -> NameRecord:
    path = Path(doc.path)
    stem, ext = _split_ext(path.name)
    return NameRecord(doc, taxonomy.code(doc.doc_type), doc.value("claim_number") or claim_number,
                      ext.lower(), stem)


def claim_number_of(view: ClaimView) -> str | None:
    """The claim number most documents of the claim state (ties: the smallest), or None."""
    counts = Counter(v for d in view.documents if (v := d.value("claim_number")))
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


# -- the template -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Part:
    literal: str
    field: str | None
    spec: str


@dataclass(frozen=True, slots=True)
class NameTemplate:
    text: str
    parts: tuple[_Part, ...]
    max_chars: int = MAX_CHARS

    @classmethod
    def parse(cls, text: str, *, max_chars: int = MAX_CHARS, source: str = "the naming template"
              ) -> NameTemplate:
        """Parse and validate ``text``: known fields only, ``{ext}`` required, no folders.

        Validation renders the template against a dummy record, so a bad template fails
        before the first file is touched."""
        try:
            parsed = list(string.Formatter().parse(text))
        except ValueError as exc:
            raise ConfigError(f"{source} {text!r} is not a valid template ({exc})") from exc
        parts = []
        for literal, field, spec, conversion in parsed:
            if any(c in literal for c in "/\\"):
                raise ConfigError(f"{source} {text!r} contains a folder separator; names only")
            if field is not None and field not in TEMPLATE_FIELDS:
                raise ConfigError(f"{source} uses unknown field {{{field}}}; known fields: "
                                  f"{', '.join(sorted(TEMPLATE_FIELDS))}")
            if conversion or (spec and "{" in spec):
                raise ConfigError(f"{source}: field {{{field}}} may not use conversions or nesting")
            parts.append(_Part(literal, field or None, spec or ""))
        fields = [p.field for p in parts if p.field]
        if "ext" not in fields:
            raise ConfigError(f"{source} {text!r} must contain {{ext}} so files keep their type")
        if "n" not in fields:  # collisions still need a number: put it before the extension
            at = next(i for i, p in enumerate(parts) if p.field == "ext")
            dot = parts[at].literal.rstrip(".")
            sep = parts[at].literal[len(dot):]
            parts[at:at + 1] = [_Part(dot + "_", "n", ""), _Part(sep, "ext", parts[at].spec)]
        template = cls(text, tuple(parts), max_chars)
        template._check(source)
        return template

    def _check(self, source: str) -> None:
        for part in self.parts:
            try:
                if part.field == "n":
                    format(1, part.spec)
                elif part.field in DATE_FIELDS or part.field == "date":
                    dt.date(2024, 3, 9).strftime(part.spec or "%Y-%m-%d")
                elif part.field:
                    format("x", part.spec)
            except ValueError as exc:
                raise ConfigError(f"{source}: bad format {part.spec!r} for {{{part.field}}}") from exc
        for n in (None, 2):
            for record in (_dummy_record(), _dummy_record(empty=True)):
                name = self._render_raw(record, n)
                if not is_safe_filename(name, max_chars=self.max_chars) or not name.endswith(".pdf"):
                    raise ConfigError(f"{source} {self.text!r} renders a name that is not safe on "
                                      f"every file system ({name!r}); avoid \\ / : * ? \" < > | "
                                      "and leading or trailing dots and spaces")

    def render(self, record: NameRecord, *, n: int | None = None) -> str:
        """The file name for ``record`` (``n`` None: no sequence number)."""
        return safe_filename(self._render_raw(record, n), max_chars=self.max_chars)

    def _render_raw(self, record: NameRecord, n: int | None) -> str:
        pieces: list[list] = []  # [text, shrinkable]
        drop_next_sep = False
        for part in self.parts:
            literal = part.literal
            if drop_next_sep and literal and literal[0] in _SEPARATORS:
                literal = literal[1:]
            drop_next_sep = False
            if literal:
                pieces.append([literal, False])
            if part.field is None:
                continue
            value = self._value(part, record, n)
            if value is None:  # optional and absent: drop it with one separator before it
                if pieces and not pieces[-1][1] and pieces[-1][0] and pieces[-1][0][-1] in _SEPARATORS:
                    pieces[-1][0] = pieces[-1][0][:-1]
                elif not pieces:
                    drop_next_sep = True
                continue
            pieces.append([value, part.field not in ("n", "ext")])
        _shrink(pieces, self.max_chars)
        return "".join(p[0] for p in pieces)

    @staticmethod
    def _value(part: _Part, record: NameRecord, n: int | None) -> str | None:
        if part.field == "n":
            return None if n is None else format(n, part.spec)
        if part.field == "ext":
            return record.ext or None
        value = record.value(part.field, part.spec)
        if value is None:
            return placeholder(part.field)
        if part.spec and part.field not in DATE_FIELDS and part.field != "date":
            value = clean_value(format(value, part.spec)) or placeholder(part.field)
        return value

    def pattern(self, taxonomy: Taxonomy) -> re.Pattern[str]:
        """A regular expression that every name this template renders matches."""
        out: list[str] = []
        optional_sep = False  # an absent {n} at the very start drops the separator after it
        for part in self.parts:
            literal = part.literal
            if optional_sep and literal and literal[0] in _SEPARATORS:
                out.append(re.escape(literal[0]) + "?")
                literal = literal[1:]
            optional_sep = False
            optional = part.field in ("n", "ext")
            body = r"\d+" if part.field == "n" else r"[a-z0-9]{1,10}"
            if optional and literal and literal[-1] in _SEPARATORS:
                out.append(re.escape(literal[:-1]) + f"(?:{re.escape(literal[-1])}{body})?")
                continue
            out.append(re.escape(literal))
            if optional:
                optional_sep = not "".join(out)
                out.append(f"(?:{body})?")
            elif part.field is not None:
                out.append(_field_regex(part, taxonomy))
        return re.compile("".join(out))


def _field_regex(part: _Part, taxonomy: Taxonomy) -> str:
    if part.field == "type_code":
        return "(?:" + "|".join(re.escape(c) for c in taxonomy.codes) + ")"
    if part.field == "type":
        return "(?:" + "|".join(re.escape(t) for t in (*taxonomy.ids, "unknown")) + ")"
    if part.field == "date" or part.field in DATE_FIELDS:
        return f"(?:{re.escape(placeholder(part.field))}|{_strftime_regex(part.spec or '%Y-%m-%d')})"
    return r"[^_.\\/]+"


_STRFTIME = {"Y": r"\d{4}", "y": r"\d{2}", "m": r"\d{2}", "d": r"\d{2}", "j": r"\d{3}",
             "H": r"\d{2}", "M": r"\d{2}", "S": r"\d{2}", "b": r"[A-Za-z]{3}", "a": r"[A-Za-z]{3}",
             "B": r"[A-Za-z]+", "A": r"[A-Za-z]+", "%": "%"}


def _strftime_regex(spec: str) -> str:
    out, i = [], 0
    while i < len(spec):
        if spec[i] == "%" and i + 1 < len(spec):
            out.append(_STRFTIME.get(spec[i + 1], r"[^_\\/]+?"))
            i += 2
        else:
            out.append(re.escape(spec[i]))
            i += 1
    return "".join(out)


def _shrink(pieces: list[list], max_chars: int) -> None:
    """Shorten the longest field values until the name fits (numbers and extension kept)."""
    def size() -> tuple[int, int]:
        text = "".join(p[0] for p in pieces)
        return len(text), len(text.encode("utf-8"))

    chars, raw = size()
    while chars > max_chars or raw > MAX_BYTES:
        longest = max((p for p in pieces if p[1]), key=lambda p: len(p[0]), default=None)
        if longest is None or len(longest[0]) <= 3:
            return  # the literal text alone is too long; safe_filename cuts it
        excess = max(chars - max_chars, (raw - MAX_BYTES + 3) // 4, 1)
        longest[0] = longest[0][:max(3, len(longest[0]) - excess)].rstrip("-")
        chars, raw = size()


def _dummy_record(*, empty: bool = False) -> NameRecord:
    values = {"doc_date": "2024-03-09", "claim_number": "WC-2024-000001", "author": "Dr Jane Citizen",
              "worker": "John Worker", "employer": "Example Employer Pty Ltd"}
    fields = () if empty else tuple(
        Field(name, values.get(name, "2024-03-09" if name in DATE_FIELDS else "value"), 1, 0, 1)
        for name in FIELD_NAMES)
    doc = DocumentView("dummy", "/claims/X/scan 01.pdf", "", "X", None if empty else "medical_report",
                       None if empty else 0.9, 1, 1, "pdf", fields)
    return NameRecord(doc, "UNK" if empty else "MED", None if empty else "WC-2024-000001", "pdf",
                      "scan 01")


# -- names for many documents: the sequence number only where needed -----------------------------

@dataclass(frozen=True, slots=True)
class NameRequest:
    key: str  # identifies the request (the file's current path)
    folder: str  # names must be unique within a folder (compared case-insensitively)
    record: NameRecord
    order: tuple[str, ...]  # ties broken in this order (date, content hash, path)


def assign_names(requests: Sequence[NameRequest], template: NameTemplate, *,
                 taken: Callable[[NameRequest, str], bool] | None = None) -> dict[str, str]:
    """key -> name, unique within each folder; ``{n}`` only for names that would clash.

    ``taken(request, name)`` says whether ``name`` is already used in the request's folder
    by something other than the request's own file (e.g. an existing file on disk)."""
    taken = taken or (lambda _request, _name: False)
    groups: dict[tuple[str, str], list[NameRequest]] = {}
    base: dict[str, str] = {}
    for request in requests:
        base[request.key] = template.render(request.record)
        groups.setdefault((request.folder, base[request.key].casefold()), []).append(request)
    used: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    for (folder, _), members in sorted(groups.items()):
        members.sort(key=lambda r: r.order)
        seen = used.setdefault(folder, set())
        for request in members:
            name = base[request.key]
            if len(members) > 1 or name.casefold() in seen or taken(request, name):
                n = 1 if len(members) > 1 else 2
                while True:
                    name = template.render(request.record, n=n)
                    if name.casefold() not in seen and not taken(request, name):
                        break
                    n += 1
            seen.add(name.casefold())
            names[request.key] = name
    return names


def primary_documents(view: ClaimView) -> dict[str, DocumentView | None]:
    """path -> the document a file is named after: the file itself (its first segment);
    None for containers whose documents are all members (archives)."""
    files: dict[str, DocumentView | None] = {}
    for doc in sorted(view.documents, key=lambda d: (d.path, d.member, d.page_start)):
        if doc.member == "":
            if files.get(doc.path) is None:
                files[doc.path] = doc
        else:
            files.setdefault(doc.path, None)
    return files
