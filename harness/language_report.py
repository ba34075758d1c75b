"""How well the assistant tells languages apart and catches danger in them.

Measured on tests/languages/recognition_set.yml, written independently of the code, the marker
words and the keywords. For each language: messages recognised as that language, and danger
messages that get the danger answer (the English check, then that language's words, as the
Rasa server runs them). For English: how many English messages, from this set and the two
English evaluation sets, are taken for another language (the target is under 1 in 200).
`make language-report` prints the table; tests/rules/test_language_recognition.py holds the floors.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Set, TextIO

from ruamel.yaml import YAML

from bot.paths import TESTS_DIR
from bot.rasa_plugins.known_words import words
from bot.rules import language, safety, safety_words, translations
from bot.staff.training_data import nlu_examples

SET_FILE = TESTS_DIR / "languages" / "recognition_set.yml"
HELD_OUT_FILE = TESTS_DIR / "nlu_heldout.yml"
# Punjabi in Shahmukhi (Perso-Arabic) script is answered in Urdu, which its readers read.
ANSWERED_AS = {("pa", "shahmukhi"): "ur"}


@dataclass
class Row:
    recognised: int = 0
    total: int = 0
    danger_caught: int = 0
    danger_total: int = 0
    false_alarms: int = 0
    ordinary_total: int = 0
    missed: List[str] = field(default_factory=list)


@dataclass
class Report:
    rows: Dict[str, Row]
    english_total: int
    english_flagged: List[str]

    def share(self, code: str) -> float:
        row = self.rows[code]
        return row.recognised / row.total if row.total else 0.0


def vocabulary() -> Set[str]:
    """The words of the training examples, as the known-words check learns them."""
    known: Set[str] = set()
    for example in nlu_examples():
        known |= words(example.text)
    return known


def load_set(path: Path = SET_FILE) -> List[dict]:
    return list(YAML(typ="safe").load(path.read_text(encoding="utf-8"))["messages"])


def english_messages(messages: List[dict]) -> List[str]:
    """English messages of this set, the realistic set and the held-out examples."""
    from evaluation import realistic_set
    from evaluation.judge import NOT_ENGLISH_TOPIC

    texts = [m["text"] for m in messages if m["lang"] == "en"]
    evaluation = realistic_set.load()
    texts += [turn.text for case in evaluation.messages + evaluation.conversations for turn in case.turns
              if turn.topic != NOT_ENGLISH_TOPIC]
    held_out = YAML(typ="safe").load(HELD_OUT_FILE.read_text(encoding="utf-8"))
    for block in held_out.get("nlu") or []:
        lines = [line.strip() for line in (block.get("examples") or "").splitlines()]
        texts += [line[2:] for line in lines if line.startswith("- ")]
    return texts


def danger_signal(text: str, written_in: Optional[str]) -> Optional[str]:
    """What the safety component decides for a message in a language (bot/rasa_plugins/safety_check.py)."""
    if safety.classify(text):
        return safety.classify(text)
    found = safety_words.classify(text, written_in)
    return found[0] if found else None


def measure(messages: Optional[List[dict]] = None) -> Report:
    messages = load_set() if messages is None else messages
    known = vocabulary()
    rows: Dict[str, Row] = defaultdict(Row)
    for message in messages:
        code = message["lang"]
        if code == language.ENGLISH:
            continue
        key = code if message.get("script") != "latin" else f"{code} (in Latin letters)"
        expected = ANSWERED_AS.get((code, message.get("variety")), code)
        got = language.recognise(message["text"], known) or language.ENGLISH
        row = rows[key]
        row.total += 1
        row.recognised += got == expected
        if got != expected:
            row.missed.append(f"{message['text'][:60]!r} -> {got}")
        signal = danger_signal(message["text"], got)
        if message.get("danger"):
            row.danger_total += 1
            row.danger_caught += signal == safety.DANGER
        else:
            row.ordinary_total += 1
            row.false_alarms += signal is not None
    english = english_messages(messages)
    flagged = [t for t in english if language.other_language(t, known)]
    return Report(dict(rows), len(english), flagged)


def print_report(report: Report, out: TextIO) -> None:
    offered = set(translations.load_all()) - {translations.SOURCE}
    out.write(f"{'language':28} {'recognised':>12} {'danger caught':>14} {'false alarms':>13}  answered in it\n")
    for code in sorted(report.rows, key=lambda c: (c.split(" ")[0] not in offered, c)):
        row = report.rows[code]
        danger = f"{row.danger_caught}/{row.danger_total}" if row.danger_total else "-"
        alarms = f"{row.false_alarms}/{row.ordinary_total}"
        out.write(f"{code:28} {row.recognised:>5}/{row.total:<3} {report.share(code):5.0%} {danger:>9} {alarms:>13}"
                  f"  {'yes' if code in offered else 'no'}\n")
    out.write(f"English taken for another language: {len(report.english_flagged)} of {report.english_total}\n")
    for text in report.english_flagged:
        out.write(f"  {text[:80]!r}\n")
