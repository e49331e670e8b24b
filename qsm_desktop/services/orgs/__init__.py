"""Org units (机构) — the feature's service package (DESIGN §2, §3.1).

- :mod:`.service` — :class:`OrgService`: the tree, look-ups and counts per subtree (the window, the CLI);
- :mod:`.org_list` — updating the tree from an org list (:func:`update_org_tree_in`, the one write path);
- :mod:`.imports` — the org list's import handler (checks, preview, write).
"""

from qsm_desktop.services.orgs.service import ROOT_CODE, OrgCounts, OrgNode, OrgService

__all__ = ["ROOT_CODE", "OrgCounts", "OrgNode", "OrgService"]
