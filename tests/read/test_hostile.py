"""Hostile and broken files: each is refused with one Chinese message naming the file, in bounded time and
memory. Every file is made inside the test (nothing big is committed)."""

from __future__ import annotations

import io
import json
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from gongkai.errors import CorruptFile, EncryptedReport, FileTooLarge, HostileFile, UnsupportedFile
from gongkai.read import read_bytes, read_document
from gongkai.read.limits import MB, Limits
from tests.read.pdf_fixtures import lines_pdf, text_pdf

_DOCUMENT = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>BODY</w:t></w:r></w:p></w:body></w:document>"
)


def _docx(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as zf:
        zf.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types/>')
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def _template(corpus: Path) -> bytes:
    return (corpus / "templates" / "政务公开年报模版.docx").read_bytes()


def test_zip_bomb_renamed_docx_is_refused_before_decompressing(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("word/document.xml", _DOCUMENT)
        with zf.open("word/media/bomb.bin", "w") as member:
            chunk = bytes(MB)
            for _ in range(100):  # 100 MB of zeros → about 100 KB compressed
                member.write(chunk)
    bomb = tmp_path / "年报.docx"
    bomb.write_bytes(out.getvalue())
    assert bomb.stat().st_size < 1 * MB
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(HostileFile, match=r"《年报\.docx》.*压缩比"):
            read_document(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB  # nothing was inflated
    assert time.perf_counter() - started < 5


def test_total_uncompressed_size_limit() -> None:
    members = {"word/document.xml": _DOCUMENT} | {
        f"word/media/{i}.bin": os.urandom(64 * 1024) for i in range(40)
    }
    data = _docx(members)
    with pytest.raises(HostileFile, match="解压后共"):
        read_bytes(data, "大.docx", Limits(max_unzipped_bytes=2 * MB))


def test_too_many_members() -> None:
    data = _docx({"word/document.xml": _DOCUMENT} | {f"word/x{i}.xml": b"<a/>" for i in range(60)})
    with pytest.raises(HostileFile, match="个成员"):
        read_bytes(data, "多.docx", Limits(max_zip_members=50))


def test_member_that_lies_about_its_size_is_not_inflated() -> None:
    """A central directory that declares 1 KB for a member holding 5 MB: reading stops at the declared size
    and the CRC check refuses the member."""
    real = (
        _DOCUMENT[: -len(b"</w:body></w:document>")]
        + b"<w:p><w:r><w:t>"
        + b"x" * (5 * MB)
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    data = bytearray(_docx({"word/document.xml": real}))
    declared = len(real).to_bytes(4, "little")
    assert data.count(declared) == 2  # local header and central directory
    data = bytearray(bytes(data).replace(declared, (1024).to_bytes(4, "little")))
    tracemalloc.start()
    try:
        with pytest.raises((CorruptFile, HostileFile), match=r"《谎\.docx》"):
            read_bytes(bytes(data), "谎.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MB


def test_xml_entity_expansion_is_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(
            b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10) for i in range(9)
        )
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>"
    )
    started = time.perf_counter()
    with pytest.raises(HostileFile, match=r"《笑\.docx》.*实体"):
        read_bytes(_docx({"word/document.xml": laughs}), "笑.docx")
    assert time.perf_counter() - started < 2


def test_external_entity_is_refused_in_utf16_too() -> None:
    xxe = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    data = _docx({"word/document.xml": xxe.encode("utf-16")})
    with pytest.raises(HostileFile):
        read_bytes(data, "外部实体.docx")


def test_corrupt_docx_is_refused(corpus: Path) -> None:
    data = _template(corpus)
    with pytest.raises(CorruptFile, match=r"《坏\.docx》.*损坏"):
        read_bytes(data[: len(data) // 2], "坏.docx")


def test_docx_with_broken_xml_is_corrupt() -> None:
    with pytest.raises(CorruptFile, match="不是完整的 XML"):
        read_bytes(_docx({"word/document.xml": _DOCUMENT[:-30]}), "半截.docx")


def test_password_protected_docx_is_encrypted(corpus: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    out = io.BytesIO()
    ooxml.OOXMLFile(io.BytesIO(_template(corpus))).encrypt("secret", out)
    with pytest.raises(EncryptedReport, match=r"《密\.docx》.*加密"):
        read_bytes(out.getvalue(), "密.docx")


def test_legacy_doc_is_refused_with_what_to_do() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(1000)
    with pytest.raises(UnsupportedFile, match=r"《旧\.doc》.*docx"):
        read_bytes(ole, "旧.doc")


def test_500_mb_upload_is_refused_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "巨大.pdf"
    with huge.open("wb") as fh:
        fh.write(b"%PDF-1.7\n")
        fh.truncate(500 * MB)  # sparse: no disk and no memory used
    tracemalloc.start()
    try:
        with pytest.raises(FileTooLarge, match=r"《巨大\.pdf》.*500\.0 MB.*50 MB"):
            read_document(huge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 * MB


def test_pdf_named_txt_is_read_as_pdf(corpus: Path, tmp_path: Path) -> None:
    liar = tmp_path / "报告.txt"
    liar.write_bytes((corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes())
    doc = read_document(liar)
    assert doc.kind == "pdf"
    assert "2024年政府信息公开工作年度报告" in doc.text


def test_tiny_pdf_named_docx_is_read_as_pdf(tmp_path: Path) -> None:
    liar = tmp_path / "report.docx"
    liar.write_bytes(text_pdf("2024 report"))
    doc = read_document(liar)
    assert doc.kind == "pdf" and doc.text == "2024 report"


def test_page_full_of_rulings_is_bounded() -> None:
    """A page drawing a 200 × 200 grid of lines (40,000 cells) is not taken for a table and is read fast."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(lines_pdf([[(72, 800, "Grid page")]]))
    page = pdf[0]
    for i in range(201):
        for x0, y0, x1, y1 in ((20 + i * 2.6, 20, 20 + i * 2.6, 540), (20, 20 + i * 2.6, 540, 20 + i * 2.6)):
            line = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
            pdfium_c.FPDFPath_LineTo(line, x1, y1)
            pdfium_c.FPDFPath_SetDrawMode(line, 0, 1)
            pdfium_c.FPDFPage_InsertObject(page.raw, line)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    started = time.perf_counter()
    doc = read_bytes(out.getvalue(), "格子.pdf")
    assert time.perf_counter() - started < 10
    assert doc.text == "Grid page"


def test_folder_run_reads_the_good_files_beside_hostile_ones(corpus: Path, tmp_path: Path) -> None:
    """`gongkai parse DIR`: each hostile file gets one Chinese error line, the real reports are parsed."""
    from typer.testing import CliRunner

    from gongkai.cli import app
    from tests.read.pdf_fixtures import blank_pages_pdf

    (tmp_path / "2024-淮安市人民政府.pdf").write_bytes(
        (corpus / "reports" / "2024-淮安市人民政府.pdf").read_bytes()
    )
    (tmp_path / "模版.docx").write_bytes(_template(corpus))
    (tmp_path / "加密.pdf").write_bytes(text_pdf(password="secret"))
    (tmp_path / "五百页.pdf").write_bytes(blank_pages_pdf(500))
    (tmp_path / "坏.docx").write_bytes(_template(corpus)[:3000])
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    (tmp_path / "笑.docx").write_bytes(_docx({"word/document.xml": laughs}))
    result = CliRunner().invoke(app, ["parse", "--jsonl", str(tmp_path)])
    assert result.exit_code != 0
    parsed = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert sorted(p["file"] for p in parsed) == ["2024-淮安市人民政府.pdf", "模版.docx"]
    report = next(p for p in parsed if p["file"].endswith(".pdf"))
    assert report["table4"][:5] == [72, 64, 178, 37, 351]
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    for name in ("加密.pdf", "五百页.pdf", "坏.docx", "笑.docx"):
        assert sum(f"《{name}》" in line for line in errors) == 1, errors
    assert "Traceback" not in result.stderr + result.stdout
