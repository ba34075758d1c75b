"""Commands behind the Makefile: ``python -m bot train|run|shell|validate``."""
import argparse
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Union

from bot.operations import models, processes, retention, scaled_set, settings, supervisor
from bot.paths import ROOT
from bot.rules import directory
from bot.staff import edit, links, stats, validate


def cmd_train(args: argparse.Namespace) -> int:
    models.train(force=args.force)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    config = settings.load()
    trained = models.train()
    print("Starting the action server and the Rasa server ...", flush=True)
    assistant = processes.start(config, trained, follow_project=True)
    return serve_until_stopped(assistant, kept_in(config, f"SQLite ({config.tracker_db})"))


def cmd_run_scaled(args: argparse.Namespace) -> int:
    config = settings.load()
    trained = models.train()
    print(f"Starting {config.rasa_replicas} Rasa servers and {config.action_replicas} action servers "
          "behind nginx, with PostgreSQL and Redis ...", flush=True)
    assistant = scaled_set.start(config, trained, Path(args.folder).resolve(), log=sys.stdout, follow_project=True)
    return serve_until_stopped(assistant, kept_in(config, f"PostgreSQL ({args.folder}/postgres)"))


def kept_in(config: settings.Settings, local: str) -> str:
    return "PostgreSQL (DATABASE_URL)" if config.database_url else local


