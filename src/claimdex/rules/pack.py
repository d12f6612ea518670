"""The rule pack: time frames and settings read from ``data/rules.yaml`` or the user's file,
validated at load; and the business-day calendar the time frames count in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from claimdex.errors import ConfigError

SCHEMA_VERSION = 1
RULE_IDS = ("CONSENT_MISSING", "CONSENT_LATE", "HANDOVER_MISSING", "COC_GAP", "IMP_MISSING",
            "LIABILITY_NOTICE_LATE", "CLAIM_FORM_MISSING")
SEVERITIES = ("high", "medium", "low")
# The taxonomy's type ids (labels/taxonomy.yaml); a rule naming another type fails at load.
DOC_TYPES = ("certificate_of_capacity", "ime_report", "consent_form", "handover_note",
             "claim_form", "injury_notification", "injury_management_plan", "liability_notice",
             "wage_information", "medical_report", "treatment_request", "rehab_report",
             "investigation_report", "file_note", "correspondence", "invoice", "legal_document")
CAPACITIES = ("none", "suitable_duties", "pre_injury_duties")
DECISIONS = ("provisional", "accepted", "reasonable_excuse", "disputed", "work_capacity")

# Each rule's own settings: name -> (kind, allowed values for lists)
_PARAMS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "CONSENT_MISSING": {},
    "CONSENT_LATE": {"exchange_types": ("list", DOC_TYPES), "practitioner_requests": ("bool", ())},
    "HANDOVER_MISSING": {"business_days": ("int", ())},
    "COC_GAP": {"capacities": ("list", CAPACITIES), "min_gap_days": ("int", ())},
    "IMP_MISSING": {"no_capacity_days_over": ("int", ()), "business_days": ("int", ())},
    "LIABILITY_NOTICE_LATE": {"calendar_days": ("int", ())},
    "CLAIM_FORM_MISSING": {"decisions": ("list", DECISIONS)},
}
_COMMON = {"enabled", "severity", "standard"}


@dataclass(frozen=True, slots=True)
class RuleSettings:
    rule: str
    enabled: bool
    severity: str
    standard: str
    params: tuple[tuple[str, object], ...]

    def get(self, key: str) -> object:
        return dict(self.params)[key]


@dataclass(frozen=True, slots=True)
class RulePack:
    source: str  # the file it was read from
    country: str
    subdivision: str | None
    rules: tuple[RuleSettings, ...]

    def rule(self, rule_id: str) -> RuleSettings:
        return next(r for r in self.rules if r.rule == rule_id)


def default_rules_path() -> Path:
    return Path(str(resources.files("claimdex") / "data" / "rules.yaml"))


def load_rule_pack(path: Path | None = None) -> RulePack:
    """The shipped rule pack, or the user's file laid over it (a rule or setting the user's
    file leaves out keeps its default). Anything unknown or of the wrong kind is an error
    naming the file and the key."""
    default = _read(default_rules_path())
    if path is None:
        return _pack(default, default_rules_path(), default_rules_path())
    return _pack(_read(Path(path)), Path(path), default_rules_path(), base=default)


def _read(path: Path) -> dict:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path} could not be read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML ({exc.__class__.__name__}); check its "
                          "indentation") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} is not a rules file: expected keys schema_version and rules")
    return raw


def _pack(raw: dict, path: Path, default_path: Path, *, base: dict | None = None) -> RulePack:
    unknown = sorted(set(raw) - {"schema_version", "business_days", "rules"})
    if unknown:
        raise ConfigError(f"{path}: unknown key {unknown[0]!r} (expected schema_version, "
                          "business_days, rules)")
    if raw.get("schema_version") != SCHEMA_VERSION:
        raise ConfigError(f"{path}: schema_version must be {SCHEMA_VERSION}")
    days = {**((base or {}).get("business_days") or {}), **(raw.get("business_days") or {})}
    bad = sorted(set(days) - {"country", "subdivision"})
    if bad:
        raise ConfigError(f"{path}: unknown key {bad[0]!r} under business_days")
    country, subdivision = days.get("country", "AU"), days.get("subdivision")
    _check_calendar(path, country, subdivision)
    rules_raw = raw.get("rules") or {}
    if not isinstance(rules_raw, dict):
        raise ConfigError(f"{path}: rules must map rule ids to their settings")
    bad = sorted(set(rules_raw) - set(RULE_IDS))
    if bad:
        raise ConfigError(f"{path}: unknown rule {bad[0]!r}; the rules are {', '.join(RULE_IDS)}")
    base_rules = (base or {}).get("rules") or {}
    rules = []
    for rule_id in RULE_IDS:
        merged = {**(base_rules.get(rule_id) or {}), **(rules_raw.get(rule_id) or {})}
        if not merged:
            raise ConfigError(f"{path}: rule {rule_id} has no settings")
        rules.append(_rule(path, rule_id, merged))
    return RulePack(str(path), str(country), str(subdivision) if subdivision else None, tuple(rules))


def _rule(path: Path, rule_id: str, raw: dict) -> RuleSettings:
    allowed = _PARAMS[rule_id]
    bad = sorted(set(raw) - _COMMON - set(allowed))
    if bad:
        raise ConfigError(f"{path}: unknown setting {bad[0]!r} for rule {rule_id}")
    enabled, severity, standard = raw.get("enabled", True), raw.get("severity"), raw.get("standard")
    if not isinstance(enabled, bool):
        raise ConfigError(f"{path}: {rule_id}.enabled must be true or false")
    if severity not in SEVERITIES:
        raise ConfigError(f"{path}: {rule_id}.severity must be one of {', '.join(SEVERITIES)}")
    if not isinstance(standard, str) or not standard.strip():
        raise ConfigError(f"{path}: {rule_id}.standard must be the text of the criterion")
    params: list[tuple[str, object]] = []
    for key, (kind, choices) in allowed.items():
        if key not in raw:
            raise ConfigError(f"{path}: {rule_id}.{key} is missing")
        value = raw[key]
        if kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise ConfigError(f"{path}: {rule_id}.{key} must be a whole number of 0 or more")
        if kind == "bool" and not isinstance(value, bool):
            raise ConfigError(f"{path}: {rule_id}.{key} must be true or false")
        if kind == "list":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{path}: {rule_id}.{key} must be a list")
            wrong = [v for v in value if v not in choices]
            if wrong:
                raise ConfigError(f"{path}: {rule_id}.{key} names unknown {wrong[0]!r}; "
                                  f"use {', '.join(choices)}")
            value = tuple(value)
        params.append((key, value))
    return RuleSettings(rule_id, enabled, severity, " ".join(standard.split()), tuple(params))


def _check_calendar(path: Path, country: object, subdivision: object) -> None:
    import holidays

    try:
        holidays.country_holidays(str(country), subdiv=str(subdivision) if subdivision else None,
                                  years=2024)
    except (NotImplementedError, KeyError, AttributeError) as exc:
        raise ConfigError(f"{path}: business_days names an unknown place "
                          f"({country}/{subdivision})") from exc


# -- business days -----------------------------------------------------------------------------

class BusinessCalendar:
    """Weekdays that are not public holidays of one place."""

    def __init__(self, country: str, subdivision: str | None) -> None:
        self.country, self.subdivision = country, subdivision

    def is_business_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in _holidays(self.country, self.subdivision, day.year)

    def add(self, day: dt.date, count: int) -> dt.date:
        """The business day ``count`` business days after (or before, if negative) ``day``."""
        step = dt.timedelta(days=1 if count >= 0 else -1)
        left = abs(count)
        while left:
            day += step
            if self.is_business_day(day):
                left -= 1
        return day


@lru_cache(maxsize=64)
def _holidays(country: str, subdivision: str | None, year: int):
    import holidays

    return holidays.country_holidays(country, subdiv=subdivision, years=year)
