"""Images and multi-page TIFF faxes: every frame OCR'd, EXIF orientation applied."""

from __future__ import annotations

import io
import warnings as pywarnings
from typing import TYPE_CHECKING

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from claimdex.errors import CorruptFileError, MissingDependencyError, ResourceLimitError
from claimdex.models import MEMBER_SEP, ExtractedDocument, Page

if TYPE_CHECKING:
    from claimdex.extract import Context

MAX_FRAMES = 500


def extract_image(name: str, data: bytes, ctx: Context, *, member: str, depth: int,
                  parent: str | None) -> list[ExtractedDocument]:
    shown = f"{ctx.path}{MEMBER_SEP}{member}" if member else ctx.path
    if ctx.ocr is None:
        raise MissingDependencyError(
            f"{shown} is an image and needs OCR, but Tesseract is not available; install tesseract-ocr"
        )
    Image.MAX_IMAGE_PIXELS = ctx.settings.max_image_pixels
    pages: list[Page] = []
    try:
        with pywarnings.catch_warnings():
            pywarnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                media = "tiff" if img.format == "TIFF" else "image"
                for number, frame in enumerate(ImageSequence.Iterator(img), start=1):
                    if number > MAX_FRAMES:
                        raise ResourceLimitError(f"{shown} has more than {MAX_FRAMES} pages")
                    prepared = _prepare(frame, ctx.settings.ocr_max_pixels)
                    result = ctx.ocr.recognise(prepared)
                    pages.append(Page(number, result.text, "ocr", result.confidence))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ResourceLimitError(f"{shown} declares an image too large to decode safely") from exc
    except UnidentifiedImageError as exc:
        raise CorruptFileError(f"{shown} is not a readable image") from exc
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptFileError(f"{shown} is a damaged or truncated image") from exc
    return [ExtractedDocument(member, media, tuple(pages), parent)]


def _prepare(frame: Image.Image, max_pixels: int) -> Image.Image:
    image = ImageOps.exif_transpose(frame)
    image.load()
    if image.width * image.height > max_pixels:
        scale = (max_pixels / (image.width * image.height)) ** 0.5
        image = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    if image.mode not in ("L", "1"):
        image = image.convert("L")
    return image
