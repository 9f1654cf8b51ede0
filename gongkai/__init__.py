"""gongkai（公开）: read, check and write 政府信息公开工作年度报告, and keep the 依申请公开 register.

    >>> import gongkai
    >>> report = gongkai.parse_file("2024-湘潭县统计局.txt")
    >>> report.table3.number(gongkai.Table3Row.NEW_RECEIVED, gongkai.Applicant.TOTAL)
    1
    >>> [f.rule for f in gongkai.check_report(report)]
"""

from gongkai.check import check_report, has_errors, iter_findings
from gongkai.errors import (
    GongkaiError,
    NoTablesFound,
    NotAReport,
    ParseError,
    ReadError,
    UnreadableReport,
)
from gongkai.model import (
    FORM_2019,
    FORM_2021,
    Applicant,
    Cell,
    Edition,
    Finding,
    Report,
    Section,
    Severity,
    Table2Column,
    Table2Row,
    Table3Row,
    Table4Column,
    Table4Group,
)
from gongkai.parse import parse_document, parse_file
from gongkai.read import Document, read_bytes, read_document

__all__ = [
    "FORM_2019",
    "FORM_2021",
    "Applicant",
    "Cell",
    "Document",
    "Edition",
    "Finding",
    "GongkaiError",
    "NoTablesFound",
    "NotAReport",
    "ParseError",
    "ReadError",
    "Report",
    "Section",
    "Severity",
    "Table2Column",
    "Table2Row",
    "Table3Row",
    "Table4Column",
    "Table4Group",
    "UnreadableReport",
    "check_report",
    "has_errors",
    "iter_findings",
    "parse_document",
    "parse_file",
    "read_bytes",
    "read_document",
]
