"""A fixed-size Bloom filter of the keys a bulk table holds, so a writer looks up only the keys
that may be stored already.

Why: schema 4 keeps the bulk tables' keys unique without an index (see `store.schema`), by
looking a batch's keys up before inserting it. Each lookup scanned the table's key columns, and
DuckDB's resident memory grew with the rows those scans covered (outside its buffer pool, which
stays under its cap): about 40 MB more at 500,000 stored spans than at 50,000. The filter answers
"certainly not stored" for nearly every key of a new article in constant memory (4 MB per
table), so a bulk write scans nothing; the few keys it may hold (those written before, and
false positives: under 0.01% at 500,000 keys, about 5% at 5 million) are looked up as before.
A key set on a write that was then rolled back is only one more false positive.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np

BITS_LOG2 = 25  # 2**25 bits: 4 MB
HASHES = 3


class KeyFilter:
    """Keys (tuples of a table's key values) added, and which of a batch may have been.

    Python's `hash` is seeded per process: the filter lives in one process (a `Workspace`)
    and only ever decides which keys to look up, never what is stored.
    """

    def __init__(self, bits_log2: int = BITS_LOG2, hashes: int = HASHES) -> None:
        self._bits = np.zeros(1 << (bits_log2 - 3), dtype=np.uint8)
        self._mask = np.uint64((1 << bits_log2) - 1)
        self._steps = np.arange(hashes, dtype=np.uint64)

    def _positions(self, keys: Sequence[Hashable]) -> np.ndarray:
        """Bit positions of each key, shape (len(keys), hashes): double hashing of one
        64-bit hash (h1 + i·h2, h2 odd)."""
        h = np.fromiter((hash(k) for k in keys), dtype=np.int64, count=len(keys)).view(np.uint64)
        first = h & self._mask
        step = (h >> np.uint64(32)) | np.uint64(1)
        return (first[:, None] + self._steps[None, :] * step[:, None]) & self._mask

    def add(self, keys: Sequence[Hashable]) -> None:
        if not len(keys):
            return
        pos = self._positions(keys).ravel()
        bit = np.left_shift(1, pos & np.uint64(7)).astype(np.uint8)
        np.bitwise_or.at(self._bits, pos >> np.uint64(3), bit)

    def may_hold(self, keys: Sequence[Hashable]) -> np.ndarray:
        """One bool per key: False means the key was certainly never added."""
        if not len(keys):
            return np.zeros(0, dtype=bool)
        pos = self._positions(keys)
        hit = (self._bits[pos >> np.uint64(3)] >> (pos & np.uint64(7)).astype(np.uint8)) & 1
        return hit.all(axis=1)
