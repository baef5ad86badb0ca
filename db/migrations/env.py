"""Alembic environment: runs on the connection the program hands over (no .ini)."""

from alembic import context

from workbench.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
context.run_migrations()
