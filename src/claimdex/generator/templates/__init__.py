"""Document templates. Importing this package imports every module in it, so each module's
``@template`` functions register themselves in :data:`claimdex.generator.model.REGISTRY`."""

from __future__ import annotations

import importlib
import pkgutil

MODULES: list[str] = []

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
        MODULES.append(_info.name)
