"""Every page of the site under axe, as the role that uses it sees it: the addresses the axe walk
loads (with the world's ids filled in), the pages it reaches by a step instead of an address, and
the views that are not pages (files, POST-only steps) with the reason. A test checks the three
together cover every view in the URLconf, so a new page cannot skip the walk.
"""

from __future__ import annotations

ANONYMOUS = {
    "login": "/accounts/login/",
    "public": "/publik/",
    "password-reset": "/accounts/password_reset/",
    "password-reset-sent": "/accounts/password_reset/done/",
    "password-reset-bad-link": "/accounts/reset/MQ/bad-token/",
    "password-reset-complete": "/accounts/reset/done/",
}

OFFICER = {
    "home-officer": "/",
    "grid": "/laporan/61/{due}/",
    "grid-returned": "/laporan/61/{earlier}/",
    "grid-read-only": "/laporan/61/{before}/",
    "report-list": "/laporan/",
    "report-history": "/laporan/61/{before}/riwayat/",
    "cell-history": "/laporan/61/{before}/riwayat/61.01/PU/",
    "import-upload": "/laporan/impor/",
    "export": "/laporan/ekspor/",
    "agreement-list": "/kesepakatan/",
    "agreement-detail": "/kesepakatan/{agreement}/",
    "agreement-form": "/kesepakatan/baru/",
    "agreement-edit": "/kesepakatan/{agreement}/ubah/",
    "meeting-list": "/kesepakatan/rapat/",
    "meeting-detail": "/kesepakatan/rapat/{meeting}/",
    "meeting-form": "/kesepakatan/rapat/baru/",
    "meeting-edit": "/kesepakatan/rapat/{meeting}/ubah/",
    "notifications": "/notifikasi/",
    "coverage": "/cakupan/",
    "coverage-61": "/cakupan/61/",
    "password-change": "/accounts/password_change/",
    "password-changed": "/accounts/password_change/done/",
    "api-tokens": "/api/tokens/",
}

OTHERS = {
    "viewer": {
        "home-viewer": "/",
        "dashboard-national": "/dasbor/",
        "dashboard-province": "/dasbor/provinsi/61/",
        "dashboard-regency": "/dasbor/kabupaten/61.71/",
        "province-report": "/dasbor/provinsi/61/laporan/",
        "scorecard": "/dasbor/skor/",
        "completeness": "/dasbor/kelengkapan/",
        "completeness-61": "/dasbor/kelengkapan/61/",
        "coverage-viewer": "/cakupan/",
        "coverage-61-viewer": "/cakupan/61/",
        "pivot-viewer": "/analisis/pivot/",
        "reporting-viewer": "/analisis/pelaporan/",
        "regions": "/wilayah/",
        "province": "/provinsi/61/",
        "regency": "/kabupaten/61.71/",
    },
    # As the officer, who may mark and close: an outlier, a violated rule, an open and a
    # closed follow-up are on them (`analysis_state`), so axe checks the tables and forms.
    "officer": {
        "outliers": "/laporan/pencilan/",
        "rule-results": "/laporan/aturan/hasil/",
        "followups": "/laporan/tindak-lanjut/",
    },
    "approver": {"home-approver": "/", "grid-approver": "/laporan/61/{waiting}/"},
    "branch": {
        "home-branch": "/",
        "agreement-list-branch": "/kesepakatan/",
        "commitment-list": "/kesepakatan/komitmen/",
        "commitment-detail": "/kesepakatan/komitmen/{commitment}/",
        "commitment-form": "/kesepakatan/komitmen/baru/?agreement={agreement}",
        "commitment-edit": "/kesepakatan/komitmen/{commitment}/ubah/",
        "regulation-list": "/kesepakatan/regulasi/",
        "regulation-detail": "/kesepakatan/regulasi/{regulation}/",
        "regulation-form": "/kesepakatan/regulasi/baru/",
        "regulation-edit": "/kesepakatan/regulasi/{regulation}/ubah/",
        "budget-list": "/kesepakatan/anggaran/",
        "budget-form": "/kesepakatan/anggaran/baru/",
        "budget-edit": "/kesepakatan/anggaran/{budget}/ubah/",
        "timeline": "/kesepakatan/wilayah/61/linimasa/",
        "agreement-notifications": "/kesepakatan/notifikasi/",
    },
    "admin": {"home-admin": "/", "admin-index": "/admin/", "rules-admin": "/laporan/aturan/"},
}

# Pages the walk reaches by doing something (their address holds a token made on the way).
BY_STEP = {
    "participants:import-preview-page": "an upload with a problem, in the officer's walk",
    "api:docs": "tests/browser/api_docs.py: as loaded, tried out and executed by keyboard",
}

NOT_PAGES = {
    "healthz": "JSON for the supervisor",
    "logout": "POST only",
    "dashboards:boundaries": "GeoJSON",
    "dashboards:export": "a CSV or XLSX file",
    "dashboards:report-pdf": "a PDF file",
    "analysis:pivot-csv": "a CSV file",
    "analysis:pivot-xlsx": "an XLSX file",
    "analysis:reporting-csv": "a CSV file",
    "analysis:infographic": "a PNG file",
    "participants:import-preview": "POST only: answers with the preview page's address",
    "participants:import-apply": "POST only",
    "participants:import-cancel": "POST only",
    "participants:import-template": "an XLSX file",
    "participants:followup-mark": "POST only",
    "participants:followup-close": "POST only",
    "participants:submit": "POST only",
    "participants:approve": "POST only",
    "participants:send-back": "POST only",
    "participants:reopen": "POST only",
    "agreements:commitment-status": "POST only",
    "agreements:meeting-ics": "an iCalendar file",
    "agreements:action-complete": "POST only",
    "agreements:agreement-step": "POST only: the steps are buttons on the agreement's page",
    "agreements:document-upload": "POST only: the form is on its owner's page",
    "agreements:document-download": "the stored file",
    "agreements:document-delete": "POST only",
    "public:csv": "a CSV file",
    "public:json": "JSON",
    "public:all-csv": "a CSV file",
    "public:datapackage": "a data package descriptor",
    "public:dcat": "a DCAT catalogue",
    "notification-read": "POST only",
    "api:token-new": "POST only",
    "api:token-rotate": "POST only",
    "api:token-revoke": "POST only",
}
