"""Alembic environment for QSM Desktop (migrations live in db/versions).

The engine (or, on PostgreSQL, an open connection in the set-up's transaction) is handed over by
``qsm_desktop.store.db.upgrade`` through ``config.attributes``;
run through ``qsm db upgrade``, not the ``alembic`` command.
"""

from alembic import context

from qsm_desktop.store.models import Base, import_all

import_all()  # every feature's tables on Base.metadata (the package itself registers the core ones)
config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # PostgreSQL: inside store.security.upgrade's transaction, as the owner role
        _run(connection)
        return
    engine = config.attributes["engine"]
    with engine.begin() as connection:
        _run(connection)


run_migrations_online()
