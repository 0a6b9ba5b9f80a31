"""English wordings of acts the coder saw no trigger in (verbs.yaml, round s23e): stated intent to
take ground or act by force, expecting the other side to act, drills named by what was done with
them, aiming attacks at the other side's ships or bases, retaking ground, pledged support,
allegations, labels of contempt; and a progressive verb after "is"/"was" read as active, not
passive. Each case is one class of wording news uses for the act, written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor
from dualtrack.model import Document

CODERS = ("rules", "learned")

CASES = [
    # a stated intent to take ground or to act by force
    ("Venezuela plans to annex the western half of Guyana.", ("VEN", "THREATEN", "GUY")),
    ("Trump said America would act decisively and fast against Venezuela.", ("USA", "THREATEN", "VEN")),
    ("Washington said it would strike Iran again if needed.", ("USA", "THREATEN", "IRN")),
    ("Mogadishu said Somalia would “defend itself” against Ethiopia.", ("SOM", "THREATEN", "ETH")),
    # expecting the other side to act is asking it to
    ("Manila expects Beijing to respect the new arrangement.", ("PHL", "REQUEST", "CHN")),
    # a progressive verb after "is"/"was" is active: its subject is the actor
    ("The White House was pressing Damascus to sign a pact.", ("USA", "REQUEST", "SYR")),
    ("Trump is encouraging Ukraine to accept a truce.", ("USA", "REQUEST", "UKR")),
    # drills named by what was done with them; the test of a missile
    ("China staged large-scale naval drills around Taiwan.", ("CHN", "MOBILIZE", "TWN")),
    ("North Korea carried out a test of a new ICBM.", ("PRK", "MOBILIZE", None)),
    # aiming attacks at the other side's ships; taking ground back by force
    ("The Houthis keep targeting Israeli tankers off Yemen.", ("YEM", "ASSAULT", "ISR")),
    ("Azerbaijan retook the villages from Armenian forces.", ("AZE", "ASSAULT", "ARM")),
    # pledged support is support, not an agreement
    ("Rubio pledged American backing for Guyana.", ("USA", "SUPPORT", "GUY")),
    # an allegation worded with a participle
    ("Israel shelled Rafah, alleging that Hamas fired at its troops.", ("ISR", "ACCUSE", "PSE")),
    # talking with a counterpart in the future
    ("Waltz will speak directly with Russia on Friday.", ("USA", "CONSULT", "RUS")),
]


@pytest.fixture(scope="module", params=CODERS)
def coder(request: pytest.FixtureRequest) -> Extractor:
    return Extractor(case=None, lang="auto", coder=request.param)


def _triples(ex: Extractor, text: str) -> set[tuple[str | None, str, str | None]]:
    res = ex.extract(Document(text=text, date=dt.date(2026, 3, 5)))
    return {(ex.country(e.actor), e.category.value, ex.country(e.target)) for e in res.events}


@pytest.mark.parametrize(("text", "want"), CASES)
def test_wording_is_coded(coder: Extractor, text: str, want: tuple) -> None:
    got = _triples(coder, text)
    a, c, t = want
    assert want in got or (c == "CONSULT" and (t, c, a) in got), got


def test_joint_drills_stay_cooperation(coder: Extractor) -> None:
    got = _triples(coder, "Tokyo and Washington held joint drills in the Pacific.")
    assert {c for _, c, _ in got} == {"COOPERATE"}, got


def test_pledged_backing_is_not_an_agreement(coder: Extractor) -> None:
    got = _triples(coder, "Rubio pledged American backing for Guyana.")
    assert "AGREE" not in {c for _, c, _ in got}, got
