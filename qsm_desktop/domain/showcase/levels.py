"""Award levels (示范窗口级别): 分行级, 总行级 and 全国级, their short forms and the level above.

Source: DESIGN.md §1 and §5; issue 4.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class AwardLevel(StrEnum):
    """Award level (级别), DESIGN §1/§5: 分行级 and 总行级 assessed by the bank, 全国级 by the industry
    association."""

    BRANCH = "分行级"
    HEAD_OFFICE = "总行级"
    NATIONAL = "全国级"

    @property
    def short(self) -> str:
        """The one-character form used in certificate numbers: 分 / 总 / 国."""
        return {"分行级": "分", "总行级": "总", "全国级": "国"}[self.value]

    @property
    def next_level(self) -> AwardLevel | None:
        """The level a winner of this level can be nominated to (推荐上报), ``None`` for 全国级."""
        return {"分行级": AwardLevel.HEAD_OFFICE, "总行级": AwardLevel.NATIONAL, "全国级": None}[self.value]

    @classmethod
    def parse(cls, text: str) -> AwardLevel:
        """``"总行级"``, ``"总行"``, ``"总"``, ``"head_office"`` … → the level (``ValueError`` otherwise)."""
        key = unicodedata.normalize("NFKC", str(text)).strip().lower()
        aliases = {
            "分行级": cls.BRANCH, "分行": cls.BRANCH, "分": cls.BRANCH, "branch": cls.BRANCH,
            "总行级": cls.HEAD_OFFICE, "总行": cls.HEAD_OFFICE, "总": cls.HEAD_OFFICE,
            "head_office": cls.HEAD_OFFICE, "head-office": cls.HEAD_OFFICE,
            "全国级": cls.NATIONAL, "全国": cls.NATIONAL, "国": cls.NATIONAL, "national": cls.NATIONAL,
        }
        try:
            return aliases[key]
        except KeyError:
            from qsm_desktop.domain.i18n import msg, register

            register({"showcase.unknown_level": ("没有“{value}”这个级别，请写 分行级、总行级 或 全国级。",
                                                 "unknown award level '{value}'; use branch, head-office or national")})
            raise ValueError(msg("showcase.unknown_level", value=text)) from None
