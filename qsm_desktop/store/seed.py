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
