from __future__ import annotations

import pytest

from agreements.models import Regulation
from tests.agreements.factories import region

pytestmark = pytest.mark.django_db


def test_a_regulation_without_a_number_says_so_in_words():
    regulation = Regulation(region=region("74.11"), kind=Regulation.Kind.PERDA, year=2021)
    assert str(regulation) == "Peraturan daerah (Perda) tahun 2021 (nomor belum tercatat)"
    assert "/" not in str(regulation)
