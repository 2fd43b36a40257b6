"""The five real events of the domain brief, recorded as agreements, meetings and commitments.

Only what the public sources say is recorded; where a source gives no time of day the meeting
is entered at 09:00 local time and says so, and unknown document numbers stay empty.
`seed()` is idempotent: it finds each record by its title and region before creating it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from agreements import services
from agreements.demo import builders as kit
from agreements.meetings.models import FollowUpAction, Meeting
from agreements.models import Agreement, Commitment, LegalBasis, Regulation
from regions.access.users import PortalUser
from regions.demo import seed_offices
from regions.models import Office, Region


def seed_kaltara_2021(actor: PortalUser) -> Meeting:
    kaltara = Region.objects.get(code="65")
    meeting = kit.meeting(
        actor,
        title="Operasionalisasi Inpres 2/2021 di Kalimantan Utara",
        host="65",
        kind=Meeting.Kind.COORDINATION,
        starts_at=kit.at(kaltara, dt.date(2021, 4, 13)),
        place="Ruang Rapat Gubernur, Tanjung Selor",
        regions=kit.regions("65", "65.01", "65.02", "65.03", "65.04", "65.71"),
        offices=kit.offices("kanwil-kalimantan", "cabang-tanjung-selor"),
        chair="Zainal A. Paliwang, Gubernur Kalimantan Utara",
        summary=(
            "Pertemuan Deputi Direktur Wilayah Kalimantan dengan Gubernur tentang pelaksanaan "
            "Inpres 2/2021 di Kaltara. Sasaran: kepatuhan perusahaan besar/menengah, UKM, "
            "pekerja mandiri, penerima KUR, tokoh agama, guru. " + kit.UNKNOWN_TIME
        ),
        decisions=(
            "“Kaltara Inisiatif” di 4 kabupaten dan 1 kota. Kartu peserta BPJS Ketenagakerjaan "
            "diserahkan kepada tenaga honorer Dinas Perhubungan dan Dinas PUPR."
        ),
        attendees=[
            ("Zainal A. Paliwang", "Gubernur", "Pemerintah Provinsi Kalimantan Utara"),
            ("Arif Wijahari", "Deputi Direktur Wilayah Kalimantan", "BPJS Ketenagakerjaan"),
            ("", "Kepala Kantor Cabang", "BPJS Ketenagakerjaan Cabang Tanjung Selor"),
        ],
    )
    kit.action(
        actor,
        meeting,
        description="Serahkan kartu peserta kepada honorer Dishub dan Dinas PUPR",
        owner="BPJS Ketenagakerjaan Cabang Tanjung Selor",
        due_date=dt.date(2021, 4, 13),
        status=FollowUpAction.Status.DONE,
        done_on=dt.date(2021, 4, 13),
    )
    kit.commitment(
        actor,
        meeting=meeting,
        region=kaltara,
        kind=Commitment.Kind.REGISTRATION,
        description="Kaltara Inisiatif: perluasan kepesertaan di 4 kabupaten dan 1 kota",
        responsible="Pemerintah Provinsi Kalimantan Utara",
    )
    return meeting


def seed_kolaka_timur_2021(actor: PortalUser) -> Meeting:
    koltim = Region.objects.get(code="74.11")
    meeting = kit.meeting(
        actor,
        title="Rapat kerja sama operasional (KSO) Jamsostek Kolaka Timur",
        host="74.11",
        kind=Meeting.Kind.KSO,
        starts_at=kit.at(koltim, dt.date(2021, 10, 14)),
        place="Ruang rapat Bupati Kolaka Timur",
        regions=[koltim],
        offices=kit.offices("kanwil-sulawesi-maluku", "cabang-kolaka"),
        chair="Makmur Watukila, Kepala Disnakertrans Kolaka Timur",
        summary="Rapat KSO dihadiri Kejaksaan Negeri. " + kit.UNKNOWN_TIME,
        decisions=(
            "Pemkab menganggarkan iuran bagi seluruh tenaga honorer non-ASN. Kolaka Timur sudah "
            "memiliki Perda tentang BPJS Ketenagakerjaan (satu-satunya di Sulawesi-Maluku)."
        ),
        attendees=[
            ("Makmur Watukila", "Kepala Dinas", "Disnakertrans Kabupaten Kolaka Timur"),
            (
                "Minarni Lukman",
                "Kepala BPJS Ketenagakerjaan Sulawesi Tenggara",
                "BPJS Ketenagakerjaan",
            ),
            ("Bachtiar Asyhari", "Kepala Kantor Cabang", "BPJS Ketenagakerjaan Cabang Kolaka"),
            ("", "Perwakilan", "Kejaksaan Negeri"),
        ],
    )
    kit.commitment(
        actor,
        meeting=meeting,
        region=koltim,
        kind=Commitment.Kind.BUDGET,
        description="Iuran BPJS Ketenagakerjaan bagi seluruh tenaga honorer non-ASN dianggarkan "
        "dalam APBD",
        responsible="Pemerintah Kabupaten Kolaka Timur",
        category_code="NON_ASN",
        status=Commitment.Status.IN_PROGRESS,
    )
    Regulation.objects.filter(region=koltim, kind=Regulation.Kind.PERDA).exists() or (
        services.regulation_save(
            actor=actor,
            regulation=Regulation(
                region=koltim,
                kind=Regulation.Kind.PERDA,
                number="",
                year=2021,
                title="Peraturan Daerah Kabupaten Kolaka Timur tentang BPJS Ketenagakerjaan",
                notes="Sudah berlaku pada rapat KSO 14 Oktober 2021; nomor dan tahun penetapan "
                "belum tercatat (tahun diisi 2021 sebagai batas paling lambat).",
            ),
        )
    )
    return meeting


def seed_kalbar_2021(actor: PortalUser) -> Meeting:
    kalbar = Region.objects.get(code="61")
    meeting = kit.meeting(
        actor,
        title="Koordinasi pemeriksaan bersama Disnakertrans Kalbar dan BPJS Ketenagakerjaan",
        host="61",
        kind=Meeting.Kind.COORDINATION,
        starts_at=kit.at(kalbar, dt.date(2021, 7, 1)),
        place="Pontianak",
        regions=[kalbar],
        offices=kit.offices("kanwil-kalimantan", "cabang-pontianak"),
        chair="Kepala Disnakertrans Provinsi Kalimantan Barat",
        summary=(
            "2021: 222.000 peserta terhadap target nasional 235.000 untuk provinsi. Tanggal "
            "persis tidak disebut sumber; dicatat 1 Juli 2021."
        ),
        decisions=(
            "Selisih 12.000–13.000 peserta ditutup dalam 4 bulan melalui pemeriksaan bersama "
            "dengan pengawas ketenagakerjaan; kerja sama per semester, menjadi permanen, "
            "bersama Apindo."
        ),
        attendees=[
            ("", "Kepala Dinas", "Disnakertrans Provinsi Kalimantan Barat"),
            ("", "Pengawas ketenagakerjaan", "Disnakertrans Provinsi Kalimantan Barat"),
            ("", "Perwakilan", "BPJS Ketenagakerjaan Kantor Wilayah Kalimantan"),
            ("", "Perwakilan", "Apindo Kalimantan Barat"),
        ],
    )
    kit.commitment(
        actor,
        meeting=meeting,
        region=kalbar,
        kind=Commitment.Kind.ENFORCEMENT,
        description="Pemeriksaan bersama untuk menutup selisih 13.000 peserta terhadap target "
        "235.000",
        responsible="Disnakertrans Provinsi Kalimantan Barat",
        workers=13000,
        due_date=dt.date(2021, 11, 1),
        status=Commitment.Status.IN_PROGRESS,
    )
    return meeting


JATIM_REGIONS = (
    "35.79",
    "35.72",
    "35.73",
    "35.75",
    "35.74",
    "35.13",
    "35.07",
    "35.09",
    "35.08",
    "35.10",
    "35.11",
    "35.05",
)


def seed_jatim_2022(actor: PortalUser) -> Meeting:
    host = Region.objects.get(code="35.74")
    concerned = kit.regions(*JATIM_REGIONS)
    meeting = kit.meeting(
        actor,
        title="Monev kepesertaan non-ASN dan pekerja rentan Jawa Timur",
        host="35.74",
        kind=Meeting.Kind.MONEV,
        starts_at=kit.at(host, dt.date(2022, 8, 22)),
        place="Hall Biru UPT PPP Mayangan, Kota Probolinggo",
        regions=concerned,
        offices=kit.offices("kanwil-jawa-timur", "cabang-probolinggo"),
        chair="Kemenko PMK",
        summary=(
            "Monitoring dan evaluasi perlindungan non-ASN dan pekerja rentan bersama Kemenko "
            "PMK, Setkab/KSP dan Kemendagri. " + kit.UNKNOWN_TIME
        ),
        decisions="Sebagian kabupaten belum menganggarkan perlindungan non-ASN.",
        attendees=[
            ("", "Perwakilan", "Kementerian Koordinator PMK"),
            ("", "Perwakilan", "Sekretariat Kabinet / Kantor Staf Presiden"),
            ("", "Perwakilan", "Kementerian Dalam Negeri"),
            *[("", "Kepala Dinas Sosial", region.name) for region in concerned],
        ],
    )
    kit.action(
        actor,
        meeting,
        description="Kabupaten/kota yang belum menganggarkan iuran non-ASN menyusun anggarannya",
        owner="Pemerintah kabupaten/kota peserta monev",
    )
    return meeting


MOU_SCOPE = "\n".join(
    [
        "Mengintegrasikan jaminan sosial ketenagakerjaan ke dalam RPD 2023–2026 dan RKPD 2024.",
        "Seluruh OPD mendukung perluasan kepesertaan melalui regulasi dan penganggaran.",
        "Memperluas layanan pendaftaran, pembayaran iuran dan klaim di seluruh provinsi.",
        "Meningkatkan kepesertaan pekerja bukan penerima upah (BPU).",
    ]
)


def seed_kalbar_mou_2023(actor: PortalUser) -> Agreement:
    kalbar = Region.objects.get(code="61")
    title = "Nota Kesepakatan optimalisasi jaminan sosial ketenagakerjaan di Kalimantan Barat"
    agreement = Agreement.objects.filter(title=title, region=kalbar).first()
    if agreement is None:
        agreement = services.agreement_save(
            actor=actor,
            agreement=Agreement(
                kind=Agreement.Kind.MOU,
                title=title,
                region=kalbar,
                office=Office.objects.get(code="kanwil-kalimantan"),
                scope=MOU_SCOPE,
                signed_place="Ruang Rapat Praja 1, Kantor Gubernur Kalimantan Barat",
            ),
            legal_bases=LegalBasis.objects.filter(
                short_name__in=["Inpres 2/2021", "Inpres 4/2022", "Permendagri 84/2022"]
            ),
        )
        services.signatory_set(
            actor=actor,
            agreement=agreement,
            people=[
                ("region", "Sutarmidji", "Gubernur Kalimantan Barat"),
                ("bpjs", "Rini Suryani", "Deputi Direktur Wilayah Kalimantan"),
            ],
        )
        services.agreement_sign(actor=actor, agreement=agreement, signed_on=dt.date(2023, 2, 21))
        services.agreement_activate(actor=actor, agreement=agreement)
    kit.meeting(
        actor,
        title="Penandatanganan Nota Kesepakatan Pemprov Kalbar dan BPJS Ketenagakerjaan",
        host="61",
        kind=Meeting.Kind.SIGNING,
        starts_at=kit.at(kalbar, dt.date(2023, 2, 21)),
        place="Ruang Rapat Praja 1, Kantor Gubernur Kalimantan Barat",
        regions=[kalbar],
        offices=kit.offices("kanwil-kalimantan"),
        chair="Sutarmidji, Gubernur Kalimantan Barat",
        summary="Penandatanganan nota kesepakatan. " + kit.UNKNOWN_TIME,
        attendees=[
            ("Sutarmidji", "Gubernur", "Pemerintah Provinsi Kalimantan Barat"),
            ("Rini Suryani", "Deputi Direktur Wilayah Kalimantan", "BPJS Ketenagakerjaan"),
        ],
    )
    kit.commitment(
        actor,
        agreement=agreement,
        region=kalbar,
        kind=Commitment.Kind.PLANNING,
        description="Jaminan sosial ketenagakerjaan masuk RPD 2023–2026 dan RKPD 2024",
        responsible="Pemerintah Provinsi Kalimantan Barat",
    )
    return agreement


@transaction.atomic
def seed() -> None:
    """Record the five events; safe to run again."""
    seed_offices()
    actor = kit.actor()
    seed_kaltara_2021(actor)
    seed_kolaka_timur_2021(actor)
    seed_kalbar_2021(actor)
    seed_jatim_2022(actor)
    seed_kalbar_mou_2023(actor)
