"""Run claimdex from a checkout: ``python cli.py ...`` is the same app as ``claimdex ...``."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from claimdex.cli import app  # noqa: E402

if __name__ == "__main__":
    app()
