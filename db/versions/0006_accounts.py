"""accounts: logins with role, org scope and (SQLite) password hash — issue 12, DESIGN §6

Adds ``accounts`` (one row per person who logs in: login, name, role, org unit code, active,
the SQLite-only scrypt password hash, version, created/changed). The ``users`` table of 0001 was
a placeholder that nothing ever wrote; it is dropped (a database with no accounts keeps running as
the local administrator until the first account is created).

PostgreSQL's roles, grants and row-level security are not made here: ``qsm db upgrade`` sets them
up after the migrations (``qsm_desktop.store.security``), because they span every table of every
migration branch.

Revision ID: 0006
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('org_code', sa.String(length=6), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=False), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=False), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_accounts')),
    sa.UniqueConstraint('login', name=op.f('uq_accounts_login'))
    )
    op.drop_table('users')


def downgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('org_scope', sa.String(length=6), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('login', name=op.f('uq_users_login'))
    )
    op.drop_table('accounts')
