"""How well redaction works: recall per kind of detail and the false-positive rate.

Measured on two labelled sets of residents' messages with and without personal details:
tests/redaction_cases.yml, written beside the redactor, and tests/redaction_independent.yml,
written apart from it (names without "my name is", emails spelt out, odd spacing, NHS numbers,
handles, flats and house names). `make privacy-report` prints both; a test holds the targets.
Redaction matters less than it did: the tracker store keeps no typed text at all (bot/rasa_plugins/store.py);
it still cleans what KEEP_UNCLEAR_MESSAGES keeps and every log line.
"""
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, TextIO, Tuple

from ruamel.yaml import YAML

from bot.paths import ROOT
from bot.rules.redact import redact

CASES_FILE = ROOT / "tests" / "redaction_cases.yml"
INDEPENDENT_FILE = ROOT / "tests" / "redaction_independent.yml"
RECALL_TARGET = 0.98
FALSE_POSITIVE_LIMIT = 0.02
# The set written apart from the redactor: 60.6% when it was written (27 November 2026), 93.0%
# after this round; held here so it cannot slip back.
INDEPENDENT_RECALL_FLOOR = 0.92


@dataclass
class Report:
    caught: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    missed: List[str] = field(default_factory=list)
    clean_messages: int = 0
    altered: List[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(1, sum(self.total.values()))

    @property
    def false_positive_rate(self) -> float:
        return len(self.altered) / max(1, self.clean_messages)

    recall_target: float = RECALL_TARGET

    @property
    def meets_targets(self) -> bool:
        return self.recall >= self.recall_target and self.false_positive_rate < FALSE_POSITIVE_LIMIT


def is_caught(redacted: str, kind: str, detail: str) -> bool:
    """Gone from the text, with its typed placeholder in its place."""
    return detail not in redacted and f"[{kind}]" in redacted


def measure(cases_file: Path = CASES_FILE, recall_target: float = RECALL_TARGET) -> Report:
    cases = YAML(typ="safe").load(cases_file.read_text(encoding="utf-8"))
    report = Report(recall_target=recall_target)
    for case in cases["with_details"]:
        redacted = redact(case["text"])
        details: Dict[str, List[str]] = case["details"]
        for kind, values in details.items():
            for value in values:
                report.total[kind] += 1
                if is_caught(redacted, kind, value):
                    report.caught[kind] += 1
                else:
                    report.missed.append(f"{kind}: {case['text']!r} -> {redacted!r}")
    for text in cases["without_details"]:
        report.clean_messages += 1
        if redact(text) != text:
            report.altered.append(f"{text!r} -> {redact(text)!r}")
    return report


def print_report(report: Report, out: TextIO) -> None:
    out.write(f"{'Kind':<15}{'Caught':>8}{'Of':>6}{'Recall':>9}\n")
    for kind in sorted(report.total):
        out.write(f"{kind:<15}{report.caught[kind]:>8}{report.total[kind]:>6}"
                  f"{report.caught[kind] / report.total[kind]:>9.1%}\n")
    out.write(f"{'All':<15}{sum(report.caught.values()):>8}{sum(report.total.values()):>6}{report.recall:>9.1%}\n")
    out.write(f"\nClean messages altered: {len(report.altered)} of {report.clean_messages} "
              f"({report.false_positive_rate:.1%})\n")
    out.write(f"Targets: recall at least {report.recall_target:.0%}, under {FALSE_POSITIVE_LIMIT:.0%} altered: "
              f"{'met' if report.meets_targets else 'NOT MET'}\n")
    for line in report.missed:
        out.write(f"  missed   {line}\n")
    for line in report.altered:
        out.write(f"  altered  {line}\n")


def measure_both() -> "List[Tuple[str, Report]]":
    return [("written beside the redactor (tests/redaction_cases.yml)", measure()),
            ("written apart from it (tests/redaction_independent.yml)",
             measure(INDEPENDENT_FILE, INDEPENDENT_RECALL_FLOOR))]
