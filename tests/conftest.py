"""Shared fixtures: the project's real content, loaded once per test session."""
from typing import Dict, List

import pytest

from bot.rules import directory
from bot.staff import training_data


@pytest.fixture(scope="session")
def contacts() -> Dict[str, directory.Contact]:
    return directory.load()


@pytest.fixture(scope="session")
def directory_values(contacts) -> Dict[str, str]:
    return directory.placeholder_values(contacts)


@pytest.fixture(scope="session")
def domain_data() -> dict:
    return training_data.domain()


@pytest.fixture(scope="session")
def responses(domain_data) -> Dict[str, List[str]]:
    return training_data.response_texts(domain_data)


@pytest.fixture(scope="session")
def examples() -> List[training_data.Example]:
    return training_data.nlu_examples()
