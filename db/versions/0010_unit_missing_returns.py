"""missing returns kept per unit — DESIGN §6 (who sees what), residual of issue 12

A computed quarter's list of missing returns (缺报清单: unit, return kind, sentence) was one JSON
column of ``evaluation_periods``, so any login that could read the quarter's row read every
branch's missing returns — on PostgreSQL a branch secretary saw, with psql, which other branches had
not reported for a draft. Each unit's entries now live on that unit's own result
(``unit_scores.missing_returns``), which row-level security scopes like the rest of the result
(her own units of a draft, every unit once published); the period's column is dropped.

Existing lists are moved unit by unit (every entry names a unit of the quarter's results: both
come from the same pass over the units).

Revision ID: 0010
Revises: 0009
"""
from collections import defaultdict

from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_periods = sa.table("evaluation_periods", sa.column("id", sa.Integer), sa.column("missing_returns", sa.JSON))
_units = sa.table("unit_scores", sa.column("id", sa.Integer), sa.column("period_id", sa.Integer),
                  sa.column("org_code", sa.String), sa.column("missing_returns", sa.JSON))


def upgrade() -> None:
    with op.batch_alter_table("unit_scores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("missing_returns", sa.JSON(), nullable=True))
    conn = op.get_bind()
    for period_id, entries in conn.execute(sa.select(_periods.c.id, _periods.c.missing_returns)).all():
        by_unit: dict[str, list] = defaultdict(list)
        for entry in entries or ():
            by_unit[entry.get("unit")].append({"kind": entry.get("kind"), "message": entry.get("message")})
        for code, listed in by_unit.items():
            conn.execute(_units.update().where(_units.c.period_id == period_id, _units.c.org_code == code)
                         .values(missing_returns=listed))
    with op.batch_alter_table("evaluation_periods", schema=None) as batch_op:
        batch_op.drop_column("missing_returns")


def downgrade() -> None:
    with op.batch_alter_table("evaluation_periods", schema=None) as batch_op:
        batch_op.add_column(sa.Column("missing_returns", sa.JSON(), nullable=True))
    conn = op.get_bind()
    lists: dict[int, list] = defaultdict(list)
    for period_id, code, entries in conn.execute(
            sa.select(_units.c.period_id, _units.c.org_code, _units.c.missing_returns).order_by(_units.c.org_code)).all():
        lists[period_id].extend({"unit": code, **entry} for entry in entries or ())
    for period_id, entries in lists.items():
        conn.execute(_periods.update().where(_periods.c.id == period_id).values(missing_returns=entries))
    with op.batch_alter_table("unit_scores", schema=None) as batch_op:
        batch_op.drop_column("missing_returns")
