"""The field patterns (``data/field_patterns.yaml``), validated once, and the spaCy matcher
built from them: blank English tokenizer plus a PhraseMatcher over OCR-folded token norms."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from claimdex.errors import ConfigError

SCHEMA_VERSION = 1
LABEL_KINDS = (
    "doc_date", "injury_date", "notification_date", "dob", "exam_date", "cert_from", "cert_to",
    "other_date", "claim_number", "worker", "worker_first", "worker_last", "name", "employer",
    "case_manager", "author", "examiner", "ntd", "handover_from", "handover_to", "body_part",
    "injury_nature", "injury_description", "decision", "capacity", "other",
)
DATE_KINDS = ("doc_date", "injury_date", "notification_date", "dob", "exam_date", "cert_from",
              "cert_to", "other_date")
CAPACITIES = ("none", "suitable_duties", "pre_injury_duties")
DECISIONS = ("work_capacity", "reasonable_excuse", "disputed", "provisional", "accepted")
_LIST_KEYS = ("titles", "postnominals", "psychological", "case_manager_roles",
              "case_manager_intro", "signoffs", "body_parts")
_KEYS = {"schema_version", "labels", "capacity", "decision", *_LIST_KEYS}


@dataclass(frozen=True, slots=True)
class Lexicon:
    labels: dict[str, tuple[str, ...]]
    titles: frozenset[str]
    postnominals: frozenset[str]
    capacity: tuple[tuple[str, str], ...]  # (phrase, capacity id), longest phrase first
    decision: tuple[tuple[str, str], ...]  # (phrase, decision id), longest phrase first
    psychological: tuple[str, ...]
    case_manager_roles: tuple[str, ...]
    case_manager_intro: tuple[str, ...]
    signoffs: tuple[str, ...]
    body_parts: tuple[str, ...]
    capacity_re: re.Pattern[str] = re.compile("(?!)")  # set at load from ``capacity``
    decision_re: re.Pattern[str] = re.compile("(?!)")


@lru_cache(maxsize=64)
def _phrase_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation, longest phrase first, on word boundaries, flexible whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    if not parts:
        return re.compile(rf"(?<![\w/])(?:{body})(?![\w])")
    # the lookahead only says what the phrases start with: a quick no at most positions
    firsts = "".join(sorted({re.escape(p.split()[0][0]) for p in parts}))
    return re.compile(rf"(?<![\w/])(?=[{firsts}])(?:{body})(?![\w])")


def default_path() -> Path:
    return Path(str(resources.files("claimdex") / "data" / "field_patterns.yaml"))


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read and validate a field-patterns file; errors name the file and the key."""
    source = path or default_path()
    try:
        raw = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{source} could not be read as field patterns ({exc})") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{source} is not a field-patterns file (expected a mapping)")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown key {unknown[0]!r}")
    if raw.get("schema_version") != SCHEMA_VERSION:
        raise ConfigError(f"{source}: schema_version must be {SCHEMA_VERSION}")
    labels = raw.get("labels") or {}
    bad = sorted(set(labels) - set(LABEL_KINDS))
    if bad:
        raise ConfigError(f"{source}: unknown label kind {bad[0]!r} under 'labels'")
    capacity = _classes(source, "capacity", raw.get("capacity", {}), CAPACITIES)
    decision = _classes(source, "decision", raw.get("decision", {}), DECISIONS)
    return Lexicon(
        capacity_re=_phrase_re(tuple(p for p, _ in capacity)),
        decision_re=_phrase_re(tuple(p for p, _ in decision)),
        labels={k: _strings(source, f"labels.{k}", labels.get(k, ())) for k in LABEL_KINDS},
        titles=frozenset(_strings(source, "titles", raw.get("titles", ()))),
        postnominals=frozenset(_strings(source, "postnominals", raw.get("postnominals", ()))),
        capacity=capacity,
        decision=decision,
        **{k: _strings(source, k, raw.get(k, ())) for k in _LIST_KEYS
           if k not in ("titles", "postnominals")},
    )


