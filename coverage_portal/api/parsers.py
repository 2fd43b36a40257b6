"""The API's JSON parser, bounded before it parses.

A body longer than the largest import is refused (413) from its Content-Length, and is
never read past that bound when the header lies; nesting deeper than
bounds.JSON_MAX_DEPTH, numbers of more digits than any bound has, NaN and Infinity, NUL
and numbers written in other scripts' digits are refused (400), each with a message. Tens of
thousands of `[` cost one bounded read and a RecursionError caught at once, never a 500.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Mapping
from typing import IO, Any

from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser

from regions import bounds
from regions.values.numbers import other_script_digits, read_digits

MAX_NUMBER_CHARS = 40


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


class BoundedJSONParser(JSONParser):
    def parse(
        self,
        stream: IO[bytes] | None,
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        if stream is None:
            return None
        request = (parser_context or {}).get("request")
        meta = getattr(request, "META", {})
        length = read_digits(meta.get("CONTENT_LENGTH") or "0", max_digits=15)
        if length is None or length > bounds.IMPORT_MAX_BYTES:
            raise _too_large()
        body = stream.read(bounds.IMPORT_MAX_BYTES + 1)
        if len(body) > bounds.IMPORT_MAX_BYTES:
            raise _too_large()
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        try:
            text = codecs.decode(body, encoding)
            data = json.loads(text, parse_int=_whole, parse_float=_decimal, parse_constant=_nan)
        except RecursionError:
            raise _too_deep() from None
        except ValueError as error:
            raise ParseError(_("The body is not valid JSON: %(why)s") % {"why": error}) from None
        _check(data)
        return data


def _too_large() -> BodyTooLarge:
    limit = bounds.IMPORT_MAX_BYTES // (1024 * 1024)
    return BodyTooLarge(_("This request is too large: at most %(limit)s MB.") % {"limit": limit})


def _too_deep() -> ParseError:
    return ParseError(
        _("The JSON is nested too deeply: at most %(depth)s levels.")
        % {"depth": bounds.JSON_MAX_DEPTH}
    )


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_CHARS:
        raise ValueError(_("a number of more than %(n)s digits") % {"n": MAX_NUMBER_CHARS})
    return int(text)


def _decimal(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise ValueError(_("a number of more than %(n)s digits") % {"n": MAX_NUMBER_CHARS})
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(_("a number too large"))
    return value


def _nan(text: str) -> Any:
    raise ValueError(_("%(value)s is not a number") % {"value": text})


def _check(data: Any) -> None:
    """Depth, NUL and numbers in other scripts' digits, walked without recursion."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > bounds.JSON_MAX_DEPTH:
                raise _too_deep()
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                stack.append((item, depth + 1))
                if isinstance(key, str):
                    stack.append((key, depth + 1))
        elif isinstance(value, str):
            if "\x00" in value:
                raise ParseError(str(bounds.CONTROL_CHARACTERS))
            if other_script_digits(value):
                raise ParseError(str(bounds.FOREIGN_DIGITS))
