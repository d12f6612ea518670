"""The classifier that ships in models/: generalisation to documents written independently of
the generator, real-world figures (when ../shared is present), the CLI, offline embedders.

The floors sit a little below the figures measured when the model was trained (see
models/doctype-v1/MODEL_CARD.md), so a regression fails here.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from claimdex.cli import app
from claimdex.resources import MINILM_NAME, STATIC_NAME, load_classifier, load_embedder
from claimdex.training import evaluate
from tests.conftest import ROOT, SHARED

HANDWRITTEN = ROOT / "tests" / "generalisation"
REALWORLD = SHARED / "realworld"


@pytest.fixture(scope="module")
def classifier():
    return load_classifier()


def _handwritten():
    with open(HANDWRITTEN / "labels.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows, [(HANDWRITTEN / r["file"]).read_text(encoding="utf-8") for r in rows]


def test_model_uses_the_static_embedder_distilled_from_minilm(classifier):
    assert classifier.embedder is not None and classifier.embedder.name == STATIC_NAME
    assert len(classifier.classes) == 17


def test_generalises_to_handwritten_documents(classifier):
    rows, texts = _handwritten()
    predicted = [c.doc_type for c in classifier.classify(texts)]
    report = evaluate([r["doc_type"] for r in rows], predicted, classifier.classes)
    assert report.n == 102
    assert report.macro_f1 >= 0.93, report.as_dict()
    assert all(recall >= 0.5 for _, _, recall, _, _ in report.per_type), report.per_type


def test_hard_negatives_mostly_land_on_their_true_type(classifier):
    rows, texts = _handwritten()
    pairs = [(r, t) for r, t in zip(rows, texts, strict=True) if r["hard_negative_of"]]
    assert len(pairs) >= 20
    results = classifier.classify([t for _, t in pairs])
    right = sum(1 for (r, _), c in zip(pairs, results, strict=True) if c.doc_type == r["doc_type"])
    assert right / len(pairs) >= 0.85


def test_every_result_has_probability_runner_up_and_reasons(classifier):
    _, texts = _handwritten()
    for result in classifier.classify(texts[:10]):
        assert 0.0 <= result.runner_up_confidence <= result.confidence <= 1.0
        assert result.runner_up != result.best_guess
        assert result.reasons


@pytest.mark.skipif(not (REALWORLD / "manifest.csv").exists(), reason="../shared/realworld absent")
def test_realworld_documents(classifier):
    """Real public documents (evaluation only; never trained on). US-heavy, many blank forms."""
    with open(REALWORLD / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    texts = [(REALWORLD / r["file"]).read_text(encoding="utf-8", errors="replace") for r in rows]
    predicted = [c.best_guess for c in classifier.classify(texts)]
    report = evaluate([r["label"] for r in rows], predicted, classifier.classes)
    assert report.accuracy >= 0.70, report.as_dict()


def test_classify_command_prints_one_json_line_per_document(tmp_path):
    from tests.fixture_files import eml_with_pdf

    (tmp_path / "mail.eml").write_bytes(eml_with_pdf())
    (tmp_path / "note.txt").write_text("File note. T/C from IW re RTW. Advised CM will call back. "
                                       "Diary 3 days.", encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 3
    by_name = {Path(r["path"]).name.split("::")[-1]: r for r in rows}
    assert by_name["note.txt"]["doc_type"] == "file_note"
    assert by_name["cert.pdf"]["doc_type"] == "certificate_of_capacity"
    for row in rows:
        assert {"path", "page_start", "page_end", "doc_type", "confidence", "reasons"} <= set(row)


@pytest.mark.parametrize("name", [STATIC_NAME, MINILM_NAME])
def test_embedders_load_offline_and_embed(name):
    """Sockets are blocked for the whole suite: loading must not touch the network."""
    embedder = load_embedder(name)
    vectors = embedder.embed(["certificate of capacity for suitable duties", "tax invoice"])
    assert vectors.shape[0] == 2 and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert float(vectors[0] @ vectors[1]) < 0.99
