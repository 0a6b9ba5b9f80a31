"""Standard news wordings of the acts of the CAMEO/PLOVER codebook that the language data lacked
(s61v): refusals ("rebuffed", 婉拒), appeals (督促, "calling on"), sanctions (tariffs slapped or
levied, 加征…关税 with its rate, an envoy recalled, ties severed, consulates closed, relations
downgraded), climb-downs ("backed down", which SUPPORT's "backed" read as backing), criticism
("lambasted", 声讨, stern representations), threats (恐吓) and build-ups ("amassed troops", 陈兵),
and then (s62w) the other act types: talks by phone (通了电话), deals sealed or concluded, aid
airlifted or air-dropped (空投物资), bombardment (炮轰, 砲轟), confiscations and detentions (拘禁),
deportations, warships positioned, cases filed against a state, and (s63) an expulsion worded as
a demand that diplomats leave or be withdrawn (要求…外交人员…离境, "asked … to withdraw …
diplomats", as the English data already read "ordered … diplomats … to leave") and talks
suspended or terminated (终止…谈判; "ended" talks are often talks concluded), tariffs paused,
delayed or dropped (暂停…加征, as an eased measure); all written
from general knowledge of how wires and Chinese outlets word them, not from articles. Every
sentence here is written for the test; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    ("On Wednesday Venezuela rebuffed Guyana's call for talks.", ("VEN", "REJECT", "GUY")),
    ("On Wednesday Egypt was calling on Israel to halt the strikes.", ("EGY", "REQUEST", "ISR")),
    ("On Wednesday China slapped tariffs on Japan.", ("CHN", "SANCTION", "JPN")),
    ("On Wednesday Russia expelled ten junior Estonian diplomats.", ("RUS", "SANCTION", "EST")),
    ("On Wednesday Lithuania recalled its envoy from China.", ("LTU", "SANCTION", "CHN")),
    ("On Wednesday Mali severed ties with Ukraine.", ("MLI", "SANCTION", "UKR")),
    ("On Wednesday Serbia backed down in its dispute with Kosovo.", ("SRB", "CONCEDE", "XKX")),
    ("On Wednesday Pakistan lambasted India over the dam.", ("PAK", "ACCUSE", "IND")),
    ("On Wednesday Russia amassed troops on Ukraine's border.", ("RUS", "MOBILIZE", "UKR")),
    ("伊朗外长4日婉拒美国的会谈邀请。", ("IRN", "REJECT", "USA")),
    ("美國4日督促以色列停止空襲。", ("USA", "REQUEST", "ISR")),
    ("中国4日宣布对美国商品加征百分之二十五的关税。", ("CHN", "SANCTION", "USA")),
    ("印度4日宣布降低与巴基斯坦的外交关系。", ("IND", "SANCTION", "PAK")),
    ("巴基斯坦4日声讨印度。", ("PAK", "ACCUSE", "IND")),
    ("朝鲜4日恐吓韩国。", ("PRK", "THREATEN", "KOR")),
    # the other act types (s62w)
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
    # an expulsion worded as an order or a demand that diplomats leave or be withdrawn (s63)
    ("On Wednesday Peru asked Chile to withdraw six diplomats.", ("PER", "SANCTION", "CHL")),
    ("秘鲁4日要求智利外交人员在48小时内离境。", ("PER", "SANCTION", "CHL")),
    ("祕魯4日要求智利撤走6名外交官。", ("PER", "SANCTION", "CHL")),
    # a number with a thousands comma inside a trigger's gap (normalize._THOUSANDS) (s63)
    ("On Wednesday Poland sent 2,000 soldiers to the Belarus border.", ("POL", "MOBILIZE", "BLR")),
    # tariffs paused, delayed or dropped are eased measures (RETREAT ease) (s63)
    ("On Wednesday the United States paused tariffs on Canada.", ("USA", "RETREAT", "CAN")),
    ("美国4日宣布暂停对加拿大加征关税。", ("USA", "RETREAT", "CAN")),
    # negotiations halted (CAMEO 164, PLOVER SANCTION withdraw) (s63)
    ("On Wednesday Peru suspended negotiations with Chile.", ("PER", "SANCTION", "CHL")),
    ("秘鲁4日宣布终止与智利的谈判。", ("PER", "SANCTION", "CHL")),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_a_standard_wording_is_coded(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in asserted_tuples(coders[coder], text)


def test_a_climb_down_is_no_backing(coders) -> None:
    for coder in ("rules", "learned"):
        got = asserted_tuples(
            coders[coder], "On Wednesday Serbia backed down in its dispute with Kosovo."
        )
        assert not any(c == "SUPPORT" for _, _, c, _ in got), coder


def test_leaving_a_treaty_is_no_withdrawal_of_forces(coders) -> None:
    """GUIDE.md: suspending a treaty is SANCTION; "withdrew" alone reads as forces pulled back."""
    got = asserted_tuples(
        coders["rules"], "On Wednesday Russia withdrew from the arms treaty with the United States."
    )
    assert ("RUS", "SANCTION", "USA") in {t[1:] for t in got}
    assert not any(c == "RETREAT" for _, _, c, _ in got)


def test_a_promotion_or_a_fortified_border_is_no_act(coders) -> None:
    """促 in 促进 (promote) and 努力促进 is no appeal, nor a fortified border an act."""
    for text in (
        "两国4日同意努力促进双边贸易。",
        "The heavily fortified border stayed quiet on Wednesday.",
    ):
        got = asserted_tuples(coders["rules"], text)
        assert not any(c in ("REQUEST", "MOBILIZE") for _, _, c, _ in got), text


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