def _strings(source: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{source}: {key} must be a list of strings")
    return tuple(v.strip().lower() for v in value if v.strip())


def _classes(source: Path, key: str, value: object, ids: tuple[str, ...]
             ) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: {key} must map each of {', '.join(ids)} to phrases")
    bad = sorted(set(value) - set(ids))
    if bad:
        raise ConfigError(f"{source}: unknown {key} id {bad[0]!r}")
    # stored in the folded form text is matched in ("rn" read as "m" by OCR, see fold)
    pairs = [(" ".join(p.replace("rn", "m").split()), k)
             for k in ids for p in _strings(source, f"{key}.{k}", value.get(k, []))]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


# -- the spaCy side ----------------------------------------------------------------------------

_DIGIT_TO_LETTER = str.maketrans({"0": "o", "1": "l", "|": "l"})


@lru_cache(maxsize=65536)
def fold(token: str) -> str:
    """A token's matching form: lower case, OCR confusions folded, full stops dropped."""
    text = token.lower().replace("’", "'")
    letters = sum(c.isalpha() for c in text)
    if letters and letters >= sum(c.isdigit() for c in text):
        text = text.translate(_DIGIT_TO_LETTER)
    return text.replace("rn", "m").replace(".", "")


# Tokens for matching labels: words (with inner full stops or apostrophes: "D.O.I.",
# "worker's"), single punctuation marks, and line breaks (a label never spans two lines).
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?|\n|[^\w\s]")
_NOTHING = "\u2400"  # the word of a token that folds to nothing (a lone full stop)
_OTHER = "\u2426"  # the word of every token that no label phrase contains
_MEMO_SIZE = 100_000  # raw tokens remembered with their word (then forgotten all at once)
_GROUP = re.Match.group


class _Words(dict[str, str]):
    """Raw token -> the word given to spaCy (folded, or a placeholder), computed once."""

    def __init__(self, known: frozenset[str]) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, token: str) -> str:
        word = fold(token) or _NOTHING
        if word not in self.known:
            word = _OTHER
        if len(self) >= _MEMO_SIZE:
            self.clear()
        self[token] = word
        return word


class LabelMatcher:
    """Finds label phrases in text: spaCy's PhraseMatcher over OCR-folded tokens, on a
    blank English vocabulary. Tokens come from one regular expression (for both the patterns
    and the text), which keeps character offsets exact and is several times faster than the
    full tokenizer on long forms. A word that no phrase contains cannot be part of a match, so
    it is given to spaCy as one placeholder: the vocabulary stays the patterns' own (a new
    word would otherwise cost a lexeme, and names, numbers and OCR noise never stop coming)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._build()

    def _build(self) -> None:
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank("en")
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._words = None  # every word is its own while the patterns are read
        phrases = {kind: [self._doc(p)[0] for p in self.lexicon.labels[kind]] for kind in LABEL_KINDS}
        self._words = frozenset(t.text for docs in phrases.values() for d in docs for t in d)
        self._memo = _Words(self._words)
        for kind, docs in phrases.items():
            if docs:
                self.matcher.add(kind, docs)
        self.strings = self.nlp.vocab.strings

    def _doc(self, text: str):
        from spacy.tokens import Doc

        # The folded forms are the words themselves (matched on ORTH): setting each token's
        # norm instead costs a Python round trip per token, most of the matcher's time.
        tokens = list(_TOKEN.finditer(text))
        if self._words is None:
            words = [fold(t.group(0)) or _NOTHING for t in tokens]
        else:  # the same words, through a memo (map: no Python frame per token)
            words = list(map(self._memo.__getitem__, map(_GROUP, tokens)))
        return Doc(self.nlp.vocab, words=words, spaces=[False] * len(tokens)), tokens

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(kind, start, end) character spans; overlaps resolved longest-first."""
        doc, tokens = self._doc(text)
        spans = [(self.strings[match_id], tokens[start].start(), tokens[end - 1].end())
                 for match_id, start, end in self.matcher(doc)]
        spans.sort(key=lambda s: (-(s[2] - s[1]), s[1]))
        taken: list[tuple[str, int, int]] = []
        # the spans taken never overlap: sorted by start, their ends are sorted too, and a new
        # span overlaps one of them exactly when it overlaps the last one starting before its end
        starts: list[int] = []
        ends: list[int] = []
        for span in spans:
            i = bisect.bisect_left(starts, span[2])
            if i == 0 or span[1] >= ends[i - 1]:
                taken.append(span)
                starts.insert(i, span[1])
                ends.insert(i, span[2])
        return sorted(taken, key=lambda s: s[1])


@lru_cache(maxsize=4)
def label_matcher(path: Path | None = None) -> LabelMatcher:
    return LabelMatcher(load_lexicon(path))
