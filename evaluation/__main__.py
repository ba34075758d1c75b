"""``python -m evaluation run|check``: the realistic evaluation set (tests/realistic/).

``run`` starts the assistant with the current model on free ports (or uses a running one with
``--url``), sends every message and conversation of the set over the REST channel, prints the
figures by topic, and fails if any is below its floor (tests/realistic/floors.yml). ``check``
only loads the set and counts it by topic, for people writing new cases.
"""
import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bot.operations import models, processes
from bot.paths import ROOT
from evaluation import realistic_set, report, runner

RESULTS_FILE = ROOT / "results" / "eval" / "latest.json"


def cmd_check(args: argparse.Namespace) -> int:
    try:
        evaluation = realistic_set.load(files=[Path(f) for f in args.files])
    except realistic_set.SetError as error:
        print(f"Not valid: {error}", file=sys.stderr)
        return 1
    by_topic = Counter(t.topic for c in evaluation.cases for t in c.turns)
    for topic in evaluation.topics:
        print(f"{topic:<28}{by_topic.get(topic, 0):>5}")
    print(f"{len(evaluation.messages)} single messages, {len(evaluation.conversations)} conversations: valid.")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    evaluation = realistic_set.load()
    print(f"The realistic set: {len(evaluation.messages)} single messages, "
          f"{len(evaluation.conversations)} conversations.", flush=True)
    if args.url:
        results = runner.run(evaluation, args.url.rstrip("/") + "/webhooks/rest/webhook")
    else:
        trained = Path(args.model) if args.model else models.current_model_path()
        if not trained.exists():
            print(f"No model for the current data at {trained}: run `make train` first.", file=sys.stderr)
            return 1
        with tempfile.TemporaryDirectory(prefix="eval-") as folder:
            store = Path(folder) / "tracker.db"
            with (Path(folder) / "servers.log").open("w") as log:
                assistant = processes.start(processes.local_settings(store), trained, log=log)
                try:
                    results = runner.run(evaluation, assistant.rest_webhook, store)
                finally:
                    assistant.stop()
        print(f"Model: {trained.name}")
    runner.save(results, RESULTS_FILE)
    figures = report.print_report(results, sys.stdout)
    failures = report.below_floors(figures, report.load_floors())
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    print(f"Every verdict: {RESULTS_FILE.relative_to(ROOT)}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="measure the assistant on the realistic set")
    run.add_argument("--url", help="a running assistant, e.g. http://localhost:5005 (default: start one)")
    run.add_argument("--model", help="a trained model to start with (default: the one for the current data)")
    run.set_defaults(func=cmd_run)
    check = commands.add_parser("check", help="check the set's files and count them by topic")
    check.add_argument("files", nargs="*", help="files of the set (default: all of tests/realistic)")
    check.set_defaults(func=cmd_check)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
