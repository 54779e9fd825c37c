"""Invented quotes, of coined words no article holds."""

from __future__ import annotations

import random
import re



#: Templates of function words (all in STOPWORDS) around slots for coined words: A adjective,
#: N noun, V verb, P place. Only the coined words are content, and no article holds them.
TEMPLATES = (
    "The {A} {N} is not {A}, and we will {V} it",
    "This is the most {A} {N} in {P}",
    "They have to {V} the {N} before it is too {A}",
    "What they did to {P} was {A}, and it was {A}",
    "We will not {V} the {A} {N} again",
    "If we do not {V} the {N}, {P} will",
    "There is no {N} more {A} than the {N} of {P}",
    "It was a {A} {N} for all of us",
    "Nobody should {V} our {N} in {P}",
    "Everyone here will {V} the {N}, and it is {A}",
)
_ONSETS = "b br c cl d dr f fl g gr h k l m n p pl pr r s sk st t tr v z".split()
_VOWELS = "a e i o u ai ea oo".split()
_CODAS = ["", "n", "r", "l", "s", "m", "nd", "rk", "st", "x"]
_SUFFIX = {"A": "ous ive ic al ish".split(), "N": "ment ance ism ery ity age".split(),
           "V": "ize ate ify".split(), "P": "ia land stan burg ova".split()}


class Coiner:
    """Coined words that no article holds and no other invented quote repeats."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def word(self, slot: str, rng: random.Random) -> str:
        while True:
            stem_ = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                            for _ in range(rng.randint(1, 2)))
            word = stem_ + rng.choice(_SUFFIX[slot])
            if word not in self.taken:
                self.taken.add(word)
                return word.capitalize() if slot == "P" else word

    def sentence(self, rng: random.Random) -> str:
        template = rng.choice(TEMPLATES)
        return re.sub(r"\{([ANVP])\}", lambda m: self.word(m.group(1), rng), template)
