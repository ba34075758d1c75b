"""A deterministic check, on every message, for danger now and for thoughts of suicide or self-harm.

The intent model can be wrong; this check cannot be talked out of its rules. When it fires, the
assistant gives the 999 (or Samaritans) guidance first, whatever else the message asks. The rules
lean towards firing: a needless "if you are in danger now, call 999" costs a line of text, a
missed one could cost far more. Past-tense reports without a sign of present danger do not fire,
so that "someone shouted at me last week" gets the reporting answer it needs.
"""
import re
from typing import Optional

DANGER = "emergency"
SELF_HARM = "crisis_self_harm"

_ME = r"(?:me|us|my|mine|him|her|them|my\s+\w+|our\s+\w+)"

_SELF_HARM_PATTERNS = [
    r"\bkill(?:ing)?\s+my\s*self\b",
    r"\bend(?:ing)?\s+(?:it\s+all|my\s+life|everything|it\s+now)\b",
    r"\bsuicid\w*",
    r"\bself[\s-]*harm\w*",
    r"\b(?:hurt|harm|cut)(?:ing|s)?\s+my\s*self\b",
    r"\b(?:don'?t|do\s+not|dont)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)\b",
    r"\b(?:want|wanna|going)\s+(?:to\s+)?die\b",
    r"\bbetter\s+off\s+dead\b",
    r"\b(?:take|took|taking)\s+my\s+(?:own\s+)?life\b",
    r"\bno\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|going\s+on)\b",
    r"\bcan'?t\s+go\s+on\b",
    r"\boverdose\b",
]

