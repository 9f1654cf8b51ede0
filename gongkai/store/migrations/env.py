"""Alembic environment: gongkai runs migrations itself (``open_store``) on a connection it passes in
``config.attributes["connection"]``; run from the command line it opens ``sqlalchemy.url`` instead."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from gongkai.store.schema import Base

config = context.config
connection = config.attributes.get("connection")

if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///gongkai.sqlite")
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
