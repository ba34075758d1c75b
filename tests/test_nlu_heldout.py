"""Understanding of messages the model has never seen, with an asserted minimum accuracy."""
import asyncio
import re
from collections import Counter
from pathlib import Path

import pytest
from rasa.core.agent import Agent
from ruamel.yaml import YAML

from tests.helpers import trained_model

pytestmark = pytest.mark.model

HELDOUT = Path(__file__).parent / "nlu_heldout.yml"
MIN_ACCURACY = 0.88


def heldout_examples():
    document = YAML(typ="safe").load(HELDOUT.read_text(encoding="utf-8"))
    return [
        (block["intent"], line.strip()[2:].strip())
        for block in document["nlu"]
        for line in block["examples"].splitlines()
        if line.strip().startswith("- ")
    ]


def normalised(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def test_heldout_messages_are_not_in_the_training_data(examples):
    training = {normalised(e.text) for e in examples}
    assert [t for _, t in heldout_examples() if normalised(t) in training] == []


def test_heldout_intent_accuracy(capsys):
    agent = Agent.load(str(trained_model()))
    cases = heldout_examples()

    async def predict():
        return [(await agent.parse_message(text))["intent"]["name"] for _, text in cases]

    predicted = asyncio.run(predict())
    wrong = [(want, got, text) for (want, text), got in zip(cases, predicted) if want != got]
    accuracy = 1 - len(wrong) / len(cases)
    with capsys.disabled():
        print(f"\nHeld-out intent accuracy: {accuracy:.1%} ({len(cases) - len(wrong)}/{len(cases)})")
        confusions = Counter((want, got) for want, got, _ in wrong)
        for (want, got), count in confusions.most_common():
            print(f"  {count} x {want} -> {got}")
    assert accuracy >= MIN_ACCURACY, wrong
