"""Understanding of messages the model has never seen, with an asserted minimum accuracy."""
import asyncio
from collections import Counter

import pytest
from rasa.core.agent import Agent

from bot.staff.training_data import example_key
from harness.cases import load_heldout
from tests.helpers import trained_model

pytestmark = pytest.mark.model

MIN_ACCURACY = 0.88
heldout_examples = load_heldout


def test_heldout_messages_are_not_in_the_training_data(examples):
    training = {example_key(e.text) for e in examples}
    assert [t for _, t in heldout_examples() if example_key(t) in training] == []


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
