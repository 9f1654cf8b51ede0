"""Opening the database, running the migrations, and the one way to change it: a transaction.

``open_store(url)`` takes a SQLAlchemy URL (``sqlite:///gongkai.sqlite``, ``postgresql+psycopg://…``) or a
plain file path, migrates the schema to the newest revision and returns a :class:`Store`. Every change goes
through ``Store.transaction()``: it commits as a whole or, on any error, rolls back and raises
:class:`gongkai.errors.StoreError` (or lets a GongkaiError raised inside pass), so nothing is half-written.
Nothing is ever deleted: a flush that would update an event or delete any row is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from gongkai.errors import GongkaiError, StoreError
from gongkai.model import Report, Severity
from gongkai.store.schema import CalendarDayRow, EventRow, ReportRow

DEFAULT_FILE = "gongkai.sqlite"
ENV_URL = "GONGKAI_DB"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_url() -> str:
    """``$GONGKAI_DB`` if set, else ``./gongkai.sqlite``."""
    return os.environ.get(ENV_URL) or DEFAULT_FILE


def to_url(target: str | Path) -> str:
    """A database URL from a URL or a file path ("gongkai.sqlite" → "sqlite:///gongkai.sqlite")."""
    text = str(target)
    if "://" in text or text == "sqlite://":
        return text
    return f"sqlite:///{text}"


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class StoredReport:
    id: int
    name: str
    agency: str | None
    year: int | None
    format: str | None
    saved_at: datetime
    error_count: int
    data: dict[str, Any]
    findings: list[dict[str, Any]]


class Store:
    """A migrated database. Use ``transaction()`` for every change and ``session()`` for reading."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- sessions --------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of change: committed entirely or not at all."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except GongkaiError:
            session.rollback()
            raise
        except SQLAlchemyError as exc:
            session.rollback()
            raise StoreError(f"数据库《{self.name}》未能保存这次修改（{_reason(exc)}），已全部回滚，未写入任何内容") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read-only view: never committed (closing it rolls back anything written), and the objects
        read keep their loaded attributes after it closes."""
        session = self._sessions()
        try:
            yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"无法读取数据库《{self.name}》：{_reason(exc)}") from exc
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- reports ---------------------------------------------------------------------------------

    def save_report(self, report: Report) -> int:
        """Save a parsed report with its findings in one transaction; returns its id."""
        findings = [f.to_json() for f in report.findings]
        row = ReportRow(
            name=report.name,
            agency=report.agency,
            year=report.year,
            format=report.format,
            data=report.to_json(),
            findings=findings,
            error_count=sum(1 for f in report.findings if f.severity is Severity.ERROR),
            saved_at=now(),
        )
        with self.transaction() as s:
            s.add(row)
            s.flush()
            return row.id

    def reports(self) -> list[StoredReport]:
        with self.session() as s:
            rows = s.scalars(select(ReportRow).order_by(ReportRow.id)).all()
            return [_stored(r) for r in rows]

    def report(self, report_id: int) -> StoredReport:
        with self.session() as s:
            row = s.get(ReportRow, report_id)
            if row is None:
                raise StoreError(f"数据库《{self.name}》中没有编号为 {report_id} 的报告")
            return _stored(row)

    # -- added holiday arrangements ---------------------------------------------------------------

    def calendar_days(self) -> list[CalendarDayRow]:
        """Added 放假安排 days, oldest first (a later row for the same day wins)."""
        with self.session() as s:
            return list(s.scalars(select(CalendarDayRow).order_by(CalendarDayRow.id)).all())


def _stored(r: ReportRow) -> StoredReport:
    return StoredReport(r.id, r.name, r.agency, r.year, r.format, r.saved_at, r.error_count, r.data, r.findings)


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0][:200]


def _refuse_rewrites(session: Session, _context: Any, _instances: Any) -> None:
    """Nothing is deleted, and an event once written is never changed (the 时间轴 is append-only)."""
    if session.deleted:
        raise StoreError("登记簿中的记录不能删除；如有错误，请登记一条更正（作废）事件")
    for obj in session.dirty:
        if isinstance(obj, EventRow | CalendarDayRow | ReportRow) and session.is_modified(obj):
            raise StoreError("时间轴上已登记的事件不能修改；如有错误，请登记一条更正（作废）事件")


def open_store(target: str | Path | None = None, *, echo: bool = False) -> Store:
    """Open (and create or migrate) the database at ``target`` (URL or file path; default ``default_url()``)."""
    url_text = to_url(target if target is not None else default_url())
    try:
        url = make_url(url_text)
    except ArgumentError:
        raise StoreError(f"数据库地址“{url_text}”无效：请给出文件路径或 SQLAlchemy 地址（如 sqlite:///gongkai.sqlite）") from None
    name = url.database or url_text if url.get_backend_name() == "sqlite" else url.render_as_string(hide_password=True)
    kwargs: dict[str, Any] = {"echo": echo}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            parent = Path(url.database).parent
            if not parent.exists():
                raise StoreError(f"无法打开数据库《{url.database}》：文件夹“{parent}”不存在")
        else:
            # one shared connection, or every session would see its own empty in-memory database
            kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    try:
        engine = create_engine(url, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"无法打开数据库“{name}”：{exc}") from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"无法打开数据库《{name}》：{_reason(exc)}") from exc
    store = Store(engine, name or url_text)
    event.listen(store._sessions, "before_flush", _refuse_rewrites)
    return store


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent)."""
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
