"""The content rules behind `python -m bot validate`, written for staff who edit the YAML by hand.

Each problem says where it is (file and line), what is wrong, and how to fix it. Errors stop a
change going live (exit status 1); warnings are things to look at soon.
"""
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

import textstat
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from bot.rules import answer_text, clarify, contact_again, directory, notes
from bot.staff.training_data import Example, example_key, examples_by_intent, nlu_examples, shown_text

MIN_EXAMPLES = 15
READING_AGE_ERROR = 12
READING_AGE_WARNING = 11
CHECK_EVERY_DAYS = 180
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
MAX_TITLE_CHARS = 40
# Values bot/rasa_plugins/nlg.py fills in besides the directory's and the slots.
COMPUTED_VALUES = notes.COMPUTED_VALUES + contact_again.COMPUTED_VALUES + (answer_text.RETENTION_DAYS_VALUE,)


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


def check_examples(examples: List[Example], intents: Iterable[str]) -> List[Problem]:
    problems = []
    seen: Dict[str, Example] = {}
    for example in examples:
        first = seen.setdefault(example_key(example.text), example)
        if first is not example:
            where = "the same intent" if first.intent == example.intent else f"intent '{first.intent}'"
            problems.append(Problem(example.file, example.line, f"the example '{example.text}' is "
                                    f"already in {where} at {first.file.name}:{first.line}. Remove one."))
    known = set(intents)
    by_intent = examples_by_intent(examples)
    for intent, items in by_intent.items():
        if intent not in known:
            problems.append(Problem(items[0].file, items[0].line - 2, f"intent '{intent}' is not in "
                                    "domain.yml. Add it under 'intents:' (or use add-intent)."))
        if len(items) < MIN_EXAMPLES:
            problems.append(Problem(items[0].file, items[0].line - 2, f"intent '{intent}' has "
                                    f"{len(items)} examples; it needs at least {MIN_EXAMPLES}, written "
                                    "the way people really type."))
    return problems


def reading_age(text: str) -> float:
    """Flesch-Kincaid grade + 5, each line read as a sentence, placeholders read as one short word."""
    lines = [re.sub(r"^\s*-\s*", "", line).strip() for line in text.split("\n")]
    lines = [answer_text.PLACEHOLDER_RE.sub("it", line) for line in lines if line]
    prose = " ".join(line if line[-1:] in ".?!:" else line + "." for line in lines)
    return textstat.flesch_kincaid_grade(prose) + 5 if prose else 0.0


def check_responses(project: Project, domain: dict, values: Dict[str, str],
                    unconfirmed: Set[str] = frozenset()) -> List[Problem]:
    path, responses = project.domain_file, domain.get("responses") or {}
    slots = set(domain.get("slots") or {}) | set(COMPUTED_VALUES)
    problems = []
    for name, variations in responses.items():
        line = line_of_key(responses, name)
        for variation in variations or []:
            text = str(variation.get("text", ""))
            shown = shown_text(variation)
            for detail in answer_text.contact_details(shown):
                problems.append(Problem(path, line, f"response '{name}' types '{detail}' by hand. Put "
                                        "it in content/directory.yml and write a placeholder such as "
                                        "{victim_support.phone} instead."))
            for placeholder in answer_text.placeholders(shown):
                if placeholder not in values and placeholder not in slots:
                    problems.append(Problem(path, line, f"response '{name}' uses {{{placeholder}}}, which "
                                            "is not in the contact directory. Check the entry name and field."))
            for placeholder in answer_text.unconfirmed_shown(shown, unconfirmed):
                # The assistant adds utter_check_details to such answers (bot/rasa_plugins/nlg.py), except to those
                # the server sends without the response generator: those must not show one at all.
                sent_by_server = name in answer_text.SERVER_SENT_RESPONSES
                problems.append(Problem(path, line, f"response '{name}' shows {{{placeholder}}}, which is not "
                                        "confirmed in content/directory.yml" + (
                                            ". The server sends this answer itself, so it cannot add the "
                                            "'please check' line: use a confirmed entry." if sent_by_server else
                                            ", so residents are asked to check it on the service's website. "
                                            "Confirm the entry from a current source to remove that line."),
                                        error=sent_by_server))
            filled = answer_text.PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), ""), text)
            for phrase in answer_text.referral_phrases(filled):
                problems.append(Problem(path, line, f"response '{name}' offers or claims a referral "
                                        f"('{phrase}'). The council never refers anyone or passes details "
                                        "on: say where people can get help themselves."))
            age = reading_age(text)
            if age > READING_AGE_WARNING:
                problems.append(Problem(path, line, f"response '{name}' has a reading age of {age:.1f}; "
                                        f"keep it at {READING_AGE_WARNING} or under. Use shorter sentences "
                                        "and everyday words.", error=age > READING_AGE_ERROR))
    return problems


