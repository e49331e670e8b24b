"""The one table of roles (services/permissions.py, DESIGN §6): what each role is offered."""

from __future__ import annotations

import logging

import pytest

from qsm_desktop.domain.errors import InputRefused, PermissionDenied
from qsm_desktop.services.backup import backup_database, postgres_advice
from qsm_desktop.services.context import Actor, Role
from qsm_desktop.services.permissions import HEAD_OFFICE, RULES, may, page_rule, require_rule, rules_of

HEAD_OFFICE_ACTS = ("eval.action.publish", "eval.action.compute", "eval.action.system", "sc.action.award",
                    "sc.action.cycle", "backup.action", "page.indicators")


def test_every_role_has_its_shape():
    viewer, reviewer, branch = (rules_of(r) for r in (Role.VIEWER, Role.REVIEWER, Role.BRANCH_SECRETARY))
    # a viewer reads: pages only, never an action (every action name is a services' write)
    assert viewer and all(rule.startswith("page.") for rule in viewer)
    assert "page.returns" not in viewer
    # a reviewer: the score sheets (and the settings) only, and she enters her own (review.save_sheet_in)
    assert reviewer == {"page.showcase", "page.showcase.sheets", "page.settings", "sc.action.score"}
    # a branch secretary imports her returns but does nothing for the whole bank
    assert "import.action" in branch and "page.returns" in branch
    assert not branch & set(HEAD_OFFICE_ACTS)
    # administrators may everything; head office everything but logins
    assert rules_of(Role.ADMIN) == set(RULES)
    assert set(RULES) - rules_of(Role.HO_SECRETARY) == {"page.administration", "account.action.manage"}


def test_action_rules_are_the_services_message_keys():
    import importlib
    import pkgutil

    import qsm_desktop.services
    from qsm_desktop.domain import i18n

    for module in pkgutil.walk_packages(qsm_desktop.services.__path__, "qsm_desktop.services."):
        importlib.import_module(module.name)  # each registers its messages on import
    for rule in RULES:
        if not rule.startswith("page."):
            assert i18n.has(rule), rule


def test_unknown_rule_is_head_office_only_and_logged(caplog):
    caplog.set_level(logging.WARNING)
    assert may(Actor("a", Role.HO_SECRETARY), "page.not_listed_yet")
    assert not may(Actor("b", Role.BRANCH_SECRETARY, "310000"), "page.not_listed_yet")
    assert not may(Actor("v", Role.VIEWER), "page.not_listed_yet")
    assert "page.not_listed_yet" in caplog.text
    assert page_rule("returns") == "page.returns" and RULES["page.returns"] >= HEAD_OFFICE


def test_require_rule_refuses_in_the_design_sentence():
    with pytest.raises(PermissionDenied, match="您（v，查看）无权备份数据库"):
        require_rule(Actor("v", Role.VIEWER), "backup.action")
    require_rule(Actor("a", Role.ADMIN), "backup.action")


def test_backup_follows_the_table(services, tmp_path):
    advice = postgres_advice(services)
    if advice is not None:  # PostgreSQL: the pg_dump sentence, whoever asks
        assert "pg_dump" in advice
        with pytest.raises(InputRefused, match="pg_dump"):
            backup_database(services, Actor("v", Role.VIEWER), tmp_path / "x.db")
        return
    with pytest.raises(PermissionDenied, match="无权备份数据库"):
        backup_database(services, Actor("li", Role.BRANCH_SECRETARY, "310000"), tmp_path / "x.db")
    assert not (tmp_path / "x.db").exists()
    copy = backup_database(services, Actor("a", Role.ADMIN), tmp_path / "x.db")
    assert copy.stat().st_mode & 0o777 == 0o600
