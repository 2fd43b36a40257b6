"""Fill empty Indonesian translations in a .po catalog from a JSON object {msgid: msgstr}.

Usage: python scripts/po_fill.py participants/locale/id/LC_MESSAGES/django.po < strings.json
Indonesian has no plural forms, so a plural entry takes the same text for every form.
Prints the msgids still untranslated; the test suite fails while any remain.
"""

import json
import sys

import polib


def main() -> None:
    catalog = polib.pofile(sys.argv[1])
    translations: dict[str, str] = json.load(sys.stdin)
    catalog.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    for entry in catalog:
        text = translations.get(entry.msgid)
        if text is None:
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: text}
        else:
            entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()
    missing = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
    print("\n".join(f"untranslated: {m!r}" for m in missing) or "all translated")


if __name__ == "__main__":
    main()