def serve_until_stopped(assistant: Union[processes.Assistant, scaled_set.ScaledAssistant],
                        conversations_in: str) -> int:
    """Say where to talk to the assistant, then keep it running until Ctrl-C or SIGTERM."""
    print(
        f"The assistant is ready.\n"
        f"  Demo page:         {assistant.url}/chat/\n"
        f"  REST channel:      POST {assistant.rest_webhook}\n"
        f"  Socket.IO channel: {assistant.url}/socket.io\n"
        f"  Conversations in:  {conversations_in}\n"
        f"After `make train` (or `make reload`) it answers with the new model within seconds.\n"
        f"Press Ctrl-C to stop.",
        flush=True,
    )
    supervisor.wait_for_stop_signal(assistant)
    print("Stopped.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """One kind of server only, for a container (docs/scaling.md): no training, the model must be
    in the image already; the Rasa server's supervisor also runs the daily purge."""
    config = settings.load()
    trained = models.current_model_path()
    if args.part == processes.RASA and not trained.exists():
        print(f"No model for the current data at {trained}: run `make train` when building the image.", file=sys.stderr)
        return 1
    server = processes.start(config, trained, parts=[args.part], follow_project=True)
    print(f"The {args.part} server is ready.", flush=True)
    supervisor.wait_for_stop_signal(server, purge=args.part == processes.RASA)
    return 0


def cmd_shell(args: argparse.Namespace) -> int:
    config = settings.load()
    trained = models.train()
    assistant = processes.start(config, trained, parts=[processes.ACTIONS])
    assistant.processes.append(processes.start_model_server(config, trained, None))
    try:
        return subprocess.run(processes.rasa_command("shell", trained), cwd=ROOT, env=config.env()).returncode
    finally:
        assistant.stop()


def cmd_validate(args: argparse.Namespace) -> int:
    return validate.run(Path(args.root).resolve(), with_rasa=not args.quick)


def cmd_check_links(args: argparse.Namespace) -> int:
    return links.report(links.check_links(links.directory_links(directory.load()), args.timeout))


def cmd_stats(args: argparse.Namespace) -> int:
    config = settings.load()
    kept_for = config.unclear_messages_retention_days if config.keep_unclear_messages else None
    return stats.run(config.tracker_url, Path(args.csv) if args.csv else None, sys.stdout, kept_for)


def cmd_purge(args: argparse.Namespace) -> int:
    config = settings.load()
    removed = retention.purge(config.tracker_url, config.retention_days, time.time())
    if removed is None:
        print("Another server is deleting old conversations right now; nothing more to do.")
    else:
        print(f"Deleted {removed} conversation(s) with nothing newer than {config.retention_days} days.")
    blanked = retention.forget_unclear_text(config.tracker_url, config.unclear_messages_retention_days, time.time())
    print(f"Blanked the kept text of {blanked} message(s) not understood, older than "
          f"{config.unclear_messages_retention_days} days.")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    """Run one editing command; a refused edit prints why and changes nothing."""
    try:
        if args.command == "add-example":
            changed = edit.add_example(ROOT, args.intent, args.text)
        elif args.command == "add-intent":
            examples = list(args.example)
            if args.examples_file:
                lines = Path(args.examples_file).read_text(encoding="utf-8").splitlines()
                examples += [line.strip() for line in lines if line.strip()]
            changed = edit.add_intent(ROOT, args.name, Path(args.file), examples, args.answer)
        elif args.command == "set-response":
            changed = edit.set_response(ROOT, args.name, args.text)
        else:
            changed = edit.set_contact(ROOT, args.id, args.field, args.value, date.today())
    except edit.EditRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    print("Changed: " + ", ".join(str(p.relative_to(ROOT)) for p in changed))
    print("Next: `make validate`, then `make train` (not needed for contact changes) and restart.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="train a model if the data or config changed")
    train.add_argument("--force", action="store_true", help="train even if a model is up to date")
    train.set_defaults(func=cmd_train)
    commands.add_parser("run", help="start the assistant").set_defaults(func=cmd_run)
    run_scaled = commands.add_parser("run-scaled", help="several Rasa servers behind nginx, with PostgreSQL and Redis")
    run_scaled.add_argument("--folder", default=str(ROOT / "var" / "scaled"),
                            help="for PostgreSQL's data, Redis's and nginx's files")
    run_scaled.set_defaults(func=cmd_run_scaled)
    commands.add_parser("shell", help="talk to the assistant in the terminal").set_defaults(func=cmd_shell)
    serve = commands.add_parser("serve", help="one server only (a container's command): rasa or actions")
    serve.add_argument("part", choices=[processes.RASA, processes.ACTIONS])
    serve.set_defaults(func=cmd_serve)
    check = commands.add_parser("validate", help="check the training data, answers and contacts")
    check.add_argument("--root", default=str(ROOT), help="project folder (default: this one)")
    check.add_argument("--quick", action="store_true", help="our content rules only, not Rasa's checks")
    check.set_defaults(func=cmd_validate)
    example = commands.add_parser("add-example", help="add an example message to an intent")
    example.add_argument("intent")
    example.add_argument("text")
    intent = commands.add_parser("add-intent", help="add a new topic: intent, examples, answer and rule")
    intent.add_argument("name")
    intent.add_argument("--file", required=True, help="topic file, e.g. data/nlu/council.yml")
    intent.add_argument("--answer", required=True, help="the answer (use {entry.field} for contacts)")
    intent.add_argument("--example", action="append", default=[], help="an example (repeat)")
    intent.add_argument("--examples-file", help="a text file with one example per line")
    response = commands.add_parser("set-response", help="change the text of an answer")
    response.add_argument("name")
    response.add_argument("text")
    contact = commands.add_parser("set-contact", help="change a contact detail (stamps today as checked)")
    contact.add_argument("id")
    contact.add_argument("field")
    contact.add_argument("value")
    check_links = commands.add_parser("check-links", help="check every web link in the directory")
    check_links.add_argument("--timeout", type=float, default=links.TIMEOUT_SECONDS)
    check_links.set_defaults(func=cmd_check_links)
    report = commands.add_parser("stats", help="totals of what residents asked about (no personal data)")
    report.add_argument("--csv", help="also write the table to this CSV file")
    report.set_defaults(func=cmd_stats)
    commands.add_parser("purge", help="delete conversations older than RETENTION_DAYS").set_defaults(func=cmd_purge)
    for sub in (example, intent, response, contact):
        sub.set_defaults(func=cmd_edit)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (settings.SettingsError, models.ModelNotTrusted) as refused:
        print(f"Not started: {refused}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
