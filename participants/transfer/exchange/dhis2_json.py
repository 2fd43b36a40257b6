"""DHIS2's JSON data value set, read and written."""

from __future__ import annotations

import json
from typing import Any

from django.utils.translation import gettext as _

from participants.transfer.exchange import document
from participants.transfer.exchange.codes import ACTIVE, DATA_SET, DEFAULT_COMBO, dhis2_format
from participants.transfer.exchange.export import ExportedCount, period_values
from participants.transfer.exchange.values import FormatError, Parsed

MAX_BYTES = 20 * 1024 * 1024


def read(body: bytes) -> Parsed:
    if len(body) > MAX_BYTES:
        raise FormatError(str(_("The document is larger than 20 MB.")))
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:  # bad JSON, bad UTF-8, a 5.000-digit number
        message = _("The body is not valid JSON: %(error)s") % {"error": str(error)[:120]}
        raise FormatError(str(message)) from error
    if not isinstance(data, dict) or not isinstance(data.get("dataValues"), list):
        raise FormatError(str(_("Send an object with a list `dataValues`.")), "dataValues")
    header = {k: v for k, v in data.items() if k != "dataValues"}
    return document.read(header, data["dataValues"])


def value_dict(
    count: ExportedCount, measure: str, value: int | None, comment: str
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "dataElement": count.category,
        "period": dhis2_format(count.period),
        "orgUnit": count.region,
        "categoryOptionCombo": measure,
        "attributeOptionCombo": DEFAULT_COMBO,
        "value": "" if value is None else str(value),
        "lastUpdated": count.updated_at.isoformat(),
        "followup": False,
    }
    if comment:
        item["comment"] = comment
    if count.deleted and measure == ACTIVE:
        item["deleted"] = True
    return item


def write(counts: list[ExportedCount], include_deleted: bool = False) -> dict[str, Any]:
    values = [value_dict(*row) for row in period_values(counts, include_deleted)]
    body: dict[str, Any] = {"dataSet": DATA_SET}
    periods = {c.period for c in counts}
    units = {c.region for c in counts}
    if len(periods) == 1:
        body["period"] = dhis2_format(next(iter(periods)))
    if len(units) == 1:
        body["orgUnit"] = next(iter(units))
    body["dataValues"] = values
    return body
