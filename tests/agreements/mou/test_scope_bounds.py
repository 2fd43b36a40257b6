"""An agreement's scope is text a person writes: no control characters, no megabyte."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Agreement
from regions import bounds

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("scope", ["a\x1bb", "bell\x07", "x" * (bounds.LONG_TEXT_CHARS + 1)])
def test_a_hostile_scope_is_refused(scope):
    agreement = Agreement(title="MoU", scope=scope)
    with pytest.raises(ValidationError) as refused:
        agreement.full_clean(exclude=["region"])
    assert "scope" in refused.value.message_dict


def test_a_scope_of_lines_is_kept():
    agreement = Agreement(title="MoU", scope="Pekerja rentan\r\n\tNon-ASN")
    agreement.full_clean(exclude=["region", "status"])
