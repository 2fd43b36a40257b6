import datetime as dt

import pytest

from agreements import selectors
from agreements.demo import scenarios as demo
from agreements.meetings.models import Meeting
from agreements.models import Agreement, Commitment, Regulation
from regions.demo import seed_accounts

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(offices):
    seed_accounts()
    demo.seed()


def test_the_kalbar_mou_is_recorded_with_its_legal_basis_scope_and_signatories(seeded):
    mou = Agreement.objects.get(region__code="61", kind=Agreement.Kind.MOU)
    assert mou.signed_on == dt.date(2023, 2, 21)
    assert mou.status == Agreement.Status.ACTIVE
    assert {b.short_name for b in mou.legal_bases.all()} == {
        "Inpres 2/2021", "Inpres 4/2022", "Permendagri 84/2022"}  # fmt: skip
    assert len(mou.scope_clauses) == 4
    assert {s.name for s in mou.signatories.all()} == {"Sutarmidji", "Rini Suryani"}
    assert mou.office is not None and mou.office.code == "kanwil-kalimantan"


def test_the_meetings_keep_their_local_dates_and_attendees(seeded):
    kaltara = Meeting.objects.get(host_region__code="65")
    assert kaltara.local_start.date() == dt.date(2021, 4, 13)
    assert kaltara.zone_abbreviation == "WITA"
    assert "Arif Wijahari" in {a.name for a in kaltara.attendees.all()}
    koltim = Meeting.objects.get(host_region__code="74.11")
    assert koltim.kind == Meeting.Kind.KSO
    assert {"Makmur Watukila", "Minarni Lukman", "Bachtiar Asyhari"} <= {
        a.name for a in koltim.attendees.all()}  # fmt: skip
    jatim = Meeting.objects.get(kind=Meeting.Kind.MONEV)
    assert jatim.regions.count() == 12
    assert {o.code for o in jatim.offices.all()} == {"kanwil-jawa-timur", "cabang-probolinggo"}


def test_kolaka_timur_has_its_perda_and_non_asn_commitment(seeded):
    assert Regulation.objects.filter(region__code="74.11", kind=Regulation.Kind.PERDA).exists()
    commitment = Commitment.objects.get(region__code="74.11")
    assert commitment.category_code == "NON_ASN"


def test_seeding_twice_adds_nothing(seeded):
    counts = (Agreement.objects.count(), Meeting.objects.count(), Commitment.objects.count())
    demo.seed()
    assert counts == (
        Agreement.objects.count(), Meeting.objects.count(), Commitment.objects.count())  # fmt: skip
    assert counts == (1, 5, 4)


def test_kolaka_branch_staff_see_kolaka_timur_and_not_kalbar(seeded, kolaka_staff):
    titles = {m.title for m in selectors.meetings_for(kolaka_staff)}
    assert any("Kolaka Timur" in t for t in titles)
    assert not any("Kalbar" in t or "Kalimantan" in t for t in titles)
    assert not selectors.agreements_for(kolaka_staff).exists()
