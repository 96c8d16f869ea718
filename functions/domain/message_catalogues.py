"""The texts people read (SMS, error messages), looked up by key in the gettext catalogues.

The catalogues live in ``functions/locale/<language>/LC_MESSAGES/<domain>.po`` (edited by translators,
managed with Babel: ``make messages``) and are compiled to ``.mo`` files by the build (``make
catalogues``; the Lambda artifact carries them). Keys are stable names (``SmsTemplate`` and
``ErrorCode`` members), never English sentences, so a key that a catalogue lacks is a bug, not a text:
:func:`text` raises :class:`MissingTranslation` instead of showing the key to a citizen.

Reading the compiled files is the stdlib's ``gettext``; like ``zoneinfo`` reading tzdata, it reads
package data once per process (cached), not the world.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

__all__ = ["LOCALE_DIRECTORY", "MissingCatalogue", "MissingTranslation", "catalogue", "text"]

LOCALE_DIRECTORY = Path(__file__).resolve().parents[1] / "locale"


class MissingCatalogue(LookupError):
    """No compiled catalogue for the domain in any of the languages (run ``make catalogues``)."""


class MissingTranslation(LookupError):
    """The catalogues of the languages asked for do not have the key."""


@cache
def catalogue(domain: str, languages: tuple[str, ...]) -> gettext.NullTranslations:
    """The first language's compiled catalogue, falling back to the next languages' for a missing key."""
    try:
        return gettext.translation(domain, LOCALE_DIRECTORY, languages=list(languages))
    except FileNotFoundError as missing:
        raise MissingCatalogue(f"no {domain}.mo for {languages} under {LOCALE_DIRECTORY}: make catalogues") from missing


def text(domain: str, key: str, languages: tuple[str, ...]) -> str:
    translated = catalogue(domain, languages).gettext(key)
    if translated == key:
        raise MissingTranslation(f"{domain}: no text for {key} in {languages}")
    return translated
