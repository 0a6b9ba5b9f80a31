"""`mentions.named_states`: the one home of "the states a document is mostly about"."""

from __future__ import annotations

from dualtrack.extract.mentions import Mention, named_states

STATES = {"XKA", "XKB", "XKC"}


def _ms(*spec: tuple[int, str | tuple[str, ...]]) -> list[Mention]:
    return [Mention(at, at + 3, ids if isinstance(ids, tuple) else (ids,)) for at, ids in spec]


def test_most_named_first_ties_by_first_named() -> None:
    ms = _ms((0, "XKB"), (10, "XKA"), (20, "XKA"), (30, "XKC"), (40, "XKB"), (50, "XKC"))
    assert named_states(ms, STATES.__contains__) == [("XKB", 2), ("XKA", 2), ("XKC", 2)]
    ms.append(Mention(60, 63, ("XKC",)))
    assert named_states(ms, STATES.__contains__)[0] == ("XKC", 3)


def test_only_states_named_alone_and_before_the_offset() -> None:
    ms = _ms((0, "XKA"), (5, "XKA.minister"), (10, ("XKB", "XKC")), (20, "XKC"), (30, "XKB"))
    assert named_states(ms, STATES.__contains__) == [("XKA", 1), ("XKC", 1), ("XKB", 1)]
    assert named_states(ms, STATES.__contains__, before=25) == [("XKA", 1), ("XKC", 1)]
