"""The classifier's mechanics on tiny data: fit, calibrate, explain, save/load without pickle."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimdex.classify import DocTypeClassifier, fit_temperature, softmax
from claimdex.errors import ModelError
from claimdex.resources import verify_weights
from tests.classify.fakes import HashingEmbedder

DOCS = {
    "invoice": ["Tax invoice {n}. Physiotherapy consultation item {n}. GST included. Amount due ${n}.00",
                "Account for services rendered. Invoice no {n}. Please remit ${n} by EFT. ABN {n}"],
    "file_note": ["File note {n}: called IW, no answer, left voicemail. Diary review in {n} days.",
                  "T/C from employer re RTW on {n}. CM to follow up NTD. Note to file."],
    "certificate_of_capacity": [
        "Certificate of capacity. Worker fit for suitable duties from {n} March to {n} April.",
        "Work capacity certificate: no capacity for work for {n} days. Restrictions: no lifting."],
}


def corpus(repeat: int = 12):
    texts, labels, groups = [], [], []
    for label, templates in DOCS.items():
        for t_index, template in enumerate(templates):
            for n in range(repeat):
                texts.append(template.format(n=n + 3))
                labels.append(label)
                groups.append(f"{label}/{t_index}")
    return texts, labels, groups


@pytest.fixture(scope="module")
def model():
    texts, labels, groups = corpus()
    return DocTypeClassifier.fit(texts, labels, groups=groups, embedder=HashingEmbedder())


def test_predicts_type_with_probability_runner_up_and_reasons(model):
    (result,) = model.classify(["TAX INVOICE 7781 — physiotherapy, amount due $95.00 incl GST"])
    assert result.doc_type == "invoice" and result.best_guess == "invoice"
    assert 0.4 < result.confidence <= 1.0
    assert result.runner_up in DOCS and result.runner_up != "invoice"
    assert "invoice" in " ".join(result.reasons)


def test_unsure_documents_are_unknown_with_best_guess(model):
    (empty,) = model.classify([""])
    assert empty.doc_type == "unknown" and empty.best_guess in DOCS
    strict = DocTypeClassifier(model.classes, model.word, model.head, model.char, model.coef, model.intercept,
                               model.embedder, model.embed_weight, model.temperature, threshold=0.999)
    (unsure,) = strict.classify(["something about a tax invoice and a file note"])
    assert unsure.doc_type == "unknown" and unsure.best_guess in DOCS


def test_save_load_round_trip_without_pickle(model, tmp_path):
    model.save(tmp_path / "m")
    loaded = DocTypeClassifier.load(tmp_path / "m", embedder=HashingEmbedder())
    text = ["Certificate of capacity: suitable duties for 2 weeks"]
    assert loaded.classify(text) == model.classify(text)
    with np.load(tmp_path / "m" / "arrays.npz", allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)


def test_load_refuses_other_model_names_and_embedders(model, tmp_path):
    model.save(tmp_path / "m")
    meta = json.loads((tmp_path / "m" / "model.json").read_text())
    other = HashingEmbedder()
    other.name = "another-embedder"
    with pytest.raises(ModelError, match="trained with"):
        DocTypeClassifier.load(tmp_path / "m", embedder=other)
    meta["name"] = "something-else.v9"
    (tmp_path / "m" / "model.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="this claimdex reads"):
        DocTypeClassifier.load(tmp_path / "m", embedder=HashingEmbedder())
    (tmp_path / "m" / "arrays.npz").write_bytes(b"not an npz")
    with pytest.raises(ModelError):
        DocTypeClassifier.load(tmp_path / "m", embedder=HashingEmbedder())


def test_temperature_scaling_softens_overconfident_logits():
    rng = np.random.default_rng(0)
    targets = rng.integers(0, 3, size=300)
    logits = rng.normal(size=(300, 3))
    logits[np.arange(300), targets] += 1.0
    overconfident = logits * 10
    t = fit_temperature(overconfident, targets)
    assert t > 3
    assert softmax(overconfident / t).max() < softmax(overconfident).max()


def test_weights_with_the_wrong_sha256_are_refused(tmp_path):
    (tmp_path / "model.safetensors").write_bytes(b"tampered weights")
    with pytest.raises(ModelError, match="does not match the official"):
        verify_weights(tmp_path)
    with pytest.raises(ModelError, match="missing"):
        verify_weights(tmp_path / "nowhere")


CHAR_TEXTS = [
    "Certificate of capacity: fit for suitable duties from 3 March to 4 April 2024.",
    "", "   ", "a", "ab", "x y\tz\n\nw", "Tax  invoice\u00a0no 5531 — total $95.00",
    "ÜNÏCÖDÉ façade “quotes” ß ﬁnal İstanbul", "OCR n0ise l1ke th1s ||| ~~~ rn m",
    "a word the vocabulary never saw: zqxjkvbw",
]


@pytest.mark.parametrize("part", ["word", "head", "char"])
def test_fast_transforms_equal_scikit_learns(model, part):
    """claimdex.tfidf gives the matrix scikit-learn's transform gives, for each vectoriser
    of the model (body words, title-region words, characters)."""
    from claimdex.classify import HEAD_CHARS, prepare
    from claimdex.tfidf import fast_transform

    texts = [prepare(t) for t in CHAR_TEXTS + [t.format(n=7) for ts in DOCS.values() for t in ts]]
    texts += ["worker worker worker capacity", "capacity for work certificate of capacity"]
    if part == "head":
        texts = [t[:HEAD_CHARS] for t in texts]
    vectorizer = getattr(model, part)
    fast = fast_transform(vectorizer)
    expected = vectorizer.transform(texts).toarray()
    assert expected.any()
    for _ in range(2):  # cold, then with every word remembered
        got = fast.transform(texts)
        assert got.shape == expected.shape
        np.testing.assert_allclose(got.toarray(), expected, rtol=1e-5, atol=1e-6)
    assert fast.transform([]).shape == (0, expected.shape[1])


def test_fast_transforms_refuse_another_kind_of_vectoriser(model):
    from sklearn.feature_extraction.text import TfidfVectorizer

    from claimdex.classify import CharNgrams, WordNgrams

    with pytest.raises(ValueError):
        CharNgrams(model.word)
    with pytest.raises(ValueError):
        WordNgrams(model.char)
    with pytest.raises(ValueError):
        WordNgrams(TfidfVectorizer(stop_words="english").fit(["a claim", "the worker"]))
