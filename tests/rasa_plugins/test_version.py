"""The Rasa release check: the server starts only on the release bot/rasa_plugins/ was written for."""
from bot.rasa_plugins import version


def test_the_installed_rasa_is_the_release_the_patches_were_written_for():
    assert version.problem() is None


def test_another_release_is_refused_with_what_to_check():
    problem = version.problem("3.6.22")
    assert "written for Rasa 3.6.21" in problem and "PATCHES.md" in problem

