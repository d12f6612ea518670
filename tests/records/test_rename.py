"""Bulk rename: plan, apply, undo round trips, collisions, hostile names, reviewed plans, safety."""

from __future__ import annotations

import csv
import errno
import os
from dataclasses import replace
from pathlib import Path

import pytest

from claimdex import rename as rn
from claimdex.errors import UsageError
from claimdex.models import ClaimView, DocumentView, Field
from claimdex.naming import DEFAULT_TEMPLATE, NameTemplate, is_safe_filename, load_taxonomy
from claimdex.rename import (
    PlanError,
    apply_renames,
    plan_renames,
    read_plan,
    undo_renames,
    write_plan,
)
from claimdex.rename import apply as rename_apply
from tests.records.helpers import tree, views_from_ground_truth

TAXONOMY = load_taxonomy()
TEMPLATE = NameTemplate.parse(DEFAULT_TEMPLATE)
GOLDEN = Path(__file__).parent / "golden" / "rename_plan.csv"


def _plan(views, **kw):
    return plan_renames(views, template=TEMPLATE, taxonomy=TAXONOMY, **kw)


def _expected_after(root: Path, plan, *, include_unsure=False) -> dict[str, str]:
    """The tree an in-place apply must leave: each renamed file under its new name."""
    expected = tree(root)
    for row in plan.rows:
        if row.status == "rename" or (include_unsure and row.status == "unsure"):
            sha = expected.pop(row.old_path.relative_to(root).as_posix())
            expected[row.new_path.relative_to(root).as_posix()] = sha
    return expected


def test_in_place_round_trip_is_byte_identical(claims, tmp_path):
    before = tree(claims)
    plan = _plan(views_from_ground_truth(claims))
    assert plan.count("rename") > 40 and plan.count("skip") == 0
    expected = _expected_after(claims, plan)
    report = apply_renames(plan, manifest=tmp_path / "run.manifest.csv")
    assert (report.renamed, report.failed, report.problems) == (plan.count("rename"), 0, ())
    assert tree(claims) == expected
    for name in expected:
        assert is_safe_filename(Path(name).name)
    with open(report.manifest, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["status"] for r in rows} == {"done"}
    assert all(len(r["sha256"]) == 64 and r["old_path"] and r["new_path"] for r in rows)
    assert undo_renames(report.manifest).restored == report.renamed
    assert tree(claims) == before
    assert undo_renames(report.manifest).restored == 0  # twice is harmless


def test_copy_round_trip_leaves_originals_and_removes_what_it_made(claims, tmp_path):
    before = tree(claims)
    out = tmp_path / "export"
    views = views_from_ground_truth(claims)
    plan = _plan(views, out_dir=out)
    report = apply_renames(plan, manifest=tmp_path / "copy.manifest.csv")
    assert report.renamed == plan.count("rename") and tree(claims) == before
    copies = tree(out)
    assert len(copies) == report.renamed
    assert {p.split("/")[0] for p in copies} == {v.claim for v in views}
    assert set(copies.values()) <= set(before.values())
    again = _plan(views, out_dir=out)
    assert again.count("unchanged") == report.renamed  # copies already there: nothing to do
    undo_renames(report.journal)
    assert not out.exists() and tree(claims) == before


def test_renaming_again_changes_nothing(claims, tmp_path):
    views = views_from_ground_truth(claims)
    plan = _plan(views)
    apply_renames(plan, manifest=tmp_path / "a.manifest.csv")
    moved = {str(r.old_path): str(r.new_path) for r in plan.rows if r.status == "rename"}
    renamed_views = [ClaimView(v.claim, tuple(replace(d, path=moved.get(d.path, d.path)) for d in v.documents))
                     for v in views]
    again = _plan(renamed_views)
    assert again.count("rename") == 0 and again.count("unchanged") == plan.count("rename")


def test_unsure_documents_are_left_out_unless_asked(claims, tmp_path):
    before = tree(claims)
    plan = _plan(views_from_ground_truth(claims, seed=5))
    unsure = plan.count("unsure")
    assert unsure > 3
    report = apply_renames(plan, manifest=tmp_path / "a.manifest.csv")
    assert report.renamed == plan.count("rename") and len(report.unsure) == unsure
    assert all("below 0.60" in r.reason for r in report.unsure)
    assert report.as_dict()["skipped"] == unsure
    undo_renames(report.manifest)
    assert tree(claims) == before
    report = apply_renames(plan, manifest=tmp_path / "b.manifest.csv", include_unsure=True)
    assert report.renamed == plan.count("rename") + unsure


