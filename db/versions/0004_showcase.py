"""showcase: award cycles, applications, reviewers, score sheets, decisions, awards (示范窗口单位) — issue 4, DESIGN §3.5, §3.7, §5

Hand-written from the models (only this feature's tables; other features' tables live in their
own branches from 0001).

Revision ID: 0004
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('showcase_cycles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('announced_on', sa.Date(), nullable=True),
    sa.Column('window_start', sa.Date(), nullable=True),
    sa.Column('window_end', sa.Date(), nullable=True),
    sa.Column('quota', sa.Integer(), nullable=True),
    sa.Column('sheet', sa.JSON(), nullable=False),
    sa.Column('required_attachments', sa.JSON(), nullable=False),
    sa.Column('number_pattern', sa.String(length=100), nullable=False),
    sa.Column('issuing_body', sa.String(length=100), nullable=False),
    sa.Column('reinspection_years', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_cycles')),
    sa.UniqueConstraint('year', 'level', name='uq_showcase_cycles_year_level')
    )
    op.create_table('showcase_secret',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_secret'))
    )
    op.create_table('showcase_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('meeting_ref', sa.String(length=100), nullable=True),
    sa.Column('quota', sa.Integer(), nullable=False),
    sa.Column('committee_choice', sa.JSON(), nullable=False),
    sa.Column('decided_by', sa.String(length=100), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['showcase_cycles.id'], name=op.f('fk_showcase_decisions_cycle_id_showcase_cycles')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_decisions'))
    )
    op.create_index(op.f('ix_showcase_decisions_cycle_id'), 'showcase_decisions', ['cycle_id'], unique=False)
    op.create_table('showcase_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('unit_name', sa.String(length=200), nullable=False),
    sa.Column('form', sa.JSON(), nullable=False),
    sa.Column('self_scores', sa.JSON(), nullable=False),
    sa.Column('nominated_from_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_showcase_applications_branch_id_org_units')),
    sa.ForeignKeyConstraint(['cycle_id'], ['showcase_cycles.id'], name=op.f('fk_showcase_applications_cycle_id_showcase_cycles')),
    sa.ForeignKeyConstraint(['nominated_from_id'], ['showcase_applications.id'], name=op.f('fk_showcase_applications_nominated_from_id_showcase_applications')),
    sa.ForeignKeyConstraint(['outlet_id'], ['org_units.id'], name=op.f('fk_showcase_applications_outlet_id_org_units')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_showcase_applications_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_applications')),
    sa.UniqueConstraint('cycle_id', 'outlet_id', name='uq_showcase_applications_cycle_outlet')
    )
    op.create_index(op.f('ix_showcase_applications_branch_id'), 'showcase_applications', ['branch_id'], unique=False)
    op.create_index(op.f('ix_showcase_applications_cycle_id'), 'showcase_applications', ['cycle_id'], unique=False)
    op.create_index(op.f('ix_showcase_applications_outlet_id'), 'showcase_applications', ['outlet_id'], unique=False)
    op.create_index(op.f('ix_showcase_applications_source_batch_id'), 'showcase_applications', ['source_batch_id'], unique=False)
    op.create_index(op.f('ix_showcase_applications_status'), 'showcase_applications', ['status'], unique=False)
    op.create_table('showcase_reviewers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_showcase_reviewers_org_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_reviewers')),
    sa.UniqueConstraint('name', 'org_unit_id', name='uq_showcase_reviewers_name_org')
    )
    op.create_index(op.f('ix_showcase_reviewers_org_unit_id'), 'showcase_reviewers', ['org_unit_id'], unique=False)
    op.create_table('showcase_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=100), nullable=True),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['showcase_applications.id'], name=op.f('fk_showcase_attachments_application_id_showcase_applications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_attachments'))
    )
    op.create_index(op.f('ix_showcase_attachments_application_id'), 'showcase_attachments', ['application_id'], unique=False)
    op.create_table('showcase_awards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('awarded_on', sa.Date(), nullable=False),
    sa.Column('final_score', sa.Numeric(precision=10, scale=3), nullable=True),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('revoke_reason', sa.String(length=500), nullable=True),
    sa.Column('reinspection_due', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['showcase_applications.id'], name=op.f('fk_showcase_awards_application_id_showcase_applications')),
    sa.ForeignKeyConstraint(['decision_id'], ['showcase_decisions.id'], name=op.f('fk_showcase_awards_decision_id_showcase_decisions')),
    sa.ForeignKeyConstraint(['outlet_id'], ['org_units.id'], name=op.f('fk_showcase_awards_outlet_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_awards')),
    sa.UniqueConstraint('application_id', name=op.f('uq_showcase_awards_application_id')),
    sa.UniqueConstraint('number', name=op.f('uq_showcase_awards_number')),
    sa.UniqueConstraint('year', 'level', 'seq', name='uq_showcase_awards_year_level_seq')
    )
    op.create_index(op.f('ix_showcase_awards_outlet_id'), 'showcase_awards', ['outlet_id'], unique=False)
    op.create_table('showcase_outside_titles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('official_name', sa.String(length=200), nullable=False),
    sa.Column('awarded_on', sa.Date(), nullable=False),
    sa.Column('awarded_by', sa.String(length=100), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('revoked_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['showcase_applications.id'], name=op.f('fk_showcase_outside_titles_application_id_showcase_applications')),
    sa.ForeignKeyConstraint(['outlet_id'], ['org_units.id'], name=op.f('fk_showcase_outside_titles_outlet_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_outside_titles'))
    )
    op.create_index(op.f('ix_showcase_outside_titles_outlet_id'), 'showcase_outside_titles', ['outlet_id'], unique=False)
    op.create_table('showcase_panel',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['showcase_cycles.id'], name=op.f('fk_showcase_panel_cycle_id_showcase_cycles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['showcase_reviewers.id'], name=op.f('fk_showcase_panel_reviewer_id_showcase_reviewers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_panel')),
    sa.UniqueConstraint('cycle_id', 'reviewer_id', name='uq_showcase_panel_cycle_reviewer')
    )
    op.create_index(op.f('ix_showcase_panel_cycle_id'), 'showcase_panel', ['cycle_id'], unique=False)
    op.create_table('showcase_score_sheets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('scored_on', sa.Date(), nullable=True),
    sa.Column('total', sa.Numeric(precision=10, scale=3), nullable=False),
    sa.Column('excluded', sa.Boolean(), nullable=False),
    sa.Column('complete', sa.Boolean(), nullable=False),
    sa.Column('warnings', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['showcase_applications.id'], name=op.f('fk_showcase_score_sheets_application_id_showcase_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['showcase_reviewers.id'], name=op.f('fk_showcase_score_sheets_reviewer_id_showcase_reviewers')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_showcase_score_sheets_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_score_sheets')),
    sa.UniqueConstraint('application_id', 'reviewer_id', name='uq_showcase_score_sheets_application_reviewer')
    )
    op.create_index(op.f('ix_showcase_score_sheets_application_id'), 'showcase_score_sheets', ['application_id'], unique=False)
    op.create_index(op.f('ix_showcase_score_sheets_reviewer_id'), 'showcase_score_sheets', ['reviewer_id'], unique=False)
    op.create_index(op.f('ix_showcase_score_sheets_source_batch_id'), 'showcase_score_sheets', ['source_batch_id'], unique=False)
    op.create_table('showcase_prints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('award_id', sa.Integer(), nullable=False),
    sa.Column('printed_at', sa.DateTime(), nullable=False),
    sa.Column('printed_by', sa.String(length=100), nullable=False),
    sa.Column('reprint', sa.Boolean(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('target', sa.String(length=500), nullable=True),
    sa.ForeignKeyConstraint(['award_id'], ['showcase_awards.id'], name=op.f('fk_showcase_prints_award_id_showcase_awards')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_prints'))
    )
    op.create_index(op.f('ix_showcase_prints_award_id'), 'showcase_prints', ['award_id'], unique=False)
    op.create_table('showcase_sheet_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sheet_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('item_name', sa.String(length=200), nullable=False),
    sa.Column('points', sa.Numeric(precision=10, scale=3), nullable=False),
    sa.Column('score', sa.Numeric(precision=10, scale=3), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('source_cell', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['sheet_id'], ['showcase_score_sheets.id'], name=op.f('fk_showcase_sheet_items_sheet_id_showcase_score_sheets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_showcase_sheet_items')),
    sa.UniqueConstraint('sheet_id', 'item_code', name='uq_showcase_sheet_items_sheet_item')
    )
    op.create_index(op.f('ix_showcase_sheet_items_sheet_id'), 'showcase_sheet_items', ['sheet_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_showcase_sheet_items_sheet_id'), table_name='showcase_sheet_items')
    op.drop_table('showcase_sheet_items')
    op.drop_index(op.f('ix_showcase_prints_award_id'), table_name='showcase_prints')
    op.drop_table('showcase_prints')
    op.drop_index(op.f('ix_showcase_score_sheets_source_batch_id'), table_name='showcase_score_sheets')
    op.drop_index(op.f('ix_showcase_score_sheets_reviewer_id'), table_name='showcase_score_sheets')
    op.drop_index(op.f('ix_showcase_score_sheets_application_id'), table_name='showcase_score_sheets')
    op.drop_table('showcase_score_sheets')
    op.drop_index(op.f('ix_showcase_panel_cycle_id'), table_name='showcase_panel')
    op.drop_table('showcase_panel')
    op.drop_index(op.f('ix_showcase_outside_titles_outlet_id'), table_name='showcase_outside_titles')
    op.drop_table('showcase_outside_titles')
    op.drop_index(op.f('ix_showcase_awards_outlet_id'), table_name='showcase_awards')
    op.drop_table('showcase_awards')
    op.drop_index(op.f('ix_showcase_attachments_application_id'), table_name='showcase_attachments')
    op.drop_table('showcase_attachments')
    op.drop_index(op.f('ix_showcase_reviewers_org_unit_id'), table_name='showcase_reviewers')
    op.drop_table('showcase_reviewers')
    op.drop_index(op.f('ix_showcase_applications_status'), table_name='showcase_applications')
    op.drop_index(op.f('ix_showcase_applications_source_batch_id'), table_name='showcase_applications')
    op.drop_index(op.f('ix_showcase_applications_outlet_id'), table_name='showcase_applications')
    op.drop_index(op.f('ix_showcase_applications_cycle_id'), table_name='showcase_applications')
    op.drop_index(op.f('ix_showcase_applications_branch_id'), table_name='showcase_applications')
    op.drop_table('showcase_applications')
    op.drop_index(op.f('ix_showcase_decisions_cycle_id'), table_name='showcase_decisions')
    op.drop_table('showcase_decisions')
    op.drop_table('showcase_secret')
    op.drop_table('showcase_cycles')
