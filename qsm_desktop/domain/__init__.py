"""Pure domain rules: no Qt, no SQL (领域规则)."""
