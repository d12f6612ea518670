"""Settings, one section per stage, resolved once by the CLI into frozen objects."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from claimdex.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    password: str | None = None  # for encrypted PDFs
    ocr: bool = True  # OCR scanned pages and images when Tesseract is available
    ocr_language: str = "eng"
    ocr_dpi: int = 300
    ocr_max_pixels: int = 25_000_000  # pixel budget per rendered page
    min_text_chars: int = 25  # fewer characters than this on a page: treat as scanned
    max_image_pixels: int = 100_000_000  # larger images are refused as decompression bombs
    max_archive_bytes: int = 512 * 1024 * 1024  # total expanded size of one archive
    max_archive_members: int = 10_000
    max_compression_ratio: int = 200  # per member, for members over 1 MiB
    max_depth: int = 5  # nesting of archives and email attachments
    max_file_bytes: int = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestSettings:
    workers: int = max(1, os.cpu_count() or 1)
    timeout_seconds: float = 120.0
    memory_limit_mb: int = 3072  # address-space limit per worker process
    prune: bool = False
    retry_failed: bool = False
    extract: ExtractSettings = ExtractSettings()


# -- records tools and claimdex.toml -----------------------------------------------------------

CONFIG_FILE = "claimdex.toml"


@dataclass(frozen=True, slots=True)
class NamingSettings:
    """The [naming] section of claimdex.toml."""

    template: str = "{claim_number}_{date:%Y-%m-%d}_{type_code}_{author}_{n}.{ext}"
    max_length: int = 150  # characters per name; the UTF-8 length is held to 255 bytes as well
    confidence_threshold: float = 0.6  # below it a document is 'unsure': left out of --apply


@dataclass(frozen=True, slots=True)
class Settings:
    naming: NamingSettings = NamingSettings()
    sources: tuple[Path, ...] = ()  # the claimdex.toml files read, lowest precedence first


_SECTIONS: dict[str, type] = {"naming": NamingSettings}
_LIMITS = {"max_length": (40, 255), "confidence_threshold": (0.0, 1.0)}


def config_files(explicit: Path | None = None, *, cwd: Path | None = None,
                 home: Path | None = None) -> list[Path]:
    """--config FILE alone, else ~/.config/claimdex/claimdex.toml then ./claimdex.toml."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit} does not exist or is not a file")
        return [explicit]
    user = (home or Path.home()) / ".config" / "claimdex" / CONFIG_FILE
    project = (cwd or Path.cwd()) / CONFIG_FILE
    return [p for p in (user, project) if p.is_file()]


def load_settings(explicit: Path | None = None, *, cwd: Path | None = None,
                  home: Path | None = None) -> Settings:
    """Defaults < user claimdex.toml < project claimdex.toml (or --config FILE only).

    Unknown sections and keys are errors naming the key and the file; the naming template
    is validated by rendering it against a dummy record."""
    import tomllib

    sources = config_files(explicit, cwd=cwd, home=home)
    chosen: dict[str, dict[str, object]] = {name: {} for name in _SECTIONS}
    template_source = "the default naming template"
    for path in sources:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path} could not be read as TOML ({exc})") from exc
        for section, values in data.items():
            if section not in _SECTIONS or not isinstance(values, dict):
                raise ConfigError(f"{path}: unknown section [{section}]; known sections: "
                                  f"{', '.join(f'[{s}]' for s in _SECTIONS)}")
            for key, value in values.items():
                chosen[section][key] = _checked(path, section, key, value)
            if "template" in values and section == "naming":
                template_source = f"{path}: naming.template"
    naming = NamingSettings(**chosen["naming"])  # type: ignore[arg-type]
    from claimdex.naming import NameTemplate

    NameTemplate.parse(naming.template, max_chars=naming.max_length, source=template_source)
    return Settings(naming=naming, sources=tuple(sources))


def _checked(path: Path, section: str, key: str, value: object) -> object:
    defaults = {f.name: f.default for f in fields(_SECTIONS[section])}
    if key not in defaults:
        raise ConfigError(f"{path}: unknown key '{key}' in [{section}]; known keys: "
                          f"{', '.join(sorted(defaults))}")
    kind = type(defaults[key])
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if type(value) is not kind:
        raise ConfigError(f"{path}: {section}.{key} must be a {kind.__name__}, not {value!r}")
    low, high = _LIMITS.get(key, (None, None))
    if low is not None and not low <= value <= high:  # type: ignore[operator]
        raise ConfigError(f"{path}: {section}.{key} must be between {low} and {high}")
    return value
