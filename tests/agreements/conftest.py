from collections.abc import Callable
from typing import Any

import pytest

from regions.models import Office, Role


@pytest.fixture
def pontianak_staff(offices: None, make_user: Callable[..., Any]) -> Any:
    return make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-pontianak"))


@pytest.fixture
def documents_dir(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def regions_present(transactional_db: None) -> None:
    """Load the regions when a transactional test before this one left them flushed.

    tests/conftest.py reloads them after each transactional test, except when pytest does not
    yet know the next test (the last of an xdist batch); this covers that gap.
    """
    from django.core.management import call_command

    from regions.models import Region

    if not Region.objects.exists():
        call_command("load_regions", verbosity=0)
