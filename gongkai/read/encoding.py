"""Decode text bytes: the BOM, then a declared charset, then strict UTF-8, then strict GB18030 (or Big5, where
both decode and Big5 reads better), then charset-normalizer. The encoding found and how it was found are
returned, never guessed silently; bytes that are UTF-8 except for a few broken sequences are an error naming
the line, not a GB18030 guess (which would turn the whole report into mojibake)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from gongkai.errors import UndecodableText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030", "utf8": "utf-8"}


@dataclass(frozen=True)
class Decoded:
    text: str
    #: the encoding and how it was determined, in Chinese
    how: str
    #: the bytes end inside a character: a download cut short (the text before it is intact)
    cut_short: bool = False


def decode(data: bytes, name: str, declared: str | None = None) -> Decoded:
    """Decode ``data``; the result says which encoding and how it was found."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), f"{codec.replace('-sig', '')}（BOM）")
            except UnicodeDecodeError as exc:
                raise _broken(data, name, exc, codec) from None
    if declared:
        codec = _ALIASES.get(declared.lower(), declared.lower())
        try:
            return Decoded(data.decode(codec), f"{codec}（网页声明）")
        except LookupError:
            pass  # an unknown declared name: fall through to detection
        except UnicodeDecodeError:
            pass  # a wrong declaration is common on old sites: detect instead, and say so
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            # a download cut in the middle of a character: the text before it is intact
            try:
                return Decoded(data[: exc.start].decode("utf-8"), "utf-8（文件末尾的字符不完整）", cut_short=True)
            except UnicodeDecodeError:
                pass
    if _mostly_utf8(data):
        raise _broken(data, name, utf8_error, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _big5_rather_than_gb(data):
            return Decoded(data.decode("big5hkscs"), "big5（检测：与 GB18030 比较后确定）")
        return Decoded(text, "gb18030（检测）")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UndecodableText(name, "无法识别文字编码（不是 UTF-8、GBK/GB18030 或其他常见编码）")
    return Decoded(str(best), f"{best.encoding}（charset-normalizer 检测）")


def _big5_rather_than_gb(data: bytes) -> bool:
    """A 繁體 mirror saved as Big5 also decodes as GB18030 (into nonsense), and most GBK text decodes as
    Big5 too: when both decode, charset-normalizer, which measures how coherent each reading is, chooses."""
    try:
        data.decode("big5hkscs")
    except UnicodeDecodeError:
        return False
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    return best is not None and best.encoding in ("big5", "big5hkscs")


def _mostly_utf8(data: bytes) -> bool:
    """Many valid multi-byte UTF-8 sequences: the file is UTF-8 with some damage, not another encoding."""
    high = sum(1 for b in data[:200_000] if b >= 0x80)
    if high == 0:
        return False
    covered = sum(len(m.group()) for m in _UTF8_MULTIBYTE.finditer(data[:200_000]))
    return covered / high >= 0.9


def _broken(data: bytes, name: str, exc: UnicodeDecodeError, codec: str) -> UndecodableText:
    line = data[: exc.start].count(b"\n") + 1
    return UndecodableText(
        name,
        f"第 {line} 行含无效的 {codec.upper()} 字节（位置 {exc.start}）；文件可能已损坏或被截断，"
        "请从原网站重新下载，或用编辑器以正确编码另存后再读取",
    )
