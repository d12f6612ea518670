"""Export for the claims system: one row per document, the mapping's codes, flags, formats."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest

from claimdex.export import EXPORT_COLUMNS, export_documents, write_export
from claimdex.metadata import load_claimcenter_types
from claimdex.models import ClaimView, DocumentView, Field
from claimdex.naming import DEFAULT_TEMPLATE, NameTemplate, load_taxonomy
from claimdex.rename import plan_renames
from tests.records.helpers import views_from_ground_truth

TAXONOMY = load_taxonomy()
CLAIMCENTER = load_claimcenter_types(TAXONOMY)
PATTERN = NameTemplate.parse(DEFAULT_TEMPLATE).pattern(TAXONOMY)


def _rows(views, **kw):
    plan = plan_renames(views, template=NameTemplate.parse(DEFAULT_TEMPLATE), taxonomy=TAXONOMY)
    names = {str(r.old_path): r.new_path.name for r in plan.rows if r.new_path}
    return export_documents(views, taxonomy=TAXONOMY, claimcenter=CLAIMCENTER, names=names, **kw)


def test_one_row_per_document_with_codes_and_new_names(pristine_claims):
    views = views_from_ground_truth(pristine_claims)
    rows = _rows(views)
    assert len(rows) == sum(len(v.documents) for v in views)
    for row in rows:
        assert row.claimcenter_type == CLAIMCENTER[row.doc_type].type_code
        assert row.claimcenter_section == CLAIMCENTER[row.doc_type].section
        assert row.type_code == TAXONOMY.code(row.doc_type)
        assert PATTERN.fullmatch(row.new_name), row.new_name
        assert row.new_name.endswith("." + row.path.rsplit(".", 1)[-1].lower())
    dated = [r for r in rows if r.doc_date]
    assert dated and all(r.doc_date == dict(r.fields)["doc_date"] for r in dated)


def _doc(name, doc_type="invoice", confidence=0.9, member="", group=None, primary=True, **fields):
    return DocumentView(f"id-{name}-{member}", f"/x/C1/{name}", member, "C1", doc_type, confidence, 1, 3,
                        "pdf", tuple(Field(k, v, 1, 0, 1) for k, v in fields.items()), group, primary)


@pytest.mark.parametrize(("doc", "flags"), [
    (_doc("a.pdf", doc_date="2024-01-01"), ()),
    (_doc("a.pdf", confidence=0.3, doc_date="2024-01-01"), ("unsure",)),
    (_doc("a.pdf", doc_type=None), ("unclassified", "undated")),
    (_doc("a.pdf", doc_type="unknown", doc_date="2024-01-01"), ("unknown_type",)),
    (_doc("m.eml", member="scan.pdf", doc_date="2024-01-01"), ("attachment",)),
    (_doc("b.pdf", group="g1", primary=False, doc_date="2024-01-01"), ("duplicate",)),
])
def test_flags(doc, flags):
    (row,) = export_documents([ClaimView("C1", (doc,))], taxonomy=TAXONOMY, claimcenter=CLAIMCENTER)
    assert row.flags == flags


def test_mismatch_flag_duplicate_group_and_unknown_mapping():
    docs = (_doc("a.pdf", group="g7", doc_date="2024-01-01"), _doc("b.pdf", doc_type=None))
    rows = export_documents([ClaimView("C1", docs)], taxonomy=TAXONOMY, claimcenter=CLAIMCENTER,
                            mismatched=["id-a.pdf-"])
    assert "metadata_mismatch" in rows[0].flags and rows[0].duplicate_group == "g7"
    assert (rows[1].doc_type, rows[1].claimcenter_type) == ("unknown", CLAIMCENTER["unknown"].type_code)


def test_formats_round_trip(pristine_claims):
    rows = _rows(views_from_ground_truth(pristine_claims))[:10]
    rows = (replace(rows[0], confidence=None), *rows[1:])
    streams = {fmt: io.StringIO() for fmt in ("csv", "json", "jsonl")}
    for fmt, stream in streams.items():
        assert write_export(rows, fmt, stream) == 10
    as_csv = list(csv.DictReader(io.StringIO(streams["csv"].getvalue())))
    as_json = json.loads(streams["json"].getvalue())
    as_jsonl = [json.loads(line) for line in streams["jsonl"].getvalue().splitlines()]
    assert list(as_csv[0]) == list(EXPORT_COLUMNS) and as_json == as_jsonl
    for flat, full in zip(as_csv, as_json, strict=True):
        assert json.loads(flat["fields"]) == full["fields"]
        assert flat["new_name"] == full["new_name"] and flat["flags"] == ";".join(full["flags"])
    assert as_json[0]["confidence"] is None and as_csv[0]["confidence"] == ""
