"""Alembic environment: migrates the engine's and the domain's tables together."""

from alembic import context

from processes.db.database import make_engine
from processes.setup.schema import METADATA

config = context.config


def run_migrations() -> None:
    url = config.get_main_option("sqlalchemy.url")
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=METADATA, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connectable = make_engine(url)
    try:
        with connectable.connect() as connection:
            context.configure(
                connection=connection, target_metadata=METADATA, render_as_batch=True
            )
            with context.begin_transaction():
                context.run_migrations()
    finally:  # a migration that stops must not leave its connection open
        connectable.dispose()


run_migrations()
