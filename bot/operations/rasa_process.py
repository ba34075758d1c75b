"""`rasa run` (or `rasa shell`) with this project's safeguards, and with the HTTP API switched
on from the environment, not the command line.

Every way of starting a Rasa server here goes through this module, so it is where the safeguards
are installed on whatever app Rasa builds (bot/safeguards/bootstrap.py).

Rasa takes its API token only as a command-line flag, and every user of a machine can read every
process's command line (`ps`). The servers start this module instead of `rasa`, with the token in
RASA_API_TOKEN (set by bot/operations/settings.py for the Rasa server only, never the action server), and it
adds the flags to its own argument list, which no other process can see.
"""
import os
import sys

from bot.operations.setting_values import API_TOKEN_VARIABLE


def main() -> None:
    token = os.environ.get(API_TOKEN_VARIABLE, "")
    if token:
        sys.argv += ["--enable-api", "--auth-token", token]
    from rasa.__main__ import main as rasa_main

    from bot.safeguards import bootstrap

    bootstrap.wrap_rasa()

    rasa_main()


if __name__ == "__main__":
    main()
