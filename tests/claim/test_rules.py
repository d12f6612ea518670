"""Each missing-record rule on small claims built from fields: a case that fires and cases that
must not; the rules file's validation; business days with NSW public holidays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimdex.errors import ConfigError
from claimdex.rules import RULE_IDS, BusinessCalendar, evaluate_rules, load_rule_pack
from tests.claim.build import cert, doc, view

PACK = load_rule_pack()

# A complete, on-time claim: notified 4 March 2024 (a Monday).
BASE = [
    doc("injury_notification", "2024-03-04"),
    doc("claim_form", "2024-03-05"),
    doc("consent_form", "2024-03-05"),
    doc("liability_notice", "2024-03-08", decision="provisional", case_manager="Chloe Nguyen"),
    cert("2024-03-04", "2024-03-17", "none"),
    cert("2024-03-18", "2024-04-14", "suitable_duties"),
    doc("injury_management_plan", "2024-03-20", case_manager="Chloe Nguyen"),
    doc("liability_notice", "2024-04-20", decision="accepted", case_manager="Chloe Nguyen"),
]


def without(doc_type: str, docs=BASE):
    return [d for d in docs if d.doc_type != doc_type]


def rules_raised(docs) -> set[str]:
    return {f.rule for f in evaluate_rules(view(*docs), pack=PACK)}


def test_base_claim_raises_nothing():
    assert rules_raised(BASE) == set()


CASES = [
    # (rule, documents, fires?)
    ("CONSENT_MISSING", without("consent_form"), True),
    ("CONSENT_MISSING", BASE, False),
    ("CONSENT_MISSING", without("consent_form") + [doc("consent_form", None)], False),  # undated counts
    ("CONSENT_LATE", without("consent_form") + [doc("consent_form", "2024-04-02"),
                                                doc("ime_report", "2024-03-30", exam_date="2024-03-25")], True),
    ("CONSENT_LATE", without("consent_form") + [doc("consent_form", "2024-03-20"),
                                                doc("investigation_report", "2024-03-15")], True),
    ("CONSENT_LATE", without("consent_form") + [doc("consent_form", "2024-03-20"),
                                                doc("correspondence", "2024-03-12",
                                                    information_request="treating_practitioner")], True),
    ("CONSENT_LATE", BASE + [doc("ime_report", "2024-03-30", exam_date="2024-03-25")], False),
    ("CONSENT_LATE", BASE + [doc("correspondence", "2024-03-01")], False),  # not an exchange
    ("CONSENT_LATE", without("consent_form") + [doc("ime_report", "2024-03-30")], False),  # missing, not late
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-05-20", case_manager="Daniel O'Brien"),
                                 doc("correspondence", "2024-05-27", case_manager="Daniel O'Brien")], True),
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-05-20", case_manager="Daniel O'Brien"),
                                 doc("correspondence", "2024-05-27", case_manager="Daniel O'Brien"),
                                 doc("handover_note", "2024-05-16", handover_from="Chloe Nguyen",
                                     handover_to="Daniel O'Brien")], False),
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-05-20", case_manager="Daniel O'Brien"),
                                 doc("correspondence", "2024-05-27", case_manager="Daniel O'Brien"),
                                 doc("handover_note", "2024-05-22")], False),  # unnamed, in time
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-05-20", case_manager="Daniel O'Brien"),
                                 doc("correspondence", "2024-05-27", case_manager="Daniel O'Brien"),
                                 doc("handover_note", "2024-07-30")], True),  # unnamed, too late
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-04-01", case_manager="Priya Nand")], False),  # cover
    ("HANDOVER_MISSING", BASE + [doc("file_note", "2024-04-01", case_manager="C. Nguyen")], False),  # same person
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-17", "none"),
                            cert("2024-03-25", "2024-04-14", "suitable_duties")] + BASE[6:], True),
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-17", "pre_injury_duties"),
                            cert("2024-03-25", "2024-04-14", "suitable_duties")] + BASE[6:], False),
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-20", "none"),  # overlap is fine
                            cert("2024-03-18", "2024-04-14", "suitable_duties")] + BASE[6:], False),
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-17", "none"),
                            doc("certificate_of_capacity", "2024-03-18", capacity="none"),  # unreadable
                            cert("2024-03-25", "2024-04-14", "suitable_duties")] + BASE[6:], False),
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-17", "none"),  # unreadable, far from the gap's end
                            doc("certificate_of_capacity", "2024-03-18", capacity="none"),
                            cert("2024-05-20", "2024-06-14", "suitable_duties")] + BASE[6:], True),
    ("COC_GAP", BASE[:4] + [cert("2024-03-04", "2024-03-17", "none"),  # unreadable and undated
                            doc("certificate_of_capacity", None, capacity="none"),
                            cert("2024-05-20", "2024-06-14", "suitable_duties")] + BASE[6:], False),
    ("CONSENT_LATE", without("consent_form") + [  # the request went with a signed authority
        doc("consent_form", "2024-03-20"),
        doc("correspondence", "2024-03-12", information_request="treating_practitioner_authorised")], False),
    ("IMP_MISSING", without("injury_management_plan"), True),
    ("IMP_MISSING", without("injury_management_plan") + [doc("injury_management_plan", "2024-05-30")], True),
    ("IMP_MISSING", BASE, False),
    ("IMP_MISSING", [d for d in without("injury_management_plan") if d.doc_type != "certificate_of_capacity"]
     + [cert("2024-03-04", "2024-03-10", "none"), cert("2024-03-11", "2024-04-30", "suitable_duties")],
     False),  # 7 days without capacity is not significant
    ("LIABILITY_NOTICE_LATE", without("liability_notice"), True),
    ("LIABILITY_NOTICE_LATE", without("liability_notice") + [doc("liability_notice", "2024-03-12",
                                                                 decision="provisional")], True),
    ("LIABILITY_NOTICE_LATE", without("liability_notice") + [doc("liability_notice", "2024-03-11",
                                                                 decision="reasonable_excuse")], False),
    ("LIABILITY_NOTICE_LATE", BASE, False),
    ("LIABILITY_NOTICE_LATE", without("liability_notice") + [  # a guessed date does not make it late
        doc("liability_notice", "2024-03-20", confidence=0.15, decision="provisional")], False),
    ("CLAIM_FORM_MISSING", without("claim_form"), True),
    ("CLAIM_FORM_MISSING", BASE, False),
    ("CLAIM_FORM_MISSING", [d for d in without("claim_form") if d.value("decision") != "accepted"], False),
]


@pytest.mark.parametrize(("rule", "docs", "fires"), CASES,
                         ids=[f"{c[0]}-{'fires' if c[2] else 'silent'}-{i}" for i, c in enumerate(CASES)])
def test_rule(rule, docs, fires):
    assert (rule in rules_raised(docs)) is fires


def test_duplicates_count_once():
    copies = without("consent_form") + [doc("consent_form", "2024-03-05", primary=False)]
    assert "CONSENT_MISSING" in rules_raised(copies)


def test_findings_name_evidence_and_standard():
    docs = without("liability_notice") + [doc("liability_notice", "2024-03-15", name="late.pdf",
                                              decision="provisional")]
    finding = next(f for f in evaluate_rules(view(*docs), pack=PACK) if f.rule == "LIABILITY_NOTICE_LATE")
    assert finding.severity == "high" and "B.03" in finding.standard
    assert "15/03/2024" in finding.message and "11 days" in finding.message
    assert [e.name for e in finding.evidence][-1] == "claim/late.pdf"
    assert all(e.pages for e in finding.evidence)
    row = finding.as_dict()
    assert set(row) >= {"claim", "rule", "severity", "message", "evidence", "standard"}


def test_coc_gap_message_counts_days():
    docs = BASE[:4] + [cert("2024-03-04", "2024-03-17", "none"),
                       cert("2024-03-25", "2024-04-14", "suitable_duties")]
    gap = next(f for f in evaluate_rules(view(*docs), pack=PACK) if f.rule == "COC_GAP")
    assert "18/03/2024 to 24/03/2024 (7 days)" in gap.message and len(gap.evidence) == 2


# -- business days -----------------------------------------------------------------------------

def test_business_days_skip_weekends_and_nsw_holidays():
    cal = BusinessCalendar("AU", "NSW")
    # Thursday 28 March 2024 + 1 business day: Good Friday and Easter Monday are holidays
    assert cal.add(dt.date(2024, 3, 28), 1) == dt.date(2024, 4, 2)
    assert cal.add(dt.date(2024, 4, 2), -1) == dt.date(2024, 3, 28)
    # Labour Day is the first Monday of October in NSW, the second Monday of March in Victoria
    assert not cal.is_business_day(dt.date(2024, 10, 7))
    assert cal.is_business_day(dt.date(2024, 3, 11))
    assert BusinessCalendar("AU", "VIC").is_business_day(dt.date(2024, 10, 7))


def test_imp_deadline_counts_easter():
    # notified Friday 15 March 2024: 20 business days skip Good Friday and Easter Monday
    docs = [doc("injury_notification", "2024-03-15"), cert("2024-03-14", "2024-03-31", "none"),
            doc("injury_management_plan", "2024-04-16")]
    assert "IMP_MISSING" not in rules_raised(docs)
    docs[-1] = doc("injury_management_plan", "2024-04-17")
    assert "IMP_MISSING" in rules_raised(docs)


# -- the rules file ----------------------------------------------------------------------------

def test_default_pack_has_every_rule():
    assert [r.rule for r in PACK.rules] == list(RULE_IDS)
    assert PACK.country == "AU" and PACK.subdivision == "NSW"


def test_user_file_overrides_settings(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text("schema_version: 1\nrules:\n  LIABILITY_NOTICE_LATE:\n    calendar_days: 3\n"
                    "  CONSENT_MISSING:\n    enabled: false\n", encoding="utf-8")
    pack = load_rule_pack(path)
    assert pack.rule("LIABILITY_NOTICE_LATE").get("calendar_days") == 3
    assert pack.rule("LIABILITY_NOTICE_LATE").severity == "high"  # kept from the default
    docs = without("consent_form")
    assert "CONSENT_MISSING" not in {f.rule for f in evaluate_rules(view(*docs), pack=pack)}


def test_taxonomy_ids_match_the_rules_module():
    import yaml

    from claimdex.rules import DOC_TYPES

    taxonomy = yaml.safe_load((Path(__file__).parents[2] / "labels" / "taxonomy.yaml").read_text())
    assert sorted(DOC_TYPES) == sorted(t["id"] for t in taxonomy["types"])


BAD_FILES = [
    ("schema_version: 1\nrulez: {}\n", "unknown key 'rulez'"),
    ("schema_version: 2\nrules: {}\n", "schema_version must be 1"),
    ("schema_version: 1\nrules:\n  CONSENT_TOO_LATE: {severity: high}\n", "unknown rule 'CONSENT_TOO_LATE'"),
    ("schema_version: 1\nrules:\n  COC_GAP: {severity: urgent}\n", "COC_GAP.severity"),
    ("schema_version: 1\nrules:\n  COC_GAP: {min_gap_days: two}\n", "COC_GAP.min_gap_days"),
    ("schema_version: 1\nrules:\n  COC_GAP: {capacities: [none, partial]}\n", "unknown 'partial'"),
    ("schema_version: 1\nrules:\n  CONSENT_LATE: {exchange_types: [ime_reports]}\n", "unknown 'ime_reports'"),
    ("schema_version: 1\nrules:\n  COC_GAP: {window: 3}\n", "unknown setting 'window'"),
    ("schema_version: 1\nbusiness_days: {country: AU, subdivision: XYZ}\n", "unknown place"),
    ("schema_version: 1\nrules: [\n", "not valid YAML"),
    ("- just a list\n", "not a rules file"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_bad_rules_file_names_file_and_key(tmp_path: Path, content: str, message: str):
    path = tmp_path / "rules.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_rule_pack(path)
    assert message in str(caught.value) and str(path) in str(caught.value)
    assert caught.value.exit_code == 2


def test_missing_rules_file(tmp_path: Path):
    with pytest.raises(ConfigError, match="could not be read"):
        load_rule_pack(tmp_path / "nope.yaml")
