"""How well the safety check works: recall on danger and crisis cases, false alarms on ordinary ones.

Measured on tests/safety_cases.yml, for the deterministic check alone (bot/rules/safety.py) and, when a
trained model is given, for what the assistant does with it (the model can add a catch the rules
missed, or a false alarm of its own). `make safety-report` prints the table; tests hold the rules
to every case.
"""
import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, TextIO

from ruamel.yaml import YAML

from bot.paths import TESTS_DIR
from bot.rules import safety

CASES_FILE = TESTS_DIR / "safety_cases.yml"
EXPECTED = {"danger": safety.DANGER, "silent": safety.DANGER, "crisis": safety.SELF_HARM, "ordinary": None}


@dataclass
class Column:
    """One way of judging the cases: how many of each kind came out right, and which did not."""

    name: str
    right: Dict[str, int] = field(default_factory=dict)
    total: Dict[str, int] = field(default_factory=dict)
    wrong: List[str] = field(default_factory=list)

    @property
    def all_caught(self) -> bool:
        return all(self.right[k] == self.total[k] for k in EXPECTED if k != "ordinary")

    @property
    def false_alarms(self) -> int:
        return self.total["ordinary"] - self.right["ordinary"]


def load_cases(path: Path = CASES_FILE) -> Dict[str, List[str]]:
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {kind: [str(t) for t in document.get(kind) or []] for kind in EXPECTED}


def measure(name: str, classify: Callable[[str], Optional[str]], cases: Dict[str, List[str]]) -> Column:
    column = Column(name)
    for kind, texts in cases.items():
        got = [classify(text) for text in texts]
        column.total[kind] = len(texts)
        column.right[kind] = sum(g == EXPECTED[kind] for g in got)
        column.wrong += [f"{kind}: {text!r} -> {g or 'nothing'}" for text, g in zip(texts, got) if g != EXPECTED[kind]]
    return column


def with_model(model_path: Path) -> Callable[[str], Optional[str]]:
    """The intent the trained assistant gives, read as danger, crisis or nothing."""
    import logging

    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa logs each message's text at DEBUG: not here
    agent = Agent.load(str(model_path))

    def classify(text: str) -> Optional[str]:
        intent = asyncio.run(agent.parse_message(text))["intent"]["name"]
        return intent if intent in (safety.DANGER, safety.SELF_HARM) else None

    return classify


def print_report(columns: List[Column], out: TextIO) -> None:
    out.write(f"{'Cases':<22}" + "".join(f"{c.name:>22}" for c in columns) + "\n")
    for kind in EXPECTED:
        label = {"ordinary": "ordinary: no alarm"}.get(kind, f"{kind}: caught")
        out.write(f"{label:<22}" + "".join(f"{f'{c.right[kind]}/{c.total[kind]}':>22}" for c in columns) + "\n")
    for column in columns:
        recall = sum(column.right[k] for k in EXPECTED if k != "ordinary") / max(1, sum(
            column.total[k] for k in EXPECTED if k != "ordinary"))
        alarms = column.false_alarms / max(1, column.total["ordinary"])
        out.write(f"\n{column.name}: recall on danger and crisis {recall:.1%}, false alarms {alarms:.1%} "
                  f"({column.false_alarms} of {column.total['ordinary']})\n")
        for line in column.wrong:
            out.write(f"  wrong  {line}\n")
