from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.records.helpers import generate


@pytest.fixture(scope="session")
def pristine_claims(tmp_path_factory) -> Path:
    """Two generated claim folders (PDF, Word, text: nothing to OCR), made once per session."""
    return generate(tmp_path_factory.mktemp("pristine") / "claims", seed=7, claims=2)


@pytest.fixture
def claims(pristine_claims, tmp_path) -> Path:
    """A private copy of the generated claim folders for one test to rename."""
    root = tmp_path / "claims"
    shutil.copytree(pristine_claims, root)
    return root
