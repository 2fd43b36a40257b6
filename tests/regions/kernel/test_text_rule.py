"""Every text field of every model of the portal has a length bound and the control-character
rule, in the model and in the database: the fields are found through the app registry, so a
new model or field without the rule (see regions/text_rule.py) fails here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, models, transaction

from regions.text_rule import TEXT_FIELDS, text_rule_of

pytestmark = pytest.mark.django_db

PROJECT = Path(settings.BASE_DIR).resolve()


def _portal_models() -> list[type[models.Model]]:
    ours = [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(PROJECT) and ".venv" not in config.path
    ]
    return [model for config in ours for model in config.get_models() if model._meta.managed]


def _text_fields() -> list[tuple[type[models.Model], Any]]:
    return [
        (model, field)
        for model in _portal_models()
        for field in model._meta.local_concrete_fields
        if isinstance(field, TEXT_FIELDS)
    ]


def test_the_portal_has_text_fields_to_check():
    labels = {model._meta.label for model, _field in _text_fields()}
    # Live tables and their history tables, in every app.
    assert {"agreements.Meeting", "participants.HistoricalCategory", "regions.Office"} <= labels
    assert len(_text_fields()) >= 100


def test_every_text_field_has_the_rule_in_the_model():
    missing = []
    for model, field in _text_fields():
        try:
            text_rule_of(field)
        except ValueError:
            missing.append(f"{model._meta.label}.{field.name}")
    assert missing == []


@pytest.mark.parametrize(
    ("value", "field"),
    [("Pekerja\x1b rentan", "description"), ("x" * 20_001, "description"), ("A\x85", "name_id")],
)
def test_a_model_refuses_a_control_character_or_an_overlong_text(value, field):
    from participants.models import Category

    category = Category(code="RENTAN", name_id="Rentan", name_en="Vulnerable")
    setattr(category, field, value)
    with pytest.raises(ValidationError) as refused:
        category.full_clean()
    assert field in refused.value.message_dict


def _refusal(cursor: Any, table: str, column: str, value: str) -> str | None:
    """What refused a row holding only `value` in `column`: a constraint's name, the column
    type's length (22001), or None when it was stored."""
    try:
        with transaction.atomic():
            cursor.execute(f'INSERT INTO {table} ("{column}") VALUES (%s)', [value])
    except DatabaseError as error:
        diag = error.__cause__.diag  # type: ignore[union-attr]
        return diag.constraint_name or diag.sqlstate
    return None


def test_the_database_refuses_what_the_model_refuses():
    """Each table is copied with its CHECK constraints and column types (LIKE … INCLUDING
    CONSTRAINTS), without NOT NULL, so one raw INSERT tries one column at a time."""
    problems = []
    with connection.cursor() as cursor:
        for model in {model for model, _field in _text_fields()}:
            probe = f"probe_{model._meta.db_table}"[:60]
            cursor.execute(
                f'CREATE TEMP TABLE "{probe}" (LIKE "{model._meta.db_table}" INCLUDING CONSTRAINTS)'
            )
            for column in model._meta.local_concrete_fields:
                if not column.null:
                    cursor.execute(
                        f'ALTER TABLE "{probe}" ALTER COLUMN "{column.column}" DROP NOT NULL'
                    )
            rule = f"{model._meta.app_label}_{model._meta.model_name}_text_is_plain"
            for field in model._meta.local_concrete_fields:
                if not isinstance(field, TEXT_FIELDS):
                    continue
                multiline, limit = text_rule_of(field)
                name = f"{model._meta.label}.{field.name}"
                fine = "a\r\n\tb" if multiline else "ok"[:limit]
                # Other constraints may refuse a row of one column, never this one.
                if _refusal(cursor, f'"{probe}"', field.column, fine) == rule:
                    problems.append(f"{name} refuses {fine!r}")
                for hostile in ("a\x07b", "a\x9bb", "x" * (limit + 1)):
                    refusal = _refusal(cursor, f'"{probe}"', field.column, hostile)
                    if refusal is None or refusal not in {rule, "22001"}:
                        problems.append(f"{name} stores {hostile[:8]!r}…")
            cursor.execute(f'DROP TABLE "{probe}"')
    assert problems == []
