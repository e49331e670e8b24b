"""A synthetic bank for demonstrations and benchmarks (演示数据).

Made-up people (Faker ``zh_CN``, seeded, so the same scale always gives the same bank) in a
realistic org tree: 总行 with 8 head-office departments, branches → sub-branches → outlets, and
front-line staff per outlet with post certificates issued over the three years before the period.
Nothing here touches the database: the demo steps (:mod:`qsm_desktop.services.demo`) write these
rows into return templates with the template writer and import them through the importer.

Scales (issue 2 item 5): ``small`` — 10 branches, ~120 outlets, ~1,000 staff; ``bank`` — 36
branches, ~2,700 outlets, ~90,000 staff.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from faker import Faker

HEAD_OFFICE = ("000000", "交通银行总行")
DEPARTMENTS = [
    ("000101", "办公室"), ("000102", "个人金融业务部"), ("000103", "公司机构业务部"), ("000104", "国际业务部"),
    ("000105", "运营管理部"), ("000106", "人力资源部"), ("000107", "信息技术部"), ("000108", "风险管理部"),
]
"""The eight head-office departments rated by the branches (internal service, DESIGN §3.6)."""

BRANCHES = [
    ("11", "北京", "北京"), ("12", "天津", "天津"), ("21", "辽宁", "沈阳"), ("31", "上海", "上海"), ("32", "江苏", "南京"),
    ("33", "浙江", "杭州"), ("37", "山东", "济南"), ("42", "湖北", "武汉"), ("44", "广东", "广州"), ("51", "四川", "成都"),
    ("13", "河北", "石家庄"), ("14", "山西", "太原"), ("15", "内蒙古", "呼和浩特"), ("22", "吉林", "长春"),
    ("23", "黑龙江", "哈尔滨"), ("34", "安徽", "合肥"), ("35", "福建", "福州"), ("36", "江西", "南昌"),
    ("41", "河南", "郑州"), ("43", "湖南", "长沙"), ("45", "广西", "南宁"), ("46", "海南", "海口"),
    ("50", "重庆", "重庆"), ("52", "贵州", "贵阳"), ("53", "云南", "昆明"), ("61", "陕西", "西安"),
    ("62", "甘肃", "兰州"), ("63", "青海", "西宁"), ("64", "宁夏", "银川"), ("65", "新疆", "乌鲁木齐"),
    ("24", "大连", "大连"), ("25", "宁波", "宁波"), ("26", "厦门", "厦门"), ("27", "青岛", "青岛"),
    ("28", "深圳", "深圳"), ("29", "苏州", "苏州"),
]
"""Branch code prefix, province or city, seat; the first ten are the sample bank's branches."""

SUB_BRANCH_NAMES = ["江北", "朝阳", "新区", "高新", "开发区", "福田", "城东", "城西", "城南", "城北", "中山", "人民路",
                    "解放路", "滨江", "经济技术开发区", "长江路"]

POST_MIX = [("柜员", 0.50), ("大堂经理", 0.08), ("理财经理", 0.07), ("个贷客户经理", 0.05), ("沃德客户经理", 0.03),
            ("对公客户经理", 0.12), ("国际业务产品经理", 0.03), ("业务处理人员", 0.12)]
"""Post names (DESIGN §3.2) and their share of front-line staff."""

CERT_FOR_POST = {
    "柜员": "柜员上岗资格证书", "大堂经理": "个金销售服务人员资格证书", "理财经理": "个金销售服务人员资格证书",
    "个贷客户经理": "个金销售服务人员资格证书", "沃德客户经理": "个金销售服务人员资格证书",
    "对公客户经理": "对公客户经理资格证书", "国际业务产品经理": "国际业务产品经理资格证书",
    "业务处理人员": "业务处理人员上岗资格证书",
}


@dataclass(frozen=True)
class Scale:
    """Size of a synthetic bank."""

    branches: int
    sub_branches: int
    outlets_per_sub: int
    staff_per_outlet: int


SCALES = {
    "small": Scale(branches=10, sub_branches=4, outlets_per_sub=3, staff_per_outlet=8),     # 120 outlets, ~900 staff
    "bank": Scale(branches=36, sub_branches=10, outlets_per_sub=8, staff_per_outlet=32),    # 2,880 outlets, ~90k staff
}


