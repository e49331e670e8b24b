"""Alembic environment for QSM Desktop (migrations live in db/versions).

The engine is handed over by ``qsm_desktop.store.db.upgrade`` through ``config.attributes``;
run through ``qsm db upgrade``, not the ``alembic`` command.
"""

from alembic import context

from qsm_desktop.store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        context.run_migrations()


run_migrations_online()
