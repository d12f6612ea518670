"""End to end on claim files written by hand in styles unlike the generator: real field
extraction, then the rules and the summary against what each claim's expected.yaml says."""

from __future__ import annotations

import pytest

from claimdex.rules import evaluate_rules, load_rule_pack
from claimdex.summary import summarize_claim
from tests.claim.handwritten_claims import HANDWRITTEN, load_claim, summary_checks

CLAIMS = sorted(p.name for p in HANDWRITTEN.iterdir() if (p / "expected.yaml").exists())
PACK = load_rule_pack()


def test_there_are_enough_handwritten_claims():
    assert len(CLAIMS) >= 2
    for name in CLAIMS:
        assert 6 <= len(list((HANDWRITTEN / name).glob("*.txt"))) <= 12


@pytest.mark.parametrize("name", CLAIMS)
def test_flags_are_exactly_the_seeded_ones(name):
    claim = load_claim(HANDWRITTEN / name)
    raised = {f.rule for f in evaluate_rules(claim.view, pack=PACK)}
    assert raised == claim.flags


@pytest.mark.parametrize("name", CLAIMS)
def test_summary_fields(name):
    claim = load_claim(HANDWRITTEN / name)
    got = summarize_claim(claim.view, evaluate_rules(claim.view, pack=PACK)).as_dict()
    checks = summary_checks(claim.summary, got)
    wrong = {k: v for k, v in checks.items() if v[0] != v[1]}
    assert len(wrong) <= 0.1 * len(checks), wrong
