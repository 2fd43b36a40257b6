import datetime as dt

import factory
from django.utils import timezone

from agreements.meetings.models import Attendee, FollowUpAction, Meeting
from agreements.models import Agreement, BudgetAllocation, Commitment, Regulation
from regions.models import Region


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class AgreementFactory(factory.django.DjangoModelFactory[Agreement]):
    class Meta:
        model = Agreement

    kind = Agreement.Kind.MOU
    title = factory.Sequence(lambda n: f"Nota kesepakatan {n}")
    region = factory.LazyFunction(lambda: region("61"))
    status = Agreement.Status.DRAFT


class ActiveAgreementFactory(AgreementFactory):
    status = Agreement.Status.ACTIVE
    signed_on = dt.date(2023, 2, 21)
    valid_from = dt.date(2023, 2, 21)
    valid_until = dt.date(2028, 2, 20)


class MeetingFactory(factory.django.DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    kind = Meeting.Kind.COORDINATION
    title = factory.Sequence(lambda n: f"Rapat koordinasi {n}")
    host_region = factory.LazyFunction(lambda: region("61"))
    starts_at = factory.LazyFunction(timezone.now)
    place = "Kantor Gubernur"

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):  # type: ignore[no-untyped-def]
        if create:
            self.regions.set(extracted or [self.host_region])


class AttendeeFactory(factory.django.DjangoModelFactory[Attendee]):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Faker("name", locale="id_ID")
    position = "Kepala Dinas"
    institution = "Disnakertrans"


class ActionFactory(factory.django.DjangoModelFactory[FollowUpAction]):
    class Meta:
        model = FollowUpAction

    meeting = factory.SubFactory(MeetingFactory)
    description = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    owner = "Disnakertrans"
    due_date = dt.date(2030, 1, 1)


class CommitmentFactory(factory.django.DjangoModelFactory[Commitment]):
    class Meta:
        model = Commitment

    agreement = factory.SubFactory(ActiveAgreementFactory)
    region = factory.LazyAttribute(lambda c: c.agreement.region)
    kind = Commitment.Kind.BUDGET
    description = factory.Sequence(lambda n: f"Iuran non-ASN {n}")
    responsible = "Pemerintah Provinsi"
    category_code = "NON_ASN"


class RegulationFactory(factory.django.DjangoModelFactory[Regulation]):
    class Meta:
        model = Regulation

    region = factory.LazyFunction(lambda: region("61"))
    kind = Regulation.Kind.PERKADA
    number = factory.Sequence(lambda n: str(n + 1))
    year = 2022
    title = "Pergub tentang jaminan sosial ketenagakerjaan"
    enacted_on = dt.date(2022, 5, 1)


class BudgetFactory(factory.django.DjangoModelFactory[BudgetAllocation]):
    class Meta:
        model = BudgetAllocation

    region = factory.LazyFunction(lambda: region("61"))
    year = 2023
    category_code = "NON_ASN"
    label = "Non-ASN"
    workers = 1200
    amount = 20160000
