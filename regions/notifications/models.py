"""One notification for one user: what happened (a message key and parameters) and where."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from regions.kernel.text_rule import bounded_text


@bounded_text
class Notification(models.Model):
    """`event` names the occurrence (e.g. `agreement-30:12`), so a rerun creates nothing new."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    key = models.CharField(_("message key"), max_length=80)
    params = models.JSONField(_("message parameters"), default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    event = models.CharField(_("event"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event"], condition=~Q(event=""), name="one_notification_per_event"
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        from regions.notifications.messages import render

        return render(self.key, self.params)
