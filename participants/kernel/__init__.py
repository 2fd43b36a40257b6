"""The pieces every participants package imports downward: reporting periods and bilingual
names. Nothing here imports the rest of the app."""
