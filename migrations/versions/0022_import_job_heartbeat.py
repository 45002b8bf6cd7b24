"""personnel import progress (personnel_import_job); the timer worker's heartbeat

Revision ID: 0022
Revises: 0019
Create Date: 2026-12-03 16:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personnel_import_job",
        sa.Column("token", sa.String(40), primary_key=True),
        sa.Column("started_by", sa.Integer(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("done", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(300), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "worker_heartbeat",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("worker_heartbeat")
    op.drop_table("personnel_import_job")
