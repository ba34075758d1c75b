"""Fixtures of the staff tools' tests."""
import pytest

from tests.staff_fixtures import project_copy


@pytest.fixture
def project(tmp_path):
    """A throwaway copy of the project's content to break and edit."""
    return project_copy(tmp_path)
