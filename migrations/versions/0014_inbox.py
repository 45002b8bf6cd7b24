"""inbox: what an open task shows (label, details, due time, returned) and its indexes

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("wf_instance", "wf_open_task"):
        op.add_column(table, sa.Column("label", sa.String(200), nullable=True))
        op.add_column(table, sa.Column("details", sa.JSON(), nullable=True))
    op.add_column("wf_open_task", sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("wf_open_task", sa.Column("returned", sa.Boolean(), nullable=False,
                                            server_default=sa.false()))
    op.create_index("ix_wf_open_task_lane_created", "wf_open_task", ["lane", "created_at"])
    op.create_index("ix_wf_open_task_business_key", "wf_open_task", ["business_key"])


def downgrade() -> None:
    op.drop_index("ix_wf_open_task_business_key", "wf_open_task")
    op.drop_index("ix_wf_open_task_lane_created", "wf_open_task")
    op.drop_column("wf_open_task", "returned")
    op.drop_column("wf_open_task", "due_at")
    for table in ("wf_open_task", "wf_instance"):
        op.drop_column(table, "details")
        op.drop_column(table, "label")
