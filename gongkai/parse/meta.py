"""Title, agency, report year and publication date, each with a note of where it came from."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gongkai.read.document import Document, Line

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")
_TITLE_START = re.compile(r"^\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年|^\s*政府信息公开")
_FILE_NAME = re.compile(r"^((?:19|20)\d{2})\s*[-_ ]?\s*(?:年度?)?([\u4e00-\u9fa5]{2,30})$")
_UNNAMED = re.compile(r"未署名|未知|某")
_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}年|[〇零○一二三四五六七八九]{4}年")
_TITLE_NAME = re.compile(r"政府信息公开|政务公开|信息公开")
_TITLE_LABEL = re.compile(r"^(?:标题|题目|名称|文章标题)\s*[:：]\s*")
_BREADCRUMB = re.compile(r">|＞|»|当前位置|首页")
_TITLE_WORDS = ("政府信息公开", "政务公开", "信息公开工作")
_PERIOD = re.compile(r"统计(?:期限|时限|时间|周期)[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_AGENCY_SUFFIX = re.compile(
    r"([\u4e00-\u9fa5（）()]{2,30}?(?:人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会|管理局|管理委员会|"
    r"局|委|办|厅|部|署|院|中心|街道办事处|办事处|政府|镇|乡|街道|公司|馆|站|所|会))$"
)
_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
#: "发布日期：2024-01-29", "发布时间：…", "成文日期：…", "日期：…": every label ends in 日期 or 时间, and only
#: the date after it is kept. The labels are found with str.find (a pattern searched through the text
#: tries its first characters at every position: 3 % of a report's parse), the date is matched after them.
_PUBLISHED_LABELS = ("日期", "时间")
_PUBLISHED_DATE = re.compile(r"\s*[:：]\s*((?:19|20)\d{2}[年\-/.]\d{1,2}[月\-/.]\d{1,2})")
_PLACE_PREFIX = re.compile(r"[\u4e00-\u9fa5]{1,8}(?:省|市|县|区|州|旗|盟)(?:[\u4e00-\u9fa5]{1,8}(?:市|县|区|州|旗))?")
_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fa5]{1,12}?(?:省|市|县|区|州|旗|盟)$")
_CN_NUM = {"〇": "0", "零": "0", "○": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


@dataclass(slots=True)
class Meta:
    title: str | None = None
    agency: str | None = None
    agency_source: str = ""
    year: int | None = None
    year_source: str = ""
    published: str | None = None


def read_meta(doc: Document, first_heading_block: int | None, preamble: str, overview: str, body: str) -> Meta:
    meta = Meta()
    meta.title = _title(doc, first_heading_block)
    title = meta.title or ""
    year = _year_in(title)
    if year:
        meta.year, meta.year_source = year, "标题"
    else:
        m = _PERIOD.search(body[:20000])
        if m:
            meta.year, meta.year_source = int(m.group(1)), "统计期限"
        else:
            years = [int(y) for y in _YEAR.findall((preamble + overview)[:6000] or body[:5000])]
            if years:
                meta.year = Counter(years).most_common(1)[0][0]
                meta.year_source = "正文中出现最多的年份（推断）"
    meta.agency, meta.agency_source = _agency(doc, title, body, meta.year)
    if meta.agency is None or meta.year is None:
        # last resort: a file named like "2023-某某局.docx" (what collectors and converters produce)
        stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", doc.name)
        m = _FILE_NAME.match(stem)
        if m:
            if meta.year is None:
                meta.year, meta.year_source = int(m.group(1)), "文件名（推断）"
            if meta.agency is None and _AGENCY_SUFFIX.search(m.group(2)) and not _UNNAMED.search(m.group(2)):
                meta.agency, meta.agency_source = m.group(2), "文件名（推断）"
    meta.published = _published(doc, body)
    return meta


def _year_in(text: str) -> int | None:
    m = _YEAR.search(text)
    if m:
        return int(m.group(1))
    m = _CN_YEAR.search(text)
    if m:
        return int("".join(_CN_NUM[c] for c in m.group(1)))
    return None


def _title(doc: Document, first_heading: int | None) -> str | None:
    if doc.title and any(w in doc.title for w in _TITLE_WORDS) and _year_in(doc.title):
        return re.split(r"[_|－—]{1,2}(?=[^_|]*$)", doc.title)[0].strip() if "_" in doc.title else doc.title.strip()
    end = first_heading if first_heading is not None else min(len(doc.blocks), 40)
    lines = [b for b in doc.blocks[:end] if isinstance(b, Line) and not b.separated]
    ranked = sorted(range(len(lines)), key=lambda k: (not ("报告" in lines[k].text and _year_in(lines[k].text)), k))
    for k in ranked:
        line = lines[k]
        text = _TITLE_LABEL.sub("", line.text.strip())
        if len(text) > 60 or not any(w in text for w in _TITLE_WORDS) or _BREADCRUMB.search(text):
            continue
        if text.startswith(("根据", "按照", "依据", "本报告")):
            continue
        if not text.endswith("报告") and k + 1 < len(lines) and "报告" in lines[k + 1].text and len(lines[k + 1].text) < 20:
            text = text + lines[k + 1].text.strip()
        elif k > 0 and "报告" in text and _TITLE_START.match(text) and len(lines[k - 1].text) < 30:
            # "淮安市洪泽区人民政府" / "2024年政府信息公开工作年度报告": the agency on the line above
            text = lines[k - 1].text.strip() + text
        return re.sub(r"\s+", " ", text)
    return doc.title


def _agency(doc: Document, title: str, body: str, year: int | None) -> tuple[str | None, str]:
    compact = re.sub(r"\s+", "", title)
    # the agency is what the title says before the year or the report's name, whichever comes first:
    # "湘潭县统计局2024年政府信息公开…", "某局政府信息公开工作年度报告（2023年度）"
    ends = [m.start() for m in (_TITLE_YEAR.search(compact), _TITLE_NAME.search(compact)) if m]
    short = compact[: min(ends)].strip("：:，,、（(") if ends else ""
    if short.endswith("关于"):
        short = short[: -len("关于")]
    if short and len(short) >= 2:
        # the body may give the full name ("互助县统计局" for a title that says "统计局")
        longer = []
        text = body[:20000]
        at = text.find(short)
        while at != -1:
            # look just before each mention for a place name ("互助县" + "统计局")
            m = _PLACE_BEFORE.search(text, max(0, at - 13), at)
            if m:
                longer.append(_trim_agency(m.group(0) + short, short))
            at = text.find(short, at + len(short))
        longer = [c for c in longer if c != short and _PLACE_PREFIX.fullmatch(c[: -len(short)])]
        if longer:
            best = Counter(longer).most_common(1)[0][0]
            return best, f"标题为“{short}”，正文给出全称"
        return short, "标题"
    sig = _signature(doc)
    if sig:
        return sig, "文末署名"
    author = doc.meta.get("author")
    if author and _AGENCY_SUFFIX.search(author):
        return author, "文件元数据（作者）"
    return None, "正文未写明发布机关"


def _trim_agency(candidate: str, short: str) -> str:
    """Cut a full agency name out of the prose before it ("年，互助县统计局" → "互助县统计局")."""
    for sep in ("，", "。", "年", "、", "的", "在", "由", "是"):
        if sep in candidate[: -len(short)]:
            candidate = candidate[candidate.rindex(sep, 0, len(candidate) - len(short)) + 1 :]
    return candidate


def _signature(doc: Document) -> str | None:
    lines = [b.text.strip() for b in doc.blocks[-15:] if isinstance(b, Line) and b.text.strip()]
    for k in range(len(lines) - 1, 0, -1):
        if _DATE.fullmatch(lines[k].replace(" ", "")) or (_DATE.match(lines[k]) and len(lines[k]) <= 14):
            m = _AGENCY_SUFFIX.search(lines[k - 1])
            if m and len(lines[k - 1]) <= 30:
                return m.group(1)
    return None


def _published_label(text: str) -> str | None:
    """The first date printed after a 日期/时间 label and a colon."""
    found: list[tuple[int, str]] = []
    for label in _PUBLISHED_LABELS:
        at = text.find(label)
        while at != -1:
            m = _PUBLISHED_DATE.match(text, at + len(label))
            if m:
                found.append((at, m.group(1)))
                break
            at = text.find(label, at + len(label))
    return min(found)[1] if found else None


def _published(doc: Document, body: str) -> str | None:
    raw = doc.meta.get("published")
    candidates = [raw] if raw else []
    stated = _published_label(body[:3000])
    if stated:
        candidates.append(stated)
    lines = [b.text.strip() for b in doc.blocks[-8:] if isinstance(b, Line) and b.text.strip()]
    for line in reversed(lines):
        if len(line) <= 16 and _DATE.match(line):
            candidates.append(line)
            break
    for c in candidates:
        d = _DATE.search(c)
        if d:
            y, mo, da = (int(x) for x in d.groups())
            if 1 <= mo <= 12 and 1 <= da <= 31:
                return f"{y:04d}-{mo:02d}-{da:02d}"
    return None
