"""A staff change to the contact directory reaches the next reply without a restart or training;
a broken save keeps the last good details rather than breaking every answer."""
import asyncio
import os
import shutil

from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.paths import DIRECTORY_FILE, DOMAIN_FILE
from bot.rasa_plugins.nlg import DirectoryNLG

OLD, NEW = '"08 08 16 89 111"', '"0800 000 0000"'


def support_answer(nlg):
    tracker = DialogueStateTracker.from_events("someone", [])
    return asyncio.run(nlg.generate("utter_ask_support", tracker, "rest"))["text"]


def saved(path, text):
    path.write_text(text, encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later save, whatever the clock


def test_a_changed_number_is_in_the_next_reply_and_a_broken_file_keeps_the_last_good_one(tmp_path):
    directory = tmp_path / "directory.yml"
    shutil.copy(DIRECTORY_FILE, directory)
    assert OLD in directory.read_text(encoding="utf-8")
    nlg = DirectoryNLG(EndpointConfig(directory=str(directory)), Domain.load(str(DOMAIN_FILE)))
    assert "08 08 16 89 111" in support_answer(nlg)

    saved(directory, directory.read_text(encoding="utf-8").replace(OLD, NEW))
    assert "0800 000 0000" in support_answer(nlg)

    saved(directory, "contacts: [this is not: valid")
    assert "0800 000 0000" in support_answer(nlg)


def test_a_saved_directory_that_loses_an_entry_an_answer_uses_keeps_the_last_good_one(tmp_path):
    """A renamed or cut-off entry would show "{samaritans.phone}" in the crisis answer."""
    directory = tmp_path / "directory.yml"
    shutil.copy(DIRECTORY_FILE, directory)
    nlg = DirectoryNLG(EndpointConfig(directory=str(directory)), Domain.load(str(DOMAIN_FILE)))
    saved(directory, directory.read_text(encoding="utf-8").replace("\n  samaritans:\n", "\n  samaritans_uk:\n"))
    tracker = DialogueStateTracker.from_events("someone", [])
    crisis = asyncio.run(nlg.generate("utter_crisis_self_harm", tracker, "rest"))["text"]
    assert "116 123" in crisis and "{" not in crisis
