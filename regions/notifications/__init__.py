"""Notifications for every app: a message key and its parameters, rendered in the reader's language.

They live on floor 1 so that participants (the report workflow) and agreements (reminders)
can both send them without importing each other. An app registers the sentences behind its
keys (`messages.register`) when it starts; a row stores only the key and the parameters, so
an English reader sees English and an Indonesian reader Indonesian, whoever caused the event.
"""
