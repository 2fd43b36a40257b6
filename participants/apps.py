from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants and coverage")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from participants.coverage.sqlite import index_coverage_table
        from participants.entry.notices import SENTENCES
        from regions.notifications.messages import register

        register(SENTENCES)
        post_migrate.connect(index_coverage_table, sender=self)
