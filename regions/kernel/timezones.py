"""Which IANA time zone each province keeps (no daylight saving anywhere in Indonesia)."""

WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96"}
# West and Central Kalimantan keep WIB but have their own IANA zone.
PONTIANAK_PROVINCES = {"61", "62"}

TIMEZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def timezone_for_province(code: str) -> str:
    if code in WITA_PROVINCES:
        return "Asia/Makassar"
    if code in WIT_PROVINCES:
        return "Asia/Jayapura"
    if code in PONTIANAK_PROVINCES:
        return "Asia/Pontianak"
    return "Asia/Jakarta"
