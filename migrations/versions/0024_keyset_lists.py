"""keyset lists: an operator's own records by the list's order

The record list pages by (updated_at, id) newest first; an operator who reads only what
they submitted walks (submitted_by, updated_at, id) and stops at a page, however many
records they have submitted. It serves a lookup by submitted_by alone too, so it replaces
ix_record_submitted_by.

Revision ID: 0024
Revises: 0019
Create Date: 2026-12-03 16:00:00
"""

from alembic import op

revision = "0024"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_record_submitted_by_updated_at_id", "record",
                    ["submitted_by", "updated_at", "id"])
    op.drop_index("ix_record_submitted_by", table_name="record")


def downgrade() -> None:
    op.create_index("ix_record_submitted_by", "record", ["submitted_by"])
    op.drop_index("ix_record_submitted_by_updated_at_id", table_name="record")
