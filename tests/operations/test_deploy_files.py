"""The deployment files stay in step with the code (the Kubernetes part is documented, not run)."""

import yaml

from bot.operations import settings
from bot.paths import ROOT

MANIFESTS = list(yaml.safe_load_all((ROOT / "deploy" / "kubernetes" / "assistant.yaml").read_text()))


def test_every_setting_in_the_kubernetes_config_map_is_one_the_assistant_reads():
    config_map = next(m for m in MANIFESTS if m["kind"] == "ConfigMap")
    assert set(config_map["data"]) <= set(settings.DEFAULTS)


def test_the_pods_run_the_commands_the_assistant_has():
    commands = {c["command"][-1] for m in MANIFESTS if m["kind"] == "Deployment"
                for c in m["spec"]["template"]["spec"]["containers"] if "command" in c}
    assert commands == {"rasa", "actions"}  # python -m bot serve rasa|actions


def test_the_action_servers_get_no_secrets():
    actions = next(m for m in MANIFESTS if m["metadata"]["name"] == "assistant-actions" and m["kind"] == "Deployment")
    sources = actions["spec"]["template"]["spec"]["containers"][0]["envFrom"]
    assert all("secretRef" not in source for source in sources)


def test_the_image_ignores_local_state_and_secrets():
    ignored = set((ROOT / "deploy" / "Dockerfile.dockerignore").read_text().split())
    assert {".env", "var", "models", ".venv"} <= ignored


def test_only_the_ingress_reaches_rasa_and_only_rasa_reaches_actions_and_redis():
    """With PROXIES_COUNT=1 a pod that reached Rasa directly could claim any client address."""
    policies = {m["spec"]["podSelector"]["matchLabels"]["app"]: m["spec"]["ingress"]
                for m in MANIFESTS if m["kind"] == "NetworkPolicy"}
    assert set(policies) == {"assistant-rasa", "assistant-actions", "assistant-redis"}
    assert all("namespaceSelector" in source for rule in policies["assistant-rasa"] for source in rule["from"])
    for app in ("assistant-actions", "assistant-redis"):
        selectors = [s["podSelector"]["matchLabels"] for r in policies[app] for s in r["from"]]
        assert selectors == [{"app": "assistant-rasa"}]
