"""Content rules: contacts only from the directory, no referral language, enough varied examples."""
from collections import defaultdict

import pytest

from bot.rules import answer_text
from bot.staff import content_checks
from bot.staff.training_data import example_key

MIN_EXAMPLES_PER_INTENT = 15


def rendered(text: str, values: dict) -> str:
    return answer_text.PLACEHOLDER_RE.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def test_no_contact_detail_is_typed_into_a_response(responses):
    """Numbers, links and emails live in the directory only; responses use placeholders."""
    typed = {
        name: answer_text.contact_details(text)
        for name, variations in responses.items()
        for text in variations
        if answer_text.contact_details(text)
    }
    assert typed == {}


def test_every_placeholder_names_a_directory_field_or_a_known_slot(responses, directory_values, domain_data):
    allowed = set(directory_values) | set(domain_data.get("slots", {})) | set(content_checks.COMPUTED_VALUES)
    unknown = {
        (name, placeholder)
        for name, variations in responses.items()
        for text in variations
        for placeholder in answer_text.placeholders(text)
        if placeholder not in allowed
    }
    assert unknown == set()


def test_every_contact_shown_in_an_answer_exists_in_the_directory(responses, directory_values):
    known = set(directory_values.values())
    shown = {
        detail
        for variations in responses.values()
        for text in variations
        for detail in answer_text.contact_details(rendered(text, directory_values))
    }
    assert shown, "the answers should show contacts"
    assert {d for d in shown if not any(d in value for value in known)} == set()


def test_no_response_offers_or_claims_a_referral(responses, directory_values):
    offending = {
        name: answer_text.referral_phrases(rendered(text, directory_values))
        for name, variations in responses.items()
        for text in variations
        if answer_text.referral_phrases(rendered(text, directory_values))
    }
    assert offending == {}


@pytest.mark.parametrize(
    "text",
    [
        "I will refer you to Victim Support.",
        "We'll pass your details to the police.",
        "I have referred you.",
        "You have been referred to Galop.",
        "Someone will call you back tomorrow.",
        "I can put you in touch with a caseworker.",
        "The council will share your details with Remedi.",
    ],
)
def test_the_referral_rule_catches_referral_wording(text):
    assert answer_text.referral_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "I cannot refer you or pass your details to any service.",
        "The council does not make referrals.",
        "You can contact them yourself.",
    ],
)
def test_the_referral_rule_allows_refusals(text):
    assert answer_text.referral_phrases(text) == []


def test_the_referral_answer_says_no_and_still_gives_contacts(responses, directory_values):
    text = rendered(responses["utter_request_referral"][0], directory_values)
    assert "does not make referrals" in text
    assert directory_values["victim_support.phone"] in text


def test_every_intent_has_enough_examples(examples, domain_data):
    counts = defaultdict(int)
    for example in examples:
        counts[example.intent] += 1
    too_few = {i: counts[i] for i in domain_data["intents"] if counts[i] < MIN_EXAMPLES_PER_INTENT}
    assert too_few == {}


def test_no_example_is_repeated_within_or_across_intents(examples):
    seen = {}
    repeated = []
    for example in examples:
        key = example_key(example.text)
        if key in seen:
            repeated.append((example.text, seen[key].intent, example.intent))
        seen.setdefault(key, example)
    assert repeated == []


def test_every_intent_in_the_data_is_in_the_domain_and_answered_by_a_rule(examples, domain_data):
    from bot.paths import DATA_DIR
    rules = (DATA_DIR / "rules.yml").read_text(encoding="utf-8")
    for intent in {e.intent for e in examples}:
        assert intent in domain_data["intents"], intent
        assert f"intent: {intent}\n" in rules, intent
