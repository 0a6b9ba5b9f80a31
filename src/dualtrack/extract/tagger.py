"""jieba's part-of-speech Viterbi (`jieba.posseg.viterbi`), each step's maximum taken in numpy.

Why: jieba tags the characters its dictionary does not cover with a hidden Markov model of 256
states (a position in a word crossed with a tag), and its Viterbi takes, for every state a
character may have, a Python `max` over every state before it: an unknown character pair costs
tens of thousands of tuple comparisons. Over the benchmark's articles those steps were about 3%
of extraction (`candidate_names` asks jieba for the words before a trigger with no known actor).

The same result, bit for bit: each candidate's score is summed in jieba's order (previous score
plus transition, plus emission; IEEE doubles in numpy as in Python), and jieba's `max` over
(score, state) tuples keeps, among equal scores, the greatest state, which is the last of the
states sorted (`_Tables.names`) that reaches the maximum. The sets of states each step reads
(those with a transition out, those a character may have) are jieba's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module

import numpy as np

MIN_FLOAT = -3.14e100  # jieba's score of an emission its table lacks
MIN_INF = float("-inf")  # and of a transition it lacks

State = tuple[str, str]


@dataclass(frozen=True)
class _Tables:
    names: list[State]  # the states in ascending order
    index: dict[State, int]
    trans: np.ndarray  # [from, to] transition scores, MIN_INF where jieba has none


@cache
def _tables() -> _Tables:
    """jieba's transition table as a dense matrix (built once per process, about a millisecond)."""
    import jieba.posseg as posseg

    trans_p = posseg.trans_P
    names = sorted(trans_p)
    index = {s: i for i, s in enumerate(names)}
    trans = np.full((len(names), len(names)), MIN_INF)
    for a, row in trans_p.items():
        for b, p in row.items():
            trans[index[a], index[b]] = p
    return _Tables(names, index, trans)


def viterbi(obs: str, states, start_p, trans_p, emit_p) -> tuple[float, list[State]]:
    """`jieba.posseg.viterbi.viterbi(obs, states, start_p, trans_p, emit_p)`, the same
    probability and route (see the module's docstring)."""
    import jieba.posseg as posseg

    if trans_p is not posseg.trans_P:  # another model than jieba's own: its loop
        return import_module("jieba.posseg.viterbi").viterbi(obs, states, start_p, trans_p, emit_p)
    tab = _tables()
    all_states = trans_p.keys()
    first = states.get(obs[0], all_states)
    score = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in first}
    paths: list[dict[State, State | str]] = [dict.fromkeys(score, "")]
    for ch in obs[1:]:
        prev = [x for x in paths[-1] if trans_p[x]]
        expect = {y for x in prev for y in trans_p[x]}
        here = list(set(states.get(ch, all_states)) & expect or expect or all_states)
        emit = [emit_p[y].get(ch, MIN_FLOAT) for y in here]
        score, back = _step(tab, score, prev, here, emit)
        paths.append(back)
    prob, state = max((score[y], y) for y in paths[-1])
    route: list[State] = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        state = paths[i][state]  # type: ignore[assignment]
        route[i - 1] = state
    return prob, route


def _step(
    tab: _Tables, score: dict[State, float], prev: list[State], here: list[State], emit: list[float]
) -> tuple[dict[State, float], dict[State, State]]:
    """One step's best score and predecessor of each state in `here`: over `prev` in ascending
    order, the last that reaches the maximum (jieba's tuple `max` on ties)."""
    rows = np.array(sorted(tab.index[x] for x in prev), dtype=np.intp)
    cols = np.array([tab.index[y] for y in here], dtype=np.intp)
    last = np.array([score[tab.names[i]] for i in rows])
    cand = last[:, None] + tab.trans[np.ix_(rows, cols)] + np.array(emit)
    best = len(rows) - 1 - np.argmax(cand[::-1], axis=0)
    top = cand[best, np.arange(len(cols))]
    return (
        dict(zip(here, top.tolist(), strict=True)),
        {y: tab.names[rows[b]] for y, b in zip(here, best.tolist(), strict=True)},
    )
