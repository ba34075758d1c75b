"""Commands behind the Makefile: ``python -m bot train|run|shell|validate``."""
import argparse
import subprocess
import sys

from bot import directory, model, servers, settings
from bot.paths import ROOT


def cmd_train(args: argparse.Namespace) -> int:
    model.train(force=args.force)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    config = settings.load()
    trained = model.train()
    print("Starting the action server and the Rasa server ...", flush=True)
    assistant = servers.start(config, trained)
    print(
        f"The assistant is ready.\n"
        f"  REST channel:      POST {assistant.rest_webhook}\n"
        f"  Socket.IO channel: {assistant.url}/socket.io\n"
        f"Press Ctrl-C to stop.",
        flush=True,
    )
    servers.wait_for_stop_signal(assistant)
    print("Stopped.")
    return 0


def cmd_shell(args: argparse.Namespace) -> int:
    config = settings.load()
    trained = model.train()
    assistant = servers.start(config, trained, with_rasa=False)
    try:
        return subprocess.run(servers.rasa_command("shell", trained), cwd=ROOT, env=config.env()).returncode
    finally:
        assistant.stop()


def cmd_validate(args: argparse.Namespace) -> int:
    """Rasa's own checks (warnings count as failures), then the contact directory."""
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--fail-on-warnings"],
        cwd=ROOT, env=settings.load().env(),
    )
    try:
        directory.load()
    except directory.DirectoryError as error:
        print(error, file=sys.stderr)
        return 1
    return result.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a model if the data or config changed")
    train.add_argument("--force", action="store_true", help="train even if a model is up to date")
    train.set_defaults(func=cmd_train)
    commands.add_parser("run", help="start the assistant").set_defaults(func=cmd_run)
    commands.add_parser("shell", help="talk to the assistant in the terminal").set_defaults(func=cmd_shell)
    commands.add_parser("validate", help="check the training data and contacts").set_defaults(func=cmd_validate)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
