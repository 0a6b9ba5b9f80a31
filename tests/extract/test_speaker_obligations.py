"""The speaker's act on the party a clause is about, in one home (`speaker_acts`), both coders:
what a named speaker says another party should or must do (modality `obligation`) is the
speaker's REQUEST of that party, not that party's act; a threat made on a condition is aimed at
the party of the condition; an invitation or request heeded (应X邀请, 应X要求) is X's of the
subject, not the subject's of X.
Negatives: no named speaker, and the speaker's own side as the one obliged. The speaker may be
named in the sentence before (a pronoun or no subject for its speech verb, or an obligation in a
sentence with no speech verb: `Coder.note_speaker`). Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.extract import Extractor

from .conftest import triples

DAY = dt.date(2026, 4, 9)

# (text, speaker country, obliged country)
ASKED = [
    ("希腊外长9日表示，土耳其应停止派遣钻探船进入争议海域。", "GRC", "TUR"),
    ("韩国外交部9日称，朝鲜应避免采取任何挑衅行动。", "KOR", "PRK"),
    ("日本外務省9日表示，中方應撤回在東海設置的浮標。", "JPN", "CHN"),
    ("The Greek foreign minister said on Thursday that Turkey should recall its drilling ship.",
     "GRC", "TUR"),
    ("France said on Thursday that Israel needs to let more aid trucks into Gaza.", "FRA", "ISR"),
]  # fmt: skip

# the speaker's own side obliged, an obligation with no party named before it, and one that
# no named speaker voices
NOT_ASKED = [
    "伊朗外长9日表示，伊朗应对以色列的袭击作出坚决回应。",
    "伊朗外长9日表示，美伊双方应尽快恢复谈判。",
    "在听取以色列外长介绍以方立场后,中方官员表示,中方主张争端应通过对话解决。",
    "美国国务卿9日表示，应对伊朗实施更严厉的制裁。",
    "Pakistan's army said on Thursday that Pakistan must answer the Indian shelling.",
    "Turkey should recall its drilling ship from the disputed waters, the editorial argued.",
]

# (text, speaker, obliged): the speaker named in the sentence before, for a speech verb with a
# pronoun or no subject (他还说, "he added") or an obligation in a sentence with no speech verb
CARRIED = [
    ("希腊外长9日表示，希腊愿意与邻国对话。他还说，土耳其应停止派遣钻探船进入争议海域。",
     "GRC", "TUR"),
    ("希腊外长9日强调，希腊的主权不容侵犯。土耳其必须停止派遣钻探船进入争议海域。", "GRC", "TUR"),
    ("韩国外交部9日表示，半岛局势十分紧张。朝鲜应避免采取任何挑衅行动。", "KOR", "PRK"),
    ('"Athens wants calm," the Greek foreign minister said on Thursday. "Turkey must recall its '
     'drilling ship."', "GRC", "TUR"),
    ("The Greek foreign minister said on Thursday that Athens wanted calm. Turkey should recall "
     "its drilling ship, he added.", "GRC", "TUR"),
]  # fmt: skip

# no speaker in the sentence before (narration), the carried speaker's own side obliged, and a
# speaker two sentences back
NOT_CARRIED = [
    "土耳其9日派遣钻探船进入争议海域。希腊必须停止在该海域的巡逻。",
    "伊朗外长9日表示，伊朗愿意对话。美伊双方应尽快恢复谈判。",
    "希腊外长9日表示，希腊愿意与邻国对话。土耳其9日派遣钻探船进入争议海域。土耳其应停止派遣钻探船。",
]

# (text, threatener, threatened): the condition names the party, no act of it is coded
CONDITIONAL = [
    ("朝鲜国防省9日称，如果韩国继续散发传单，朝方将采取报复行动。", "PRK", "KOR"),
    ("The militia's spokesman said on Thursday that if the United States resumed its raids, the "
     "Houthis would strike back.", "YEM", "USA"),
]  # fmt: skip

# (text, speaker, accused): the charge is on the first party the clause names, not on a place
# or party named later in it
CHARGED = [
    ("委内瑞拉外长9日称，英国巡逻舰驶入圭亚那沿岸是对双方协定的破坏。", "VEN", "GBR"),
]

# (text, inviter, invited)
INVITED = [
    ("中国外长9日应美国国务卿邀请访问华盛顿。", "USA", "CHN"),
    ("伊朗总统9日应巴基斯坦总理邀请访问伊斯兰堡。", "PAK", "IRN"),
    ("乌克兰代表团9日应美国总统要求前往沙特举行会谈。", "USA", "UKR"),
]


@pytest.fixture(scope="module", params=["rules", "learned"])
def coder(request) -> Extractor:
    return Extractor(case=None, lang="auto", coder=request.param)


# CARRIED: the speaker is named in the sentence before (`Coder.note_speaker`)
@pytest.mark.parametrize(("text", "speaker", "obliged"), ASKED + CARRIED)
def test_what_another_party_should_do_is_the_speakers_request(
    coder, text, speaker, obliged
) -> None:
    events = triples(coder, text, DAY)
    assert (speaker, "REQUEST", obliged) in events
    assert not [e for e in events if e[0] == obliged]


@pytest.mark.parametrize("text", NOT_ASKED + NOT_CARRIED)
def test_no_request_without_another_party_or_a_speaker(coder, text) -> None:
    assert not [e for e in triples(coder, text, DAY) if e[1] == "REQUEST"]


@pytest.mark.parametrize(("text", "actor", "target"), CONDITIONAL)
def test_a_conditional_threat_is_aimed_at_the_condition(coder, text, actor, target) -> None:
    events = triples(coder, text, DAY)
    assert (actor, "THREATEN", target) in events
    assert not [e for e in events if e[0] == target]


@pytest.mark.parametrize(("text", "inviter", "invited"), INVITED)
def test_a_heeded_invitation_is_the_inviters(coder, text, inviter, invited) -> None:
    events = triples(coder, text, DAY)
    assert (inviter, "REQUEST", invited) in events
    assert (invited, "REQUEST", inviter) not in events


@pytest.mark.parametrize(("text", "speaker", "accused"), CHARGED)
def test_the_charge_is_on_the_party_the_clause_is_about(coder, text, speaker, accused) -> None:
    events = triples(coder, text, DAY)
    assert (speaker, "ACCUSE", accused) in events
    assert not [e for e in events if e[1] == "ACCUSE" and e[2] != accused]


def test_a_passive_marker_belongs_to_the_verb_right_after_its_agent() -> None:
    ex = Extractor(case=None, lang="auto", coder="rules")
    events = triples(ex, "以色列9日被哈马斯袭击。", DAY)
    assert ("PSE", "ASSAULT", "ISR") in events
