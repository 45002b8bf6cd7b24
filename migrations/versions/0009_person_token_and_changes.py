"""person pages by an unguessable token; the history of a person's identity changes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 09:00:00
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person") as batch_op:
        batch_op.add_column(sa.Column("token", sa.String(length=32), nullable=True))
    conn = op.get_bind()
    # Existing persons get their token here; new ones from the model's default.
    for (person_id,) in conn.execute(sa.text("SELECT id FROM person")).all():
        conn.execute(sa.text("UPDATE person SET token = :token WHERE id = :id"),
                     {"token": secrets.token_urlsafe(16), "id": person_id})
    with op.batch_alter_table("person") as batch_op:
        batch_op.alter_column("token", existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint("uq_person_token", ["token"])

    op.create_table(
        "person_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=30), nullable=False),
        sa.Column("old", sa.String(length=120), nullable=False),
        sa.Column("new", sa.String(length=120), nullable=False),
        sa.Column("changed_by", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("instance_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["changed_by"], ["app_user.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_person_change_person_id", "person_change", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_person_change_person_id", table_name="person_change")
    op.drop_table("person_change")
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_constraint("uq_person_token", type_="unique")
        batch_op.drop_column("token")
