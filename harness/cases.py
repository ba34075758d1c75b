"""Realistic messages and what their replies must contain (tests/conversations.yml).

Shared by the end-to-end tests and the benchmark, so a fast wrong answer counts as a failure in
both. Expected contacts are written as {entry.field} and filled from the contact directory.
"""
from pathlib import Path
from typing import List, Tuple

from ruamel.yaml import YAML

from bot.paths import TESTS_DIR
from bot.rules import directory
from bot.rules.answer_text import PLACEHOLDER_RE

CASES_FILE = TESTS_DIR / "conversations.yml"


def load_cases(path: Path = CASES_FILE) -> List[Tuple[str, List[str]]]:
    values = directory.placeholder_values(directory.load())
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [
        (case["message"], [PLACEHOLDER_RE.sub(lambda m: values[m.group(1)], part) for part in case["expect"]])
        for case in document["cases"]
    ]


def reply_is_right(reply_text: str, expected: List[str]) -> bool:
    return all(part in reply_text for part in expected)


HELDOUT_FILE = TESTS_DIR / "nlu_heldout.yml"


def load_heldout(path: Path = HELDOUT_FILE) -> List[Tuple[str, str]]:
    """(intent, message) pairs the model never saw in training."""
    document = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [
        (block["intent"], line.strip()[2:].strip())
        for block in document["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]
