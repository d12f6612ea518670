"""The records commands end to end: an ingested generated claim (types inserted as the classifier
would), `names lint` exit codes, `rename` dry run / plan / apply / undo, `export`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimdex.cli import app
from claimdex.config import ExtractSettings, IngestSettings
from claimdex.naming import DEFAULT_TEMPLATE, NameTemplate, load_taxonomy
from claimdex.pipeline import ingest
from tests.records.helpers import label_index, tree

runner = CliRunner()


def _indexed(folder: Path, db: Path) -> Path:
    """Ingest ``folder`` (all claims, or one claim folder) and label it from documents.csv."""
    ingest([folder], db_path=db, settings=IngestSettings(workers=2, extract=ExtractSettings(ocr=False)))
    root = folder if (folder / "documents.csv").exists() else folder.parent
    assert label_index(db, root) > 20
    return db


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, pristine_claims):
    """A read-only indexed copy of the generated claims (for dry runs, lint and export)."""
    root = tmp_path_factory.mktemp("indexed")
    claims = root / "claims"
    shutil.copytree(pristine_claims, claims)
    return claims, _indexed(claims, root / "index.db")


def _claims_in(db: Path) -> list[str]:
    return [r[0] for r in sqlite3.connect(db).execute(
        "select distinct claim from documents where doc_type is not null order by claim")]


def test_names_lint_exit_codes(tmp_path):
    folder = tmp_path / "C1"
    folder.mkdir()
    (folder / "C1_2024-03-09_COC_Lee-A.pdf").write_bytes(b"x")
    (folder / "C1_UNDATED_UNK_NOAUTHOR_2.txt").write_bytes(b"x")
    ok = runner.invoke(app, ["names", "lint", str(folder)])
    assert ok.exit_code == 0, ok.output
    assert "2 of 2 names follow the convention" in ok.output
    (folder / "scan0001.PDF").write_bytes(b"x")
    bad = runner.invoke(app, ["names", "lint", str(folder), "--json"])
    assert bad.exit_code == 1
    results = {Path(r["path"]).name: r for r in map(json.loads, bad.stdout.splitlines())}
    assert results["scan0001.PDF"]["conforms"] is False
    assert results["C1_2024-03-09_COC_Lee-A.pdf"]["conforms"] is True
    custom = runner.invoke(app, ["names", "lint", str(folder), "--template", "{type_code}_{date}.{ext}"])
    assert custom.exit_code == 1
    broken = runner.invoke(app, ["names", "lint", str(folder), "--template", "{colour}.{ext}"])
    assert broken.exit_code == 2 and "unknown field {colour}" in broken.output


def test_lint_with_the_index_shows_the_names_they_would_get(indexed):
    claims, db = indexed
    claim = _claims_in(db)[0]
    result = runner.invoke(app, ["names", "lint", str(claims / claim), "--db", str(db), "--json"])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    proposed = [r["proposed"] for r in rows if r["proposed"]]
    pattern = NameTemplate.parse(DEFAULT_TEMPLATE).pattern(load_taxonomy())
    assert len(proposed) > 20 and all(pattern.fullmatch(p) for p in proposed)
    assert all(not r["conforms"] for r in rows)  # generated names are all unhelpful


def test_dry_run_changes_nothing(indexed):
    claims, db = indexed
    before = tree(claims)
    result = runner.invoke(app, ["rename", "--db", str(db), "--in-place"])
    assert result.exit_code == 0, result.output
    assert "dry run" in result.output and "Add --apply" in result.output
    as_json = runner.invoke(app, ["rename", "--db", str(db), "--in-place", "--json"])
    payload = json.loads(as_json.stdout)
    assert payload["rename"] > 40 and len(payload["rows"]) == sum(payload[k] for k in
                                                                  ("rename", "unsure", "unchanged", "skip"))
    assert tree(claims) == before


@pytest.mark.parametrize(("args", "message"), [
    (["--in-place"], "give --db FILE"),
    (["--db", "{db}"], "choose one of --out DIR"),
    (["--db", "{db}", "--in-place", "--out", "{tmp}"], "choose one of --out DIR"),
    (["--db", "{db}", "--in-place", "--claim", "NO-SUCH"], "claim 'NO-SUCH' is not in"),
    (["--undo", "{tmp}/missing.csv"], "does not exist"),
    (["--undo", "{db}", "--apply"], "used alone"),
])
def test_rename_usage_errors(indexed, tmp_path, args, message):
    _, db = indexed
    args = [a.format(db=db, tmp=tmp_path) for a in args]
    result = runner.invoke(app, ["rename", *args])
    assert result.exit_code == 2 and message in result.output


def test_plan_review_apply_lint_undo(claims, tmp_path):
    one = sorted(p for p in claims.iterdir() if p.is_dir())[0]  # one claim folder: quicker
    db = _indexed(one, tmp_path / "index.db")
    before = tree(claims)
    plan = tmp_path / "review" / "plan.csv"
    plan.parent.mkdir()
    written = runner.invoke(app, ["rename", "--db", str(db), "--in-place", "--plan", str(plan)])
    assert written.exit_code == 0 and plan.exists() and tree(claims) == before
    again = runner.invoke(app, ["rename", "--db", str(db), "--in-place", "--plan", str(plan)])
    assert again.exit_code == 2 and "already exists" in again.output
    applied = runner.invoke(app, ["rename", "--apply", "--plan", str(plan), "--json"])
    assert applied.exit_code == 0, applied.output
    summary = json.loads(applied.stdout)
    assert {"manifest", "renamed", "skipped"} <= set(summary) and summary["renamed"] > 20
    manifest = Path(summary["manifest"])
    assert manifest.parent == plan.parent and manifest.exists()
    with open(manifest, newline="", encoding="utf-8") as fh:
        done = [r for r in csv.DictReader(fh) if r["status"] == "done"]
    lint = runner.invoke(app, ["names", "lint", *(r["new_path"] for r in done), "--json"])
    assert lint.exit_code == 0 and all(json.loads(x)["conforms"] for x in lint.stdout.splitlines())
    undone = runner.invoke(app, ["rename", "--undo", str(manifest), "--json"])
    assert undone.exit_code == 0 and json.loads(undone.stdout)["restored"] == summary["renamed"]
    assert tree(claims) == before
    resumed = runner.invoke(app, ["rename", "--resume", str(manifest).replace(".manifest.csv", ".journal.jsonl")])
    assert resumed.exit_code == 1 and "was undone" in resumed.output


def test_copies_into_out_with_apply(indexed, tmp_path):
    claims, db = indexed
    before = tree(claims)
    out = tmp_path / "for-claimcenter"
    manifest = tmp_path / "copy.manifest.csv"
    result = runner.invoke(app, ["rename", "--db", str(db), "--out", str(out), "--apply", "--include-unsure",
                                 "--manifest", str(manifest), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["renamed"] == len(tree(out)) > 40 and tree(claims) == before
    assert runner.invoke(app, ["rename", "--undo", str(manifest)]).exit_code == 0
    assert not out.exists()


def test_export_formats_and_mismatch_flag(indexed, tmp_path):
    claims, db = indexed
    claim = _claims_in(db)[0]
    jsonl = runner.invoke(app, ["export", "--db", str(db), "--claim", claim, "--format", "jsonl"])
    assert jsonl.exit_code == 0, jsonl.output
    rows = [json.loads(line) for line in jsonl.stdout.splitlines()]
    count = sqlite3.connect(db).execute("select count(*) from documents where claim = ?", [claim]).fetchone()[0]
    assert len(rows) == count and all(r["claimcenter_type"] for r in rows)
    assert not any("metadata_mismatch" in r["flags"] for r in rows)  # types agree with documents.csv
    target = tmp_path / "export.csv"
    assert runner.invoke(app, ["export", "--db", str(db), "--out", str(target)]).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))) >= count
    refused = runner.invoke(app, ["export", "--db", str(db), "--out", str(target)])
    assert refused.exit_code == 2 and "already exists" in refused.output
    as_json = runner.invoke(app, ["export", "--db", str(db), "--claim", claim, "--format", "json"])
    assert len(json.loads(as_json.stdout)) == count


def test_export_flags_documents_the_claims_system_types_differently(indexed):
    _, db = indexed
    conn = sqlite3.connect(db)
    doc_id, path = conn.execute(
        "select d.id, f.path from documents d join files f on f.id = d.file_id "
        "where d.member = '' and d.doc_type = 'certificate_of_capacity' limit 1").fetchone()
    with conn:
        conn.execute("update documents set doc_type = 'invoice' where id = ?", [doc_id])
    try:
        result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    finally:
        with conn:
            conn.execute("update documents set doc_type = 'certificate_of_capacity' where id = ?", [doc_id])
    flagged = [r for r in map(json.loads, result.stdout.splitlines()) if "metadata_mismatch" in r["flags"]]
    assert [r["path"] for r in flagged] == [path]
