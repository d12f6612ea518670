"""Missing and late required records: ``evaluate_rules`` checks one claim's timeline against a
rule pack (``data/rules.yaml`` or the user's copy) and returns findings, each naming the
documents (and pages) it rests on and the standard it comes from.

Rules are deliberately cautious: a rule that cannot tell (a document without a date, a
certificate whose period could not be read) stays silent rather than flag a record that may
be there.
"""

from __future__ import annotations

from claimdex.models import ClaimView, Finding
from claimdex.rules.checks import RULES, _Claim
from claimdex.rules.pack import (
    CAPACITIES,
    DECISIONS,
    DOC_TYPES,
    RULE_IDS,
    SEVERITIES,
    BusinessCalendar,
    RulePack,
    RuleSettings,
    default_rules_path,
    load_rule_pack,
)
from claimdex.timeline import Timeline, build_timeline

__all__ = ["CAPACITIES", "DECISIONS", "DOC_TYPES", "RULE_IDS", "SEVERITIES", "BusinessCalendar",
           "RulePack", "RuleSettings", "default_rules_path", "evaluate_rules", "load_rule_pack"]


def evaluate_rules(view: ClaimView, *, pack: RulePack, timeline: Timeline | None = None
                   ) -> tuple[Finding, ...]:
    """Every finding of the enabled rules for one claim, in rule order."""
    claim = _Claim(view, timeline or build_timeline(view),
                   BusinessCalendar(pack.country, pack.subdivision))
    out: list[Finding] = []
    for settings in pack.rules:
        if settings.enabled:
            out.extend(RULES[settings.rule](claim, settings))
    return tuple(out)
