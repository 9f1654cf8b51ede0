"""Open a zip container (DOCX) without trusting it: member count, total uncompressed size and compression
ratio are checked from the central directory BEFORE anything is decompressed, and every read is capped at
the size the directory declared (``zipfile`` stops there and checks the CRC), so a zip bomb renamed .docx
costs a few kilobytes of memory, not gigabytes. XML parts with a DOCTYPE or entity declarations are refused
before lxml sees them (billion laughs, external entities).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from lxml import etree

from gongkai.errors import CorruptFile, EncryptedReport, HostileFile
from gongkai.read.limits import MB, Limits

#: members smaller than this are not held to the ratio limit: tiny XML parts compress very well and a
#: small member cannot be a bomb anyway (its size is bounded by the total limit).
_RATIO_FLOOR = 1 * MB

_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_UTF16 = ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")


class GuardedZip:
    """A zip archive whose directory passed the limits; ``read`` returns a member's bytes (bounded)."""

    def __init__(self, data: bytes, name: str, limits: Limits) -> None:
        self.name = name
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
            raise CorruptFile(name, "文件已损坏，不是完整的 Word（.docx）文档（压缩结构无法读取）") from None
        if len(infos) > limits.max_zip_members:
            raise HostileFile(
                name,
                f"压缩包内有 {len(infos)} 个成员，超过上限 {limits.max_zip_members}，拒绝解压（疑似恶意文件）",
            )
        total = sum(info.file_size for info in infos)
        if total > limits.max_unzipped_bytes:
            raise HostileFile(
                name,
                f"解压后共 {total / MB:.0f} MB，超过上限 {limits.max_unzipped_bytes / MB:.0f} MB，"
                "拒绝解压（疑似压缩炸弹）",
            )
        for info in infos:
            if info.file_size > _RATIO_FLOOR:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.max_zip_ratio:
                    raise HostileFile(
                        name,
                        f"成员 {info.filename} 的压缩比为 {ratio:.0f}:1，超过上限 {limits.max_zip_ratio:.0f}:1，"
                        "拒绝解压（疑似压缩炸弹）",
                    )
        self._infos = {info.filename: info for info in infos}
        self._budget = limits.max_unzipped_bytes

    def __contains__(self, member: str) -> bool:
        return member in self._infos

    def read(self, member: str) -> bytes:
        info = self._infos[member]
        if info.flag_bits & 0x1:
            raise EncryptedReport(self.name, "文件已加密（设有密码），请先在 Word 或 WPS 中取消密码后再读取")
        cap = min(info.file_size, self._budget)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(cap + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError):
            raise CorruptFile(
                self.name, f"文件已损坏，其中的 {member} 无法解压（数据不完整或校验失败）"
            ) from None
        if len(data) > cap:
            raise HostileFile(self.name, f"成员 {member} 解压后超过声明的大小，拒绝读取（疑似恶意文件）")
        self._budget -= len(data)
        return data

    def xml(self, member: str) -> etree._Element:
        """Parse an XML member safely: no DTD, no entities, no network, no huge trees."""
        data = self.read(member)
        if _has_dtd(data):
            raise HostileFile(
                self.name, f"部件 {member} 含有 DOCTYPE 或实体声明，拒绝解析（可能是 XML 实体膨胀攻击）"
            )
        parser = etree.XMLParser(
            resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, remove_comments=True
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            where = f"第 {exc.lineno} 行" if exc.lineno else "开头"
            raise CorruptFile(self.name, f"文件已损坏：{member} 不是完整的 XML（{where}出错）") from None
        info = root.getroottree().docinfo
        if info.internalDTD is not None or info.public_id:
            raise HostileFile(
                self.name, f"部件 {member} 含有 DOCTYPE 声明，拒绝解析（可能是 XML 实体膨胀攻击）"
            )
        return root


def _has_dtd(data: bytes) -> bool:
    if _DTD.search(data):
        return True
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<\x00" in data[:64] or b"<\x00" in data[:64]:
        # UTF-16 parts: look for the same declarations in both byte orders
        return any(mark.encode(enc) in data for mark in _DTD_UTF16 for enc in ("utf-16-le", "utf-16-be"))
    return False
