"""speed: indexes for the list pages, segregation of duties and race losers

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 09:00:00
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_record_submitted_by", "record", ["submitted_by"]),
    ("ix_record_updated_at_id", "record", ["updated_at", "id"]),
    ("ix_wf_task_history_instance_user", "wf_task_history", ["instance_id", "user_id"]),
    ("ix_wf_task_history_task_id", "wf_task_history", ["task_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
