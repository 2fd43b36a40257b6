import pytest

from regions import access
from regions.access import Action
from regions.models import Region, Role
from tests.regions.factories import OfficeFactory

pytestmark = pytest.mark.django_db


def test_national_admin_may_do_everything_everywhere(national_admin):
    assert access.can(national_admin, Action.REOPEN, Region.objects.get(code="35.74"))
    assert access.regions_for(national_admin).count() == Region.objects.count()


def test_officer_reads_own_province_and_its_regencies_only(kalbar_officer):
    codes = set(access.regions_for(kalbar_officer).values_list("code", flat=True))
    assert "61" in codes and "61.71" in codes
    assert "35" not in codes and "35.74" not in codes and "ID" not in codes


def test_officer_cannot_enter_data_in_another_province(kalbar_officer):
    assert access.can(kalbar_officer, Action.ENTER_DATA, Region.objects.get(code="61.71"))
    assert not access.can(kalbar_officer, Action.ENTER_DATA, Region.objects.get(code="35.74"))


def test_officer_cannot_approve_even_in_own_province(kalbar_officer):
    assert not access.can(kalbar_officer, Action.APPROVE, Region.objects.get(code="61"))


def test_approver_cannot_enter_data(kalbar_approver):
    assert access.can(kalbar_approver, Action.APPROVE, Region.objects.get(code="61"))
    assert not access.can(kalbar_approver, Action.ENTER_DATA, Region.objects.get(code="61.71"))


def test_viewer_reads_everything_but_changes_nothing(viewer):
    mimika = Region.objects.get(code="94.04")
    assert access.can(viewer, Action.VIEW, mimika)
    assert not access.can(viewer, Action.ENTER_DATA, mimika)
    assert not access.can(viewer, Action.LOG_ACTIVITY, mimika)


def test_branch_staff_reach_the_regencies_their_office_serves(make_user):
    kolaka = OfficeFactory(code="cabang-kolaka-test")
    kolaka.regencies.add(*Region.objects.filter(code__in=["74.01", "74.11"]))
    staff = make_user(Role.BRANCH_STAFF, office=kolaka)
    codes = set(access.regions_for(staff, Action.LOG_ACTIVITY).values_list("code", flat=True))
    assert codes == {"74", "74.01", "74.11"}
    assert not access.can(staff, Action.LOG_ACTIVITY, Region.objects.get(code="61.71"))


def test_user_without_a_role_sees_nothing(django_user_model):
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert access.regions_for(nobody).count() == 0
    assert not access.can(nobody, Action.VIEW, Region.objects.get(code="61"))


def test_anonymous_user_sees_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert access.regions_for(AnonymousUser()).count() == 0


def test_scoped_filters_any_queryset_through_its_region_field(kalbar_officer):
    regencies = Region.objects.regencies().current()
    visible = access.scoped(regencies, kalbar_officer, field="pk")
    assert visible.count() == 14
    assert {r.parent.code for r in visible} == {"61"}


def test_a_role_needs_a_matching_scope_kind(django_user_model):
    from django.core.exceptions import ValidationError

    from regions.services import user_scope_assign

    user = django_user_model.objects.create_user("mismatch", password="x")
    with pytest.raises(ValidationError):
        user_scope_assign(user=user, role=Role.PROVINCIAL_OFFICER)
