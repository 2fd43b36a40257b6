"""Read the tables of a rendered dashboard page, so tests compare what a person sees."""

from __future__ import annotations

from html.parser import HTMLParser


class _TableReader(HTMLParser):
    def __init__(self, testid: str, key: str = "data-code") -> None:
        super().__init__()
        self.testid, self.key, self.inside = testid, key, 0
        self.rows: dict[str, list[str]] = {}
        self.code: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "table" and found.get("data-testid") == self.testid:
            self.inside = 1
        elif tag == "table" and self.inside:
            self.inside += 1
        elif self.inside and tag == "tr" and found.get(self.key):
            self.code = found[self.key] or ""
            self.rows[self.code] = []
        elif self.inside and self.code and tag == "td":
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.inside:
            self.inside -= 1
        elif tag == "td" and self.cell is not None and self.code:
            self.rows[self.code].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr":
            self.code = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def table_rows(html: str, testid: str, key: str = "data-code") -> dict[str, list[str]]:
    """{data-code (or `key`): [cell texts]} for the rows of the table with this data-testid."""
    reader = _TableReader(testid, key)
    reader.feed(html)
    return reader.rows


def text_of(html: str, testid: str) -> str:
    """The whitespace-normalised text of the first element with this data-testid."""
    start = html.index(f'data-testid="{testid}"')
    start = html.index(">", start) + 1
    depth_end = html.index("</", start)
    return " ".join(html[start:depth_end].split())
