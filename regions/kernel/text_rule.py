"""The text rule of regions/bounds.py on a whole model at once: every CharField and TextField
gets a length bound and the control-character rule, in its validators and in one CHECK
constraint in the database.

    @bounded_text
    class Meeting(models.Model):
        title = models.CharField(max_length=300)   # single line, 300 characters
        summary = models.TextField(blank=True)       # multi-line, LONG_TEXT_CHARS characters

A CharField is single-line text bounded by its max_length; a TextField is multi-line text
(tab and line breaks allowed) bounded by LONG_TEXT_CHARS. A field says otherwise by declaring
its own `PlainText(...)` or `MaxLengthValidator(...)`. The model's history table
(django-simple-history), when it has one, gets the same rule. A new field of a decorated
model is covered by the next `makemigrations`; tests/regions/kernel/test_text_rule.py fails for a
model without the decorator.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from regions.kernel.bounds import (
    LONG_TEXT_CHARS,
    MULTI_LINE_PATTERN,
    SINGLE_LINE_PATTERN,
    PlainText,
)

M = TypeVar("M", bound=type[models.Model])

TEXT_FIELDS = (models.CharField, models.TextField)


class TextCheck(models.CheckConstraint):
    """The database's copy of the field validators. Model validation leaves it to them: they
    say the same in the reader's language, without a query per save."""

    def validate(self, *args: Any, **kwargs: Any) -> None:
        return None


def text_rule_of(field: models.Field[Any, Any]) -> tuple[bool, int]:
    """(multi-line, longest length) of a text field, from its validators."""
    rules = [v for v in field.validators if isinstance(v, PlainText)]
    lengths = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    if not rules or not lengths:
        raise ValueError(f"{field} has no text rule: decorate its model with @bounded_text")
    return rules[0].multiline, min(lengths)


def _give_rule(field: models.Field[Any, Any]) -> None:
    added: list[Any] = []
    if not any(isinstance(v, PlainText) for v in field._validators):  # type: ignore[attr-defined]
        added.append(PlainText(multiline=isinstance(field, models.TextField)))
    # A CharField's own max_length validator counts; a TextField's max_length is a form hint.
    if not any(isinstance(v, MaxLengthValidator) for v in field.validators):
        added.append(MaxLengthValidator(field.max_length or LONG_TEXT_CHARS))
    if added:
        # A new list: copied fields (history tables, abstract bases) share the old one.
        field._validators = [*field._validators, *added]  # type: ignore[attr-defined]
        if "validators" in field.__dict__:  # CharField computed it to add its max_length
            field.__dict__["validators"] = [*field.__dict__["validators"], *added]


def _decorate(model: type[models.Model]) -> None:
    condition = models.Q()
    for field in model._meta.local_concrete_fields:
        if not isinstance(field, TEXT_FIELDS):
            continue
        _give_rule(field)
        multiline, limit = text_rule_of(field)
        pattern = MULTI_LINE_PATTERN if multiline else SINGLE_LINE_PATTERN
        condition &= models.Q(LessThanOrEqual(Length(field.name), limit)) & ~models.Q(
            **{f"{field.name}__regex": pattern}
        )
    if not condition:
        return
    meta = model._meta
    name = f"{meta.app_label}_{meta.model_name}_text_is_plain"
    meta.constraints = [
        *(c for c in meta.constraints if c.name != name),
        TextCheck(condition=condition, name=name),
    ]
    # The migration autodetector reads constraints only when Meta declared some.
    meta.original_attrs["constraints"] = meta.constraints


def bounded_text(model: M) -> M:
    """Class decorator: the text rule on every CharField and TextField of `model`."""
    _decorate(model)
    history = getattr(model._meta, "simple_history_manager_attribute", None)
    if history:
        _decorate(getattr(model, history).model)
    return model
