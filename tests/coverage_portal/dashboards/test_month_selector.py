"""The month selector speaks the page's language (English month names on an English page,
Indonesian otherwise) and what it sends back is read as the same month in either language."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.coverage_portal.dashboards.test_pages import kalbar_dec_2022  # noqa: F401

pytestmark = pytest.mark.django_db
OPTION = re.compile(r'<option value="([0-9]{4}-[0-9]{2})"( selected)?>([^<]+)</option>')
NAMES = {"en": ("December 2022", "December 2021"), "id": ("Desember 2022", "Desember 2021")}


def _options(html: str) -> list[tuple[str, bool, str]]:
    form = html.split('data-testid="period-form"')[1].split("</form>")[0]
    return [(value, bool(selected), label) for value, selected, label in OPTION.findall(form)]


@pytest.mark.usefixtures("kalbar_dec_2022")
@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize(
    "name, args", [("dashboards:national", []), ("dashboards:province", ["61"])]
)
def test_the_month_selector_speaks_the_page_language_and_reads_back(
    client, viewer, language, name, args
):
    client.force_login(viewer)
    client.cookies["django_language"] = language
    newest, year_before = NAMES[language]
    foreign = NAMES["id" if language == "en" else "en"][0].split()[0]

    options = _options(client.get(reverse(name, args=args)).content.decode())
    labels = {value: label for value, _, label in options}
    assert labels["2022-12"].startswith(newest) and labels["2021-12"].startswith(year_before)
    assert not [label for label in labels.values() if foreign in label]

    response = client.get(reverse(name, args=args), {"bulan": "2021-12"})
    assert response.context["period"] == dt.date(2021, 12, 1)
    chosen = [(v, label) for v, selected, label in _options(response.content.decode()) if selected]
    assert len(chosen) == 1 and chosen[0][0] == "2021-12" and chosen[0][1].startswith(year_before)
