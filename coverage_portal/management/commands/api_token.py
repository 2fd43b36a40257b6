from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coverage_portal.api.tokens import token_create


class Command(BaseCommand):
    help = "Create an API token for a user; the token is the last word of the last line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"No user {options['username']!r}.")
        try:
            token, text = token_create(actor=user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        expiry = f"{token.expiry:%Y-%m-%d}" if token.expiry else "never"
        self.stdout.write(f"API token for {user.get_username()} (expires {expiry}; shown once):")
        self.stdout.write(text)
