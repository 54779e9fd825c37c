"""Attribution: which words report a statement (the cue), who is credited (the speaker), and
what was said (the content)."""

from __future__ import annotations

from .frame import Candidate, Rule

__all__ = ["Candidate", "Rule"]
