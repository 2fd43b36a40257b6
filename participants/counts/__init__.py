"""The counts officers report and everything reads: categories, monthly reports with their
events, counts, and the report's deadline. Nothing here imports the rest of the app."""
