"""A pivot table over the precomputed coverage table: rows, columns and filters from the URL."""
