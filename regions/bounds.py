"""The bounds of every stored value, defined in `regions/kernel/bounds.py`; this is the name
the other apps and the migrations use."""

from regions.kernel.bounds import *  # noqa: F403
