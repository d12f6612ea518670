"""`claimdex check` and `claimdex summary` on an index of the hand-written claims (documents
stored as ingest stores them: type, confidence and extracted fields)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimdex.cli import app
from claimdex.fields import extract_fields
from claimdex.index import IndexStore
from claimdex.models import ExtractedDocument, FileResult, FileTask, Page, doc_key
from tests.claim.handwritten_claims import HANDWRITTEN

runner = CliRunner()


def _store_claim(store: IndexStore, folder: Path, root: Path, *, typed: bool = True) -> None:
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    for name, doc_type in expected["documents"].items():
        text = (folder / name).read_text(encoding="utf-8")
        path = root / folder.name / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        doc = ExtractedDocument("", "txt", (Page(1, text, "plain"),))
        task = FileTask(path, expected["claim"], f"{hash(text):x}", len(text), time.time())
        label = {"doc_type": doc_type, "confidence": 0.97,
                 "fields": extract_fields(doc.pages, doc_type)} if typed else {}
        store.replace_file(FileResult(task, (doc,), (), 0.01), {doc_key(doc): label})


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("claims")
    path = root / "index.db"
    store = IndexStore.open(path)
    for folder in sorted(HANDWRITTEN.iterdir()):
        if (folder / "expected.yaml").exists():
            _store_claim(store, folder, root)
    store.close()
    return path


def _expected_flags() -> dict[str, set[str]]:
    out = {}
    for folder in HANDWRITTEN.iterdir():
        if (folder / "expected.yaml").exists():
            data = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
            out[data["claim"]] = set(data["flags"])
    return out


def test_check_json_lines(db):
    result = runner.invoke(app, ["check", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all({"claim", "rule", "severity", "message", "evidence"} <= set(r) for r in rows)
    assert all(e["name"] and e["pages"] for r in rows for e in r["evidence"])
    raised: dict[str, set[str]] = {}
    for r in rows:
        raised.setdefault(r["claim"], set()).add(r["rule"])
    assert raised == {k: v for k, v in _expected_flags().items() if v}


def test_check_one_claim_as_a_table(db):
    result = runner.invoke(app, ["check", "--db", str(db), "--claim", "CCP-880412-24"])
    assert result.exit_code == 0, result.output
    for rule in ("HANDOVER_MISSING", "IMP_MISSING", "LIABILITY_NOTICE_LATE", "CLAIM_FORM_MISSING"):
        assert rule in result.stdout
    assert "CONSENT_MISSING" not in result.stdout


def test_check_with_user_rules(db, tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("schema_version: 1\nrules:\n  CONSENT_MISSING: {enabled: false}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--db", str(db), "--claim", "RWC-25-014882", "--json",
                                 "--rules", str(rules)])
    assert result.exit_code == 0 and result.stdout.strip() == ""


@pytest.mark.parametrize("args", [
    ["check", "--db", "{missing}"],
    ["check", "--db", "{db}", "--claim", "NO-SUCH-CLAIM"],
    ["check", "--db", "{db}", "--rules", "{bad_rules}"],
    ["summary", "--db", "{db}"],  # --claim is required
    ["summary", "--db", "{db}", "--claim", "RWC-25-014882", "--format", "pdf"],
])
def test_usage_errors_exit_2(db, tmp_path, args):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nrules:\n  NOT_A_RULE: {}\n", encoding="utf-8")
    filled = [a.format(db=db, missing=tmp_path / "missing.db", bad_rules=bad) for a in args]
    result = runner.invoke(app, filled)
    assert result.exit_code == 2, result.output
    if "--rules" in args:
        assert "NOT_A_RULE" in result.output and str(bad) in result.output.replace("\n", "")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_summary_formats(db, fmt):
    result = runner.invoke(app, ["summary", "--db", str(db), "--claim", "BMW-24-0300551", "--format", fmt])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Mereana Tuhiwai-Scott" in text and "BMW/24/0300551" in text
    if fmt == "json":
        data = json.loads(text)
        assert {f["rule"] for f in data["flags"]} == {"CONSENT_LATE", "COC_GAP"}
    if fmt == "html":
        assert text.startswith("<!DOCTYPE html>") and "<script" not in text


def test_summary_to_a_file(db, tmp_path):
    target = tmp_path / "handover.md"
    result = runner.invoke(app, ["summary", "--db", str(db), "--claim", "RWC-25-014882", "--out",
                                 str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and "Tomasz Wiśniewski" in target.read_text(encoding="utf-8")


def test_index_without_types_is_not_checked(tmp_path):
    path = tmp_path / "untyped.db"
    store = IndexStore.open(path)
    _store_claim(store, HANDWRITTEN / "RWC-25-014882", tmp_path, typed=False)
    store.close()
    result = runner.invoke(app, ["check", "--db", str(path)])
    assert result.exit_code == 0
    assert "CONSENT_MISSING" not in result.stdout and "No claim could be checked" in result.stdout
