"""Questions across many months and regions: the reporting-rate grid, the pivot table and the
shareable infographic. Each reads the precomputed coverage table and the monthly reports
through participants' selectors, scoped by regions.access like every other page."""
