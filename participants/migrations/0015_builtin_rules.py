"""The built-in checks as rule rows, switched on with their historical thresholds."""

from django.db import migrations

BUILTINS = [
    (
        "outlier",
        "Tidak lazim dibanding 12 bulan terakhir (median/MAD)",
        "Unusual against the last 12 months (median/MAD)",
        {"mad_factor": 5.0, "min_history": 3, "relative_floor": 0.05, "absolute_floor": 10},
    ),
    (
        "jump",
        "Perubahan besar dibanding bulan lalu",
        "Large change against last month",
        {"monthly_limit": 0.3, "absolute_floor": 10},
    ),
    ("drop", "Turun menjadi nol", "Dropped to zero", {}),
    ("workforce", "Melebihi jumlah angkatan kerja", "Above the workforce total", {}),
]


def add_builtins(apps, schema_editor):
    rule = apps.get_model("participants", "ValidationRule")
    for builtin, name_id, name_en, parameters in BUILTINS:
        rule.objects.get_or_create(
            builtin=builtin,
            defaults={
                "name_id": name_id,
                "name_en": name_en,
                "parameters": parameters,
                "importance": "warning",
            },
        )


def remove_builtins(apps, schema_editor):
    apps.get_model("participants", "ValidationRule").objects.exclude(builtin="").delete()


class Migration(migrations.Migration):
    dependencies = [("participants", "0014_rules_and_follow_ups")]
    operations = [migrations.RunPython(add_builtins, remove_builtins)]
