"""Persistence: SQLAlchemy 2 models, the engine, migrations and queries (存储层). No Qt here."""
