"""Word's automatic numbering, rendered: a heading typed as 总体情况 in a list whose level text is "%1、"
and whose format is chineseCounting is printed "一、总体情况", and the parser needs that "一、". The number
is not in the paragraph's text at all; it comes from word/numbering.xml (abstract numbering definitions and
their list instances) and from the paragraph's own numPr or its style's.

Counters follow document order (body paragraphs and table cells alike, as Word counts them); list instances
of one abstract definition continue each other unless a ``startOverride`` restarts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"

_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_count(n: int, digits: str = _DIGITS, ten: str = "十", hundred: str = "百") -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return digits[0]
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = (
            "" if rest == 0 else (digits[0] + digits[rest] if rest < 10 else chinese_count(rest, digits, ten))
        )
        if 10 <= rest < 20:
            tail = digits[1] + tail  # 一百一十二
        return digits[n // 100] + hundred + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: a … z, aa … zz
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, _LEGAL, "拾", "佰")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else ""
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "ideographDigital":
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    suffix: str = "tab"


class Numbering:
    """The list definitions of one document and the running counters."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._style_num: dict[str, tuple[str | None, int | None]] = {}
        self._style_base: dict[str, str] = {}
        self._counters: dict[str, list[int]] = {}
        self._started: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: etree._Element) -> None:
        for abstract in root.iter(f"{{{W}}}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(f"{{{W}}}lvl"):
                level = _Level()
                for child in lvl:
                    tag = etree.QName(child).localname
                    val = child.get(_VAL)
                    if tag == "start" and val and val.lstrip("-").isdigit():
                        level.start = int(val)
                    elif tag == "numFmt" and val:
                        level.fmt = val
                    elif tag == "lvlText":
                        level.text = val or ""
                    elif tag == "isLgl":
                        level.legal = val not in ("0", "false")
                    elif tag == "suff" and val:
                        level.suffix = val
                levels[_int(lvl.get(f"{{{W}}}ilvl"), 0)] = level
            self._abstract[str(abstract.get(f"{{{W}}}abstractNumId"))] = levels
        for num in root.iter(f"{{{W}}}num"):
            num_id = str(num.get(f"{{{W}}}numId"))
            ref = num.find(f"{{{W}}}abstractNumId")
            if ref is not None:
                self._num_abstract[num_id] = str(ref.get(_VAL))
            for override in num.iter(f"{{{W}}}lvlOverride"):
                start = override.find(f"{{{W}}}startOverride")
                if start is not None:
                    ilvl = _int(override.get(f"{{{W}}}ilvl"), 0)
                    self._overrides.setdefault(num_id, {})[ilvl] = _int(start.get(_VAL), 1)

    def _read_styles(self, root: etree._Element) -> None:
        for style in root.iter(f"{{{W}}}style"):
            style_id = style.get(f"{{{W}}}styleId")
            if not style_id:
                continue
            based = style.find(f"{{{W}}}basedOn")
            if based is not None and based.get(_VAL):
                self._style_base[style_id] = str(based.get(_VAL))
            num_pr = style.find(f"{{{W}}}pPr/{{{W}}}numPr")
            if num_pr is not None:
                self._style_num[style_id] = _num_pr(num_pr)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self._style_num:
                return self._style_num[style_id]
            style_id = self._style_base.get(style_id)
        return None, None

    def label(self, p: etree._Element) -> str:
        """The number Word prints before paragraph ``p`` ("一、", "（二）", "1."), advancing the counters;
        "" for a paragraph outside any list."""
        if not self._abstract:
            return ""
        ppr = p.find(f"{{{W}}}pPr")
        num_id: str | None = None
        ilvl: int | None = None
        if ppr is not None:
            num_pr = ppr.find(f"{{{W}}}numPr")
            if num_pr is not None:
                num_id, ilvl = _num_pr(num_pr)
            if num_id is None:
                style = ppr.find(f"{{{W}}}pStyle")
                style_num, style_lvl = self._from_style(style.get(_VAL) if style is not None else None)
                num_id = style_num
                ilvl = ilvl if ilvl is not None else style_lvl
        if not num_id or num_id == "0" or num_id not in self._num_abstract:
            return ""
        abstract_id = self._num_abstract[num_id]
        levels = self._abstract.get(abstract_id, {})
        level = ilvl or 0
        if level not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, [0] * 10)
        overrides = self._overrides.get(num_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl_index, start in overrides.items():
                if 0 <= lvl_index < 10:
                    counters[lvl_index] = start - 1
        counters[level] = counters[level] + 1 if counters[level] else levels[level].start
        for deeper in range(level + 1, 10):
            counters[deeper] = 0
        text = levels[level].text
        for k in range(level, -1, -1):
            placeholder = f"%{k + 1}"
            if placeholder in text:
                source = levels.get(k, _Level())
                value = counters[k] or source.start
                fmt = "decimal" if levels[level].legal and k < level else source.fmt
                text = text.replace(placeholder, format_number(value, fmt))
        if levels[level].fmt == "bullet":
            return ""
        return text + (" " if levels[level].suffix == "space" else "")


def _num_pr(num_pr: etree._Element) -> tuple[str | None, int | None]:
    num = num_pr.find(f"{{{W}}}numId")
    lvl = num_pr.find(f"{{{W}}}ilvl")
    num_id = str(num.get(_VAL)) if num is not None and num.get(_VAL) is not None else None
    level = _int(lvl.get(_VAL), 0) if lvl is not None else None
    return num_id, level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
