"""Admin for workforce kinds and totals, targets, and the read-only coverage table."""
