"""incidents: a diagram step that failed at run time, and its retry

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wf_incident",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("instance_id", sa.Integer(),
                  sa.ForeignKey("wf_instance.id", ondelete="CASCADE"), nullable=False),
        sa.Column("process_id", sa.String(100), nullable=False),
        sa.Column("element_id", sa.String(100), nullable=False),
        sa.Column("element_name", sa.String(200), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("actor_lanes", sa.JSON(), nullable=False),
        sa.Column("actor_unit_path", sa.String(400), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("resolved_by_name", sa.String(200), nullable=True),
    )
    op.create_index("ix_wf_incident_instance_id", "wf_incident", ["instance_id"])
    op.create_index("ix_wf_incident_status", "wf_incident", ["status"])


def downgrade() -> None:
    op.drop_table("wf_incident")
