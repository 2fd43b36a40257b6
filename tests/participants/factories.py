"""Factories for participant data. Categories are seeded by migration: look them up by code."""

from __future__ import annotations

import datetime as dt

import factory

from participants.models import Category, MonthlyReport, ParticipantCount
from regions.models import Region


def category(code: str) -> Category:
    return Category.objects.get(code=code)


def regency(code: str) -> Region:
    return Region.objects.get(code=code)


class MonthlyReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyReport
        django_get_or_create = ("province", "period")

    province = factory.LazyFunction(lambda: Region.objects.get(code="61"))
    period = dt.date(2023, 12, 1)


class ParticipantCountFactory(factory.django.DjangoModelFactory):
    """A stored count written directly, for setting up history; real writes use counts_write."""

    class Meta:
        model = ParticipantCount

    region = factory.LazyFunction(lambda: Region.objects.get(code="61.71"))
    category = factory.LazyFunction(lambda: Category.objects.get(code="PU"))
    period = dt.date(2023, 12, 1)
    report = factory.LazyAttribute(
        lambda o: MonthlyReportFactory(province=o.region.parent, period=o.period)
    )
    active_participants = 1000
