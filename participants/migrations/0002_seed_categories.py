from django.db import migrations

KINDS = [
    ("EMPLOYED", "Penduduk bekerja (BPS Sakernas)", "Employed population (BPS Sakernas)",
     "Penduduk berumur 15 tahun ke atas yang bekerja; penyebut cakupan keseluruhan."),
    ("WAGE_WORKERS", "Buruh/karyawan (BPS Sakernas)", "Wage workers (BPS Sakernas)",
     "Pekerja berstatus buruh/karyawan/pegawai."),
    ("NON_ASN_HEADCOUNT", "Jumlah pegawai non-ASN", "Non-ASN headcount",
     "Jumlah tenaga non-ASN/honorer menurut BKD/BKPSDM daerah."),
]
CATEGORIES = [
    ("PU", "Penerima Upah", "Wage earners", 10, None, "WAGE_WORKERS"),
    ("NON_ASN", "Non-ASN / honorer", "Non-civil-servant government workers", 15, "PU",
     "NON_ASN_HEADCOUNT"),
    ("BPU", "Bukan Penerima Upah", "Non-wage (informal) workers", 20, None, None),
    ("JAKON", "Jasa Konstruksi", "Construction workers", 30, None, None),
    ("PMI", "Pekerja Migran Indonesia", "Indonesian migrant workers", 40, None, None),
]


def seed(apps, schema_editor):
    WorkforceKind = apps.get_model("participants", "WorkforceKind")
    Category = apps.get_model("participants", "Category")
    kinds = {}
    for code, name_id, name_en, description in KINDS:
        kinds[code], _ = WorkforceKind.objects.get_or_create(
            code=code, defaults={"name_id": name_id, "name_en": name_en, "description": description}
        )
    for code, name_id, name_en, order, parent, kind in CATEGORIES:
        Category.objects.get_or_create(
            code=code,
            defaults={
                "name_id": name_id,
                "name_en": name_en,
                "order": order,
                "parent": Category.objects.get(code=parent) if parent else None,
                "measured_by": kinds.get(kind),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("participants", "0001_core")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
