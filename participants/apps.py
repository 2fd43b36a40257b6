from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants and coverage")

    def ready(self) -> None:
        from participants.entry.notices import SENTENCES
        from regions.notifications.messages import register

        register(SENTENCES)
