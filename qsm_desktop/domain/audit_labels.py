"""What the audit trail's entities and actions are called (审计日志用语), DESIGN §6, issue 12.

``audit_log.entity`` and ``audit_log.action`` hold program keys (``import_batch``, ``decide``); the
window's audit page and ``qsm audit`` show them by these names, in Chinese or English. One table
for both, so the command line and the window never call one entry by two names. A key not listed
is shown as stored.
"""

from __future__ import annotations

from qsm_desktop.domain.i18n import get_language

__all__ = ["ACTIONS", "ENTITIES", "TABLE_ENTITIES", "action_label", "entity_label", "table_label"]

ENTITIES: dict[str, tuple[str, str]] = {
    "account": ("登录账户", "Account"),
    "import_batch": ("导入的报表", "Imported return"),
    "staff": ("员工", "Staff member"),
    "certificate": ("证书", "Certificate"),
    "org_unit": ("机构", "Org unit"),
    "training_course": ("培训项目", "Training course"),
    "training_attendance": ("培训记录", "Training attendance"),
    "indicator_value": ("指标值", "Indicator value"),
    "internal_rating": ("内部服务评价", "Internal service rating"),
    "indicator_system": ("指标体系", "Indicator system"),
    "evaluation_period": ("评价季度", "Evaluation quarter"),
    "showcase_cycle": ("评选周期", "Award cycle"),
    "showcase_application": ("示范窗口申报", "Showcase application"),
    "showcase_attachment": ("申报附件", "Application attachment"),
    "showcase_reviewer": ("评审专家", "Reviewer"),
    "score_sheet": ("评分表", "Score sheet"),
    "showcase_decision": ("授予决定", "Award decision"),
    "showcase_award": ("示范窗口称号", "Showcase title"),
    "showcase_outside_title": ("外部荣誉称号", "Title won outside"),
    "showcase_print": ("证书打印", "Certificate printing"),
    "checklist": ("检查表", "Checklist"),
    "mystery_visit": ("神秘访客检查", "Mystery visit"),
    "mystery_delivery": ("暗访结果报送", "Mystery-visit delivery"),
    "mystery_appeal": ("申诉", "Appeal"),
    "mystery_appeals": ("申诉表", "Appeals return"),
    "monitoring_quarter": ("监测季度", "Monitoring quarter"),
    "capa_action": ("纠正预防措施", "Corrective or preventive action"),
    "complaint": ("投诉", "Complaint"),
    "complaint_register": ("投诉登记表", "Complaint register"),
    "deadline_class": ("办理时限类别", "Deadline class"),
    "reference_name": ("参考数据英文名", "English name of reference data"),
}
"""Entities of the audit trail (``audit_log.entity``) → (Chinese, English)."""

ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新建", "created"),
    "update": ("修改", "changed"),
    "import": ("导入", "imported"),
    "supersede": ("被替代", "superseded"),
    "replace": ("替换", "replaced"),
    "leave": ("离岗", "left"),
    "leaving": ("离岗", "left"),
    "remove": ("移除", "removed"),
    "removed": ("移除", "removed"),
    "delete": ("删除", "deleted"),
    "move": ("调整上级", "moved"),
    "disable": ("停用", "disabled"),
    "enable": ("启用", "enabled"),
    "passwd": ("设置密码", "password set"),
    "compute": ("计算", "computed"),
    "publish": ("发布", "published"),
    "manual": ("手工录入", "entered by hand"),
    "award": ("授予", "awarded"),
    "revoke": ("撤销", "revoked"),
    "print": ("打印", "printed"),
    "verify": ("验证", "verified"),
    "decide": ("裁定", "decided"),
    "finalise": ("定稿", "finalised"),
    "feedback": ("反馈", "fed back"),
    "raise": ("下发", "raised"),
    "submit": ("提交", "submitted"),
    "return": ("退回修改", "returned for changes"),
    "recommend": ("分行推荐", "recommended by the branch"),
    "start_review": ("进入总行评审", "sent to head-office review"),
    "reject": ("不予通过", "not passed"),
    "withdraw": ("撤回", "withdrawn"),
    "set_sheet": ("设置评分表", "score sheet set"),
    "reinspection": ("设置复查", "re-inspection set"),
}
"""Actions of the audit trail (``audit_log.action``) → (Chinese, English)."""


def _label(table: dict[str, tuple[str, str]], key: str | None, language: str | None) -> str:
    if key is None:
        return ""
    names = table.get(key)
    if names is None:
        return key
    return names[0] if (language or get_language()) == "zh" else names[1]


def entity_label(key: str | None, language: str | None = None) -> str:
    """An audit entity (``import_batch``) by its name in ``language`` (``"zh"``/``"en"``, default the
    current one): 导入的报表 / Imported return; a key not in :data:`ENTITIES` as it is, ``None`` → ``""``."""
    return _label(ENTITIES, key, language)


def action_label(key: str | None, language: str | None = None) -> str:
    """An audit action (``decide``) by its name in ``language``: 裁定 / decided; a key not in
    :data:`ACTIONS` as it is, ``None`` → ``""``."""
    return _label(ACTIONS, key, language)


TABLE_ENTITIES: dict[str, str] = {
    "accounts": "account", "staff": "staff", "certificates": "certificate", "org_units": "org_unit",
    "training_courses": "training_course", "training_attendance": "training_attendance",
    "indicator_values": "indicator_value", "internal_ratings": "internal_rating",
    "indicator_systems": "indicator_system", "evaluation_periods": "evaluation_period",
    "showcase_cycles": "showcase_cycle", "showcase_applications": "showcase_application",
    "showcase_attachments": "showcase_attachment", "showcase_reviewers": "showcase_reviewer",
    "showcase_score_sheets": "score_sheet", "showcase_awards": "showcase_award", "checklists": "checklist",
    "mystery_visits": "mystery_visit", "mystery_appeals": "mystery_appeal", "monitoring_quarters": "monitoring_quarter",
    "capa_actions": "capa_action", "complaints": "complaint", "complaint_deadline_classes": "deadline_class",
}
"""Database tables → the entity their audit entries name, so a sentence about a record ("someone else
changed this record (…) first") calls it what the audit trail calls it, never by its table."""


def table_label(table: str | None, language: str | None = None) -> str:
    """What a record of database ``table`` (``capa_actions``) is called in ``language`` (default:
    the current one): "Corrective or preventive action" / 纠正预防措施; a table not listed as stored."""
    return entity_label(TABLE_ENTITIES.get(table or "", table), language)
