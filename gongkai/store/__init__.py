"""Stage: store — the database (SQLAlchemy 2 + Alembic): parsed reports and the request register's tables."""

from gongkai.store.schema import ApplicantRow, Base, CalendarDayRow, EventRow, ReportRow, RequestRow
from gongkai.store.store import Store, StoredReport, default_url, open_store

__all__ = [
    "ApplicantRow",
    "Base",
    "CalendarDayRow",
    "EventRow",
    "ReportRow",
    "RequestRow",
    "Store",
    "StoredReport",
    "default_url",
    "open_store",
]