_DANGER_PATTERNS = [
    # Weapons, fire and explosives: always treated as danger now.
    r"\b(?:knife|knives|knif|nife|machete|sword|gun|guns|shotgun|pistol|firearm|weapons?|blade|"
    r"acid|hammer|baseball\s+bat|crowbar|petrol|molotov|fire\s*bomb\w*|arson)\b",
    r"\b(?:set|setting|sets|lit|light|lighting)\s+(?:fire|light)\b",
    r"\b(?:on\s+fire|fire\s+to|burn(?:ing|t)?\s+(?:down|my|our|the|us))\b",
    r"\bexplosive|\bbomb\b",
    # An attack or chase in progress.
    r"\b(?:is|are|'s|'re|s|re|keep|keeps|still|been)\s+(?:attacking|hitting|beating|punching|kicking|"
    r"chasing|following|stabbing|threatening|strangling|choking|hurting|assaulting|stalking)\s+" + _ME,
    r"(?<!after )(?<!since )(?<!about )(?<!from )\bbeing\s+(?:attacked|followed|chased|beaten|beat|hit|threatened|assaulted|stalked|hurt|"
    r"strangled|choked|kicked|punched)\b",
    r"\b(?:attacking|beating|chasing|stabbing|strangling|choking)\s+(?:me|us)\b",
    r"\bfollow(?:ing|ed)\s+(?:me|us)\s+(?:home|now|right\s+now)\b",
    r"\bfollowing\s+(?:me|us)\b",
    r"\bjust\s+(?:attacked|hit|punched|kicked|stabbed|assaulted|beat)\b",
    # Someone at the door or trying to get in.
    r"\boutside\s+(?:my|our|the)\s+(?:house|home|door|flat|window|room|place|building|shop|car)\b",
    r"\bat\s+(?:my|our|the)\s+(?:front\s+|back\s+)?door\b",
    r"\b(?:banging\s+on|kicking|kicking\s+in|smashing|breaking)\s+(?:my|our|the)\s+"
    r"(?:door|doors|window|windows)\b",
    r"\b(?:trying|try|tryna)\s+to\s+(?:get\s+in(?:to|side)?|break\s+in|kill|hurt|attack|stab|grab)\b",
    r"\bbreak(?:ing)?\s+in\b",
    r"\b(?:in|inside)\s+my\s+(?:house|home|flat|garden)\b.*\b(?:now|right\s+now)\b",
    r"\b(?:won'?t|wont|will\s+not)\s+(?:leave|go\s+away|let\s+me\s+(?:go|leave|out))\b",
    r"\b(?:trapped|surrounded|surrounding\s+(?:me|us)|cornered|hiding\s+from)\b",
    r"\b(?:can'?t|cannot|cant)\s+get\s+away\b",
    r"\bwaiting\s+(?:outside\s+)?for\s+(?:me|us)\b",
    r"\b(?:they'?re|they\s+are|theyre|he'?s|hes|he\s+is|she'?s|she\s+is)\s+(?:still\s+)?outside\b",
    r"\bbeating\s+(?:someone|somebody|a\s+\w+|him|her|them)\s+up\b",
    r"\b(?:are|is|'re|re|'s)\s+throwing\s+.{0,40}\bat\s+(?:me|us|my|our)\b",
    r"\b(?:keeps?|kept)\s+driving\s+(?:past|by|round)\b",
    # Threats to life or of violence.
    r"\b(?:going\s+to|gonna|gunna|gona|will|'ll|ll|threaten(?:ed|ing|s)?\s+to)\s+"
    r"(?:kill|stab|shoot|burn|hurt|attack|beat|batter|smash)\b",
    r"\bkill\s+(?:me|us|him|her|them|my)\b",
    r"\bthreatening\s+" + _ME,
    # Plain statements of danger or a call for help now.
    r"\b(?:in|into)\s+danger\b",
    r"\b(?:not|n'?t)\s+safe\b",
    r"\bunsafe\b",
    r"(?<!if )\b(?:it'?s|its|this\s+is)\s+an\s+emergency\b",
    r"\bhelp\s+(?:me\s+)?(?:please\s+)?(?:now|quick|quickly|asap|fast|urgently)\b",
    r"\bhelp+\s*!+|\bhelpp+\b|\bhelp\s+help\b",
    r"^\W*(?:emergency|urgent|sos)\W*$",
    r"\b(?:scared|afraid|fear|fearing|frightened|terrified)\s+for\s+(?:my|our|his|her|their)\s+li(?:fe|ves)\b",
    r"\bsend\s+(?:the\s+|an\s+)?(?:police|ambulance|help|cops)\b",
    r"\b(?:send|need|get)\s+(?:the\s+|an\s+)?(?:police|ambulance|cops)\s+(?:now|quick|asap|urgently|here)\b",
    r"\bhappening\s+(?:now|right\s+now)\b",
    r"\b(?:attack|attacked|assault|assaulted|hurt|injured|bleeding)\b.*\b(?:right\s+now|just\s+now|now)\b",
]

# Phrases that say the opposite ("I'm not in danger", "it's not an emergency").
_NEGATED = [
    r"\b(?:not|no\s+longer|n'?t|never|wasn'?t|isn'?t|no)\s+(?:in\s+)?(?:any\s+)?(?:danger|an\s+emergency|at\s+risk)\b",
    r"\bnon[\s-]?emergency\b",
    r"\bnot\s+urgent\b",
]

_SELF_HARM_RE = re.compile("|".join(_SELF_HARM_PATTERNS))
_DANGER_RE = [re.compile(p) for p in _DANGER_PATTERNS]
_NEGATED_RE = re.compile("|".join(_NEGATED))


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, letters repeated 3+ times cut to two ('helppp' -> 'helpp')."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)
    return re.sub(r"\s+", " ", text)


def classify(text: str) -> Optional[str]:
    """Return SELF_HARM, DANGER or None for one message.

    Self-harm is checked first: "I want to kill myself" needs Samaritans and 999, and the danger
    patterns would otherwise read it as a threat from someone else.
    """
    clean = normalise(text or "")
    if _SELF_HARM_RE.search(clean):
        return SELF_HARM
    without_negations = _NEGATED_RE.sub(" ", clean)
    if any(pattern.search(without_negations) for pattern in _DANGER_RE):
        return DANGER
    return None
