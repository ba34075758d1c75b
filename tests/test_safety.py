"""The deterministic safety check: danger now and self-harm must be caught, past events must not."""
import pytest

from bot import safety

DANGER_NOW = [
    "there's a man outside my house with a knife",
    "HELP they are kicking my door in",
    "someone is following me home right now",
    "im being followed by a gang",
    "they're trying to break in, what do I do",
    "he said he's gonna kill me",
    "they threatened to burn our house down",
    "someone just set fire to my car",
    "my shop is on fire",
    "a man's been chasing me down the road",
    "they keep hitting my son",
    "i'm in danger",
    "I am not safe",
    "its an emergency",
    "helppp!!!",
    "help me now please",
    "there are lads banging on my door shouting racist stuff",
    "they won't leave me alone, they're still here",
    "they are attacking my friend",
    "someone's outside my flat and won't go away",
    "they have a gun",
    "they poured petrol through the letterbox",
    "I'm hiding from them in the toilets",
    "we are surrounded",
    "it's happening right now",
    "I was just attacked and he is still here now",
    "there's a man with a kinfe, knife, outside",
    "need police now",
    "I\u2019m being attacked",
]

SELF_HARM = [
    "i want to kill myself",
    "I feel suicidal",
    "i've been self-harming",
    "I don't want to live any more",
    "i dont want to be alive",
    "i want to end it all",
    "I just want to die",
    "everyone would be better off if I took my own life",
    "I'm thinking about hurting myself",
    "i cant go on",
]

NOT_DANGER_NOW = [
    "what is a hate crime",
    "someone shouted at me on the bus yesterday",
    "how do I report a hate crime",
    "when should I call 999 or 101",
    "what do i do in an emergency",
    "it's not an emergency but I want to report something",
    "I'm not in danger, it happened last week",
    "can I report anonymously",
    "my neighbour called me names because I'm gay",
    "thank you",
    "is graffiti a hate crime",
    "who is at risk of hate crime",
    "I don't feel safe in my area any more",
    "non-emergency number please",
    "",
]


@pytest.mark.parametrize("message", DANGER_NOW)
def test_danger_now_is_caught(message):
    assert safety.classify(message) == safety.DANGER


@pytest.mark.parametrize("message", SELF_HARM)
def test_self_harm_is_caught_before_danger(message):
    assert safety.classify(message) == safety.SELF_HARM


@pytest.mark.parametrize("message", NOT_DANGER_NOW)
def test_ordinary_questions_and_past_events_are_left_to_the_model(message):
    assert safety.classify(message) is None


def test_training_examples_for_danger_are_all_caught_by_the_rules_too(examples):
    """Both the model and the rules must miss before a danger message goes unanswered."""
    missed = [e.text for e in examples if e.intent == "emergency" and safety.classify(e.text) is None]
    # A few emergency examples are emotional rather than explicit ("i am scared for my life");
    # those rely on the model. Most must be caught by the rules on their own.
    assert len(missed) <= 4, missed
