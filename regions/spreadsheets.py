"""Spreadsheet safety shared by every export: text that Excel or LibreOffice would run as a
formula (=, +, -, @, or a leading tab or line break) gets a leading apostrophe."""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
