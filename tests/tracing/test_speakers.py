"""One identity per speaker across articles."""

from __future__ import annotations

import pytest

from quotetrace.tracing.explain import reason
from quotetrace.tracing.speakers import Identities, bare_surname, surname_holders

NAMES = [("Jane Doe", "person"), ("Doe", "person"), ("J. Doe", "person"), ("Oleksandr Kovalenko", "person"),
         ("Kovalenkko", "person"), ("Argus", "organization"), ("ARGUS", "organization"),
         ("The Daily Argus Times", "organization"), ("Mary Roe", "person"), ("Tom Roe", "person"),
         ("Roe", "person"), ("an official", "anonymous"), ("critics", "group"), ("he", "person")]


@pytest.fixture(scope="module")
def ids() -> Identities:
    return Identities(NAMES)


@pytest.mark.parametrize(("name", "identity"), [
    ("Doe", "Jane Doe"), ("J. Doe", "Jane Doe"), ("Kovalenkko", "Oleksandr Kovalenko"), ("ARGUS", "Argus"),
    ("Roe", "Roe"), ("an official", None), ("critics", None), ("he", None), ("Nobody Known", None),
])
def test_identity(ids: Identities, name: str, identity: str | None) -> None:
    """Surnames, initials, spelling variants and case join their full name; anonymous, group and
    unresolved speakers have no identity."""
    got = ids.of(name)
    assert (got.casefold() if got else None) == (identity.casefold() if identity else None)


@pytest.mark.parametrize(("a", "b", "differ"), [
    ("Jane Doe", "Doe", False), ("Jane Doe", "Mary Roe", True), ("Roe", "Mary Roe", False),
    ("Roe", "Tom Roe", False), ("Roe", "Jane Doe", True), ("an official", "Jane Doe", False),
    ("Argus", "The Daily Argus Times", True),
])
def test_differ(ids: Identities, a: str, b: str, differ: bool) -> None:
    """Speakers differ only when both are known and distinct; a surname two people share differs
    from neither of them."""
    assert ids.differ(a, b) is differ


def test_listed_once_with_aliases(ids: Identities) -> None:
    """Each identity is listed once, its other names as aliases."""
    jane = ids.identity("Jane Doe")
    assert jane is not None and jane.type == "person" and set(jane.aliases) == {"Doe", "J. Doe"}
    assert len({i.name for i in ids.all()}) == len(ids.all())


def test_untyped_names_join_their_identity_only() -> None:
    """A name its article could not type joins the identity that is clearly its own (surname,
    case, spelling) and is listed as an alias; one that matches none gets no identity."""
    ids = Identities([("Jane Doe", "person"), ("Doe", "unknown"), ("Argus", "organization"),
                      ("ARGUS", "unknown"), ("Riverton", "unknown")])
    assert ids.of("Doe") == "Jane Doe" and ids.of("ARGUS") == "Argus"
    assert ids.of("Riverton") is None and not ids.differ("Riverton", "Jane Doe")
    assert "Doe" in ids.identity("Jane Doe").aliases


@pytest.mark.parametrize(("junk", "person"), [
    ("When Doe", "Jane Doe"),            # a sentence opener taken into the name
    ("Sens. Jane Doe", "Jane Doe"),       # a plural title
    ("House Jane Doe", "Jane Doe"),       # an institution before two names
    ("Democrat Jane Doe", "Jane Doe"),    # a word in front of the full name
    ("Said Jane Doe", "Jane Doe"),        # the verb of an inverted credit
])
def test_junk_words_in_front_of_a_name(junk: str, person: str) -> None:
    """Words an article took in front of a name found no identity of their own, so they never
    'differ' from the person they name."""
    ids = Identities([("Jane Doe", "person"), (junk, "person"), ("Mary Roe", "person")])
    assert ids.of(junk) == ids.of(person) and not ids.differ(junk, person)
    assert ids.differ(junk, "Mary Roe")


@pytest.mark.parametrize(("names", "shown"), [
    # a junk word in front of the only form an identity has is not shown
    ([("For Doe", "person"), ("Jane Doe", "person"), ("Tom Doe", "person")], "Doe"),
    ([("Said Ravi Patel", "person")], "Ravi Patel"),
    # an outlet's own article stays
    ([("The Argus", "organization")], "The Argus"),
])
def test_identities_show_no_junk_words(names: list, shown: str) -> None:
    """An identity's display name is never a junk word plus a name."""
    ids = Identities(names)
    assert ids.of(names[0][0]) == shown


def test_an_organisation_keeps_its_words() -> None:
    """Only a person's name loses the words in front: two ministries stay two organisations."""
    ids = Identities([("Foreign Ministry", "organization"), ("Defense Ministry", "organization")])
    assert ids.differ("Foreign Ministry", "Defense Ministry")


@pytest.mark.parametrize(("mention", "surname"), [
    ("Doe", "Doe"), ("Sen. Doe", "Doe"), ("Mr Doe", "Doe"), ("Jane Doe", None), ("he", None),
    ("the senator", None),
])
def test_bare_surname(mention: str, surname: str | None) -> None:
    assert bare_surname(mention) == surname


def test_surname_holders() -> None:
    """First names an article gives a surname; titles and sentence openers are none."""
    text = "Jane Doe met Tom Doe. Later Doe spoke, and Sen. Doe left. When Doe returned, Doe said so."
    assert surname_holders(text, "Doe") == {"jane", "tom"}


@pytest.mark.parametrize(("a", "b", "differ"), [
    ("Meanwhile Doe", "Jane Doe", False),        # a sentence opener, not a first name
    ("Majority Doe", "Jane Doe", False),         # what is left of "Majority Leader Jane Doe"
    ("Harbour Times Doe", "Jane Doe", False),    # an outlet's name run into the surname
    ("Jane Q. Doe", "Tom Doe", True),            # an initial is no extra word
    ("Tom Doe", "Jane Doe", True),
])
def test_same_surname(a: str, b: str, differ: bool) -> None:
    """Two names of one surname differ only when both read as a first name and a surname."""
    ids = Identities([(a, "person"), (b, "person")])
    assert ids.differ(a, b) is differ


@pytest.mark.parametrize(("a", "b", "why"), [
    ("Jane Doe", "Tom Roe Jr", "different surnames (Doe, Roe)"),
    ("Jane Doe", "Ann Doe", "different first names (Jane, Ann)"),
    ("Jane Doe", "Senator Ann Doe", "different first names (Jane, Ann)"),
])
def test_misattribution_reason(a: str, b: str, why: str) -> None:
    assert reason(a, "person", b, "person") == why
