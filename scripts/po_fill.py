"""Fill empty Indonesian translations in a .po catalog from a JSON object {msgid: msgstr}.

Usage: python scripts/po_fill.py regions/locale/id/LC_MESSAGES/django.po < strings.json
Indonesian has no plural forms, so a plural entry takes the same text for every form.
Prints the msgids still untranslated; the test suite fails while any remain.
"""

import json
import re
import sys

ENTRY = re.compile(
    r'(?P<head>msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?:msgid_plural "(?:[^"\\]|\\.)*"\n)?)'
    r'(?P<strs>(?:msgstr(?:\[\d\])? ""\n)+)'
)


def fill(text: str, translations: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        msgid = (
            match["id"].encode().decode("unicode_escape") if "\\" in match["id"] else match["id"]
        )
        if not msgid or msgid not in translations:
            return match[0]
        value = json.dumps(translations[msgid], ensure_ascii=False)
        if "msgid_plural" in match["head"]:
            return f"{match['head']}msgstr[0] {value}\n"
        return f"{match['head']}msgstr {value}\n"

    text = text.replace("nplurals=2; plural=(n != 1);", "nplurals=1; plural=0;")
    return ENTRY.sub(replace, text)


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as handle:
        text = fill(handle.read(), json.load(sys.stdin))
    text = text.replace("#, fuzzy\n", "", 1) if 'msgid ""\nmsgstr ""\n"Project' in text else text
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    missing = [m["id"] for m in ENTRY.finditer(text) if m["id"]]
    print("\n".join(f"untranslated: {m}" for m in missing) or "all translated")


if __name__ == "__main__":
    main()
