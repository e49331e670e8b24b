"""Branch Excel returns (分行报表): reader (python-calamine), table location, template writer (openpyxl)
and the return kinds (``excel/kinds/*.py``) — DESIGN.md §3. No Qt, no SQL except the kinds' DB hooks."""
