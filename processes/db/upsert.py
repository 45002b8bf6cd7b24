"""Insert-or-get: a row that two requests may create at the same moment.

`INSERT ... ON CONFLICT DO NOTHING` (both PostgreSQL and SQLite say it) lets the second
creator wait for the first and then find its row, instead of failing on the unique key.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


def insert_if_missing(session: Session, model: type, key: list[str], values: dict[str, Any]) -> bool:
    """Insert `values` into `model`'s table unless a row with the same `key` columns exists;
    whether this call inserted it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(model).values(**values).on_conflict_do_nothing(index_elements=key)
    # RETURNING says whether a row was made (rowcount is not reliable across drivers here).
    inserted = session.execute(statement.returning(*(getattr(model, k) for k in key)))
    return inserted.first() is not None
