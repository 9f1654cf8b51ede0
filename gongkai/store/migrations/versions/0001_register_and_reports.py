"""The request register (applicants, requests, events), parsed reports and added holiday arrangements.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "applicants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("contact", sa.String(200), nullable=False),
        sa.Column("id_document", sa.String(100), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_applicants_name_kind", "applicants", ["name", "kind"])
    op.create_table(
        "requests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(40), nullable=False, unique=True),
        sa.Column("applicant_id", sa.Integer, sa.ForeignKey("applicants.id"), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("submitted_on", sa.Date, nullable=True),
        sa.Column("received_on", sa.Date, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("requested_form", sa.String(200), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("state", sa.String(40), nullable=False),
        sa.Column("outcome", sa.String(60), nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("answer_due", sa.Date, nullable=True),
        sa.Column("review_filed_on", sa.Date, nullable=True),
        sa.Column("review_decided_on", sa.Date, nullable=True),
        sa.Column("review_result", sa.String(40), nullable=True),
        sa.Column("suit_group", sa.String(40), nullable=True),
        sa.Column("suit_filed_on", sa.Date, nullable=True),
        sa.Column("suit_decided_on", sa.Date, nullable=True),
        sa.Column("suit_result", sa.String(40), nullable=True),
    )
    op.create_index("ix_requests_received_on", "requests", ["received_on"])
    op.create_index("ix_requests_closed_on", "requests", ["closed_on"])
    op.create_index("ix_requests_state", "requests", ["state"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("request_id", sa.Integer, sa.ForeignKey("requests.id"), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("recorded_by", sa.String(100), nullable=False),
    )
    op.create_index("ix_events_request_id", "events", ["request_id", "id"])
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("agency", sa.String(500), nullable=True),
        sa.Column("year", sa.Integer, nullable=True),
        sa.Column("format", sa.String(20), nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("findings", sa.JSON, nullable=False),
        sa.Column("error_count", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_reports_agency_year", "reports", ["agency", "year"])
    op.create_table(
        "calendar_days",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("working", sa.Boolean, nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("source", sa.String(500), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    for table in ("calendar_days", "reports", "events", "requests", "applicants"):
        op.drop_table(table)
