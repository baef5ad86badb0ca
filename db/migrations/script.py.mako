"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}
"""

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}

# On SQLite, a batch that rebuilds a table must pass
# table_kwargs={"sqlite_autoincrement": True}: SQLAlchemy does not reflect AUTOINCREMENT,
# so the rebuilt table would hand out deleted ids again (tests/store/test_ids_never_reused.py
# fails). A migration that changes recorded values must write audit entries for them.


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}
