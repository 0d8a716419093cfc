"""Signal receivers: only cache invalidation lives here (see STYLE.md)."""
