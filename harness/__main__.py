"""Commands behind `make bench`, `make privacy-report`, `make safety-report` and `make language-report`:
``python -m harness bench|privacy-report|safety-report|language-report``."""
import argparse
import sys
from typing import List, Optional

from bot.operations import models
from bot.rules import safety
from harness import language_report, privacy_report, safety_report


def cmd_privacy_report(args: argparse.Namespace) -> int:
    reports = privacy_report.measure_both()
    for title, report in reports:
        print(f"\nMessages {title}")
        privacy_report.print_report(report, sys.stdout)
    return 0 if all(report.meets_targets for _, report in reports) else 1


def cmd_safety_report(args: argparse.Namespace) -> int:
    """The rules alone, then the trained assistant; fails if the rules miss a danger or crisis case."""
    cases = safety_report.load_cases()
    columns = [safety_report.measure("rules alone", safety.classify, cases)]
    trained = models.current_model_path()
    if trained.exists():
        columns.append(safety_report.measure("rules and model", safety_report.with_model(trained), cases))
    safety_report.print_report(columns, sys.stdout)
    return 0 if columns[0].all_caught else 1


def cmd_language_report(args: argparse.Namespace) -> int:
    language_report.print_report(language_report.measure(), sys.stdout)
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from harness import bench  # loads aiohttp and friends only when benchmarking

        return bench.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m harness", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("bench", help="our configuration against Rasa's default (see --help after it)")
    commands.add_parser(
        "privacy-report", help="how well personal details are redacted (recall, false positives)"
    ).set_defaults(func=cmd_privacy_report)
    commands.add_parser(
        "safety-report", help="how well danger and crisis messages are caught (recall, false alarms)"
    ).set_defaults(func=cmd_safety_report)
    commands.add_parser(
        "language-report", help="how well languages are recognised, and danger caught in them"
    ).set_defaults(func=cmd_language_report)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
