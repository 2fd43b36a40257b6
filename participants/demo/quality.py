"""Demo rule results and follow-ups, so the data-quality pages show something to every role.

The rules run over the last two approved months (as the nightly job would); three values
are marked for follow-up through the services, as people would: two in Kalimantan Barat by
its approver (one closed again by its officer) and one in Jawa Timur by the national
administrator. Idempotent: nothing is added once any follow-up exists.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from participants.entry.models import MonthlyReport, ParticipantCount
from participants.followup.models import FollowUp
from participants.followup.services import followup_close, followup_open
from participants.periods import add_months
from participants.rules.models import RuleResult
from participants.rules.services import rule_results_refresh

MARKS = (
    ("penyetuju.kalbar", "61", "DEMO: lonjakan dibanding bulan lalu, mohon cek data BPJS."),
    ("penyetuju.kalbar", "61", "DEMO: angka sama persis tiga bulan berturut-turut."),
    ("admin", "35", "DEMO: di atas median kabupaten sejenis, mohon konfirmasi."),
)


def seed() -> int:
    """Run the rules and mark the demo follow-ups; returns how many rule results were written."""
    approved = ParticipantCount.objects.filter(report__status=MonthlyReport.Status.APPROVED)
    last = approved.order_by("-period").values_list("period", flat=True).first()
    if last is None:
        return 0
    written = 0
    if not RuleResult.objects.filter(period=last).exists():
        written = rule_results_refresh(first=add_months(last, -1), last=last)
    if not FollowUp.objects.exists():
        _follow_up(approved.filter(period=last))
    return written


def _follow_up(counts: QuerySet[ParticipantCount]) -> None:
    users = {u.username: u for u in get_user_model().objects.filter(username__in=_names())}
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
