"""Publication dates: read in the forms scraped news gives them, written as ISO 8601, compared
as instants.

- ``2025-04-20`` stays as it is; ``2025-04-20T14:05:00+02:00`` keeps its time and zone (``Z``
  becomes ``+00:00``);
- other forms (``Apr 20, 2025``, ``20 April 2025``, ``2025/04/20``, ``20250420``, RFC 2822 as in
  feeds and e-mail: ``Sun, 20 Apr 2025 14:05:00 +0200``) are read and given in ISO, with a note;
- anything else (``yesterday``, ``2025-13-45``), and dates before :data:`EARLIEST` or more than
  a day after now, raise :class:`~quotetrace.errors.InputError` with the reason.

Dates compare by :func:`date_key`: a time without a zone is taken as UTC, a date without a time
as its midnight UTC.
"""

from __future__ import annotations

import datetime as dt
import email.utils

import regex

from .errors import InputError

#: The earliest year taken as a publication date.
EARLIEST = 1800

_ISO_DATE_RE = regex.compile(r"\d{4}-\d{2}-\d{2}")
_FORMS = ("%b %d, %Y", "%B %d, %Y", "%b. %d, %Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y",
          "%Y/%m/%d", "%Y.%m.%d")


def normalize_date(value: str) -> tuple[str, str | None]:
    """The ISO form of ``value`` and a note when it was written otherwise.

    >>> normalize_date("2025-04-20")
    ('2025-04-20', None)
    >>> normalize_date("Apr 20, 2025")
    ('2025-04-20', "date 'Apr 20, 2025' read as 2025-04-20")
    >>> normalize_date("2025-13-45")
    Traceback (most recent call last):
    quotetrace.errors.InputError: date '2025-13-45' is not a calendar date (month must be in 1..12)
    """
    if not isinstance(value, str):
        raise TypeError(f"a date is a str, not {type(value).__name__}")
    text = value.strip()
    if _ISO_DATE_RE.fullmatch(text):
        try:
            day = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise InputError(f"date {value!r} is not a calendar date ({exc})") from None
        return _checked(value, day.isoformat(), dt.datetime(day.year, day.month, day.day))[0], None
    when = _parse(text)
    if when is None:
        raise InputError(f"date {value!r} is not a date quotetrace can read (write it as YYYY-MM-DD)")
    iso = when.isoformat()
    moment = when if isinstance(when, dt.datetime) else dt.datetime(when.year, when.month, when.day)
    iso, note = _checked(value, iso, moment)
    return iso, note if iso != value else None


def _parse(text: str) -> dt.date | dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00") if text.endswith("Z") else text)
        return when.date() if len(text) <= 10 else when
    except ValueError:
        pass
    for form in _FORMS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _checked(value: str, iso: str, moment: dt.datetime) -> tuple[str, str | None]:
    utc = _utc(moment)
    if utc.year < EARLIEST:
        raise InputError(f"date {value!r} is before {EARLIEST}: not a publication date")
    if utc > dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1):
        raise InputError(f"date {value!r} is in the future: not a publication date")
    return iso, f"date {value!r} read as {iso}"


def _utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def date_key(iso: str | None) -> tuple[bool, dt.datetime]:
    """A key that sorts ISO dates and date-times as instants, undated last.

    >>> sorted(["2025-04-26", "2025-04-20T23:30:00-05:00", None, "2025-04-21"], key=date_key)
    ['2025-04-21', '2025-04-20T23:30:00-05:00', '2025-04-26', None]
    """
    if iso is None:
        return True, dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:  # not ISO (an Article built by hand): after the dated ones, before none
        return True, dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return False, _utc(when)
