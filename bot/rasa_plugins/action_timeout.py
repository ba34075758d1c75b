"""How long the Rasa server waits for the action server before answering without it.

Rasa 3.6 waits up to five minutes for a custom action, and has no setting for it. Our two
actions only add to answers that stand on their own (the 999 guidance, the awareness week's
yearly rule), so a slow or stopped action server must not hold a reply. This sets Rasa's wait,
in the Rasa server's own process, to ACTION_TIMEOUT_SECONDS (default 5); after it, Rasa logs the
failure and carries on with the static answer.
"""
import rasa.core.actions.action as rasa_actions


def apply(seconds: float) -> None:
    # Rasa reads this module-level name each time it calls the action server.
    rasa_actions.DEFAULT_REQUEST_TIMEOUT = seconds


def current() -> float:
    """Rasa's wait now (the start-up check compares it with the setting)."""
    return rasa_actions.DEFAULT_REQUEST_TIMEOUT
