"""Plain Chinese frames both coders got wrong (s21z battery): a topic clause that names whom the
speech act after it answers. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

D = dt.date(2026, 3, 4)


def test_a_topic_clause_names_the_target_of_the_speech_act(run, tuples) -> None:
    assert tuples(run("對於美國的制裁，伊朗4日表示強烈譴責。")) == {(D, "IRN", "ACCUSE", "USA")}
    assert tuples(run("对于菲律宾的指控，中国4日予以否认。")) == {(D, "CHN", "REJECT", "PHL")}
    # the topic is the act's author, not its object
    got = tuples(run("就美国对伊朗的制裁，俄罗斯4日提出批评。"))
    assert got == {(D, "RUS", "ACCUSE", "USA")}
    # a material act is not aimed at the topic
    got = tuples(run("关于伊朗的核计划，以色列4日进行了导弹试射。"))
    assert got == {(D, "ISR", "MOBILIZE", None)}
