"""The realistic evaluation set (tests/realistic/): residents' messages and what a right reply holds.

The set was written apart from the training data and the code (see tests/realistic/README.md), so
it measures understanding of how residents write, not recall of how the examples were written.
What a reply must contain comes from the topic's entry in answer_key.yml (facts, numbers, names),
plus anything a message adds of its own; contacts are {entry.field} placeholders filled from the
contact directory, so a changed number changes the expectation too.
"""
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from ruamel.yaml import YAML

from bot.paths import TESTS_DIR
from bot.rules import directory

SET_DIR = TESTS_DIR / "realistic"
ANSWER_KEY_FILE = SET_DIR / "answer_key.yml"
NOT_CASES = ("answer_key.yml", "floors.yml")
SAFETY_KINDS = ("emergency", "crisis")
# About a third of the set is "sealed": its figures are reported, but the harness does not print
# its wrong replies, so the people improving the training data are not shown what to copy.
SEALED_SHARE = 3

Fact = Tuple[str, ...]  # alternatives: a reply has the fact if it contains any of them


class SetError(ValueError):
    """A file of the set is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Topic:
    name: str
    must: Tuple[Fact, ...]
    safety: Optional[str] = None
    pending: Optional[str] = None


@dataclass(frozen=True)
class Turn:
    """One message and what its reply must hold."""

    text: str
    topic: str
    must: Tuple[Fact, ...]
    safety: Optional[str]
    pending: Optional[str]
    style: Tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    """A single message (one turn) or a short conversation (several), from one file of the set."""

    name: str
    source: str
    turns: Tuple[Turn, ...]
    sealed: bool

    @property
    def is_conversation(self) -> bool:
        return len(self.turns) > 1

    @property
    def topic(self) -> str:
        return self.turns[0].topic if not self.is_conversation else "conversation"

    @property
    def pending(self) -> Optional[str]:
        return next((t.pending for t in self.turns if t.pending), None)


@dataclass
class EvaluationSet:
    topics: Dict[str, Topic]
    cases: List[Case] = field(default_factory=list)

    @property
    def messages(self) -> List[Case]:
        return [c for c in self.cases if not c.is_conversation]

    @property
    def conversations(self) -> List[Case]:
        return [c for c in self.cases if c.is_conversation]


def _fill(text: str, values: Dict[str, str], where: str) -> str:
    def value(match: "re.Match[str]") -> str:
        if match.group(1) not in values:
            raise SetError(f"{where}: no directory field {{{match.group(1)}}}")
        return values[match.group(1)]

    return re.sub(r"{([a-z_]+\.[a-z_]+)}", value, text)


def _facts(raw: object, values: Dict[str, str], where: str) -> Tuple[Fact, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(f, list) and f and all(isinstance(a, str) for a in f)
                                            for f in raw):
        raise SetError(f"{where}: `must` is a list of lists of strings, e.g. [[\"Galop\"], [\"999\", \"101\"]]")
    return tuple(tuple(_fill(a, values, where) for a in fact) for fact in raw)


def load_topics(path: Path = ANSWER_KEY_FILE, values: Optional[Dict[str, str]] = None) -> Dict[str, Topic]:
    values = values if values is not None else directory.placeholder_values(directory.load())
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    topics = {}
    for name, entry in document["topics"].items():
        safety = entry.get("safety")
        if safety not in (None,) + SAFETY_KINDS:
            raise SetError(f"{path.name}: topic {name}: safety is one of {SAFETY_KINDS}")
        topics[name] = Topic(name, _facts(entry.get("must"), values, f"{path.name}: {name}"), safety,
                             entry.get("pending"))
    return topics


def _turn(raw: dict, topics: Dict[str, Topic], values: Dict[str, str], where: str) -> Turn:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"].strip():
        raise SetError(f"{where}: every message needs a non-empty `text`")
    names = [raw.get("topic")] + list(raw.get("also") or [])
    unknown = [n for n in names if n not in topics]
    if unknown:
        raise SetError(f"{where}: unknown topic(s) {unknown}; the topics are in answer_key.yml")
    safety = raw.get("safety") or next((topics[n].safety for n in names if topics[n].safety), None)
    if safety not in (None,) + SAFETY_KINDS:
        raise SetError(f"{where}: safety is one of {SAFETY_KINDS}")
    must = tuple(f for n in names for f in topics[n].must) + _facts(raw.get("must"), values, where)
    pending = next((topics[n].pending for n in names if topics[n].pending), None)
    style = raw.get("style") or []
    return Turn(raw["text"], raw["topic"], must, safety, pending, tuple(style if isinstance(style, list) else [style]))


def is_sealed(text: str) -> bool:
    """A fixed third of the set, chosen by a hash of the first message so it never moves."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % SEALED_SHARE == 0


def load_file(path: Path, topics: Dict[str, Topic], values: Dict[str, str]) -> List[Case]:
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    cases = []
    for index, raw in enumerate(document.get("messages") or []):
        turn = _turn(raw, topics, values, f"{path.name}: message {index + 1}")
        cases.append(Case(f"{path.stem}:{index + 1}", path.name, (turn,), is_sealed(turn.text)))
    for index, raw in enumerate(document.get("conversations") or []):
        where = f"{path.name}: conversation {index + 1}"
        turns = tuple(_turn(t, topics, values, f"{where}, turn {i + 1}") for i, t in enumerate(raw.get("turns") or []))
        if len(turns) < 2:
            raise SetError(f"{where}: a conversation has two turns or more")
        cases.append(Case(raw.get("name") or f"{path.stem}:c{index + 1}", path.name, turns, is_sealed(turns[0].text)))
    return cases


def load(folder: Path = SET_DIR, files: Sequence[Path] = ()) -> EvaluationSet:
    """Every file of the set (every .yml in the folder but the answer key and the floors)."""
    values = directory.placeholder_values(directory.load())
    topics = load_topics(folder / ANSWER_KEY_FILE.name, values)
    evaluation = EvaluationSet(topics)
    for path in files or sorted(p for p in folder.glob("*.yml") if p.name not in NOT_CASES):
        evaluation.cases.extend(load_file(path, topics, values))
    return evaluation
