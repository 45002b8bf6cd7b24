"""The migrations build exactly the schema the models describe, on either database."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from processes.setup.schema import METADATA


def test_migrations_match_the_models(db_engine):
    with db_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = [d for md in METADATA for d in compare_metadata(context, md)
                       if not _other_metadata(d, md)]
    assert differences == []


def _other_metadata(diff, metadata) -> bool:
    # Each metadata covers its own tables; the other's tables are not "removed".
    return diff[0] == "remove_table" or (
        diff[0] == "remove_index" and diff[1].table.name not in metadata.tables
    )
