"""The regulations agreements under Inpres 2/2021 usually cite; admins add more."""

import datetime as dt

from django.db import migrations

LEGAL_BASES = [
    ("Inpres 2/2021", "Instruksi Presiden Nomor 2 Tahun 2021 tentang Optimalisasi Pelaksanaan "
     "Program Jaminan Sosial Ketenagakerjaan", dt.date(2021, 3, 25)),
    ("Inpres 4/2022", "Instruksi Presiden Nomor 4 Tahun 2022 tentang Percepatan Penghapusan "
     "Kemiskinan Ekstrem", dt.date(2022, 6, 8)),
    ("Inpres 8/2025", "Instruksi Presiden Nomor 8 Tahun 2025 tentang Optimalisasi Pelaksanaan "
     "Pengentasan Kemiskinan", None),
    ("Permendagri 27/2021", "Peraturan Menteri Dalam Negeri Nomor 27 Tahun 2021 tentang Pedoman "
     "Penyusunan APBD Tahun Anggaran 2022", None),
    ("Permendagri 84/2022", "Peraturan Menteri Dalam Negeri Nomor 84 Tahun 2022 tentang Pedoman "
     "Penyusunan APBD Tahun Anggaran 2023", None),
]


def add(apps, schema_editor):
    LegalBasis = apps.get_model("agreements", "LegalBasis")
    for short_name, title, issued_on in LEGAL_BASES:
        LegalBasis.objects.get_or_create(
            short_name=short_name, defaults={"title": title, "issued_on": issued_on}
        )


class Migration(migrations.Migration):
    dependencies = [("agreements", "0001_agreements_meetings_documents")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
