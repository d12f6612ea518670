"""The claim summary: the JSON fields the issue asks for, every fact with its source, HTML that
is self-contained and escaped, and golden files for the three formats."""

from __future__ import annotations

import json
import re

import pytest

from claimdex.rules import evaluate_rules, load_rule_pack
from claimdex.summary import render_html, render_json, render_markdown, summarize_claim
from tests.claim.build import cert, doc, view
from tests.claim.golden import check_golden
from tests.claim.handwritten_claims import HANDWRITTEN, load_claim

PACK = load_rule_pack()


@pytest.fixture(scope="module")
def claim():
    return load_claim(HANDWRITTEN / "CCP-880412-24")


@pytest.fixture(scope="module")
def summary(claim):
    return summarize_claim(claim.view, evaluate_rules(claim.view, pack=PACK))


def test_json_has_the_fields_a_case_manager_needs(summary):
    data = json.loads(render_json(summary))
    for key in ("claim_number", "worker", "employer", "injury_date", "notification_date", "injury",
                "nominated_treating_doctor", "case_managers", "liability_status", "latest_capacity",
                "flags", "timeline"):
        assert key in data, key
    assert data["case_managers"][0]["name"] == "Lauren Fitzpatrick-Hale"
    assert data["latest_capacity"]["from"] == "2024-09-10" and data["latest_capacity"]["to"] == "2024-10-07"
    assert {f["rule"] for f in data["flags"]} == {"HANDOVER_MISSING", "IMP_MISSING",
                                                  "LIABILITY_NOTICE_LATE", "CLAIM_FORM_MISSING"}


def test_every_stated_fact_cites_a_document(summary):
    data = json.loads(render_json(summary))
    for key in ("claim_number", "worker", "employer", "injury_date", "notification_date",
                "nominated_treating_doctor", "liability_status", "latest_capacity"):
        assert data[key]["sources"], key
        assert all(s["document"] and s["page"] >= 1 for s in data[key]["sources"]), key
    assert all(e["source"] for e in data["timeline"])
    assert all(f["evidence"] for f in data["flags"])


def test_markdown_cites_every_fact(summary):
    text = render_markdown(summary)
    facts = [line for line in text.splitlines()
             if line.startswith("- **") and "not found" not in line and "What is outstanding" not in line]
    cited = [line for line in facts if re.search(r"\[\d+\]", line)]
    assert len(cited) >= len(facts) - len(summary.flags)
    sources = text.split("## Sources", 1)[1]
    assert "`CCP-880412-24/03_coc_1.txt`, page 1" in sources


def test_html_is_self_contained_and_escaped():
    hostile = "<script>alert('x')</script>"
    v = view(doc("claim_form", "2024-03-05", name="<img src=x onerror=alert(1)>.pdf", worker=hostile,
                 employer="Smith & Sons <Pty> Ltd"),
             cert("2024-03-04", "2024-03-17", "none"))
    page = render_html(summarize_claim(v, evaluate_rules(v, pack=PACK)))
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;" in page and "Smith &amp; Sons &lt;Pty&gt; Ltd" in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "<link" not in page and "@import" not in page


def test_markdown_escapes_markup():
    v = view(doc("claim_form", "2024-03-05", worker="Jane *Bold* [link](http://x)"))
    text = render_markdown(summarize_claim(v, ()))
    assert "\\*Bold\\*" in text and "\\[link\\]" in text


def test_empty_claim_still_summarises():
    text = render_markdown(summarize_claim(view(), ()))
    assert "not found in the documents" in text


@pytest.mark.parametrize(("fmt", "render"), [("md", render_markdown), ("html", render_html),
                                             ("json", render_json)])
def test_golden(summary, fmt, render):
    check_golden(f"CCP-880412-24.summary.{fmt}", render(summary))
