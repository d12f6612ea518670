"""Problems found while proving reliability and performance, now fixed; each test guards its fix."""

from __future__ import annotations

import io
import zipfile

import pymupdf
import pytest

from claimdex.config import ExtractSettings
from claimdex.errors import UnsafeArchiveMemberError
from claimdex.extract import extract_file
from claimdex.extract.archive import check_member_name
from claimdex.extract.ocr import OcrResult
from claimdex.models import FileTask
from tests import fixture_files as ff


def test_zip_of_stored_pdfs_is_read_as_a_zip(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:  # Python's default mode
        zf.writestr("letters/cert.pdf", ff.text_pdf())
        zf.writestr("letters/note.txt", b"File note: called the worker.")
    path = tmp_path / "export.zip"
    path.write_bytes(buffer.getvalue())
    result = extract_file(FileTask(path, "c", "0" * 64, path.stat().st_size, 0.0),
                          settings=ExtractSettings(ocr=False))
    assert not result.problems
    assert sorted(d.member for d in result.documents) == ["letters/cert.pdf", "letters/note.txt"]


class _CountingOcr:
    def __init__(self) -> None:
        self.calls = 0

    def recognise(self, image) -> OcrResult:
        self.calls += 1
        return OcrResult("", None)


def test_born_digital_table_of_figures_is_not_sent_to_ocr(tmp_path):
    rows = "\n".join(f"{d:02d}-Dec-2022   24.00   652.08   {d * 7.31:.2f}   0.00   1,222.65"
                     for d in range(1, 29))
    doc = pymupdf.open()
    doc.new_page().insert_textbox(pymupdf.Rect(40, 40, 560, 820), rows, fontsize=9)
    path = tmp_path / "wages.pdf"
    doc.save(path)
    doc.close()
    ocr = _CountingOcr()
    result = extract_file(FileTask(path, "c", "0" * 64, path.stat().st_size, 0.0),
                          settings=ExtractSettings(), ocr=ocr)
    assert ocr.calls == 0
    assert result.documents[0].pages[0].method == "text"


@pytest.mark.parametrize("name", ["./C:", "./C:/Windows/x.pdf", ".//A:"])
def test_member_name_cannot_become_a_drive(name):
    import ntpath

    try:
        safe = check_member_name(name)
    except UnsafeArchiveMemberError:
        return
    joined = ntpath.normpath(ntpath.join("C:\\extract\\here", safe.replace("/", "\\")))
    assert joined.startswith("C:\\extract\\here\\"), safe
