"""What every agreements package shares, imported downward: who may read or change a record
(permissions), whom its history names
(audit), scoped pickers, formset rows and the list and form pages. Nothing here imports
the rest of the app."""
