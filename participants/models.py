"""Participant categories, monthly counts and reports, coverage (see issues 3 and 4)."""
