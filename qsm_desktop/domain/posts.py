"""Post categories and post names (岗位类别与岗位) — DESIGN §1 and §3.2.

The plan sets certification targets per post category; returns name the post (岗位), which maps
to a category. Category codes are the keys used in ``qsm cert-rate --json``.
"""

from __future__ import annotations

POST_CATEGORIES: dict[str, str] = {
    "teller": "柜员",
    "retail_sales": "个金销售服务人员",
    "corporate": "对公客户经理",
    "international": "国际业务产品经理",
    "processing": "业务处理人员",
}
"""Category code → Chinese name, in the plan's order."""

POST_CATEGORY_EN: dict[str, str] = {
    "teller": "Tellers",
    "retail_sales": "Retail sales & service staff",
    "corporate": "Corporate account managers",
    "international": "International-business product managers",
    "processing": "Business-processing staff",
}
"""Category code → English name."""

POST_NAMES: dict[str, str] = {
    "柜员": "teller",
    "大堂经理": "retail_sales",
    "沃德客户经理": "retail_sales",
    "客户服务经理": "retail_sales",
    "个贷客户经理": "retail_sales",
    "理财经理": "retail_sales",
    "个金销售服务人员": "retail_sales",
    "对公客户经理": "corporate",
    "国际业务产品经理": "international",
    "业务处理人员": "processing",
}
"""Post name as written in a certification return → category code (DESIGN §3.2)."""

CERT_RATE_METRIC = {code: f"cert_rate_{code}" for code in POST_CATEGORIES}
"""Category code → plan-target metric of its certification rate (reference/plan_targets.toml)."""
