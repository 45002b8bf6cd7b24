"""staged_upload: a PDF kept while its form is corrected (until submitted or expired)

Revision ID: 0015_staged_upload
Revises: 0014
Create Date: 2026-12-03 12:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staged_upload",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("app_user.id"), nullable=False),
        sa.Column("form_key", sa.String(200), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("original_name", sa.String(200), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_staged_upload_expires_at", "staged_upload", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_staged_upload_expires_at", "staged_upload")
    op.drop_table("staged_upload")
