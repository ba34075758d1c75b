"""Editing commands for staff: add an example or a topic, change an answer or a contact.

Every edit is made on a copy of the content, checked with the same rules as `validate`, and only
then written (atomically, in the file's own style). An edit that would add an error is refused
with the reason, and nothing is written.
"""
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Callable, Dict, List, Set

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from bot.rules import directory
from bot.staff import content_checks, yaml_checks, yaml_editing

INTENT_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class EditRefused(Exception):
    """The edit was not made; the message says why and what to do."""


def _errors(root: Path) -> Set[str]:
    """Error messages (without line numbers, which an edit may shift) for a project folder."""
    return {p.message for p in content_checks.check(yaml_checks.Project(root)) if p.error}


def apply(root: Path, changes: Callable[[Path], List[Path]]) -> List[Path]:
    """Make `changes` in a copy of the content; write the changed files only if no error is new."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "project"
        copy.mkdir()
        for part in ("domain.yml", "data", "content"):
            source = root / part
            (shutil.copytree if source.is_dir() else shutil.copy)(source, copy / part)
        before = _errors(copy)
        changed = changes(copy)
        new = sorted(_errors(copy) - before)
        if new:
            raise EditRefused("Nothing was changed, because the edit would cause:\n  - " + "\n  - ".join(new))
        for path in changed:
            relative = path.relative_to(copy)
            yaml_editing.write_atomically(root / relative, path.read_text(encoding="utf-8"))
        return [root / path.relative_to(copy) for path in changed]


def _save(path: Path, data: object, yaml: object) -> Path:
    path.write_text(yaml_editing.dump(data, yaml), encoding="utf-8")
    return path


def _intent_blocks(root: Path) -> Dict[str, Path]:
    found = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        data, _ = yaml_editing.load(path)
        for block in data.get("nlu") or []:
            if "intent" in block:
                found.setdefault(block["intent"], path)
    return found


def _append_examples(block: CommentedMap, texts: List[str]) -> None:
    current = str(block.get("examples") or "")
    if current and not current.endswith("\n"):
        current += "\n"
    block["examples"] = LiteralScalarString(current + "".join(f"- {t}\n" for t in texts))


def _clean_example(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise EditRefused("The example is empty. Type the message the way a resident would.")
    return text


def add_example(root: Path, intent: str, text: str) -> List[Path]:
    text = _clean_example(text)
    files = _intent_blocks(root)
    if intent not in files:
        raise EditRefused(f"There is no intent '{intent}'. Check the name in domain.yml, "
                          "or add a new topic with add-intent.")

    def change(copy: Path) -> List[Path]:
        path = copy / files[intent].relative_to(root)
        data, yaml = yaml_editing.load(path)
        block = next(b for b in data["nlu"] if b.get("intent") == intent)
        _append_examples(block, [text])
        return [_save(path, data, yaml)]

    return apply(root, change)


def add_intent(root: Path, name: str, nlu_file: Path, examples: List[str], answer: str) -> List[Path]:
    """A new topic: the intent with its examples, its answer, and the rule that connects them."""
    if not INTENT_NAME.match(name):
        raise EditRefused(f"'{name}' is not a usable name. Use lower case letters, numbers and "
                          "underscores, starting with a letter, e.g. ask_about_forum.")
    if name in _intent_blocks(root):
        raise EditRefused(f"The intent '{name}' already exists. Use add-example to add to it.")
    examples = [_clean_example(e) for e in examples]
    target = (root / nlu_file).resolve() if not nlu_file.is_absolute() else nlu_file
    if target.parent != (root / "data" / "nlu").resolve():
        raise EditRefused("The --file must be a topic file in data/nlu/, e.g. data/nlu/council.yml.")

    def change(copy: Path) -> List[Path]:
        nlu_path = copy / "data" / "nlu" / target.name
        if nlu_path.exists():
            data, yaml = yaml_editing.load(nlu_path)
        else:
            data, yaml = yaml_editing.load_text('version: "3.1"\nnlu: []\n')
        block = CommentedMap(intent=name)
        _append_examples(block, examples)
        if not isinstance(data.get("nlu"), CommentedSeq):
            data["nlu"] = CommentedSeq()
        data["nlu"].append(block)

        domain_path = copy / "domain.yml"
        domain, domain_yaml = yaml_editing.load(domain_path)
        domain["intents"].append(name)
        domain["responses"][f"utter_{name}"] = CommentedSeq([CommentedMap(text=DoubleQuotedScalarString(answer))])

        rules_path = copy / "data" / "rules.yml"
        rules, rules_yaml = yaml_editing.load(rules_path)
        rules["rules"].append(CommentedMap([
            ("rule", name.replace("_", " ")),
            ("steps", CommentedSeq([CommentedMap(intent=name), CommentedMap(action=f"utter_{name}")])),
        ]))
        return [_save(nlu_path, data, yaml), _save(domain_path, domain, domain_yaml),
                _save(rules_path, rules, rules_yaml)]

    return apply(root, change)


def set_response(root: Path, name: str, text: str) -> List[Path]:
    """Replace an answer's text (its first variation; buttons are kept)."""
    domain, _ = yaml_editing.load(root / "domain.yml")
    if name not in (domain.get("responses") or {}):
        raise EditRefused(f"There is no response '{name}'. Response names start with utter_; "
                          "see domain.yml. For a new topic, use add-intent.")
    text = text.replace("\\n", "\n").strip()
    if not text:
        raise EditRefused("The answer is empty.")

    def change(copy: Path) -> List[Path]:
        path = copy / "domain.yml"
        data, yaml = yaml_editing.load(path)
        variation = data["responses"][name][-1]
        variation["text"] = DoubleQuotedScalarString(text)
        return [_save(path, data, yaml)]

    return apply(root, change)


def set_contact(root: Path, contact_id: str, field: str, value: str, today: date) -> List[Path]:
    """Change one field of a directory entry and stamp the date it was checked."""
    if field not in directory.KNOWN_FIELDS or field == "checked":
        raise EditRefused(f"'{field}' is not a field you can set. Fields: "
                          f"{', '.join(f for f in directory.KNOWN_FIELDS if f != 'checked')}.")
    contacts, _ = yaml_editing.load(root / "content" / "directory.yml")
    if contact_id not in contacts.get("contacts", {}):
        raise EditRefused(f"There is no entry '{contact_id}' in content/directory.yml. "
                          f"Entries: {', '.join(contacts.get('contacts', {}))}.")

    def change(copy: Path) -> List[Path]:
        path = copy / "content" / "directory.yml"
        data, yaml = yaml_editing.load(path)
        entry = data["contacts"][contact_id]
        if field == "confirmed":
            if value.lower() not in ("true", "false"):
                raise EditRefused("'confirmed' must be true or false.")
            entry[field] = value.lower() == "true"
        else:
            entry[field] = DoubleQuotedScalarString(value) if re.fullmatch(r"[\d +]+", value) else value
        entry["checked"] = today
        return [_save(path, data, yaml)]

    return apply(root, change)
