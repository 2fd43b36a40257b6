"""Values as people type and read them: numbers read the Indonesian way, and written the same way.

`numbers` is the one reader of numbers people type (and its form fields), `formatting` the one
writer (632.494 · 34,55% · Rp36.722.869.847), `admin` brings both to the Django admin.
"""
