"""Chinese wordings of acts the coders did not see at all (s22z): forces entering another's
territory or sent somewhere, invitations, mutual accusations (互控), threats of a strong response
or of grave consequences, talks in plain verbs (交谈, 商讨, 征求意见), pledges to keep in touch
(愿同X…), weapons handed over, withdrawal to a place, ambassadors recalled, visas cancelled,
radar lock-ons, a pact suspended, surrender (投降), support in plain words (站在一起,
积极评价, 尊重主权), and parties the coder did not know (叙军, 埃塞, 德鲁兹武装, 民地武);
then (s23z) balloons of refuse and loudspeaker broadcasts sent at the other side (COERCE),
attacks paused by one side (暂停…袭击) (RETREAT), heavy fighting (激战) (ASSAULT), peace talks
held and discussions with a party (举行和谈, 与…讨论) (CONSULT), and the hope that another
party does something (希望X落实/遵守…) (REQUEST); then (s24z) what a speaker says another
party did or must do, coded as the speaker's act on it (speaker_acts): breaches, threats posed,
violated sovereignty, provocations, responsibility to bear (ACCUSE), must/should stop or disband
(REQUEST), consequences it will face (THREATEN); force weighed or hinted at (考虑/暗示…空袭)
(THREATEN), arms handed over and drills held with another force (COOPERATE), military advisers
withdrawn and embassy staff cut (SANCTION), garrisons reinforced (MOBILIZE). Sentences written
for these tests; both coders."""

from __future__ import annotations

import datetime as dt

import pytest

from dualtrack.model import Document

from .conftest import asserted_tuples

D = dt.date(2026, 3, 4)

