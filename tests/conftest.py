"""Shared fixtures: the project's real content, loaded once per test session."""
from typing import Dict, List

import pytest

from bot import directory, project_files


@pytest.fixture(scope="session")
def contacts() -> Dict[str, directory.Contact]:
    return directory.load()


@pytest.fixture(scope="session")
def directory_values(contacts) -> Dict[str, str]:
    return directory.placeholder_values(contacts)


@pytest.fixture(scope="session")
def domain_data() -> dict:
    return project_files.domain()


@pytest.fixture(scope="session")
def responses(domain_data) -> Dict[str, List[str]]:
    return project_files.response_texts(domain_data)


@pytest.fixture(scope="session")
def examples() -> List[project_files.Example]:
    return project_files.nlu_examples()
