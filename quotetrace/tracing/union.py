"""Union-find over hashable, ordered items: the smaller item of two sets leads the union, so the
sets' representatives do not depend on the order unions are made in (speaker identities and
tracing components both rely on that)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any


class Union:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Hashable) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]  # path halving
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
