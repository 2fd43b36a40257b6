"""The periodic tasks' admin form in plain words: django-celery-beat's help texts for the last
run and the queue say "None", a Python word no administrator should meet."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_celery_beat.admin import PeriodicTaskAdmin, PeriodicTaskForm
from django_celery_beat.models import PeriodicTask

admin.site.unregister(PeriodicTask)


class PortalPeriodicTaskForm(PeriodicTaskForm):
    class Meta(PeriodicTaskForm.Meta):
        # Read-only fields take their help text from here, else from the model.
        help_texts = {
            "last_run_at": _(
                "When the schedule last ran the task; emptied when the task is switched off."
            ),
            "queue": _("Queue defined in CELERY_TASK_QUEUES. Leave empty for default queuing."),
        }


@admin.register(PeriodicTask)
class PortalPeriodicTaskAdmin(PeriodicTaskAdmin):
    form = PortalPeriodicTaskForm
