"""Semantic and hybrid search over stored embeddings (fake embedder; the real one in test_model)."""

from __future__ import annotations

from claimdex.classify import DocTypeClassifier
from claimdex.config import IngestSettings
from claimdex.index import IndexStore
from claimdex.pipeline import ingest
from tests.classify.fakes import HashingEmbedder
from tests.classify.test_classifier import corpus


def test_semantic_and_hybrid_rank_documents(tmp_path):
    texts, labels, groups = corpus()
    embedder = HashingEmbedder()
    model = DocTypeClassifier.fit(texts, labels, groups=groups, embedder=embedder)
    root = tmp_path / "claim_9"
    root.mkdir()
    (root / "inv.txt").write_text("Tax invoice 88. Physiotherapy consultation. Amount due $80.00")
    (root / "note.txt").write_text("File note: called IW, no answer, left voicemail.")
    (root / "cert.txt").write_text("Certificate of capacity: fit for suitable duties, no lifting.")
    db = tmp_path / "i.db"
    ingest([tmp_path], db_path=db, settings=IngestSettings(workers=1), classifier=model)
    store = IndexStore.open(db)
    try:
        assert store.has_embeddings()
        types = dict(store.db.execute("select member || f.path, doc_type from documents d "
                                      "join files f on f.id = d.file_id").fetchall())
        assert sorted(types.values()) == ["certificate_of_capacity", "file_note", "invoice"]
        vector = embedder.embed(["called IW no answer voicemail"])[0]
        assert store.semantic_search(vector, limit=1)[0].path.endswith("note.txt")
        hybrid = store.hybrid_search("invoice", vector, limit=3)
        assert {h.path.rsplit("/", 1)[-1] for h in hybrid[:2]} == {"inv.txt", "note.txt"}
        assert store.semantic_search(vector, doc_type="invoice")[0].path.endswith("inv.txt")
    finally:
        store.close()