def _doc(path: Path, doc_type="certificate_of_capacity", confidence=0.95, member="", **fields) -> DocumentView:
    return DocumentView(f"{path.name}:{member}", str(path), member, "C1", doc_type, confidence, 1, 1,
                        path.suffix.lstrip("."), tuple(Field(k, v, 1, 0, 1) for k, v in fields.items()))


def _files(folder: Path, names: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in names.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


def test_collisions_get_numbers_and_nothing_is_overwritten(tmp_path):
    folder = tmp_path / "C1"
    a, b, c = _files(folder, {"a.pdf": b"first", "b.pdf": b"second", "c.pdf": b"third"})
    same = {"doc_date": "2024-03-09", "author": "Dr Jo Bloggs", "claim_number": "C1"}
    bystander = folder / "C1_2024-03-09_COC_Bloggs-J_1.pdf"  # not indexed: must survive
    bystander.write_bytes(b"someone else's file")
    view = ClaimView("C1", (_doc(a, **same), _doc(b, **same), _doc(c, **{**same, "doc_date": "2024-04-01"})))
    plan = _plan([view])
    names = sorted(r.new_path.name for r in plan.rows)
    assert names == ["C1_2024-03-09_COC_Bloggs-J_2.pdf", "C1_2024-03-09_COC_Bloggs-J_3.pdf",
                     "C1_2024-04-01_COC_Bloggs-J.pdf"]
    before = tree(tmp_path)
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    assert report.renamed == 3 and bystander.read_bytes() == b"someone else's file"
    undo_renames(report.manifest)
    assert {k: v for k, v in tree(tmp_path).items() if not k.startswith("m.")} == before


HOSTILE = {
    "back\\slash.pdf": b"1",
    "ctrl\x01\x1fchars.pdf": b"2",
    "..pdf": b"3",
    "CON.pdf": b"4",
    "trailing dot.": b"5",
    "-leading dash.pdf": b"6",
    "e\u0301cole \u202eevil.pdf": b"7",
    ("long " * 48) + ".pdf": b"8",
    "\u8a9e" * 80 + ".pdf": b"9",
}


def test_hostile_names_and_values_round_trip(tmp_path):
    folder = tmp_path / "C1"
    paths = _files(folder, HOSTILE)
    hostile_values = [{"author": "../../etc/passwd"}, {"author": "Dr \x00\x07 Null"},
                      {"claim_number": "CON"}, {"claim_number": "..\\..\\x"},
                      {"author": "A" * 300}, {"author": " . "}, {"claim_number": "x/y:z*"},
                      {"author": "\u202eRTL\u200b Zed"}, {}]
    docs = tuple(_doc(p, **v) for p, v in zip(paths, hostile_values, strict=True))
    plan = _plan([ClaimView("C1", docs)])
    assert plan.count("rename") == len(HOSTILE)
    for row in plan.rows:
        assert row.new_path.parent == folder and is_safe_filename(row.new_path.name)
        assert len(row.new_path.name) <= 150 and len(row.new_path.name.encode()) <= 255
        assert "None" not in row.new_path.name
    before = tree(tmp_path)
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    assert report.renamed == len(HOSTILE)
    undo_renames(report.manifest)
    assert {k: v for k, v in tree(tmp_path).items() if not k.startswith("m.")} == before


def test_reviewed_plan_with_hand_edits_is_applied(claims, tmp_path):
    plan = _plan(views_from_ground_truth(claims))
    plan_file = tmp_path / "plan.csv"
    write_plan(plan, plan_file)
    with pytest.raises(FileExistsError):
        write_plan(plan, plan_file)  # a reviewed plan is never overwritten
    with open(plan_file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    rows[0]["new_path"] = "Reviewed by hand.pdf"  # a bare name: beside the old file
    rows[1]["status"] = "skip"
    with open(plan_file, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=rn.PLAN_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    reviewed = read_plan(plan_file)
    report = apply_renames(reviewed, manifest=tmp_path / "m.manifest.csv")
    assert (Path(rows[0]["old_path"]).parent / "Reviewed by hand.pdf").exists()
    assert Path(rows[1]["old_path"]).exists()
    assert report.renamed == plan.count("rename") - 1


def _edit(rows, k, **changes):
    rows[k] = {**rows[k], **changes}


@pytest.mark.parametrize(("edit", "message"), [
    (lambda rows, root: _edit(rows, 0, new_path=str(Path(rows[0]["old_path"]).parent / "a:b?.pdf")),
     "line 2: 'a:b\\?.pdf' is not a safe file name"),
    (lambda rows, root: _edit(rows, 1, new_path=rows[0]["new_path"]), "line 3: .* is the new name of two files \\(also line 2\\)"),
    (lambda rows, root: _edit(rows, 0, new_path=rows[1]["old_path"]), "line 2: .* already exists; nothing is ever overwritten"),
    (lambda rows, root: Path(rows[0]["old_path"]).write_bytes(b"edited since"), "line 2: .* changed since the plan was made"),
    (lambda rows, root: Path(rows[0]["old_path"]).unlink(), "line 2: .* does not exist"),
    (lambda rows, root: _edit(rows, 0, new_path=str(root / "elsewhere.pdf")), "line 2: .* in another folder"),
    (lambda rows, root: _edit(rows, 0, sha256=""), "line 2: .* has no SHA-256"),
    (lambda rows, root: _edit(rows, 0, status="maybe"), "line 2: status must be one of"),
])
def test_invalid_plans_are_refused_whole(claims, tmp_path, edit, message):
    plan = _plan(views_from_ground_truth(claims))
    plan_file = tmp_path / "plan.csv"
    write_plan(plan, plan_file)
    with open(plan_file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    edit(rows, claims)
    plan_file.unlink()
    with open(plan_file, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=rn.PLAN_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    before = tree(claims)
    with pytest.raises(PlanError, match=message) as info:
        apply_renames(read_plan(plan_file), manifest=tmp_path / "m.manifest.csv")
    assert "nothing was changed" in str(info.value)
    assert tree(claims) == before and not (tmp_path / "m.manifest.csv").exists()


def test_a_name_taken_during_the_run_is_not_overwritten(claims, tmp_path, monkeypatch):
    plan = _plan(views_from_ground_truth(claims))
    victim = next(r for r in plan.rows if r.status == "rename")
    real_link = os.link

    def intruder(src, dst):
        if Path(dst) == victim.new_path:
            Path(dst).write_bytes(b"appeared meanwhile")
        return real_link(src, dst)

    monkeypatch.setattr(rename_apply, "_hardlink", intruder)
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    assert report.failed == 1 and "already exists" in report.problems[0].message
    assert victim.new_path.read_bytes() == b"appeared meanwhile" and victim.old_path.exists()
    assert report.renamed == plan.count("rename") - 1
    undo = undo_renames(report.manifest)
    assert undo.problems == () and victim.new_path.read_bytes() == b"appeared meanwhile"


@pytest.mark.parametrize("out", [False, True])
def test_shares_without_hard_links(claims, tmp_path, monkeypatch, out):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(rename_apply, "_hardlink", no_links)
    before = tree(claims)
    plan = _plan(views_from_ground_truth(claims), out_dir=tmp_path / "out" if out else None)
    expected = before if out else _expected_after(claims, plan)
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    assert report.renamed == plan.count("rename") and report.failed == 0
    assert tree(claims) == expected
    undo_renames(report.manifest)
    assert tree(claims) == before


def test_letter_case_only_change(tmp_path):
    folder = tmp_path / "C1"
    (path,) = _files(folder, {"C1_2024-03-09_COC_NOAUTHOR.PDF": b"cert"})
    plan = _plan([ClaimView("C1", (_doc(path, claim_number="C1", doc_date="2024-03-09"),))])
    (row,) = plan.rows
    assert row.status == "rename" and row.new_path.name == "C1_2024-03-09_COC_NOAUTHOR.pdf"
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    assert os.listdir(folder) == ["C1_2024-03-09_COC_NOAUTHOR.pdf"]
    undo_renames(report.manifest)
    assert os.listdir(folder) == ["C1_2024-03-09_COC_NOAUTHOR.PDF"]


def test_undo_leaves_files_changed_since_the_rename(claims, tmp_path):
    plan = _plan(views_from_ground_truth(claims))
    report = apply_renames(plan, manifest=tmp_path / "m.manifest.csv")
    edited = next(r for r in plan.rows if r.status == "rename")
    edited.new_path.write_bytes(b"edited after the rename")
    undo = undo_renames(report.manifest)
    assert undo.restored == report.renamed - 1
    assert len(undo.problems) == 1 and "changed after the rename" in undo.problems[0].message
    assert edited.new_path.read_bytes() == b"edited after the rename" and not edited.old_path.exists()


def test_containers_and_missing_files_are_skipped_with_reasons(tmp_path):
    folder = tmp_path / "C1"
    (archive,) = _files(folder, {"bundle.zip": b"PK"})
    view = ClaimView("C1", (_doc(archive, member="inv.pdf"), _doc(folder / "gone.pdf")))
    plan = _plan([view])
    reasons = {r.old_path.name: (r.status, r.reason) for r in plan.rows}
    assert reasons["bundle.zip"][0] == "skip" and "archive" in reasons["bundle.zip"][1]
    assert reasons["gone.pdf"][0] == "skip" and "no longer exists" in reasons["gone.pdf"][1]


def test_undo_from_the_manifest_alone(claims, tmp_path):
    before = tree(claims)
    report = apply_renames(_plan(views_from_ground_truth(claims)), manifest=tmp_path / "m.manifest.csv")
    report.journal.unlink()  # e.g. only the manifest was kept with the records
    assert undo_renames(report.manifest).restored == report.renamed
    assert tree(claims) == before


def test_files_changed_since_indexing_are_skipped(tmp_path):
    folder = tmp_path / "C1"
    a, b = _files(folder, {"a.pdf": b"as indexed", "b.pdf": b"edited since"})
    view = ClaimView("C1", (_doc(a), _doc(b)))
    indexed = {str(a): rn.sha256_file(a), str(b): "0" * 64}
    rows = {r.old_path.name: r for r in _plan([view], hashes=indexed).rows}
    assert rows["a.pdf"].status == "rename"
    assert rows["b.pdf"].status == "skip" and "re-run 'claimdex ingest'" in rows["b.pdf"].reason


def test_existing_manifest_is_never_overwritten(claims, tmp_path):
    (tmp_path / "m.manifest.csv").write_text("keep me")
    with pytest.raises(UsageError, match="already exists"):
        apply_renames(_plan(views_from_ground_truth(claims)), manifest=tmp_path / "m.manifest.csv")
    assert (tmp_path / "m.manifest.csv").read_text() == "keep me"


def _golden_view(folder: Path) -> ClaimView:
    specs = [
        ("scan0001.pdf", "certificate_of_capacity", 0.97, {"doc_date": "2024-03-09", "author": "Dr Ana Lee",
                                                           "claim_number": "WC-88"}),
        ("scan0002.pdf", "certificate_of_capacity", 0.91, {"doc_date": "2024-03-09", "author": "Dr Ana Lee"}),
        ("Message 12.eml", "correspondence", 0.88, {"doc_date": "2024-03-11", "author": "Lan Nguyen, Case Manager"}),
        ("download (3).PDF", "liability_notice", 0.42, {"doc_date": "2024-03-15", "author": "Lan Nguyen"}),
        ("notes.txt", "unknown", 0.3, {}),
        ("Document1.docx", None, None, {"author": "Stringybark Cleaning Services Pty Ltd"}),
        ("invoice CON.pdf", "invoice", 0.99, {"doc_date": "2024-04-02", "author": "Harbour Physiotherapy"}),
    ]
    docs = []
    for name, doc_type, conf, fields in specs:
        (folder / name).write_bytes(name.encode())
        docs.append(_doc(folder / name, doc_type, conf, **fields))
    return ClaimView("WC-88", tuple(docs))


def test_rename_plan_matches_the_golden_file(tmp_path):
    folder = tmp_path / "WC-88"
    folder.mkdir()
    plan = _plan([_golden_view(folder)])
    lines = ["old,new,status,reason"] + [
        f"{r.old_path.name},{r.new_path.name if r.new_path else ''},{r.status},{r.reason}" for r in plan.rows]
    text = "\n".join(lines) + "\n"
    if os.environ.get("CLAIMDEX_REGEN_GOLDEN") == "1":
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), f"{GOLDEN} is missing; create it with CLAIMDEX_REGEN_GOLDEN=1"
    assert text == GOLDEN.read_text(encoding="utf-8")
