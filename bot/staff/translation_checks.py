"""`python -m bot validate` on the translations (content/translations/) and the language lists.

A translation is safety text read by someone who cannot check it against the English, so:
- errors: a text of the English source missing, a placeholder missing or added (a number would
  be lost, or a made-up one shown), a phone number, link or email typed by hand, a direction
  other than ltr or rtl, a language in content/languages.yml without its translation or its
  danger words (content/safety_keywords.yml);
- warnings: a translation not yet checked by a fluent speaker (``reviewed: false``).
How to get one reviewed: docs/staff-guide.md.
"""
import re
from pathlib import Path
from typing import Dict, List, Mapping

from ruamel.yaml import YAML

from bot.rules import answer_text, translations
from bot.staff.yaml_checks import Problem, line_of_key

SECTIONS = ("answers", "buttons", "widget")
PLACEHOLDER_WITH_BRACES = re.compile(r"{+[^\n{}]+}+")
# The chat window's file name for saved notes stays in English letters (a file name on any device).
OPTIONAL = {("widget", "notesFile")}


def _compare(path: Path, document: Mapping, source: Mapping) -> List[Problem]:
    problems = []
    for section in SECTIONS:
        theirs, ours = document.get(section) or {}, source.get(section) or {}
        for key, english in ours.items():
            line = line_of_key(theirs, key) if key in theirs else line_of_key(document, section)
            if key not in theirs:
                if (section, key) not in OPTIONAL:
                    problems.append(Problem(path, line, f"{section} '{key}' is missing. Translate it from "
                                            "content/translations/en.yml."))
                continue
            text = str(theirs[key])
            wanted, found = sorted(_placeholders(str(english))), sorted(_placeholders(text))
            if wanted != found:
                problems.append(Problem(path, line, f"{section} '{key}' must keep the placeholders "
                                        f"{wanted or 'none'} exactly as in en.yml, but has {found or 'none'}. "
                                        "Copy them from the English, without translating them."))
            for detail in answer_text.contact_details(answer_text.PLACEHOLDER_RE.sub("", text)):
                problems.append(Problem(path, line, f"{section} '{key}' types '{detail}' by hand. Use the "
                                        "placeholder from en.yml: numbers come from the contact directory."))
        for key in set(theirs) - set(ours):
            problems.append(Problem(path, line_of_key(theirs, key), f"{section} '{key}' is not in en.yml: "
                                    "check the spelling, or remove it."))
    return problems


def _placeholders(text: str) -> List[str]:
    """{entry.field} and {{name}} placeholders, with their braces (one brace lost is a change)."""
    return PLACEHOLDER_WITH_BRACES.findall(text)


def check_translation(path: Path, document: Mapping, source: Mapping) -> List[Problem]:
    problems = []
    for field in ("code", "name_english", "name_native"):
        if not str(document.get(field) or "").strip():
            problems.append(Problem(path, 1, f"'{field}' is missing (see en.yml)."))
    if document.get("code") and document["code"] != path.stem:
        problems.append(Problem(path, line_of_key(document, "code"), f"the code '{document['code']}' must be "
                                f"the file's name ({path.stem})."))
    if document.get("direction", "ltr") not in ("ltr", "rtl"):
        problems.append(Problem(path, line_of_key(document, "direction"), "direction must be ltr (left to "
                                "right) or rtl (right to left, as Arabic and Urdu)."))
    if document.get("reviewed") is not True:
        problems.append(Problem(path, line_of_key(document, "reviewed") if "reviewed" in document else 1,
                                "not yet checked by a fluent speaker (reviewed: false). Residents see it "
                                "already; ask for a review (docs/staff-guide.md).", error=False))
    return problems + _compare(path, document, source)


def check(root: Path) -> List[Problem]:
    """Every translation against en.yml, and every language offered has its texts and danger words."""
    folder = root / "content" / "translations"
    yaml = YAML(typ="rt")
    documents: Dict[Path, Mapping] = {p: yaml.load(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.yml"))}
    source_path = folder / f"{translations.SOURCE}.yml"
    source = documents.pop(source_path, None)
    if source is None:
        return [Problem(source_path, 1, "the English source of the translations is missing.")]
    problems = [p for path, document in documents.items() for p in check_translation(path, document, source)]
    languages_file, keywords_file = root / "content" / "languages.yml", root / "content" / "safety_keywords.yml"
    offered = yaml.load(languages_file.read_text(encoding="utf-8"))["languages"]
    keywords = yaml.load(keywords_file.read_text(encoding="utf-8"))["languages"]
    for code in offered:
        if not (folder / f"{code}.yml").exists():
            problems.append(Problem(languages_file, line_of_key(offered, code), f"'{code}' has no translation: "
                                    f"add content/translations/{code}.yml (copy en.yml)."))
        if not (keywords.get(code) or {}).get("danger"):
            problems.append(Problem(languages_file, line_of_key(offered, code), f"'{code}' has no danger words "
                                    "in content/safety_keywords.yml, so danger in it would be missed."))
    for path in documents:
        if path.stem not in offered:
            problems.append(Problem(path, 1, f"'{path.stem}' is not listed in content/languages.yml: add it "
                                    "there with its figure and source."))
    return problems
