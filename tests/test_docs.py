"""Every command and option explains itself, and the README names every command."""

from __future__ import annotations

import click
import typer.main

from claimdex.cli import app
from tests.conftest import ROOT


def _commands(group: click.Group, prefix: str = ""):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        yield f"{prefix}{name}", command
        if hasattr(command, "list_commands"):  # a group (typer's own class)
            yield from _commands(command, f"{prefix}{name} ")


def test_every_command_and_option_has_help():
    root = typer.main.get_command(app)
    commands = list(_commands(root))
    assert len(commands) >= 13
    for name, command in commands:
        summary = (command.help or "").strip().split("\n\n")[0]
        assert summary, f"{name} has no help"
        assert "\n" not in summary.strip(), f"{name}: the first paragraph of its help is not one line"
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{name} {param.opts} has no help"


def test_readme_mentions_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    for name, _ in _commands(root):
        assert f"claimdex {name}" in readme, f"README does not show 'claimdex {name}'"
