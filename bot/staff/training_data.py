"""Read the project's own YAML (training examples, responses) in the shapes our checks need."""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

from ruamel.yaml import YAML

from bot.paths import DOMAIN_FILE, NLU_DIR


@dataclass(frozen=True)
class Example:
    """One training example and where it is written, so problems can be reported as file:line."""

    intent: str
    text: str
    file: Path
    line: int


def nlu_examples(folder: Path = NLU_DIR) -> List[Example]:
    """Every training example in every topic file, with its file and line number."""
    examples = []
    yaml = YAML()  # round-trip loader: it knows the line each value starts on
    for path in sorted(folder.glob("*.yml")):
        document = yaml.load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu", []) or []:
            if "intent" not in block or "examples" not in block:
                continue
            first_line = block.lc.value("examples")[0] + 2  # the line after "examples: |"
            for offset, raw in enumerate(str(block.get("examples", "")).splitlines()):
                text = raw.strip()
                if text.startswith("- "):
                    examples.append(Example(block["intent"], text[2:].strip(), path, first_line + offset))
    return examples


def example_key(text: str) -> str:
    """What makes two examples the same: case, spacing and punctuation do not count."""
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def examples_by_intent(examples: List[Example]) -> Dict[str, List[Example]]:
    grouped: Dict[str, List[Example]] = {}
    for example in examples:
        grouped.setdefault(example.intent, []).append(example)
    return grouped


def domain(path: Path = DOMAIN_FILE) -> dict:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def response_texts(domain_data: dict) -> Dict[str, List[str]]:
    """Each response's text variations, with button titles included (they are shown too)."""
    texts: Dict[str, List[str]] = {}
    for name, variations in (domain_data.get("responses") or {}).items():
        for variation in variations:
            texts.setdefault(name, []).append(shown_text(variation))
    return texts


def shown_text(variation: dict) -> str:
    """What a resident sees of one response variation: its text and its button titles."""
    parts = [str(variation.get("text", ""))]
    parts += [str(button.get("title", "")) for button in variation.get("buttons", [])]
    return "\n".join(parts)
