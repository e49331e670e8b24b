"""evaluation: indicator systems, indicator values, internal-service ratings, periods and scores

Hand-written (issue 5; COORD "Migrations (wave 2 features)"): creates only the evaluation tables,
branching from the foundation. Models: ``qsm_desktop/store/models/evaluation.py``.

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = "0003"
down_revision = "0001"
branch_labels = None
depends_on = None


def _source_columns(table: str) -> list:
    """The SourceMixin columns (batch, sheet, row) with their foreign key."""
    return [
        sa.Column("source_batch_id", sa.Integer(), nullable=True),
        sa.Column("source_sheet", sa.String(length=100), nullable=True),
        sa.Column("source_row", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["source_batch_id"], ["import_batches.id"],
                                name=op.f(f"fk_{table}_source_batch_id_import_batches"), ondelete="SET NULL"),
    ]


def upgrade() -> None:
    op.create_table(
        "indicator_systems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("system_version", sa.String(length=50), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["based_on_id"], ["indicator_systems.id"],
                                name=op.f("fk_indicator_systems_based_on_id_indicator_systems")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_systems")),
        sa.UniqueConstraint("name", "system_version", name="uq_indicator_systems_name_version"),
    )
    op.create_table(
        "indicator_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("applies_to", sa.String(length=10), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["system_id"], ["indicator_systems.id"],
                                name=op.f("fk_indicator_categories_system_id_indicator_systems"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_categories")),
        sa.UniqueConstraint("system_id", "code", name="uq_indicator_categories_system_code"),
    )
    op.create_table(
        "indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("category_code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("unit", sa.String(length=20), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("rule_kind", sa.String(length=20), nullable=False),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["system_id"], ["indicator_systems.id"],
                                name=op.f("fk_indicators_system_id_indicator_systems"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicators")),
        sa.UniqueConstraint("system_id", "code", name="uq_indicators_system_code"),
    )
    op.create_table(
        "grade_bands",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=20), nullable=False),
        sa.Column("min_total", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["system_id"], ["indicator_systems.id"],
                                name=op.f("fk_grade_bands_system_id_indicator_systems"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grade_bands")),
        sa.UniqueConstraint("system_id", "name", name="uq_grade_bands_system_name"),
    )
    op.create_table(
        "indicator_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("indicator_code", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("source_cell", sa.String(length=12), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("entered_by", sa.String(length=100), nullable=True),
        sa.Column("entered_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *_source_columns("indicator_values"),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name=op.f("fk_indicator_values_org_unit_id_org_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_values")),
        sa.UniqueConstraint("org_unit_id", "period", "indicator_code", name="uq_indicator_values_unit_period_code"),
    )
    op.create_index("ix_indicator_values_period", "indicator_values", ["period"], unique=False)
    op.create_index(op.f("ix_indicator_values_source_batch_id"), "indicator_values", ["source_batch_id"], unique=False)
    op.create_table(
        "internal_service_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rater_org_id", sa.Integer(), nullable=False),
        sa.Column("department_org_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("attitude", sa.Float(), nullable=False),
        sa.Column("response", sa.Float(), nullable=False),
        sa.Column("policy", sa.Float(), nullable=False),
        sa.Column("resolution", sa.Float(), nullable=False),
        sa.Column("overall", sa.Float(), nullable=True),
        sa.Column("comment", sa.String(length=1000), nullable=True),
        sa.Column("source_cells", sa.JSON(), nullable=True),
        *_source_columns("internal_service_ratings"),
        sa.ForeignKeyConstraint(["rater_org_id"], ["org_units.id"],
                                name=op.f("fk_internal_service_ratings_rater_org_id_org_units")),
        sa.ForeignKeyConstraint(["department_org_id"], ["org_units.id"],
                                name=op.f("fk_internal_service_ratings_department_org_id_org_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_internal_service_ratings")),
        sa.UniqueConstraint("rater_org_id", "period", "department_org_id", name="uq_internal_service_ratings_rater"),
    )
    op.create_index("ix_internal_service_ratings_period", "internal_service_ratings", ["period"], unique=False)
    op.create_index(op.f("ix_internal_service_ratings_source_batch_id"), "internal_service_ratings",
                    ["source_batch_id"], unique=False)
    op.create_table(
        "evaluation_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("system_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("accepted_incomplete", sa.Boolean(), nullable=False),
        sa.Column("missing_returns", sa.JSON(), nullable=True),
        sa.Column("computed_by", sa.String(length=100), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("published_by", sa.String(length=100), nullable=True),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["system_id"], ["indicator_systems.id"],
                                name=op.f("fk_evaluation_periods_system_id_indicator_systems")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation_periods")),
        sa.UniqueConstraint("period", name=op.f("uq_evaluation_periods_period")),
    )
    op.create_table(
        "unit_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period_id", sa.Integer(), nullable=False),
        sa.Column("org_unit_id", sa.Integer(), nullable=False),
        sa.Column("org_code", sa.String(length=6), nullable=False),
        sa.Column("unit_name", sa.String(length=200), nullable=False),
        sa.Column("unit_type", sa.String(length=10), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.Column("grade", sa.String(length=20), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("previous_total", sa.Float(), nullable=True),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("problems", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["period_id"], ["evaluation_periods.id"],
                                name=op.f("fk_unit_scores_period_id_evaluation_periods"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["org_unit_id"], ["org_units.id"], name=op.f("fk_unit_scores_org_unit_id_org_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_scores")),
        sa.UniqueConstraint("period_id", "org_unit_id", name="uq_unit_scores_period_unit"),
    )
    op.create_table(
        "indicator_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_score_id", sa.Integer(), nullable=False),
        sa.Column("indicator_code", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("points", sa.Float(), nullable=True),
        sa.Column("origin", sa.String(length=1000), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        sa.Column("loss_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["unit_score_id"], ["unit_scores.id"],
                                name=op.f("fk_indicator_scores_unit_score_id_unit_scores"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_scores")),
        sa.UniqueConstraint("unit_score_id", "indicator_code", name="uq_indicator_scores_unit_code"),
    )


def downgrade() -> None:
    op.drop_table("indicator_scores")
    op.drop_table("unit_scores")
    op.drop_table("evaluation_periods")
    op.drop_index(op.f("ix_internal_service_ratings_source_batch_id"), table_name="internal_service_ratings")
    op.drop_index("ix_internal_service_ratings_period", table_name="internal_service_ratings")
    op.drop_table("internal_service_ratings")
    op.drop_index(op.f("ix_indicator_values_source_batch_id"), table_name="indicator_values")
    op.drop_index("ix_indicator_values_period", table_name="indicator_values")
    op.drop_table("indicator_values")
    op.drop_table("grade_bands")
    op.drop_table("indicators")
    op.drop_table("indicator_categories")
    op.drop_table("indicator_systems")
