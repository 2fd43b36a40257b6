"""Agreements, meetings, commitments, regulations and budgets (see issue 5)."""
