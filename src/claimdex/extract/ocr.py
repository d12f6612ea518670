"""OCR through Tesseract (pytesseract), with word confidences and orientation fallback."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from PIL import Image

from claimdex.errors import MissingDependencyError


@dataclass(frozen=True, slots=True)
class OcrResult:
    text: str
    confidence: float | None  # mean word confidence 0-100


class OcrEngine(Protocol):
    def recognise(self, image: Image.Image) -> OcrResult: ...


@cache
def tesseract_available() -> bool:
    """Whether Tesseract is on PATH; looked up once a process (each file asks, and a PATH
    search costs a quarter of reading a one-page PDF)."""
    return shutil.which("tesseract") is not None


class TesseractOcr:
    """Tesseract via pytesseract: one run gives text and word confidences (TSV)."""

    def __init__(self, language: str = "eng", timeout: float = 0) -> None:
        if not tesseract_available():
            raise MissingDependencyError(
                "Tesseract is not installed, so scanned pages cannot be read; "
                "install it with 'apt-get install tesseract-ocr' (or run 'make setup' as root)"
            )
        self.language = language
        self.timeout = timeout

    def recognise(self, image: Image.Image) -> OcrResult:
        result = self._run(image)
        if _needs_rotation(result):
            rotated = self._try_orientation(image)
            if rotated is not None and (rotated.confidence or 0) > (result.confidence or 0):
                return rotated
        return result

    def _run(self, image: Image.Image) -> OcrResult:
        import pytesseract

        tsv = pytesseract.image_to_data(image, lang=self.language, timeout=self.timeout)
        return _from_tsv(tsv)

    def _try_orientation(self, image: Image.Image) -> OcrResult | None:
        import pytesseract

        try:
            osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
        except pytesseract.TesseractError:
            return None  # too little text to tell, or no OSD data installed
        angle = int(osd.get("rotate", 0))
        if angle == 0:
            return None
        return self._run(image.rotate(-angle, expand=True))


def _needs_rotation(result: OcrResult) -> bool:
    return result.confidence is not None and result.confidence < 50


def _from_tsv(tsv: str) -> OcrResult:
    """Rebuild lines from Tesseract's TSV (level 5 rows are words)."""
    lines: dict[tuple[int, int, int, int], list[str]] = {}
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        word = cols[11].strip()
        if not word:
            continue
        key = (int(cols[1]), int(cols[2]), int(cols[3]), int(cols[4]))
        lines.setdefault(key, []).append(word)
        conf = float(cols[10])
        if conf >= 0:
            confidences.append(conf)
    out: list[str] = []
    previous_block: tuple[int, int, int] | None = None
    for key in sorted(lines):
        block = key[:3]
        if previous_block is not None and block != previous_block:
            out.append("")
        out.append(" ".join(lines[key]))
        previous_block = block
    confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
    return OcrResult("\n".join(out).strip(), confidence)
