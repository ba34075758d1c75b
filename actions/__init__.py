"""Custom actions for the Rasa action server (``python -m rasa_sdk --actions actions``).

Importing the package also puts the log filter on the action server's own logs, so that what a
person typed (it arrives in each request's tracker) is never written there either.
"""
from bot.safeguards import log_redaction

log_redaction.install()
