"""`python -m bot check-links`: is every web address the assistant shows still alive, and where?

Links come from the contact directory (what residents are shown, and each entry's source).
Requests are polite: a clear user agent, a few at a time, HEAD first (GET if a site refuses
HEAD), redirects followed, and a timeout. With no network the command says so plainly instead
of calling every link dead.
"""
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional

import requests

from bot.rules import directory

USER_AGENT = "CoventryCityCouncil-HateCrimeAssistant-LinkCheck/1.0 (checks the links the assistant shows)"
TIMEOUT_SECONDS = 10
AT_ONCE = 4


@dataclass(frozen=True)
class LinkResult:
    url: str
    status: Optional[int]  # None when no answer came back
    final_url: Optional[str]
    problem: str  # "" when fine

    @property
    def verdict(self) -> str:
        if self.problem:
            return "dead" if self.status else "no answer"
        return "moved" if self.moved else "ok"

    @property
    def moved(self) -> bool:
        return bool(self.final_url) and self.final_url.rstrip("/") != self.url.rstrip("/")


def directory_links(contacts: Dict[str, directory.Contact]) -> List[str]:
    links = {c.get(field) for c in contacts.values() for field in ("web", "source")}
    return sorted(link for link in links if link and link.startswith("http"))


def check_one(session: requests.Session, url: str, timeout: float) -> LinkResult:
    try:
        response = session.head(url, allow_redirects=True, timeout=timeout)
        if response.status_code in (403, 405, 501):  # some sites refuse HEAD but answer GET
            response = session.get(url, allow_redirects=True, timeout=timeout, stream=True)
            response.close()
    except requests.Timeout:
        return LinkResult(url, None, None, f"no answer within {timeout:g} seconds")
    except requests.ConnectionError as error:
        return LinkResult(url, None, None, f"could not connect ({type(error).__name__})")
    except requests.RequestException as error:
        return LinkResult(url, None, None, f"request failed ({type(error).__name__})")
    problem = "" if response.status_code < 400 else f"the site answered {response.status_code}"
    return LinkResult(url, response.status_code, response.url, problem)


def check_links(urls: Iterable[str], timeout: float = TIMEOUT_SECONDS) -> List[LinkResult]:
    with requests.Session() as session:
        session.headers["User-Agent"] = USER_AGENT
        with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
            return list(pool.map(lambda url: check_one(session, url, timeout), urls))


def report(results: List[LinkResult]) -> int:
    """Print one line a link; 0 all fine, 1 some dead or moved, 2 nothing could be reached."""
    if results and all(r.status is None for r in results):
        print("Could not reach any website: this machine seems to have no internet connection.\n"
              "No link was checked. Try again from a machine that is online.")
        for result in results:
            print(f"  {result.url}: {result.problem}")
        return 2
    for result in results:
        line = f"{result.verdict:10} {result.url}"
        if result.moved:
            line += f" -> now {result.final_url} (update the directory)"
        if result.problem:
            line += f": {result.problem}"
        print(line)
    bad = [r for r in results if r.problem or r.moved]
    print(f"\n{len(results)} links checked: {len(results) - len(bad)} fine, {len(bad)} to look at.")
    return 1 if bad else 0
