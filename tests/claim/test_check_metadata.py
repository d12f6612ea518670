"""`claimdex check` reports documents whose claims-system type or date disagrees with them."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claimdex.cli import app
from tests import fixture_files as ff


def test_check_reports_metadata_mismatch_from_an_export_csv(tmp_path):
    claim = tmp_path / "export" / "HW-2403-118822"
    claim.mkdir(parents=True)
    (claim / "cert.pdf").write_bytes(ff.text_pdf())
    (claim / "note.txt").write_text("File note 5/03/2024: called IW re RTW, no answer.", encoding="utf-8")
    (claim / "metadata.csv").write_text(
        "Document ID,Document Name,Document Type,Document Date\n"
        "DOC-1,cert.pdf,Invoice,2024-03-04\n"
        "DOC-2,note.txt,File Note,2024-03-05\n", encoding="utf-8")
    db = tmp_path / "c.db"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(tmp_path / "export"), "--db", str(db), "--json"])
    assert ingested.exit_code == 0, ingested.output
    assert json.loads(ingested.stdout)["files"] == 2  # the metadata CSV is not a document
    result = runner.invoke(app, ["check", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    flags = [json.loads(line) for line in result.stdout.splitlines()]
    mismatches = [f for f in flags if f["rule"] == "METADATA_MISMATCH"]
    assert len(mismatches) == 1, flags
    assert mismatches[0]["evidence"][0]["name"].endswith("cert.pdf")
    assert mismatches[0]["standard"]
