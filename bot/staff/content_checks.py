"""The content rules behind `python -m bot validate`, written for staff who edit the YAML by hand
(the file-level checks and where a problem is: bot/staff/yaml_checks.py).

Each problem says where it is (file and line), what is wrong, and how to fix it. Errors stop a
change going live (exit status 1); warnings are things to look at soon.
"""
import re
from datetime import date
from typing import Dict, Iterable, List, Set

import textstat
from ruamel.yaml.error import MarkedYAMLError

from bot.rules import answer_text, clarify, contact_again, directory, notes
from bot.staff import translation_checks
from bot.staff.training_data import Example, example_key, examples_by_intent, nlu_examples, shown_text
from bot.staff.yaml_checks import (
    Problem,
    Project,
    check_dialogue_length,
    check_unknown_keys,
    line_of_key,
    line_of_key_in_list,
    load_round_trip,
)

MIN_EXAMPLES = 15
READING_AGE_ERROR = 12
READING_AGE_WARNING = 11
CHECK_EVERY_DAYS = 180
MAX_TITLE_CHARS = 40
# Values bot/rasa_plugins/nlg.py fills in besides the directory's and the slots.
COMPUTED_VALUES = notes.COMPUTED_VALUES + contact_again.COMPUTED_VALUES + (answer_text.RETENTION_DAYS_VALUE,)


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
    problems += translation_checks.check(project.root)
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
