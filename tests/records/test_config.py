"""claimdex.toml: project and user level, --config, unknown keys, template validated at load."""

from __future__ import annotations

import pytest

from claimdex.config import NamingSettings, load_settings
from claimdex.errors import ConfigError


@pytest.fixture
def places(tmp_path):
    home, project = tmp_path / "home", tmp_path / "project"
    (home / ".config" / "claimdex").mkdir(parents=True)
    project.mkdir()
    return home, project


def _load(places, explicit=None):
    home, project = places
    return load_settings(explicit, cwd=project, home=home)


def test_defaults_without_any_file(places):
    settings = _load(places)
    assert settings.naming == NamingSettings() and settings.sources == ()


def test_project_overrides_user_key_by_key(places):
    home, project = places
    (home / ".config" / "claimdex" / "claimdex.toml").write_text(
        '[naming]\ntemplate = "{type_code}_{date}.{ext}"\nconfidence_threshold = 0.7\n')
    (project / "claimdex.toml").write_text("[naming]\nconfidence_threshold = 0.8\n")
    settings = _load(places)
    assert settings.naming.template == "{type_code}_{date}.{ext}"
    assert settings.naming.confidence_threshold == 0.8
    assert len(settings.sources) == 2


def test_explicit_config_is_the_only_file_read(places, tmp_path):
    _, project = places
    (project / "claimdex.toml").write_text("[naming]\nmax_length = 90\n")
    explicit = tmp_path / "other.toml"
    explicit.write_text("[naming]\nmax_length = 120\n")
    assert _load(places, explicit).naming.max_length == 120
    with pytest.raises(ConfigError, match="does not exist"):
        _load(places, tmp_path / "missing.toml")


@pytest.mark.parametrize(("text", "message"), [
    ("[naming]\ntemplat = 'x'\n", "unknown key 'templat' in \\[naming\\]"),
    ("[nameing]\ntemplate = 'x'\n", "unknown section \\[nameing\\]"),
    ("[naming]\nmax_length = 'long'\n", "naming.max_length must be a int"),
    ("[naming]\nmax_length = 999\n", "between 40 and 255"),
    ("[naming]\nconfidence_threshold = 1.5\n", "between 0.0 and 1.0"),
    ("[naming]\ntemplate = '{claim_number}_{date}'\n", "naming.template .* must contain \\{ext\\}"),
    ("[naming]\ntemplate = '{colour}.{ext}'\n", "unknown field \\{colour\\}"),
    ("[naming\n", "could not be read as TOML"),
])
def test_errors_name_the_key_and_the_file(places, text, message):
    _, project = places
    (project / "claimdex.toml").write_text(text)
    with pytest.raises(ConfigError, match=message) as info:
        _load(places)
    assert "claimdex.toml" in str(info.value)
