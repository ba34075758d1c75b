"""The contact directory: the one file staff edit for every number, email and link.

Responses never contain a number or link typed by hand; they name a directory field with a
placeholder such as ``{crimestoppers.phone}``. This module loads the file and turns it into the
placeholder values, so a change to a number in the file changes every answer that shows it.
"""
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Dict, List, Optional

from ruamel.yaml import YAML

from bot.paths import DIRECTORY_FILE

CHANNEL_FIELDS = ("phone", "textphone", "text", "whatsapp", "email", "web", "address")
REQUIRED_FIELDS = ("name", "purpose", "source", "checked", "confirmed")
OPTIONAL_FIELDS = CHANNEL_FIELDS + ("hours", "area", "note")
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS

# How each channel reads in a sentence, in the order people most often use them.
CHANNEL_WORDING = {
    "phone": "call {}",
    "textphone": "textphone {}",
    "text": "text {}",
    "whatsapp": "WhatsApp {}",
    "email": "email {}",
    "web": "go to {}",
    "address": "visit {}",
}


class DirectoryError(ValueError):
    """The directory file cannot be used as it stands; the message says which entry and why."""


@dataclass(frozen=True)
class Contact:
    """One service in the directory, with only the fields it publishes."""

    id: str
    fields: Dict[str, object]

    def get(self, field: str) -> Optional[str]:
        value = self.fields.get(field)
        return None if value in (None, "") else str(value)

    @property
    def confirmed(self) -> bool:
        return bool(self.fields.get("confirmed"))

    @property
    def checked(self) -> date:
        return self.fields["checked"]  # type: ignore[return-value]

    def how_to_contact(self) -> str:
        """Every published channel in one plain sentence part, e.g. 'call 116 123 or go to ...'."""
        parts = [
            CHANNEL_WORDING[field].format(self.get(field))
            for field in CHANNEL_FIELDS
            if self.get(field)
        ]
        if len(parts) > 1:
            return ", ".join(parts[:-1]) + " or " + parts[-1]
        return parts[0] if parts else ""


def load(path: Path = DIRECTORY_FILE) -> Dict[str, Contact]:
    """Read and check the directory. Raises DirectoryError naming the entry at fault."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("contacts")
    if not isinstance(entries, dict) or not entries:
        raise DirectoryError(f"{path}: the file must have a 'contacts:' section with entries")
    contacts = {}
    for contact_id, fields in entries.items():
        problems = entry_problems(contact_id, fields)
        if problems:
            raise DirectoryError(f"{path}: entry '{contact_id}': " + "; ".join(problems))
        contacts[contact_id] = Contact(id=contact_id, fields=dict(fields))
    return contacts


def entry_problems(contact_id: str, fields: object) -> List[str]:
    """What is wrong with one entry, in words staff can act on (empty when it is fine)."""
    if not isinstance(fields, dict):
        return ["it must be a list of 'field: value' lines"]
    problems = [f"'{name}' is missing" for name in REQUIRED_FIELDS if name not in fields]
    problems += [
        f"unknown field '{name}' (known fields: {', '.join(KNOWN_FIELDS)})"
        for name in fields
        if name not in KNOWN_FIELDS
    ]
    if "checked" in fields and not isinstance(fields["checked"], date):
        problems.append("'checked' must be a date written as YYYY-MM-DD")
    if "confirmed" in fields and not isinstance(fields["confirmed"], bool):
        problems.append("'confirmed' must be true or false")
    if not any(fields.get(name) for name in CHANNEL_FIELDS):
        problems.append("it needs at least one way to get in touch (" + ", ".join(CHANNEL_FIELDS) + ")")
    return problems


def placeholder_values(contacts: Dict[str, Contact]) -> Dict[str, str]:
    """Values for response placeholders: ``{id.field}`` for each field, and ``{id.contact}``."""
    values: Dict[str, str] = {}
    for contact in contacts.values():
        for field in ("name", "purpose", "hours", "area") + CHANNEL_FIELDS:
            value = contact.get(field)
            if value:
                values[f"{contact.id}.{field}"] = value
        values[f"{contact.id}.contact"] = contact.how_to_contact()
    return values