# (text, an event (actor country, category, target country) both coders must find)
CASES = [
    ("以色列军队4日进入叙利亚境内的缓冲区。", ("ISR", "MOBILIZE", "SYR")),
    ("中國海警船4日進入日本領海。", ("CHN", "MOBILIZE", "JPN")),
    ("英国巡逻舰4日驶往圭亚那。", ("GBR", "MOBILIZE", "GUY")),
    ("巴基斯坦外长4日邀请伊朗外长访问伊斯兰堡。", ("PAK", "REQUEST", "IRN")),
    ("埃及總統4日邀請美國總統出席簽字儀式。", ("EGY", "REQUEST", "USA")),
    ("以色列与哈马斯4日互控对方违反停火协议。", ("ISR", "ACCUSE", "PSE")),
    ("以色列总理4日警告，若伊朗违反停火，将予以强烈回应。", ("ISR", "THREATEN", "IRN")),
    ("美国4日警告伊朗，将追究其全部责任。", ("USA", "THREATEN", "IRN")),
    ("印度和巴基斯坦军方负责人4日进行了交谈。", ("IND", "CONSULT", "PAK")),
    ("胡塞武装4日与联合国特使商讨政治解决方案。", ("YEM", "CONSULT", "UN")),
    ("白宫4日表示已征求了以色列的意见。", ("USA", "CONSULT", "ISR")),
    ("伊朗外长4日说，德黑兰愿同中方保持沟通。", ("IRN", "AGREE", "CHN")),
    ("埃塞4日与索马里签署协议。", ("ETH", "AGREE", "SOM")),
    ("中国大使4日说，北京会与印度站在一起。", ("CHN", "SUPPORT", "IND")),
    ("中方4日称尊重缅甸主权与领土完整。", ("CHN", "SUPPORT", "MMR")),
    ("乌军一个营4日向俄军投降。", ("UKR", "CONCEDE", "RUS")),
    ("巴基斯坦4日召回了本国驻伊朗的大使。", ("PAK", "SANCTION", "IRN")),
    ("巴基斯坦4日宣布取消印度公民所持签证。", ("PAK", "SANCTION", "IND")),
    ("美國4日對印度商品加徵50%高額關稅。", ("USA", "SANCTION", "IND")),
    ("韩国4日宣布中止与朝鲜的军事协议的全部效力。", ("KOR", "SANCTION", "PRK")),
    ("中国战机4日开启雷达对日本战机实施锁定照射。", ("CHN", "COERCE", "JPN")),
    ("朝鲜4日再次向韩国放飞200多个装有垃圾的气球。", ("PRK", "COERCE", "KOR")),
    ("北韓4日向南韓空飄數百個氣球。", ("PRK", "COERCE", "KOR")),
    ("韩国4日起对朝鲜恢复前线扩音广播。", ("KOR", "COERCE", "PRK")),
    ("缅军4日与德昂民族解放军激战。", ("MMR", "ASSAULT", "MMR")),
    ("朝鲜4日宣布暂停向韩国空飘气球。", ("PRK", "RETREAT", "KOR")),
    ("缅军4日与德昂民族解放军举行和谈。", ("MMR", "CONSULT", "MMR")),
    ("美国总统4日与北约秘书长讨论了对乌援助。", ("USA", "CONSULT", "NATO")),
    ("中方4日希望缅甸冲突双方落实停火安排。", ("CHN", "REQUEST", "MMR")),
    ("巴西4日希望委內瑞拉切实履行法院的裁决。", ("BRA", "REQUEST", "VEN")),
    ("巴基斯坦4日称，印度军队违反了停火协议。", ("PAK", "ACCUSE", "IND")),
    ("韩国国防部4日表示，朝鲜此举违反停战协定。", ("KOR", "ACCUSE", "PRK")),
    ("圭亚那4日称，委内瑞拉的举动对其领土完整构成威胁。", ("GUY", "ACCUSE", "VEN")),
    ("索马里4日称，埃塞俄比亚此举是对其主权的侵犯。", ("SOM", "ACCUSE", "ETH")),
    ("伊朗4日表示，美国应对平民伤亡承担全部责任。", ("IRN", "ACCUSE", "USA")),
    ("委內瑞拉4日稱，英國軍艦的挑釁行為危害地區穩定。", ("VEN", "ACCUSE", "GBR")),
    ("中方4日称，美方霸凌弱小国家。", ("CHN", "ACCUSE", "USA")),
    ("美国4日表示，俄罗斯必须立即停止空袭。", ("USA", "REQUEST", "RUS")),
    ("乌克兰总统4日说，俄方应展现诚意。", ("UKR", "REQUEST", "RUS")),
    ("特朗普4日称，如果俄罗斯拒绝停火，将面临严重后果。", ("USA", "THREATEN", "RUS")),
    ("白宫4日表示，总统正在考虑对伊朗发动空袭。", ("USA", "THREATEN", "IRN")),
    ("美国总统4日暗示可能对委内瑞拉采取地面行动。", ("USA", "THREATEN", "VEN")),
    ("埃及4日向索马里运送了一批武器和弹药。", ("EGY", "COOPERATE", "SOM")),
    ("美国4日宣布向乌克兰提供军事援助。", ("USA", "COOPERATE", "UKR")),
    ("美军4日与圭亚那军方进行了军事演习。", ("USA", "COOPERATE", "GUY")),
    ("韩国与美国海军4日首次举行联合直升机搜救演练。", ("KOR", "COOPERATE", "USA")),
    ("印度4日宣布撤回驻巴基斯坦使馆的军事顾问。", ("IND", "SANCTION", "PAK")),
    ("印度4日决定削减巴基斯坦驻新德里使馆的人员规模。", ("IND", "SANCTION", "PAK")),
    ("巴西4日加强了与委内瑞拉接壤地区的驻军。", ("BRA", "MOBILIZE", "VEN")),
    ("以色列军队4日进入由叙利亚政府军管辖的南部边境缓冲区。", ("ISR", "MOBILIZE", "SYR")),
    # an attack told as a noun after its possessor; the passive with the agent before 的
    ("土耳其4日对伊拉克北部山区的空袭炸死了6人。", ("TUR", "ASSAULT", "IRQ")),
    ("俄军4日的无人机袭击导致哈尔科夫大面积停电。", ("RUS", "ASSAULT", "UKR")),
    ("黎巴嫩南部的村庄4日遭到以色列的炮击。", ("ISR", "ASSAULT", "LBN")),
    ("印度边境哨所4日遭受巴基斯坦军队的无人机攻击。", ("PAK", "ASSAULT", "IND")),
    ("伊朗东南部的一处哨所4日遭到正义之军的袭击。", ("IRN", "ASSAULT", "IRN")),
    ("阿塞拜疆军队4日在纳卡地区发起进攻。", ("AZE", "ASSAULT", "AZE")),
    # (s26) the owner of an attack noun framed by 在…中 (and its target after 对) acts
    ("9名渔民4日在土耳其对伊拉克北部村庄的空袭中丧生。", ("TUR", "ASSAULT", "IRQ")),
]


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(("text", "event"), CASES)
def test_an_unseen_wording_is_coded(coders, coder: str, text: str, event: tuple) -> None:
    assert (D, *event) in asserted_tuples(coders[coder], text)


