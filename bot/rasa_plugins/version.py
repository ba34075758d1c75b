"""The Rasa release this code was written and tested against.

bot/rasa_plugins/ relies on Rasa's internals (bot/rasa_plugins/PATCHES.md), which can change in
any release without notice. The server refuses to start on any other release, so an upgrade is
a deliberate step: check each patch in the table, run `make test`, then change WRITTEN_FOR.
"""
from typing import Optional

WRITTEN_FOR = "3.6.21"


def problem(installed: Optional[str] = None) -> Optional[str]:
    """Why this Rasa release cannot be used, or None when it is the one we were written for."""
    if installed is None:
        import rasa

        installed = rasa.__version__
    if installed == WRITTEN_FOR:
        return None
    return (f"this code was written for Rasa {WRITTEN_FOR}, and Rasa {installed} is installed: check each "
            "entry in bot/rasa_plugins/PATCHES.md and run `make test`, then change WRITTEN_FOR")
