"""The API's settings (DRF, knox, drf-spectacular), plain values that settings.py takes in.

Kept beside the API they configure; importing this module loads no Django code.
"""

from datetime import timedelta

# Knox keeps only a SHA-512 digest of each token; a token lives 90 days unless revoked earlier.
API_SETTINGS: dict[str, object] = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: its WWW-Authenticate header makes DRF answer 401, not 403.
        "knox.auth.TokenAuthentication",
        # DHIS2 clients: a portal token as `ApiToken <t>`, or a password (HTTP Basic).
        "coverage_portal.api.auth.ApiTokenAuthentication",
        "coverage_portal.api.auth.AxesBasicAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["coverage_portal.api.guards.MayView"],
    "DEFAULT_THROTTLE_CLASSES": ["coverage_portal.api.guards.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": "1200/minute"},
    "DEFAULT_PAGINATION_CLASS": "coverage_portal.api.base.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "coverage_portal.api.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "coverage_portal.api.schema.PortalSchema",
    "COERCE_DECIMAL_TO_STRING": False,
}
REST_KNOX = {"TOKEN_TTL": timedelta(days=90), "TOKEN_LIMIT_PER_USER": 10}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coverage Portal API",
    "DESCRIPTION": (
        "Employment social-security coverage per Indonesian region (Inpres 2/2021): regions, "
        "monthly participant counts and their workflow, workforce totals, targets, coverage, "
        "agreements, and DHIS2's Web API (dataValueSets, metadata) / IHE ADX exchange. Send "
        "`Authorization: Token <token>` (or DHIS2's `ApiToken <token>`; create one on the "
        "portal's API tokens page or with `manage.py api_token`), or HTTP Basic over HTTPS."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": r"/api(/v1)?",
    # The schema declares the portal's own token and the session; the DHIS2-style headers
    # (ApiToken, Basic) are the same accounts, described in the text above.
    "AUTHENTICATION_WHITELIST": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Deep links put a link inside each operation's expand button (nested controls that screen
    # readers may not announce); the operations are still reached through their tags.
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "ENUM_NAME_OVERRIDES": {
        "ReportStatusEnum": "participants.models.MonthlyReport.Status",
        "AgreementStatusEnum": "agreements.models.Agreement.Status",
        "CommitmentStatusEnum": "agreements.models.Commitment.Status",
        "ImportStatusEnum": ["SUCCESS", "WARNING", "ERROR"],
        "WebMessageStatusEnum": ["OK", "WARNING", "ERROR"],
    },
}

# The public page: how long its figures are cached, and how many requests an address may send.
PUBLIC_CACHE_SECONDS = 300
PUBLIC_RATE_PER_MINUTE = 60

__all__ = [
    "API_SETTINGS",
    "PUBLIC_CACHE_SECONDS",
    "PUBLIC_RATE_PER_MINUTE",
    "REST_KNOX",
    "SPECTACULAR_SETTINGS",
]
