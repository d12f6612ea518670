"""Importing the CLI stays light: no torch, sklearn or spacy until a command needs them."""

import subprocess
import sys


def test_cli_import_does_not_load_heavy_libraries():
    code = ("import sys, claimdex.cli; heavy = [m for m in ('torch', 'sklearn', 'spacy', "
            "'sentence_transformers') if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
