"""The sentences of the agreements app's notifications, registered with regions.notifications."""

from django.utils.translation import gettext_lazy as _

AGREEMENT_EXPIRING = "agreements.agreement_expiring"
COMMITMENT_OVERDUE = "agreements.commitment_overdue"
ACTION_OVERDUE = "agreements.action_overdue"

SENTENCES = {
    AGREEMENT_EXPIRING: _(
        "Agreement “%(title)s” (%(region)s) expires on %(day)s, in %(days)s days."
    ),
    COMMITMENT_OVERDUE: _("Commitment overdue since %(day)s: %(what)s (%(region)s)"),
    ACTION_OVERDUE: _("Follow-up action overdue since %(day)s: %(what)s (meeting “%(meeting)s”)"),
}
