import pytest
from django.urls import reverse

from regions.models import Region
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_national_viewer_sees_38_provinces_with_regency_counts(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("region-list"))
    assert response.status_code == 200
    provinces = list(response.context["provinces"])
    assert len(provinces) == 38
    counts = {p.code: p.regency_count for p in provinces}
    assert counts["35"] == 38
    assert counts["91"] == 9  # Papua after the split
    assert sum(counts.values()) == 514


def test_home_page_is_in_indonesian_by_default(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("region-list"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response["Content-Language"] == "id"
    assert "Provinsi" in response.content.decode()


def test_language_switch_turns_the_ui_english(client, viewer):
    client.force_login(viewer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("region-list"))
    assert response["Content-Language"] == "en"
    assert "Provinces" in response.content.decode()


def test_header_shows_user_role_and_scope(client, kalbar_officer):
    client.force_login(kalbar_officer)
    page = client.get(reverse("home")).content.decode()
    assert "Petugas provinsi" in page
    assert "Kalimantan Barat" in page


def test_officer_province_list_holds_only_own_province(client, kalbar_officer):
    client.force_login(kalbar_officer)
    provinces = client.get(reverse("region-list")).context["provinces"]
    assert [p.code for p in provinces] == ["61"]


def test_province_page_lists_its_regencies_and_former_ones(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("province-detail", args=["91"]))
    assert len(response.context["regencies"]) == 9
    assert len(response.context["retired"]) == 20
    assert "Kabupaten Mimika" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        reverse("province-detail", args=["35"]),
        reverse("regency-detail", args=["35.74"]),
    ],
)
def test_kalbar_officer_is_refused_jawa_timur_pages(client, kalbar_officer, url):
    client.force_login(kalbar_officer)
    assert client.get(url).status_code == 404


def test_kalbar_officer_is_refused_jawa_timur_in_the_admin(client, kalbar_officer):
    client.force_login(kalbar_officer)
    probolinggo = Region.objects.get(code="35.74")
    change = reverse("admin:regions_region_change", args=[probolinggo.pk])
    assert client.get(change).status_code == 403
    listing = client.get(reverse("admin:regions_region_changelist"), {"q": "Probolinggo"})
    assert listing.status_code == 200
    assert listing.context["cl"].result_count == 0
    assert listing.context["cl"].full_result_count == 15  # 61 and its 14 regencies


def test_kalbar_officer_may_view_but_not_edit_own_regency_in_the_admin(client, kalbar_officer):
    client.force_login(kalbar_officer)
    pontianak = Region.objects.get(code="61.71")
    response = client.get(reverse("admin:regions_region_change", args=[pontianak.pk]))
    assert response.status_code == 200
    assert response.context["has_change_permission"] is False


def test_repeated_failed_logins_lock_the_account(client, kalbar_officer):
    for _ in range(5):
        client.post(reverse("login"), {"username": kalbar_officer.username, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": kalbar_officer.username, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_change_works(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Bpjs-Kalbar-2026!",
            "new_password2": "Bpjs-Kalbar-2026!",
        },
    )
    assert response.status_code == 302
    kalbar_officer.refresh_from_db()
    assert kalbar_officer.check_password("Bpjs-Kalbar-2026!")


def test_notifications_admin_shows_nothing_to_a_province_officer(client, kalbar_officer, viewer):
    from regions.notifications.services import notification_send

    notification_send(recipients=[viewer], key="notice.text", params={"text": "pesan rahasia"})
    client.force_login(kalbar_officer)
    response = client.get(reverse("admin:regions_notification_changelist"))
    assert response.status_code in (200, 403)
    assert "pesan rahasia" not in response.content.decode()
