"""Reference data seeded into every database (参考数据), idempotently.

Sources: DESIGN §3.2 (post categories and the post names that map to them),
``db/seed/certificate_types.toml`` and ``db/seed/plan_targets.toml`` (copies of the office's
reference files). Seeding only inserts what is missing: the office edits these in the app and a
later ``qsm db upgrade`` must not undo the edits.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop import paths
from qsm_desktop.domain.posts import POST_CATEGORIES, POST_NAMES
from qsm_desktop.store.models import CertificateType, PlanTarget, Post, PostCategory


def seed_file(name: str) -> Path:
    """Path of a bundled seed file, e.g. ``seed_file("plan_targets.toml")``."""
    return paths.data_dir("db") / "seed" / name


def load_toml(name: str) -> dict:
    """Parse a bundled seed TOML file."""
    with seed_file(name).open("rb") as fh:
        return tomllib.load(fh)


def seed_reference_data(session: Session) -> None:
    """Insert missing post categories, posts, certificate types and plan targets."""
    have_categories = set(session.scalars(select(PostCategory.code)))
    for order, (code, name) in enumerate(POST_CATEGORIES.items()):
        if code not in have_categories:
            session.add(PostCategory(code=code, name=name, sort_order=order))
    session.flush()

    have_posts = set(session.scalars(select(Post.name)))
    for name, category in POST_NAMES.items():
        if name not in have_posts:
            session.add(Post(name=name, category_code=category))

    have_types = set(session.scalars(select(CertificateType.name)))
    categories = {c.code: c for c in session.scalars(select(PostCategory))}
    from qsm_desktop.store.models import certificate_type_categories

    for spec in load_toml("certificate_types.toml")["types"]:
        if spec["name"] in have_types:
            continue
        ctype = CertificateType(
            name=spec["name"], aliases=list(spec.get("aliases", [])), levels=list(spec.get("levels", [])),
            validity_years=spec.get("validity_years"),
        )
        session.add(ctype)
        session.flush()
        for cat in spec.get("qualifies", []):
            if cat in categories:
                session.execute(certificate_type_categories.insert().values(certificate_type_id=ctype.id, category_code=cat))

    have_targets = {(m, y) for m, y in session.execute(select(PlanTarget.metric, PlanTarget.year))}
    for spec in load_toml("plan_targets.toml")["targets"]:
        for year, value in spec.get("values", {}).items():
            if (spec["metric"], int(year)) in have_targets:
                continue
            session.add(PlanTarget(
                metric=spec["metric"], name=spec["name"], unit=spec["unit"], scope=spec["scope"],
                direction=spec.get("direction", "higher"), year=int(year), value=float(value),
            ))
    session.flush()

    from qsm_desktop.store.indicator_systems import seed_default_system  # issue 5: the 2007 indicator system

    seed_default_system(session)

    from qsm_desktop.store.monitoring import seed_monitoring  # issue 13: checklists, complaint rules, settings

    seed_monitoring(session)

    fill_english_names(session)


# ------------------------------------------------------------------ English names (issue 14)

def _english_columns():
    """(model, Chinese column, English column) of every kind of reference data with an English name."""
    from qsm_desktop.store.models.complaints import ComplaintCodeRecord, DeadlineClassRecord
    from qsm_desktop.store.models.evaluation import (
        GradeBandRecord,
        IndicatorCategoryRecord,
        IndicatorRecord,
        IndicatorSystemRecord,
    )
    from qsm_desktop.store.models.monitoring import ChecklistItemRecord, ChecklistModuleRecord, ChecklistRecord

    return (
        (IndicatorSystemRecord, "name", "name_en"), (IndicatorCategoryRecord, "name", "name_en"),
        (IndicatorRecord, "name", "name_en"), (GradeBandRecord, "name", "name_en"),
        (PlanTarget, "name", "name_en"), (CertificateType, "name", "name_en"),
        (PostCategory, "name", "name_en"), (Post, "name", "name_en"),
        (ChecklistRecord, "name", "name_en"), (ChecklistModuleRecord, "name", "name_en"),
        (ChecklistModuleRecord, "norm", "norm_en"), (ChecklistItemRecord, "text", "text_en"),
        (ComplaintCodeRecord, "name", "name_en"), (DeadlineClassRecord, "name", "name_en"),
    )


def seeded_english_names() -> dict[str, str]:
    """Chinese → English names shipped with the program: ``db/seed/english_names.toml``, the
    ``name_en`` fields of the 2007 indicator system (``db/seed/indicator_system_2007.toml``), the
    ``text_en`` of the 2007 checklist items (``db/seed/checklists_2007.toml``) and the ``name_en``
    of the default score sheet and its items (``db/seed/score_sheet_default.toml``)."""
    from qsm_desktop.store.indicator_systems import default_system

    names = dict(load_toml("english_names.toml").get("names", {}))
    system = default_system()
    for thing in (system, *system.grades, *system.categories, *system.indicators):
        if thing.name_en:
            names.setdefault(thing.name, thing.name_en)
    for module in load_toml("checklists_2007.toml").get("modules", ()):
        for item in module.get("items", ()):
            if item.get("text") and item.get("text_en"):
                names.setdefault(item["text"], item["text_en"])
    sheet = load_toml("score_sheet_default.toml")
    for thing in (sheet, *sheet.get("items", ()), *(i for m in sheet.get("modules", ()) for i in (m, *m.get("items", ())))):
        if thing.get("name") and thing.get("name_en"):
            names.setdefault(thing["name"], thing["name_en"])
    return names


def fill_english_names(session: Session) -> int:
    """Give every reference row whose English name is empty the shipped English name of its
    Chinese name (:func:`seeded_english_names`); an English name already there — the office's
    edit — is kept. Certificate types without ``levels_en`` get their levels' English names.
    Returns the number of rows changed (idempotent: 0 on a second run)."""
    names = seeded_english_names()
    changed = 0
    for model, zh_col, en_col in _english_columns():
        for row in session.scalars(select(model).where(getattr(model, en_col).is_(None))):
            english = names.get(getattr(row, zh_col) or "")
            if english:
                setattr(row, en_col, english)
                changed += 1
    for ctype in session.scalars(select(CertificateType).where(CertificateType.levels_en.is_(None))):
        if ctype.levels and all(level in names for level in ctype.levels):
            ctype.levels_en = [names[level] for level in ctype.levels]
            changed += 1
    session.flush()
    return changed


def english_name_pairs(session: Session) -> dict[str, str]:
    """The catalogue of English names the window and reports show (Chinese → English): the shipped
    names overlaid with every English name stored in the database (an edit wins; of two rows with
    one Chinese name — an indicator in two versions of a system — the newer row's). An English name
    stored empty (``""``: the office cleared it, ``services.reference_names``) drops the shipped one,
    so the Chinese name is shown; ``NULL`` (nobody wrote one) keeps it."""
    pairs = seeded_english_names()

    def take(zh: str | None, en: str | None) -> None:
        if not zh or en is None:
            return
        if en.strip():
            pairs[zh] = en
        else:
            pairs.pop(zh, None)

    for model, zh_col, en_col in _english_columns():
        for zh, en in session.execute(select(getattr(model, zh_col), getattr(model, en_col))
                                      .where(getattr(model, en_col).is_not(None))
                                      .order_by(*model.__table__.primary_key.columns)):
            take(zh, en)
    for levels, levels_en in session.execute(select(CertificateType.levels, CertificateType.levels_en)
                                             .where(CertificateType.levels_en.is_not(None))
                                             .order_by(CertificateType.id)):
        for zh, en in zip(levels or [], levels_en or [], strict=False):
            take(zh, en)
    return pairs
