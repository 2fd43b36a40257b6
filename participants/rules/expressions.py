"""The rule language: a small arithmetic over the figures of one regency and month.

    expression := term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*
    factor     := NUMBER | "-" factor | "(" expression ")" | figure
    figure     := CODE shift?                         a category's active participants
                | "workforce" "(" KIND ")" shift?     the workforce total of a kind
                | "target" "(" CODE ")" shift?        the year's target of a category
    shift      := "[" ("previous" | "last_year") "]"  the month before / a year before

A hand parser over a fixed token set: nothing is ever evaluated as Python. Every refusal is a
ValidationError with a message saying what and where, so a form shows it and an API answers 400.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_LENGTH = 300
MAX_DEPTH = 12
SHIFTS = {"previous": "previous", "sebelumnya": "previous", "last_year": "last_year"}
SHIFTS["tahun_lalu"] = "last_year"
FUNCTIONS = {"workforce": "workforce", "angkatan_kerja": "workforce", "target": "target"}
TOKEN = re.compile(
    r"[ \t]*(?:(?P<number>[0-9]+(?:\.[0-9]+)?)"
    r"|(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>[-+*/()\[\]]))"
)


@dataclass(frozen=True)
class Figure:
    """One figure a rule reads: kind is "count", "workforce" or "target"."""

    kind: str
    code: str
    shift: str = ""  # "", "previous" or "last_year"


@dataclass(frozen=True)
class Number:
    value: Decimal


@dataclass(frozen=True)
class Negative:
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node


Node = Figure | Number | Negative | Binary


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="expression")


def _tokens(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    position = 0
    stripped = text.rstrip(" \t")
    while position < len(stripped):
        match = TOKEN.match(stripped, position)
        if match is None or match.end() == position:
            where = stripped[position:].lstrip()[:10]
            raise _refuse(_("Unexpected text at “%(text)s”.") % {"text": where})
        kind = match.lastgroup or "op"
        found.append((kind, match.group(kind)))
        position = match.end()
    return found


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.at = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> tuple[str, str]:
        if self.at >= len(self.tokens):
            raise _refuse(_("The expression ends too early."))
        token = self.tokens[self.at]
        if expected is not None and token[1] != expected:
            raise _refuse(
                _("Expected “%(expected)s” before “%(found)s”.")
                % {"expected": expected, "found": token[1][:20]}
            )
        self.at += 1
        return token

    def expression(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _refuse(_("The expression is nested too deeply."))
        node = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()[1]
            node = Binary(op, node, self.term())
        self.depth -= 1
        return node

    def term(self) -> Node:
        node = self.factor()
        while self.peek() in ("*", "/"):
            op = self.take()[1]
            node = Binary(op, node, self.factor())
        return node

    def factor(self) -> Node:
        kind, text = self.take()
        if text == "-":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise _refuse(_("The expression is nested too deeply."))
            negative = Negative(self.factor())
            self.depth -= 1
            return negative
        if text == "(":
            inner = self.expression()
            self.take(")")
            return inner
        if kind == "number":
            return Number(Decimal(text))
        if kind == "name":
            return self.figure(text)
        raise _refuse(_("Unexpected “%(text)s”.") % {"text": text})

    def figure(self, name: str) -> Figure:
        if name in FUNCTIONS:
            self.take("(")
            kind, code = self.take()
            if kind != "name":
                raise _refuse(_("Expected a code inside %(name)s(…).") % {"name": name})
            self.take(")")
            return Figure(FUNCTIONS[name], code, self.shift())
        return Figure("count", name, self.shift())

    def shift(self) -> str:
        if self.peek() != "[":
            return ""
        self.take("[")
        word = self.take()[1]
        if word not in SHIFTS:
            raise _refuse(_("Use [previous] or [last_year], not “%(word)s”.") % {"word": word[:20]})
        self.take("]")
        return SHIFTS[word]


def parse(text: str) -> Node:
    """The expression's tree, or a ValidationError saying what is wrong with it."""
    if not isinstance(text, str) or not text.strip():
        raise _refuse(_("Enter an expression."))
    if len(text) > MAX_LENGTH:
        raise _refuse(_("Keep an expression under %(limit)s characters.") % {"limit": MAX_LENGTH})
    parser = _Parser(_tokens(text))
    node = parser.expression()
    if parser.peek() is not None:
        raise _refuse(_("Unexpected “%(text)s”.") % {"text": (parser.peek() or "")[:20]})
    return node


def figures(node: Node) -> Iterator[Figure]:
    """Every figure the expression reads."""
    if isinstance(node, Figure):
        yield node
    elif isinstance(node, Negative):
        yield from figures(node.operand)
    elif isinstance(node, Binary):
        yield from figures(node.left)
        yield from figures(node.right)


def evaluate(node: Node, lookup: Callable[[Figure], int | None]) -> Decimal | None:
    """The value, or None when a figure is unknown (∅, no report yet) or a division is by 0:
    an unknown operand skips the rule, it never counts as 0."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Figure):
        value = lookup(node)
        return None if value is None else Decimal(value)
    if isinstance(node, Negative):
        inner = evaluate(node.operand, lookup)
        return None if inner is None else -inner
    left, right = evaluate(node.left, lookup), evaluate(node.right, lookup)
    if left is None or right is None:
        return None
    try:
        return _apply(node.op, left, right)
    except (ArithmeticError, InvalidOperation):
        return None


def _apply(op: str, left: Decimal, right: Decimal) -> Decimal | None:
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else left / right
