"""English names of reference data — issue 14 ("English complete"), DESIGN §7

Adds a nullable English name beside the Chinese one of every kind of reference data users see:
indicator systems, their categories, indicators and grade bands; plan targets; certificate types
(and their levels, a list in the order of ``levels``); post categories and posts; checklist
editions and modules (and the module's norm); complaint codes and deadline classes. The Chinese
name stays the key (returns, JSON); the English one is only shown. Filled for the seeded rows by
``qsm db upgrade``'s seeding (``store.seed.fill_english_names``), never overwriting an edit.

Merges the evaluation (0003) and monitoring (0007) branches, whose tables it changes.

Revision ID: 0008
Revises: 0003, 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = ('0003', '0007')
branch_labels = None
depends_on = None

#: table → English columns added (all nullable strings unless listed in _JSON)
_COLUMNS = {
    "indicator_systems": ("name_en",),
    "indicator_categories": ("name_en",),
    "indicators": ("name_en",),
    "grade_bands": ("name_en",),
    "plan_targets": ("name_en",),
    "certificate_types": ("name_en", "levels_en"),
    "post_categories": ("name_en",),
    "posts": ("name_en",),
    "checklists": ("name_en",),
    "checklist_modules": ("name_en", "norm_en"),
    "complaint_codes": ("name_en",),
    "complaint_deadline_classes": ("name_en",),
}
_JSON = {"levels_en"}


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                kind = sa.JSON() if column in _JSON else sa.String(length=200)
                batch_op.add_column(sa.Column(column, kind, nullable=True))


def downgrade() -> None:
    for table, columns in _COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_column(column)
