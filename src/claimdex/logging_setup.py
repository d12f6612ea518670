"""Logging for the command line: warnings only by default; ``--verbose`` adds what claimdex is
doing (file names and counts), ``--debug`` adds internal detail.

Claim files are health records, so log records carry ids, paths, counts and categories,
never document text or field values. Only claimdex's own loggers are raised to INFO; other
libraries stay at warnings.
"""

from __future__ import annotations

import logging
import sys

LOGGER = "claimdex"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time, so that a live progress bar that
    redirects stderr keeps log lines above itself."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # StreamHandler.__init__ assigns it; ignore
        pass


def configure_logging(*, verbose: bool = False, debug: bool = False) -> logging.Logger:
    """Route claimdex's log records to stderr at WARNING, INFO (verbose) or DEBUG (debug).

    Calling it again replaces the handler it installed before (tests call it repeatedly).
    """
    logger = logging.getLogger(LOGGER)
    for handler in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
        logger.removeHandler(handler)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter(_FORMAT, "%H:%M:%S"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    return logger
