import datetime as dt

import pytest
from django.core.management import call_command

from regions.models import Region

pytestmark = pytest.mark.django_db


def test_current_regions_are_38_provinces_and_514_regencies():
    assert Region.objects.provinces().current().count() == 38
    assert Region.objects.regencies().current().count() == 514


def test_kota_pontianak_is_a_wib_city_on_pontianak_time():
    pontianak = Region.objects.get(code="61.71")
    assert pontianak.name == "Kota Pontianak"
    assert pontianak.kind == Region.Kind.KOTA
    assert pontianak.timezone == "Asia/Pontianak"
    assert pontianak.timezone_abbreviation == "WIB"


def test_kalimantan_utara_keeps_wita():
    assert Region.objects.get(code="65").timezone_abbreviation == "WITA"


def test_papua_provinces_keep_wit():
    assert {r.timezone_abbreviation for r in Region.objects.filter(code__startswith="9")} == {"WIT"}


def test_kolaka_timur_is_a_regency_of_sulawesi_tenggara():
    kolaka_timur = Region.objects.select_related("parent").get(code="74.11")
    assert kolaka_timur.name == "Kabupaten Kolaka Timur"
    assert kolaka_timur.parent.name == "Sulawesi Tenggara"


def test_mimika_succeeds_its_old_code_which_ends_with_the_split():
    mimika = Region.objects.get(code="94.04")
    old = mimika.predecessors.get()
    assert old.code == "91.09"
    assert old.parent.code == "91"
    assert old.valid_until == dt.date(2022, 7, 31)
    assert old.is_valid_on(dt.date(2022, 7, 31))
    assert not old.is_valid_on(dt.date(2022, 8, 1))
    assert mimika.is_valid_on(dt.date(2022, 8, 1))
    assert not mimika.is_valid_on(dt.date(2022, 7, 31))


def test_twenty_six_regencies_moved_in_the_split():
    retired = Region.objects.regencies().exclude(valid_until=None)
    assert retired.count() == 26
    assert all(r.successor_id for r in retired)


def test_papua_barat_daya_begins_a_month_after_the_others():
    assert Region.objects.get(code="96").valid_from == dt.date(2023, 1, 1)
    assert Region.objects.get(code="93").valid_from == dt.date(2022, 8, 1)


def test_regions_on_a_day_before_the_split_count_34_provinces():
    before = dt.date(2022, 7, 31)
    assert Region.objects.provinces().valid_on(before).count() == 34
    assert Region.objects.regencies().valid_on(before).count() == 514


def test_every_current_region_has_a_boundary():
    assert not Region.objects.exclude(level="national").filter(boundary=None).exists()


def test_loading_twice_changes_nothing(capsys):
    before = list(Region.objects.values_list("code", "name", "parent_id", "successor_id"))
    call_command("load_regions")
    assert "0 created, 0 updated, 579 unchanged" in capsys.readouterr().out
    after = list(Region.objects.values_list("code", "name", "parent_id", "successor_id"))
    assert before == after


def test_loading_repairs_an_edited_region(capsys):
    Region.objects.filter(code="61.71").update(name="Pontianak (typo)")
    call_command("load_regions")
    assert "1 updated" in capsys.readouterr().out
    assert Region.objects.get(code="61.71").name == "Kota Pontianak"
