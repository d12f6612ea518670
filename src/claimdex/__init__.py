"""claimdex: offline document intelligence for workers compensation claim files."""

import sys

__version__ = "0.1.0"

# PyMuPDF 2 imports its optional companions when installed: the layout analyser
# (pymupdf_layout, with onnxruntime) and pymupdf4llm (Markdown conversion). Together about a
# second and 55 MB in every process, every worker included. claimdex reads text with
# get_text() and uses neither, so their import is declined: None in sys.modules makes the
# import fail, which PyMuPDF expects and skips.
if "pymupdf" not in sys.modules:
    for _name in ("pymupdf.layout", "pymupdf4llm"):
        sys.modules.setdefault(_name, None)