@dataclass
class OrgRow:
    """One row of the org list return (机构清单, DESIGN §3.1)."""

    code: str
    name: str
    parent: str | None
    type: str
    region: str
    status: str = "正常"


@dataclass
class StaffRow:
    """One row of a certification return (持证上岗情况表, DESIGN §3.2); certificate fields may be empty."""

    org_code: str
    org_name: str
    staff_no: str
    name: str
    post: str
    certificate: str | None = None
    level: str | None = None
    number: str | None = None
    issued: dt.date | None = None
    expires: dt.date | None = None
    note: str | None = None


@dataclass
class SyntheticBank:
    """The org list and, per branch code, its roster with certificates."""

    orgs: list[OrgRow] = field(default_factory=list)
    rosters: dict[str, list[StaffRow]] = field(default_factory=dict)

    @property
    def branch_codes(self) -> list[str]:
        """The branches' (分行) codes, in tree order."""
        return [o.code for o in self.orgs if o.type == "分行"]

    def org_name(self, code: str) -> str:
        """The name of unit ``code`` (``StopIteration`` for a code not in the bank)."""
        return next(o.name for o in self.orgs if o.code == code)


def build_bank(scale: str = "small", *, period_end: dt.date = dt.date(2007, 12, 31), seed: int = 2007) -> SyntheticBank:
    """Make the synthetic bank of ``scale`` (``"small"`` or ``"bank"``) as of ``period_end``.

    About 60 % of staff hold a valid certificate of their post's category, some hold an expired
    one, a few hold one of another category (which never counts — DESIGN §3.2).
    Raises ``KeyError`` for an unknown scale.
    """
    spec = SCALES[scale]
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    bank = SyntheticBank()
    bank.orgs.append(OrgRow(HEAD_OFFICE[0], HEAD_OFFICE[1], None, "总行", "上海"))
    for code, name in DEPARTMENTS:
        bank.orgs.append(OrgRow(code, name, HEAD_OFFICE[0], "总行部门", "上海"))
    staff_seq = 1
    cert_seq = 1
    posts = [p for p, _ in POST_MIX]
    weights = [w for _, w in POST_MIX]
    for prefix, province, seat in BRANCHES[: spec.branches]:
        branch_code = f"{prefix}0000"
        bank.orgs.append(OrgRow(branch_code, f"交通银行{province}分行", HEAD_OFFICE[0], "分行", province))
        roster: list[StaffRow] = []
        subs = rng.sample(SUB_BRANCH_NAMES, k=min(spec.sub_branches, len(SUB_BRANCH_NAMES)))
        for s_index, sub in enumerate(subs, start=1):
            sub_code = f"{prefix}{s_index:02d}00"
            sub_name = f"交通银行{seat}{sub}支行"
            bank.orgs.append(OrgRow(sub_code, sub_name, branch_code, "支行", province))
            for o_index in range(1, spec.outlets_per_sub + 1):
                outlet_code = f"{prefix}{s_index:02d}{o_index:02d}"
                outlet_name = f"{sub_name}营业部" if o_index == 1 else f"{sub_name}第{o_index}营业部"
                bank.orgs.append(OrgRow(outlet_code, outlet_name, sub_code, "网点", province))
                n_staff = max(3, int(rng.gauss(spec.staff_per_outlet, spec.staff_per_outlet * 0.15)))
                for _ in range(n_staff):
                    post = rng.choices(posts, weights)[0]
                    row = StaffRow(outlet_code, outlet_name, f"{staff_seq:07d}", fake.name(), post)
                    staff_seq += 1
                    draw = rng.random()
                    if draw < 0.72:
                        kind = CERT_FOR_POST[post] if draw < 0.68 else CERT_FOR_POST[rng.choice(posts)]
                        years_back = rng.uniform(0.1, 3.6)
                        issued = period_end - dt.timedelta(days=int(years_back * 365))
                        row.certificate = kind
                        row.level = rng.choice(["初级", "初级", "中级", "高级"])
                        row.number = f"ZS{issued.year}{cert_seq:07d}"
                        cert_seq += 1
                        row.issued = issued
                        row.expires = issued.replace(year=issued.year + 3) - dt.timedelta(days=1) if not (
                            issued.month == 2 and issued.day == 29) else dt.date(issued.year + 3, 2, 28)
                    roster.append(row)
        bank.rosters[branch_code] = roster
    return bank