def test_a_mutual_accusation_goes_both_ways(coders) -> None:
    got = asserted_tuples(coders["rules"], "以色列与哈马斯4日互控对方违反停火协议。")
    assert {(D, "ISR", "ACCUSE", "PSE"), (D, "PSE", "ACCUSE", "ISR")} <= got


def test_accepting_an_invitation_is_no_request(coders) -> None:
    for coder in ("rules", "learned"):
        got = asserted_tuples(coders[coder], "伊朗外长4日接受邀请访问巴基斯坦。")
        assert not any(c == "REQUEST" for _, _, c, _ in got), coder


def test_consequences_foreseen_by_an_analyst_are_no_threat(coders) -> None:
    for coder in ("rules", "learned"):
        assert not asserted_tuples(coders[coder], "分析人士认为，冲突可能带来灾难性后果。"), coder


def test_new_names_are_parties(coders) -> None:
    ex = coders["rules"]
    for text, ids in (
        ("叙军4日宣布与德鲁兹武装达成停火。", {"SYR", "SYR.druze"}),
        ("緬軍4日與緬北民地武在昆明舉行和談。", {"MMR", "MMR.eao"}),
    ):
        _, view = ex.analyse(Document(text=text, date=dt.date(2026, 3, 5)))
        assert {m.id for m in view.mentions} >= ids, text


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "以色列军队4日被调往已被占领多年的戈兰高地。",  # an occupied place is no capture
        "伊朗4日希望避免战争。",  # a hope about no other party is no request
        "专家认为各方希望和平。",
    ],
)
def test_a_description_is_no_act(coders, coder: str, text: str) -> None:
    got = asserted_tuples(coders[coder], text)
    assert not any(c in ("ASSAULT", "REQUEST") for _, _, c, _ in got), got


def test_a_paused_attack_is_one_sided_and_no_attack(coders) -> None:
    """The pause is the event, of the side that pauses only; the attacks paused are not."""
    got = asserted_tuples(coders["rules"], "朝鲜4日宣布暂停向韩国空飘气球。")
    assert (D, "PRK", "RETREAT", "KOR") in got
    assert (D, "KOR", "RETREAT", "PRK") not in got
    assert not any(c in ("COERCE", "ASSAULT") for _, _, c, _ in got), got


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("印度军队4日违反了停火协议。", "ACCUSE"),  # narration: no speaker charges anyone
        ("伊朗4日表示，伊朗必须遵守承诺。", "REQUEST"),  # the speaker's own side: no demand
        ("中方4日表示，各方应保持克制。", "REQUEST"),  # no party named as the subject
    ],
)
def test_what_a_speaker_says_needs_a_speaker_and_another_side(
    coders, coder: str, text: str, category: str
) -> None:
    got = asserted_tuples(coders[coder], text)
    assert not any(c == category for _, _, c, _ in got), got


def test_a_demand_to_stop_strikes_is_no_halt(coders) -> None:
    """必须停止空袭 is what the speaker demands: the strikes' halt is its content, not an act."""
    got = asserted_tuples(coders["rules"], "美国4日表示，俄罗斯必须立即停止空袭。")
    assert not any(c in ("RETREAT", "ASSAULT") for _, _, c, _ in got), got


@pytest.mark.parametrize("coder", ["rules", "learned"])
@pytest.mark.parametrize(
    "text",
    [
        "以色列的打击目标4日包括三处雷达站。",  # a noun modifying another: no attack
        "伊朗外长4日说，美国对伊朗的任何袭击都将招致回击。",  # a feared attack, not one made
    ],
)
def test_an_attack_noun_that_names_no_attack_made(coders, coder: str, text: str) -> None:
    got = [
        e for e in coders[coder].extract(Document(text=text, date=dt.date(2026, 3, 5))).events
        if e.category.value == "ASSAULT" and not e.flags.hypothetical
    ]  # fmt: skip
    assert not got, got
