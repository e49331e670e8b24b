"""English text of checklist items — issue 14 ("English complete"), DESIGN §7, §8.1

The checklist items (检查项目) are seeded by the program (``db/seed/checklists_2007.toml``), so they
are reference data and get an English text beside the Chinese one, as 0008 gave the editions,
modules and norms their English names. The Chinese text stays the key (returns name an item by
its code and text); the English one is only shown. Filled for the seeded items by
``qsm db upgrade``'s seeding (``store.seed.fill_english_names``), never overwriting an edit.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text_en", sa.String(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("checklist_items", schema=None) as batch_op:
        batch_op.drop_column("text_en")
