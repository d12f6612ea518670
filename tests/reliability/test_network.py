"""No network at run time: the main commands run in fresh processes (workers included) whose
sockets cannot connect anywhere, and they all still work. Every attempt is also written to a
log, so an attempt that some library catches and hides still fails the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from tests import fixture_files as ff
from tests.reliability.conftest import ROOT, child_env, claimdex

GUARD = textwrap.dedent('''
    """Installed by tests/reliability/test_network.py: no process may use the network."""
    import os
    import socket

    _LOG = os.environ["CLAIMDEX_NETWORK_LOG"]
    _real_connect = socket.socket.connect


    def _record(what):
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()} {what}\\n")


    def _connect(self, address):
        if self.family == socket.AF_UNIX:
            return _real_connect(self, address)
        _record(f"connect {address!r}")
        raise OSError(101, "network blocked by the claimdex test suite")


    def _connect_ex(self, address):
        if self.family == socket.AF_UNIX:
            return socket.socket.connect_ex.__wrapped__(self, address)
        _record(f"connect_ex {address!r}")
        return 101


    def _getaddrinfo(host, *args, **kwargs):
        _record(f"getaddrinfo {host!r}")
        raise socket.gaierror(-3, "name resolution blocked by the claimdex test suite")


    _connect_ex.__wrapped__ = socket.socket.connect_ex
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.getaddrinfo = _getaddrinfo
''')


@pytest.fixture
def offline(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "network.log"
    return {"PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT)]),
            "CLAIMDEX_NETWORK_LOG": str(log)}, log


def test_the_guard_really_blocks_connections(offline):
    env = child_env(offline[0])
    code = textwrap.dedent("""
        import socket
        for attempt in (lambda: socket.socket().connect(("127.0.0.1", 9)),
                        lambda: socket.create_connection(("localhost", 9), timeout=1)):
            try:
                attempt()
            except OSError:
                print("blocked")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert out.stdout.split() == ["blocked", "blocked"], out.stderr
    attempts = offline[1].read_text()
    assert "connect ('127.0.0.1', 9)" in attempts and "getaddrinfo 'localhost'" in attempts


@pytest.mark.slow
def test_ingest_search_classify_work_offline(offline, tmp_path):
    env, log = offline
    folder = tmp_path / "claims" / "claim_A"
    folder.mkdir(parents=True)
    (folder / "cert.pdf").write_bytes(ff.text_pdf())
    (folder / "mail.eml").write_bytes(ff.html_eml())  # links an image on the web: not fetched
    (folder / "notes.txt").write_text("File note: surveillance report received from investigator.")
    db = tmp_path / "offline.db"

    ingested = claimdex("ingest", str(folder.parent), "--db", str(db), "--workers", "2",
                        "--json", env=env)
    assert ingested.returncode == 0, ingested.stderr
    report = json.loads(ingested.stdout)
    assert report["documents"] == 3 and report["failed"] == []

    for mode in ("--fts", None):  # None: hybrid, full-text and semantic (query embedding)
        found = claimdex("search", "surveillance investigator", "--db", str(db), "--json",
                         *([mode] if mode else []), env=env)
        assert found.returncode == 0, found.stderr
        hits = [json.loads(line) for line in found.stdout.splitlines()]
        assert hits and hits[0]["path"].endswith("notes.txt"), (mode, hits)

    classified = claimdex("classify", str(folder), "--json", "--workers", "1", env=env)
    assert classified.returncode == 0, classified.stderr
    rows = [json.loads(line) for line in classified.stdout.splitlines()]
    assert {r["path"].rsplit("/", 1)[-1] for r in rows} == {"cert.pdf", "mail.eml", "notes.txt"}

    assert not log.exists(), f"network access attempted:\n{log.read_text()}"
