"""Shared fixtures. The whole suite runs with network sockets blocked: claimdex never uses
the network, and a test that tried would fail here."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    real_connect = socket.socket.connect

    def guarded(self, address):
        if self.family == socket.AF_UNIX:
            return real_connect(self, address)
        raise NetworkBlocked(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: (_ for _ in ()).throw(NetworkBlocked("network access attempted")))
    yield


@pytest.fixture
def fixtures(tmp_path) -> dict[str, Path]:
    from tests.fixture_files import build_fixtures

    return build_fixtures(tmp_path / "claims")
