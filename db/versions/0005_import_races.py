"""import races: one current batch per kind × unit × period × slot, and one batch per file hash — issue 11, DESIGN §3

Two secretaries importing at once used to leave several "current" batches for one return. The
database now guarantees the engine's rules:

- ``import_batches.slot`` — what else tells apart returns of one kind, unit and period that stand
  side by side (a score sheet: its reviewer); empty for every other kind;
- a partial unique index: at most one ``imported`` (current) batch per kind × org × period × slot;
- a unique index on ``sha256``: the same bytes are one batch.

Databases that already hold the duplicates the races made are mended first: of several current
batches for one return the newest stays current and the others are marked superseded by it (what
the engine already read as current); a file hash that occurs twice keeps its first batch, later
copies get ``<hash>#<id>`` (the column widens to 80 characters for that).

Revision ID: 0005
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('import_batches') as batch:
        batch.add_column(sa.Column('slot', sa.String(length=200), nullable=False, server_default=''))
        batch.alter_column('sha256', existing_type=sa.String(length=64), type_=sa.String(length=80),
                           existing_nullable=False)
    conn = op.get_bind()
    # score sheets imported so far stand side by side: each its own slot
    conn.execute(sa.text("UPDATE import_batches SET slot = 'batch:' || CAST(id AS VARCHAR(20)) "
                         "WHERE kind = 'score_sheet'"))
    rows = conn.execute(sa.text(
        "SELECT id, kind, org_code, COALESCE(period, '') AS period, slot FROM import_batches "
        "WHERE status = 'imported' ORDER BY id DESC")).all()
    newest: dict[tuple, int] = {}
    for row in rows:
        key = (row.kind, row.org_code, row.period, row.slot)
        if key in newest:
            conn.execute(sa.text("UPDATE import_batches SET status = 'superseded', superseded_by_id = :new "
                                 "WHERE id = :old"), {"new": newest[key], "old": row.id})
        else:
            newest[key] = row.id
    seen: set[str] = set()
    for row in conn.execute(sa.text("SELECT id, sha256 FROM import_batches ORDER BY id")).all():
        if row.sha256 in seen:
            conn.execute(sa.text("UPDATE import_batches SET sha256 = :sha WHERE id = :id"),
                         {"sha": f"{row.sha256}#{row.id}", "id": row.id})
        seen.add(row.sha256)
    op.drop_index('ix_import_batches_sha256', table_name='import_batches')
    op.create_index('uq_import_batches_sha256', 'import_batches', ['sha256'], unique=True)
    op.create_index('uq_import_batches_current', 'import_batches',
                    ['kind', sa.text("COALESCE(org_code, '')"), sa.text("COALESCE(period, '')"), 'slot'],
                    unique=True, sqlite_where=sa.text("status = 'imported'"),
                    postgresql_where=sa.text("status = 'imported'"))


def downgrade() -> None:
    op.drop_index('uq_import_batches_current', table_name='import_batches')
    op.drop_index('uq_import_batches_sha256', table_name='import_batches')
    op.create_index('ix_import_batches_sha256', 'import_batches', ['sha256'], unique=False)
    with op.batch_alter_table('import_batches') as batch:
        batch.drop_column('slot')
