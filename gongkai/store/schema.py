"""The database tables, as typed SQLAlchemy 2 ORM classes. The Alembic migrations in ``migrations/versions``
create exactly these; a test compares the two.

The request register is an append-only event log (``events``, the 时间轴) from which a request's state is
derived; the state columns on ``requests`` (``state`` … ``suit_result``) are a projection of that log,
rewritten in the same transaction as each appended event so that the annual tables are one SQL query.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class ApplicantRow(Base):
    """A person or organisation that files requests; ``kind`` is the 表三 column (gongkai.model.Applicant name)."""

    __tablename__ = "applicants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    contact: Mapped[str] = mapped_column(String(200), default="")
    id_document: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)

    requests: Mapped[list[RequestRow]] = relationship(back_populates="applicant")

    __table_args__ = (Index("ix_applicants_name_kind", "name", "kind"),)


class RequestRow(Base):
    """One 政府信息公开申请 as registered, plus the projection of its event log."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    applicant_id: Mapped[int] = mapped_column(ForeignKey("applicants.id"))
    channel: Mapped[str] = mapped_column(String(40))
    submitted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text, default="")
    requested_form: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    # projection of the event log (rewritten with every event; never edited by hand)
    state: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str | None] = mapped_column(String(60), nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: the answer deadline now; for a closed request the one it had when it was closed (None: no clock)
    answer_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_result: Mapped[str | None] = mapped_column(String(40), nullable=True)
    suit_group: Mapped[str | None] = mapped_column(String(40), nullable=True)
    suit_filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    suit_decided_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    suit_result: Mapped[str | None] = mapped_column(String(40), nullable=True)

    applicant: Mapped[ApplicantRow] = relationship(back_populates="requests")
    events: Mapped[list[EventRow]] = relationship(back_populates="request", order_by="EventRow.id")

    __table_args__ = (
        Index("ix_requests_received_on", "received_on"),
        Index("ix_requests_closed_on", "closed_on"),
        Index("ix_requests_state", "state"),
    )


class EventRow(Base):
    """One entry of a request's 时间轴. Never updated or deleted; a correction is a new event."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[date] = mapped_column(Date)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")

    request: Mapped[RequestRow] = relationship(back_populates="events")

    __table_args__ = (Index("ix_events_request_id", "request_id", "id"),)


class ReportRow(Base):
    """A parsed annual report: ``Report.to_json()`` and its findings, saved in one transaction."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    agency: Mapped[str | None] = mapped_column(String(500), nullable=True)
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    format: Mapped[str | None] = mapped_column(String(20), nullable=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    saved_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ix_reports_agency_year", "agency", "year"),)


class CalendarDayRow(Base):
    """A day of an added 放假安排 (a year chinesecalendar does not cover, or a changed arrangement).
    Append-only too: for the same day the latest row wins."""

    __tablename__ = "calendar_days"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    working: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(String(60))
    source: Mapped[str] = mapped_column(String(500), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