def check_directory(project: Project, document: object) -> List[Problem]:
    path = project.directory_file
    entries = document.get("contacts") if isinstance(document, dict) else None
    if not isinstance(entries, dict):
        return [Problem(path, 1, "the file must have a 'contacts:' section with entries")]
    problems = []
    for contact_id, fields in entries.items():
        line = line_of_key(entries, contact_id)
        problems += [Problem(path, line, f"entry '{contact_id}': {p}") for p in
                     directory.entry_problems(contact_id, fields)]
        if not isinstance(fields, dict):
            continue
        checked = fields.get("checked")
        if isinstance(checked, date) and (project.today - checked).days > CHECK_EVERY_DAYS:
            problems.append(Problem(path, line, f"entry '{contact_id}' was last checked on {checked}, "
                                    f"over {CHECK_EVERY_DAYS} days ago. Check it against {fields.get('source')} "
                                    "and update 'checked' (set-contact does this).", error=False))
        if fields.get("confirmed") is False:
            problems.append(Problem(path, line, f"entry '{contact_id}' is not confirmed. Confirm it "
                                    "from a current source, then set 'confirmed: true'.", error=False))
    return problems


def check_coverage(project: Project, domain: dict) -> List[Problem]:
    """Every intent is answered by a rule or story; every response is used by one (or a form)."""
    used = " ".join(p.read_text(encoding="utf-8") for p in project.dialogue_files)
    problems = []
    for intent in domain.get("intents") or []:
        name = intent if isinstance(intent, str) else next(iter(intent))
        if not re.search(rf"intent: {re.escape(name)}\s*$", used, re.M):
            problems.append(Problem(project.domain_file, line_of_key_in_list(domain, "intents", name),
                                    f"intent '{name}' has no rule or story, so the assistant does not "
                                    f"know what to answer. Add a rule in data/rules.yml."))
    responses = domain.get("responses") or {}
    # A form asks for each of its slots with utter_ask_<slot>; no rule names those.
    asked_by_forms = {f"utter_ask_{slot}" for form in (domain.get("forms") or {}).values()
                      for slot in (form or {}).get("required_slots") or []}
    for name in responses:
        not_by_rules = answer_text.SERVER_SENT_RESPONSES + clarify.IN_PLACE_OF_CLARIFY + (
            answer_text.CHECK_DETAILS_RESPONSE,)
        if name in not_by_rules or name in asked_by_forms:
            continue
        if not re.search(rf"action: {re.escape(name)}\s*$", used, re.M):
            problems.append(Problem(project.domain_file, line_of_key(responses, name), f"response "
                                    f"'{name}' is not used by any rule or story. Use it, or remove it."))
    return problems


def line_of_key_in_list(domain: dict, key: str, item: str) -> int:
    items = domain.get(key) or []
    try:
        return items.lc.item(list(items).index(item))[0] + 1
    except (AttributeError, ValueError, TypeError):
        return line_of_key(domain, key)


def check(project: Project) -> List[Problem]:
    """Run every rule. Syntax errors are reported first; a file that cannot be read is skipped."""
    problems: List[Problem] = []
    documents = {}
    for path in project.yaml_files():
        document, problem = load_round_trip(path)
        if problem:
            problems.append(problem)
        else:
            documents[path] = document
    kinds = {project.domain_file: "domain", project.directory_file: "directory", project.topic_titles_file: "titles"}
    for path, document in documents.items():
        kind = kinds.get(path) or ("nlu" if path.parent == project.nlu_folder else "rules")
        problems += check_unknown_keys(path, document, kind)
        if kind == "rules":
            problems += check_dialogue_length(path, document)
    domain = documents.get(project.domain_file)
    contacts = documents.get(project.directory_file)
    if contacts is not None:
        problems += check_directory(project, contacts)
    if domain is None:
        return problems
    if all(path in documents for path in project.nlu_folder.glob("*.yml")):
        problems += check_examples(nlu_examples(project.nlu_folder), domain.get("intents") or [])
    try:
        loaded = directory.load(project.directory_file)
    except (directory.DirectoryError, OSError, MarkedYAMLError):
        loaded = {}  # already reported above
    values = directory.placeholder_values(loaded)
    unconfirmed = {entry for entry, contact in loaded.items() if not contact.confirmed}
    problems += check_responses(project, domain, values, unconfirmed)
    problems += check_coverage(project, domain)
    titles = documents.get(project.topic_titles_file)
    if titles is not None:
        problems += check_topic_titles(project, titles, domain)
    return problems


def check_topic_titles(project: Project, document: dict, domain: dict) -> List[Problem]:
    """Each title names a topic of domain.yml and fits on a button."""
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents") or []}
    titles = document.get("titles") or {}
    problems = []
    for name, title in titles.items():
        line = line_of_key(titles, name)
        if name not in intents:
            problems.append(Problem(project.topic_titles_file, line, f"'{name}' is not a topic (intent) in "
                                    "domain.yml. Check the spelling, or remove the line."))
        elif not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE_CHARS:
            problems.append(Problem(project.topic_titles_file, line, f"the title of '{name}' must be a few "
                                    f"words, at most {MAX_TITLE_CHARS} characters, as on a button."))
    return problems
