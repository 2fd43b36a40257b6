"""A PNG card per province and month, to share in messaging groups (drawn with Pillow)."""
