"""The text rule, defined in `regions/kernel/text_rule.py`; this is the name the other apps and
the migrations use."""

from regions.kernel.text_rule import TEXT_FIELDS, TextCheck, bounded_text, text_rule_of

__all__ = ["TEXT_FIELDS", "TextCheck", "bounded_text", "text_rule_of"]
