"""Notifications moved to regions (floor 1), where participants can send them too.

Each stored row keeps its user, link, times and its event key (so the daily reminders do not
send it again); its sentence was stored as text, so it moves as text (`notice.text`).
"""

from django.db import migrations

FIELDS = ("created_at", "read_at", "emailed_at")


def move_rows(apps, schema_editor):
    old = apps.get_model("agreements", "Notification")
    new = apps.get_model("regions", "Notification")
    rows = []
    for row in old.objects.all().iterator():
        moved = new(
            user_id=row.user_id,
            key="notice.text",
            params={"text": row.message},
            link=row.url,
            event=row.key,
        )
        rows.append((moved, {name: getattr(row, name) for name in FIELDS}))
    new.objects.bulk_create([moved for moved, _times in rows])
    for moved, times in rows:  # created_at is auto_now_add: set the original times afterwards
        new.objects.filter(pk=moved.pk).update(**times)


def move_back(apps, schema_editor):
    old = apps.get_model("agreements", "Notification")
    new = apps.get_model("regions", "Notification")
    for row in new.objects.exclude(event="").iterator():
        text = row.params.get("text") or row.key
        old.objects.create(
            user_id=row.user_id, key=row.event[:80], message=str(text)[:400], url=row.link[:200],
            read_at=row.read_at, emailed_at=row.emailed_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0003_year_bounds"),
        ("regions", "0002_notifications"),
    ]

    operations = [
        migrations.RunPython(move_rows, move_back),
        migrations.DeleteModel(name="Notification"),
    ]
