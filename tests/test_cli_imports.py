"""Importing the CLI stays light: no torch, sklearn or spacy until a command needs them."""

import subprocess
import sys


def test_cli_import_does_not_load_heavy_libraries():
    code = ("import sys, claimdex.cli; heavy = [m for m in ('torch', 'sklearn', 'spacy', "
            "'sentence_transformers') if m in sys.modules]; print(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_every_command_runs_from_python_dash_m_as_from_the_console_script():
    """``python -m claimdex.cli`` runs the module as __main__, apart from claimdex.cli where
    the other stages register their commands: they must all be there."""
    from typer.main import get_command

    from claimdex.cli import app

    names = sorted(get_command(app).commands)
    assert {"ingest", "check", "summary", "rename", "dupes"} <= set(names)
    for name in names:
        result = subprocess.run([sys.executable, "-m", "claimdex.cli", name, "--help"],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, (name, result.stderr[-500:])
