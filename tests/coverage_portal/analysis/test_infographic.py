import datetime as dt
import io
import json

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from tests.coverage_portal.factories import category_row, total_row

pytestmark = pytest.mark.django_db
DEC, NOV = dt.date(2022, 12, 1), dt.date(2022, 11, 1)


@pytest.fixture
def kalbar():
    total_row("61", NOV, 620_000, denominator=1_830_662)
    total_row("61", DEC, 632_494, denominator=1_830_662, target_participants=700_000)
    category_row("61", DEC, "PU", 385_004)
    category_row("61", DEC, "BPU", 247_490)
    cache.clear()


def card(client, **params):
    response = client.get(reverse("analysis:infographic", args=["61"]), params)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    image.load()
    return image, json.loads(image.text["figures"])


def test_the_cards_figures_equal_the_dashboards(client, kalbar_officer, kalbar):
    client.force_login(kalbar_officer)
    image, figures = card(client, bulan="2022-12")
    assert image.size == (1080, 1350) and image.format == "PNG"
    dashboard = client.get(reverse("dashboards:province", args=["61"]), {"bulan": "2022-12"})
    total = dashboard.context["total"]
    assert figures["participants"] == "632.494" == f"{total.participants:,}".replace(",", ".")
    assert figures["coverage"] == "34,55%"
    assert figures["change"] == "+0,68"  # 34,55% against 33,87% in November
    assert figures["progress"] == "90,4%"
    shown = {name: value for name, value in figures["categories"]}
    for row in dashboard.context["categories"]:
        if row.category.parent_id is None:
            assert shown[row.category.name] == f"{row.participants:,}".replace(",", ".")
    assert figures["completeness"] and figures["as_of"].startswith("data per ")


def test_the_card_speaks_the_users_language_and_is_cached(client, viewer, kalbar):
    client.force_login(viewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _image, figures = card(client, bulan="2022-12")
    assert figures["period"] == "December 2022" and figures["as_of"].startswith("data as of")
    first = client.get(reverse("analysis:infographic", args=["61"]), {"bulan": "2022-12"})
    again = client.get(reverse("analysis:infographic", args=["61"]), {"bulan": "2022-12"})
    assert first.content == again.content


def test_outside_the_scope_or_unknown_is_404(client, kalbar_officer, kalbar):
    client.force_login(kalbar_officer)
    assert client.get(reverse("analysis:infographic", args=["35"])).status_code == 404
    assert client.get(reverse("analysis:infographic", args=["x" * 300])).status_code == 404
