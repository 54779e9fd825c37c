"""A corpus on disk: one SQLite store that articles are added to, traced and checked against
(:class:`Corpus`). The schema is described in :mod:`.schema`, the tracing index in :mod:`.index`."""

from .corpus import Added, Corpus

__all__ = ["Added", "Corpus"]
