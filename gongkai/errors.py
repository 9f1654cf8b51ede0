"""The exception tree of gongkai. Library code raises these; the CLI and the web app translate them into
one Chinese line (or one JSON error) and an exit code / HTTP status, in one place each.

    GongkaiError
    ├── ReadError                 the bytes cannot be turned into text
    │   └── UnreadableReport      …naming the file and the reason
    │       ├── FileTooLarge      over the size limit (refused before reading)
    │       ├── EmptyFile
    │       ├── UnsupportedFile   not a text, HTML, DOCX or PDF document (by content, not extension)
    │       ├── UndecodableText   bytes that are no known Chinese encoding
    │       ├── CorruptFile       a damaged PDF/DOCX/HTML
    │       ├── EncryptedReport   password-protected PDF/DOCX
    │       ├── HostileFile       zip bomb, XML entity expansion, too many pages …
    │       └── ScannedReport     a PDF without a text layer (and no OCR installed)
    ├── ParseError                text that is not an annual report we can read
    │   ├── NotAReport
    │   └── NoTablesFound
    ├── StoreError                the database refused a change (nothing was written)
    ├── WriteError                a report could not be written (missing font or library, unwritable path)
    ├── InputFileError            a file the user filled in (e.g. the 表二 template) has bad cells
    └── RegisterError             a request-register step that the law or the state does not allow
        └── InvalidStep
"""

from __future__ import annotations

from typing import ClassVar


class GongkaiError(Exception):
    """Base class: every error gongkai raises on purpose."""

    exit_code: ClassVar[int] = 2
    http_status: ClassVar[int] = 400

    @property
    def message(self) -> str:
        return str(self)


class ReadError(GongkaiError):
    """The input could not be read as a document."""


class UnreadableReport(ReadError):
    """A file that cannot be read; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        self.name, self.reason = name, reason
        super().__init__(f"无法读取《{name}》：{reason}")


class FileTooLarge(UnreadableReport):
    http_status = 413


class EmptyFile(UnreadableReport):
    pass


class UnsupportedFile(UnreadableReport):
    http_status = 415


class UndecodableText(UnreadableReport):
    pass


class CorruptFile(UnreadableReport):
    pass


class EncryptedReport(UnreadableReport):
    pass


class HostileFile(UnreadableReport):
    pass


class ScannedReport(UnreadableReport):
    pass


class ParseError(GongkaiError):
    """Text that was read but is not an annual report gongkai can parse."""

    def __init__(self, name: str, reason: str) -> None:
        self.name, self.reason = name, reason
        super().__init__(f"《{name}》{reason}")


class NotAReport(ParseError):
    http_status = 422


class NoTablesFound(ParseError):
    http_status = 422


class StoreError(GongkaiError):
    """A database operation failed; the transaction was rolled back and nothing was written."""

    http_status = 409


class WriteError(GongkaiError):
    """A report could not be written; the message says what is missing or which path failed."""


class InputFileError(GongkaiError):
    """A file filled in by a person has cells gongkai cannot take; the message names the file and every
    bad cell (row and column) and says why. Nothing is written when this is raised."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.name, self.problems = name, problems
        super().__init__(f"《{name}》有 {len(problems)} 处无法使用：" + "；".join(problems))


class RegisterError(GongkaiError):
    """A problem with the request register."""

    http_status = 409


class InvalidStep(RegisterError):
    """A step that the 条例 or the request's state does not allow; the message says why."""


class IncompleteReport(ParseError):
    """A report cut off before its end (a truncated download)."""

    http_status = 422
