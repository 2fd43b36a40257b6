"""What every package of regions, and every app, stands on: provinces, regencies, offices and
the users' scopes (`models`), the bounds of every stored value (`bounds`), the text rule that
puts them on a whole model (`text_rule`) and the provinces' time zones (`timezones`). Nothing
here imports the rest of the app; the app's `models.py`, `bounds.py` and `text_rule.py` are the
names the other apps and the migrations use."""
