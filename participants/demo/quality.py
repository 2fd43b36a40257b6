"""Demo validation rules, their results and follow-ups, so the data-quality pages show
something to every role.

Two rules an administrator might define, each flagging what the demo's series really hold:
BPU growing more than 20 % in a year (before 2024 some provinces' informal registrations grew
that fast: duplicates to check) and Jakon falling more than 20 % in a year (it fell from
7,36 to 5,53 million from December 2023). The rules engine runs them over the last two
approved months (as the nightly job would); three values are marked for follow-up through
the services, as people would: two in Kalimantan Barat by its approver (one closed again by
its officer) and one in Jawa Timur by the national administrator. Idempotent: a rule is
added once, results are refreshed, and no follow-up is added once any exists.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from participants.counts.models import MonthlyReport, ParticipantCount
from participants.followup.models import FollowUp
from participants.followup.services import followup_close, followup_open
from participants.kernel.periods import add_months
from participants.rules.models import ValidationRule
from participants.rules.services import rule_results_refresh, rule_save
from regions.access.users import PortalUser

ADMIN = "admin"
RULES: tuple[dict[str, str], ...] = (
    {
        "name_id": "DEMO: BPU tumbuh lebih dari 20% dalam setahun",
        "name_en": "DEMO: BPU grew more than 20% in a year",
        "left": "BPU",
        "operator": ValidationRule.Operator.LE,
        "right": "1.2 * BPU[last_year]",
        "importance": ValidationRule.Importance.WARNING,
        "description_id": "Pertumbuhan secepat ini sering berarti pendaftaran ganda: cek NIK.",
        "description_en": "Growth this fast often means duplicate registrations: check NIKs.",
    },
    {
        "name_id": "DEMO: Jakon turun lebih dari 20% dalam setahun",
        "name_en": "DEMO: Jakon fell more than 20% in a year",
        "left": "JAKON",
        "operator": ValidationRule.Operator.GE,
        "right": "0.8 * JAKON[last_year]",
        "importance": ValidationRule.Importance.INFO,
        "description_id": "Proyek konstruksi yang selesai tanpa proyek baru: konfirmasi ke dinas.",
        "description_en": "Construction projects ended without new ones: confirm with the office.",
    },
)
MARKS = (
    ("penyetuju.kalbar", "61", "DEMO: lonjakan dibanding bulan lalu, mohon cek data BPJS."),
    ("penyetuju.kalbar", "61", "DEMO: angka sama persis tiga bulan berturut-turut."),
    (ADMIN, "35", "DEMO: di atas median kabupaten sejenis, mohon konfirmasi."),
)


def seed() -> int:
    """Define the demo rules, run them and mark the demo follow-ups; returns how many rule
    results were written."""
    approved = ParticipantCount.objects.filter(report__status=MonthlyReport.Status.APPROVED)
    last = approved.order_by("-period").values_list("period", flat=True).first()
    if last is None:
        return 0
    users: dict[str, PortalUser] = {
        u.username: u for u in get_user_model().objects.filter(username__in=_names())
    }
    admin = users.get(ADMIN)
    if admin is not None:
        _define_rules(admin)
    written = rule_results_refresh(first=add_months(last, -1), last=last)
    if not FollowUp.objects.exists():
        _follow_up(approved.filter(period=last), users)
    return written


def _define_rules(admin: PortalUser) -> None:
    for fields in RULES:
        if not ValidationRule.objects.filter(name_id=fields["name_id"]).exists():
            rule_save(actor=admin, rule=ValidationRule(**fields))


def _follow_up(counts: QuerySet[ParticipantCount], users: dict[str, PortalUser]) -> None:
    opened: list[FollowUp] = []
    for username, province, comment in MARKS:
        user = users.get(username)
        taken = [f.count_id for f in opened]
        count = (
            counts.filter(report__province__code=province)
            .exclude(pk__in=taken)
            .order_by("-active_participants")
            .first()
        )
        if user is not None and count is not None:
            opened.append(followup_open(actor=user, count=count, comment=comment))
    officer = users.get("petugas.kalbar")
    if opened and officer is not None:
        followup_close(
            actor=officer,
            followup=opened[0],
            comment="DEMO: sudah dicek dengan kantor cabang, angka benar.",
        )


def _names() -> set[str]:
    return {name for name, _province, _comment in MARKS} | {"petugas.kalbar"}
