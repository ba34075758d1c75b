"""Settings from the environment: safe defaults, and refusals that say what to do."""
import subprocess
import sys

import pytest

from bot.operations import settings
from bot.operations.processes import rasa_command
from bot.paths import ROOT

NO_FILE = "/nonexistent/.env"


@pytest.fixture
def env(monkeypatch):
    for name in settings.DEFAULTS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_keep_the_api_off_and_limits_on(env):
    loaded = settings.load(NO_FILE)
    assert not loaded.enable_api and "RASA_API_TOKEN" not in loaded.env()
    assert loaded.limits == settings.Limits()
    assert loaded.action_timeout_seconds == 5.0


def test_the_api_will_not_start_without_a_long_token(env):
    env.setenv("ENABLE_API", "true")
    with pytest.raises(settings.SettingsError, match="API_TOKEN"):
        settings.load(NO_FILE)
    env.setenv("API_TOKEN", "short")
    with pytest.raises(settings.SettingsError, match="at least 32"):
        settings.load(NO_FILE)


def test_with_a_token_the_api_is_started_with_it_and_children_never_inherit_it(env):
    token = "t" * 40
    env.setenv("ENABLE_API", "true")
    env.setenv("API_TOKEN", token)
    loaded = settings.load(NO_FILE)
    child = loaded.env()
    assert child["RASA_API_TOKEN"] == token and "API_TOKEN" not in child and "ENABLE_API" not in child
    assert "RASA_API_TOKEN" not in loaded.actions_env()
    assert token not in " ".join(rasa_command("run", ROOT / "models" / "m.tar.gz"))  # not in the process list
    assert child["RASA_TELEMETRY_ENABLED"] == "false"


def test_limits_are_read_from_the_environment_and_nonsense_is_refused(env):
    env.setenv("MESSAGES_PER_MINUTE", "7")
    assert settings.load(NO_FILE).limits.messages_per_minute == 7
    assert settings.load(NO_FILE).env()["MESSAGES_PER_MINUTE"] == "7"
    env.setenv("MESSAGES_PER_MINUTE", "lots")
    with pytest.raises(settings.SettingsError, match="MESSAGES_PER_MINUTE must be a whole number"):
        settings.load(NO_FILE)
    env.setenv("MESSAGES_PER_MINUTE", "0")
    with pytest.raises(settings.SettingsError, match="at least 1"):
        settings.load(NO_FILE)


def test_by_default_one_server_keeps_everything_itself(env):
    loaded = settings.load(NO_FILE)
    child = loaded.env()
    assert child["TRACKER_URL"] == f"sqlite:///{loaded.tracker_db}"
    assert child["LOCK_STORE"] == "bot.rasa_plugins.locks.InMemoryLockStore" and child["REDIS_HOST"] == ""
    assert child["PROXIES_COUNT"] == "0"  # X-Forwarded-For is not believed unless told


def test_database_url_and_redis_host_switch_to_the_shared_stores(env):
    env.setenv("DATABASE_URL", "postgres://rasa:secret@db.internal:5432/assistant")
    env.setenv("REDIS_HOST", "redis.internal")
    env.setenv("REDIS_PASSWORD", "pw")
    child = settings.load(NO_FILE).env()
    assert child["TRACKER_URL"] == "postgresql://rasa:secret@db.internal:5432/assistant"  # the usual alias
    assert child["LOCK_STORE"] == "bot.rasa_plugins.locks.RedisLockStore" and child["REDIS_HOST"] == "redis.internal"
    assert child["REDIS_PASSWORD"] == "pw" and child["TICKET_LOCK_LIFETIME"] == "20"
    actions = settings.load(NO_FILE).actions_env()
    assert not {"DATABASE_URL", "TRACKER_URL", "REDIS_PASSWORD"} & set(actions)  # passwords: Rasa only


@pytest.mark.parametrize("name, value, expected", [
    ("DATABASE_URL", "mysql://x@y/z", "postgresql://"),
    ("REDIS_PORT", "six", "whole number"),
    ("RASA_REPLICAS", "0", "at least 1"),
    ("PROXIES_COUNT", "-1", "at least 0"),
])
def test_unusable_scale_out_settings_are_refused_by_name(env, name, value, expected):
    env.setenv(name, value)
    with pytest.raises(settings.SettingsError, match=expected):
        settings.load(NO_FILE)


def test_every_setting_is_documented_for_whoever_runs_the_assistant():
    from bot.paths import ROOT

    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in settings.DEFAULTS:
        assert f"\n{name}=" in example, f"{name} is missing from .env.example"
        assert f"`{name}`" in readme, f"{name} is missing from the README's settings tables"


@pytest.mark.parametrize("name, value, said", [
    ("RASA_PORT", "abc", "RASA_PORT must be a whole number"),
    ("ACTIONS_PORT", "70000", "ACTIONS_PORT must be a port number"),
    ("RETENTION_DAYS", "-5", "RETENTION_DAYS must be at least 1"),
    ("RETENTION_DAYS", "0", "RETENTION_DAYS must be at least 1"),
    ("ALLOWED_ORIGINS", "not-a-url", "ALLOWED_ORIGINS must list website origins"),
    ("ALLOWED_ORIGINS", "https://partner.org/page", "ALLOWED_ORIGINS must list website origins"),
    ("LOG_LEVEL", "LOUD", "LOG_LEVEL must be one of"),
    ("KEEP_UNCLEAR_MESSAGES", "maybe", "KEEP_UNCLEAR_MESSAGES must be true or false"),
    ("ENABLE_API", "perhaps", "ENABLE_API must be true or false"),
    ("ACTION_TIMEOUT_SECONDS", "-1", "ACTION_TIMEOUT_SECONDS must be more than 0"),
    ("UNCLEAR_MESSAGES_RETENTION_DAYS", "x", "UNCLEAR_MESSAGES_RETENTION_DAYS must be a whole number"),
])
def test_every_setting_is_checked_with_a_one_line_reason(env, name, value, said):
    """RETENTION_DAYS=-5 would have deleted every conversation, in progress too, at start and daily."""
    env.setenv(name, value)
    with pytest.raises(settings.SettingsError, match=said) as refused:
        settings.load(NO_FILE)
    assert "\n" not in str(refused.value)


def test_a_bad_setting_stops_make_run_with_one_line_and_no_traceback():
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=ROOT, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin", "RASA_PORT": "abc", "PYTHONPATH": str(ROOT)}, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip() == "Not started: RASA_PORT must be a whole number, not 'abc'"
    assert "Traceback" not in result.stdout + result.stderr
