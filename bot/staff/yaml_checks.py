"""The file-level checks behind `python -m bot validate`: the YAML can be read, its keys are known,
no rule is longer than the assistant follows; and where each problem is (file and line).

The content rules (examples, answers, contacts) are in bot/staff/content_checks.py.
"""
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import List, Optional, Tuple

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

# For each message the assistant loads only the conversation's last events (bot/rasa_plugins/store.py
# RECENT_EVENTS); a step of a rule or story is at most 4 events, so a longer one would not be seen
# whole. tests/staff/test_validate.py keeps the two figures in step.
MAX_DIALOGUE_STEPS = 20
EVENTS_PER_STEP = 4

KNOWN_KEYS = {
    "domain": {"version", "session_config", "intents", "entities", "slots", "forms", "actions",
               "responses", "e2e_actions"},
    "nlu": {"version", "nlu"},
    "nlu_block": {"intent", "examples", "metadata", "synonym", "regex", "lookup"},
    "rules": {"version", "rules", "stories"},
    "directory": {"contacts"},
    "titles": {"titles"},
}

@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str
    error: bool = True

    def render(self, root: Path) -> str:
        try:
            shown = self.file.relative_to(root)
        except ValueError:
            shown = self.file
        level = "" if self.error else "warning: "
        return f"{shown}:{self.line}: {level}{self.message}"


@dataclass
class Project:
    """The files one validation reads, from a project folder (the real one, or a test copy)."""

    root: Path
    today: date = field(default_factory=date.today)

    @property
    def domain_file(self) -> Path:
        return self.root / "domain.yml"

    @property
    def directory_file(self) -> Path:
        return self.root / "content" / "directory.yml"

    @property
    def topic_titles_file(self) -> Path:
        return self.root / "content" / "topic_titles.yml"

    @property
    def nlu_folder(self) -> Path:
        return self.root / "data" / "nlu"

    @property
    def dialogue_files(self) -> List[Path]:
        return sorted(p for p in (self.root / "data").glob("*.yml"))

    def yaml_files(self) -> List[Path]:
        return ([self.domain_file, self.directory_file, self.topic_titles_file]
                + sorted(self.nlu_folder.glob("*.yml")) + self.dialogue_files)


def load_round_trip(path: Path) -> Tuple[Optional[object], Optional[Problem]]:
    """The file's content with line numbers, or the syntax problem with its line."""
    try:
        return YAML().load(path.read_text(encoding="utf-8")), None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, Problem(path, line, f"the YAML is not valid here ({error.problem}). Check the "
                             "indentation (spaces, not tabs) and that every quote is closed.")


def line_of_key(mapping: object, key: str) -> int:
    try:
        return mapping.lc.key(key)[0] + 1  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return 1


def check_unknown_keys(path: Path, document: object, kind: str) -> List[Problem]:
    if not isinstance(document, dict):
        return [Problem(path, 1, "the file must start with 'key: value' lines, e.g. 'version: \"3.1\"'")]
    problems = [
        Problem(path, line_of_key(document, key), f"unknown key '{key}'. Known keys here: "
                f"{', '.join(sorted(KNOWN_KEYS[kind]))}. Check the spelling.")
        for key in document if key not in KNOWN_KEYS[kind]
    ]
    if kind == "nlu":
        for block in document.get("nlu") or []:
            for key in block if isinstance(block, dict) else []:
                if key not in KNOWN_KEYS["nlu_block"]:
                    problems.append(Problem(path, line_of_key(block, key), f"unknown key '{key}' in an "
                                            "intent block. Use 'intent:' and 'examples: |'."))
    return problems


def check_dialogue_length(path: Path, document: object) -> List[Problem]:
    """No rule or story longer than the part of a conversation the assistant looks at."""
    problems = []
    for key in ("rules", "stories"):
        items = document.get(key) if isinstance(document, dict) else None
        for index, item in enumerate(items or []):
            steps = item.get("steps") if isinstance(item, dict) else None
            if steps and len(steps) > MAX_DIALOGUE_STEPS:
                name = item.get("rule") or item.get("story")
                line = items.lc.item(index)[0] + 1 if hasattr(items, "lc") else 1
                problems.append(Problem(path, line, f"'{name}' has {len(steps)} steps, but the assistant "
                                        f"follows at most {MAX_DIALOGUE_STEPS}. Split it into shorter rules."))
    return problems


def line_of_key_in_list(domain: dict, key: str, item: str) -> int:
    items = domain.get(key) or []
    try:
        return items.lc.item(list(items).index(item))[0] + 1
    except (AttributeError, ValueError, TypeError):
        return line_of_key(domain, key)
