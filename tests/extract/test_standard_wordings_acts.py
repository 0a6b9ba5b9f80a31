"""Standard news wordings of the codebook's other act types (s62w, after s61v's refusals,
appeals, sanctions and threats): talks by phone (通了电话), deals sealed or concluded (签订…协定),
aid airlifted or air-dropped (空投物资), bombardment (炮轰, 砲轟), confiscations and detentions
(拘禁), deportations, warships positioned, sides taken, cases filed against a state, written from
general knowledge of how wires and Chinese outlets word them, not from articles. Every sentence
here is written for the test; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    (
        "On Wednesday the Indian foreign minister spoke on the phone with his Chinese counterpart.",
        ("IND", "CONSULT", "CHN"),
    ),
    ("On Wednesday Egypt and Israel sealed a deal on the crossing.", ("EGY", "AGREE", "ISR")),
    ("On Wednesday Russian artillery pounded Ukrainian positions.", ("RUS", "ASSAULT", "UKR")),
    ("On Wednesday Iran confiscated a British tanker.", ("IRN", "COERCE", "GBR")),
    ("On Wednesday North Korea deported a South Korean national.", ("PRK", "COERCE", "KOR")),
    ("On Wednesday China positioned warships off Taiwan.", ("CHN", "MOBILIZE", "TWN")),
    ("On Wednesday Gambia filed a case against Myanmar.", ("GMB", "ACCUSE", "MMR")),
    ("印度外长4日与中国外长通了电话。", ("IND", "CONSULT", "CHN")),
    ("以军4日炮轰黎巴嫩南部。", ("ISR", "ASSAULT", "LBN")),
    ("以軍4日砲轟黎巴嫩南部。", ("ISR", "ASSAULT", "LBN")),
    ("俄罗斯4日拘禁一名乌克兰公民。", ("RUS", "COERCE", "UKR")),
    ("巴基斯坦4日向阿富汗空投物资。", ("PAK", "AID", "AFG")),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_a_standard_wording_is_coded(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in asserted_tuples(coders[coder], text)


def test_aid_airlifted_is_drafted(coders) -> None:
    """The rules draft it; the learned coder's verifier, which has seen few AID events (7 in the
    real corpus), may drop an English one."""
    got = asserted_tuples(coders["rules"], "On Wednesday Jordan airlifted aid to Sudan.")
    assert (D, "JOR", "AID", "SDN") in got


def test_an_end_hoped_for_is_no_ceasefire(coders) -> None:
    """'an end to the airstrikes' is what talks may bring, not one side halting them."""
    got = asserted_tuples(
        coders["rules"], "On Wednesday Syria said a deal could bring an end to Israeli airstrikes."
    )
    assert not any(c == "RETREAT" for _, _, c, _ in got)
