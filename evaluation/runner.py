"""Send the realistic set to an assistant over the REST channel and judge every reply.

Each single message goes in a conversation of its own; a conversation's turns go one after the
other in one. Cases run a few at a time, as residents would. When the assistant was started here
(its SQLite store is known), what it understood for each wrong reply (intent and answer) is read
back from the store, to show where the wrong replies went.
"""
import json
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import requests

from bot.operations import events_db
from bot.rules import clarify, directory
from bot.staff import training_data
from evaluation import judge
from evaluation.realistic_set import Case, EvaluationSet

# Every answer that says the assistant did not understand (bot/rules/clarify.py).
FALLBACK_RESPONSES = (clarify.CLARIFY,) + clarify.IN_PLACE_OF_CLARIFY
WORKERS = 4
TIMEOUT_SECONDS = 30


@dataclass
class TurnResult:
    text: str
    topic: str
    replies: List[dict]
    verdict: judge.Verdict
    understood: str = ""  # "intent -> answers", when the store could be read


@dataclass
class CaseResult:
    case: Case
    sender: str
    turns: List[TurnResult] = field(default_factory=list)

    @property
    def right(self) -> bool:
        return all(t.verdict.right for t in self.turns)


def fallback_openings() -> Sequence[str]:
    texts = training_data.response_texts(training_data.domain())
    return judge.first_lines([t for name in FALLBACK_RESPONSES for t in texts.get(name, [])])


def _send(session: requests.Session, webhook: str, sender: str, text: str) -> List[dict]:
    response = session.post(webhook, json={"sender": sender, "message": text}, timeout=TIMEOUT_SECONDS)
    if response.status_code != 200:
        return [{"text": f"[HTTP {response.status_code}]"}]
    return response.json()


def run_case(case: Case, webhook: str, values: Dict[str, str], openings: Sequence[str]) -> CaseResult:
    result = CaseResult(case, uuid.uuid4().hex)
    with requests.Session() as session:
        for turn in case.turns:
            replies = _send(session, webhook, result.sender, turn.text)
            verdict = judge.judge(turn, replies, values, openings)
            result.turns.append(TurnResult(turn.text, turn.topic, replies, verdict))
    return result


def run(evaluation: EvaluationSet, rest_webhook: str, store: Optional[Path] = None) -> List[CaseResult]:
    values = directory.placeholder_values(directory.load())
    openings = fallback_openings()
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda c: run_case(c, rest_webhook, values, openings), evaluation.cases))
    if store is not None and store.exists():
        _read_back_understanding(results, store)
    return results


def _read_back_understanding(results: List[CaseResult], store: Path) -> None:
    """For each turn, the intent the assistant chose and the answers it gave, from its store."""
    import sqlalchemy as sa

    with events_db.engine(events_db.url_of(store)).connect() as db:
        rows = db.execute(sa.text(
            "SELECT sender_id, type_name, intent_name, action_name FROM events "
            "WHERE type_name IN ('user', 'action') ORDER BY id")).fetchall()
    turns: Dict[str, List[List[str]]] = {}
    for sender, kind, intent, action in rows:
        if kind == "user":
            turns.setdefault(sender, []).append([intent or "?"])
        elif sender in turns and action and action.startswith(("utter_", "action_")) and action != "action_listen":
            turns[sender][-1].append(action)
    for result in results:
        for turn, understood in zip(result.turns, turns.get(result.sender, [])):
            turn.understood = f"{understood[0]} -> {', '.join(understood[1:]) or '(nothing)'}"


def save(results: List[CaseResult], path: Path) -> None:
    """Every turn's verdict, as JSON, for comparing runs. Sealed cases keep only their verdicts."""
    path.parent.mkdir(parents=True, exist_ok=True)

    def turn(t: TurnResult, sealed: bool) -> dict:
        shown = {} if sealed else {"text": t.text, "replies": [m.text for m in judge.shown_messages(t.replies)]}
        return {"topic": t.topic, "problems": t.verdict.problems, "understood": t.understood, **shown}

    path.write_text(json.dumps([
        {"case": r.case.name, "sealed": r.case.sealed, "right": r.right,
         "turns": [turn(t, r.case.sealed) for t in r.turns]}
        for r in results], indent=1, ensure_ascii=False), encoding="utf-8")
