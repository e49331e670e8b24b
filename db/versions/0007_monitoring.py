"""monitoring and improvement: checklists, mystery visits, appeals, quarters, findings, actions, complaints — issue 13, DESIGN §8, §9

Hand-checked (generated from the models, then read): the tables of the improvement loop.

- checklists, checklist_modules, checklist_items — editions of the six window-service modules'
  checklists (§8.1), seeded from db/seed/checklists_2007.toml;
- mystery_visits, mystery_visit_items — a branch's delivery per quarter, one row per visit × item
  (§8.2); mystery_appeals — one per visit × item with the head office's decision (§8.3);
- monitoring_quarters — finalised quarters; mystery_scores — their frozen outlet, branch and bank
  scores; monitoring_settings — due days, thresholds, the action number pattern;
- findings, capa_actions, capa_number_counters — findings of a finalised quarter and the numbered
  corrective and preventive actions (§8.4, §8.5);
- complaint_codes, complaint_deadline_classes, complaints — the register and its reference data
  (§9), seeded from db/seed/complaint_rules.toml.

Branches from 0001 like the other features' migrations.

Revision ID: 0007
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('capa_number_counters',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_capa_number_counters'))
    )
    op.create_table('checklists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklists')),
    sa.UniqueConstraint('name', 'label', name='uq_checklists_name_label')
    )
    op.create_table('complaint_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_codes')),
    sa.UniqueConstraint('list', 'name', name='uq_complaint_codes_list_name')
    )
    op.create_table('complaint_deadline_classes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('applies_to', sa.String(length=10), nullable=False),
    sa.Column('days', sa.Integer(), nullable=False),
    sa.Column('needs_approval', sa.Boolean(), nullable=False),
    sa.Column('approval_words', sa.JSON(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_deadline_classes')),
    sa.UniqueConstraint('name', name=op.f('uq_complaint_deadline_classes_name'))
    )
    op.create_table('monitoring_quarters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('finalised_at', sa.DateTime(), nullable=False),
    sa.Column('finalised_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_quarters')),
    sa.UniqueConstraint('period', name=op.f('uq_monitoring_quarters_period'))
    )
    op.create_table('monitoring_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_monitoring_settings'))
    )
    op.create_table('checklist_modules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('checklist_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('norm', sa.String(length=100), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['checklist_id'], ['checklists.id'], name=op.f('fk_checklist_modules_checklist_id_checklists'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_modules')),
    sa.UniqueConstraint('checklist_id', 'code', name='uq_checklist_modules_checklist_code')
    )
    op.create_index(op.f('ix_checklist_modules_checklist_id'), 'checklist_modules', ['checklist_id'], unique=False)
    op.create_table('checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('module_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('dimension', sa.String(length=10), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('critical', sa.Boolean(), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['module_id'], ['checklist_modules.id'], name=op.f('fk_checklist_items_module_id_checklist_modules'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklist_items')),
    sa.UniqueConstraint('module_id', 'code', name='uq_checklist_items_module_code')
    )
    op.create_index(op.f('ix_checklist_items_module_id'), 'checklist_items', ['module_id'], unique=False)
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=10), nullable=False),
    sa.Column('received', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('business_type', sa.String(length=40), nullable=False),
    sa.Column('cause', sa.String(length=40), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=7), nullable=True),
    sa.Column('summary', sa.String(length=500), nullable=True),
    sa.Column('valid', sa.Boolean(), nullable=False),
    sa.Column('class_name', sa.String(length=20), nullable=False),
    sa.Column('class_days', sa.Integer(), nullable=False),
    sa.Column('closed', sa.Date(), nullable=True),
    sa.Column('result', sa.String(length=200), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_complaints_branch_id_org_units')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_complaints_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_id'], ['org_units.id'], name=op.f('fk_complaints_target_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('number', name=op.f('uq_complaints_number'))
    )
    op.create_index(op.f('ix_complaints_branch_id'), 'complaints', ['branch_id'], unique=False)
    op.create_index(op.f('ix_complaints_period'), 'complaints', ['period'], unique=False)
    op.create_index(op.f('ix_complaints_source_batch_id'), 'complaints', ['source_batch_id'], unique=False)
    op.create_index(op.f('ix_complaints_target_id'), 'complaints', ['target_id'], unique=False)
    op.create_table('findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=True),
    sa.Column('visit_no', sa.String(length=40), nullable=True),
    sa.Column('complaint_nos', sa.JSON(), nullable=False),
    sa.Column('cause', sa.String(length=40), nullable=True),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('raised_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_findings_branch_id_org_units')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_findings_org_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_findings'))
    )
    op.create_index(op.f('ix_findings_branch_id'), 'findings', ['branch_id'], unique=False)
    op.create_index(op.f('ix_findings_org_unit_id'), 'findings', ['org_unit_id'], unique=False)
    op.create_index(op.f('ix_findings_period'), 'findings', ['period'], unique=False)
    op.create_table('mystery_appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('visit_no', sa.String(length=40), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('contact', sa.String(length=50), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('decided_score', sa.Float(), nullable=True),
    sa.Column('decision_reason', sa.String(length=500), nullable=True),
    sa.Column('decided_by', sa.String(length=100), nullable=True),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_mystery_appeals_branch_id_org_units')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_mystery_appeals_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mystery_appeals')),
    sa.UniqueConstraint('visit_no', 'item_code', name='uq_mystery_appeals_visit_item')
    )
    op.create_index(op.f('ix_mystery_appeals_branch_id'), 'mystery_appeals', ['branch_id'], unique=False)
    op.create_index(op.f('ix_mystery_appeals_period'), 'mystery_appeals', ['period'], unique=False)
    op.create_index(op.f('ix_mystery_appeals_source_batch_id'), 'mystery_appeals', ['source_batch_id'], unique=False)
    op.create_table('mystery_scores',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('visits', sa.Integer(), nullable=False),
    sa.Column('outlets', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_mystery_scores_org_unit_id_org_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mystery_scores')),
    sa.UniqueConstraint('period', 'org_unit_id', name='uq_mystery_scores_period_unit')
    )
    op.create_index(op.f('ix_mystery_scores_org_unit_id'), 'mystery_scores', ['org_unit_id'], unique=False)
    op.create_index(op.f('ix_mystery_scores_period'), 'mystery_scores', ['period'], unique=False)
    op.create_table('mystery_visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_no', sa.String(length=40), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('outlet_id', sa.Integer(), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('module_code', sa.String(length=10), nullable=False),
    sa.Column('checklist_id', sa.Integer(), nullable=False),
    sa.Column('final_score', sa.Float(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_mystery_visits_branch_id_org_units')),
    sa.ForeignKeyConstraint(['checklist_id'], ['checklists.id'], name=op.f('fk_mystery_visits_checklist_id_checklists')),
    sa.ForeignKeyConstraint(['outlet_id'], ['org_units.id'], name=op.f('fk_mystery_visits_outlet_id_org_units')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_mystery_visits_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mystery_visits')),
    sa.UniqueConstraint('visit_no', name=op.f('uq_mystery_visits_visit_no'))
    )
    op.create_index(op.f('ix_mystery_visits_branch_id'), 'mystery_visits', ['branch_id'], unique=False)
    op.create_index(op.f('ix_mystery_visits_outlet_id'), 'mystery_visits', ['outlet_id'], unique=False)
    op.create_index(op.f('ix_mystery_visits_period'), 'mystery_visits', ['period'], unique=False)
    op.create_index(op.f('ix_mystery_visits_source_batch_id'), 'mystery_visits', ['source_batch_id'], unique=False)
    op.create_table('capa_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('type', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('branch_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=True),
    sa.Column('visit_no', sa.String(length=40), nullable=True),
    sa.Column('complaint_nos', sa.JSON(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=6), nullable=False),
    sa.Column('measures', sa.String(length=500), nullable=True),
    sa.Column('responsible', sa.String(length=50), nullable=True),
    sa.Column('completed', sa.Date(), nullable=True),
    sa.Column('result', sa.String(length=500), nullable=True),
    sa.Column('verified_by', sa.String(length=100), nullable=True),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('effective', sa.Boolean(), nullable=True),
    sa.Column('raised_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_sheet', sa.String(length=100), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.Column('source_batch_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['branch_id'], ['org_units.id'], name=op.f('fk_capa_actions_branch_id_org_units')),
    sa.ForeignKeyConstraint(['finding_id'], ['findings.id'], name=op.f('fk_capa_actions_finding_id_findings')),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], name=op.f('fk_capa_actions_org_unit_id_org_units')),
    sa.ForeignKeyConstraint(['source_batch_id'], ['import_batches.id'], name=op.f('fk_capa_actions_source_batch_id_import_batches'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_capa_actions')),
    sa.UniqueConstraint('number', name=op.f('uq_capa_actions_number'))
    )
    op.create_index(op.f('ix_capa_actions_branch_id'), 'capa_actions', ['branch_id'], unique=False)
    op.create_index(op.f('ix_capa_actions_finding_id'), 'capa_actions', ['finding_id'], unique=False)
    op.create_index(op.f('ix_capa_actions_org_unit_id'), 'capa_actions', ['org_unit_id'], unique=False)
    op.create_index(op.f('ix_capa_actions_period'), 'capa_actions', ['period'], unique=False)
    op.create_index(op.f('ix_capa_actions_source_batch_id'), 'capa_actions', ['source_batch_id'], unique=False)
    op.create_index(op.f('ix_capa_actions_status'), 'capa_actions', ['status'], unique=False)
    op.create_table('mystery_visit_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('item_code', sa.String(length=20), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('critical', sa.Boolean(), nullable=False),
    sa.Column('deduction_reason', sa.String(length=200), nullable=True),
    sa.Column('staff_no', sa.String(length=7), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=True),
    sa.Column('source_row', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['visit_id'], ['mystery_visits.id'], name=op.f('fk_mystery_visit_items_visit_id_mystery_visits'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mystery_visit_items')),
    sa.UniqueConstraint('visit_id', 'item_code', name='uq_mystery_visit_items_visit_item')
    )
    op.create_index(op.f('ix_mystery_visit_items_visit_id'), 'mystery_visit_items', ['visit_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_mystery_visit_items_visit_id'), table_name='mystery_visit_items')
    op.drop_table('mystery_visit_items')
    op.drop_index(op.f('ix_capa_actions_status'), table_name='capa_actions')
    op.drop_index(op.f('ix_capa_actions_source_batch_id'), table_name='capa_actions')
    op.drop_index(op.f('ix_capa_actions_period'), table_name='capa_actions')
    op.drop_index(op.f('ix_capa_actions_org_unit_id'), table_name='capa_actions')
    op.drop_index(op.f('ix_capa_actions_finding_id'), table_name='capa_actions')
    op.drop_index(op.f('ix_capa_actions_branch_id'), table_name='capa_actions')
    op.drop_table('capa_actions')
    op.drop_index(op.f('ix_mystery_visits_source_batch_id'), table_name='mystery_visits')
    op.drop_index(op.f('ix_mystery_visits_period'), table_name='mystery_visits')
    op.drop_index(op.f('ix_mystery_visits_outlet_id'), table_name='mystery_visits')
    op.drop_index(op.f('ix_mystery_visits_branch_id'), table_name='mystery_visits')
    op.drop_table('mystery_visits')
    op.drop_index(op.f('ix_mystery_scores_period'), table_name='mystery_scores')
    op.drop_index(op.f('ix_mystery_scores_org_unit_id'), table_name='mystery_scores')
    op.drop_table('mystery_scores')
    op.drop_index(op.f('ix_mystery_appeals_source_batch_id'), table_name='mystery_appeals')
    op.drop_index(op.f('ix_mystery_appeals_period'), table_name='mystery_appeals')
    op.drop_index(op.f('ix_mystery_appeals_branch_id'), table_name='mystery_appeals')
    op.drop_table('mystery_appeals')
    op.drop_index(op.f('ix_findings_period'), table_name='findings')
    op.drop_index(op.f('ix_findings_org_unit_id'), table_name='findings')
    op.drop_index(op.f('ix_findings_branch_id'), table_name='findings')
    op.drop_table('findings')
    op.drop_index(op.f('ix_complaints_target_id'), table_name='complaints')
    op.drop_index(op.f('ix_complaints_source_batch_id'), table_name='complaints')
    op.drop_index(op.f('ix_complaints_period'), table_name='complaints')
    op.drop_index(op.f('ix_complaints_branch_id'), table_name='complaints')
    op.drop_table('complaints')
    op.drop_index(op.f('ix_checklist_items_module_id'), table_name='checklist_items')
    op.drop_table('checklist_items')
    op.drop_index(op.f('ix_checklist_modules_checklist_id'), table_name='checklist_modules')
    op.drop_table('checklist_modules')
    op.drop_table('monitoring_settings')
    op.drop_table('monitoring_quarters')
    op.drop_table('complaint_deadline_classes')
    op.drop_table('complaint_codes')
    op.drop_table('checklists')
    op.drop_table('capa_number_counters')
