"""The English catalogue: complete, faithful to its placeholders, compiled and served.

Danish is the source language: every user-facing string is a Danish msgid. These tests read the
strings straight from the source with Babel's extractor (the same files and keywords as
``make i18n-update``), so a string added without an English translation fails here, not in
front of a user.
"""
import os
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "web" / "translations"
PO_FILE = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
MO_FILE = PO_FILE.with_suffix(".mo")

# The Makefile runs ``pybabel extract -k _l -k lazy_gettext`` on top of Babel's defaults.
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}

# %(name)s-style placeholders, the %% escape, {braces}, HTML tags and entities.
PLACEHOLDER = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%%|\{[^{}]*\}|</?[a-zA-Z][^>]*>|&#?\w+;"
)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def forms(value) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


@pytest.fixture(scope="module")
def catalogue():
    with PO_FILE.open("rb") as fileobj:
        return read_po(fileobj)


@pytest.fixture(scope="module")
def source_messages():
    """(msgid or (singular, plural), context, where) for every string in the source."""
    with (ROOT / "babel.cfg").open() as fileobj:
        method_map, options_map = parse_mapping_cfg(fileobj, filename=str(ROOT / "babel.cfg"))
    found = []
    for filename, lineno, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS
    ):
        found.append((message, context, f"{filename}:{lineno}"))
    return found


@pytest.fixture(scope="session")
def compiled_catalogue():
    """Flask-Babel reads the .mo next to the .po; compile it in place if missing or stale."""
    if not MO_FILE.exists() or MO_FILE.stat().st_mtime < PO_FILE.stat().st_mtime:
        with PO_FILE.open("rb") as fileobj:
            catalog = read_po(fileobj, locale="en")
        partial = MO_FILE.with_name(f"messages.mo.{os.getpid()}.tmp")
        with partial.open("wb") as fileobj:
            write_mo(fileobj, catalog)
        os.replace(partial, MO_FILE)
    return MO_FILE


def test_source_strings_are_found(source_messages):
    """Does the extraction see the app's strings at all (so the completeness test means something)?"""
    ids = {message for message, _context, _where in source_messages}
    assert "Log ind" in ids
    assert ("%(num)d dag", "%(num)d dage") in ids


def test_every_source_string_has_an_english_translation(catalogue, source_messages):
    """Does every msgid extracted from the source have a non-empty English translation?"""
    untranslated = []
    for message, context, where in source_messages:
        key = message[0] if isinstance(message, tuple) else message
        entry = catalogue.get(key, context=context)
        if entry is None or not all(forms(entry.string)):
            untranslated.append(f"{where}: {key!r}")
    assert not untranslated, (
        "Run `make i18n-update` and translate these in "
        "web/translations/en/LC_MESSAGES/messages.po:\n" + "\n".join(sorted(set(untranslated)))
    )


def test_plural_entries_have_both_english_forms(catalogue):
    """Does every plural entry fill both msgstr[0] and msgstr[1], under English plural rules?"""
    assert catalogue.plural_forms == "nplurals=2; plural=(n != 1);"
    plural = [entry for entry in catalogue if entry.id and entry.pluralizable]
    assert plural, "expected some ngettext entries"
    for entry in plural:
        assert isinstance(entry.string, tuple) and len(entry.string) == 2, entry.id
        assert all(entry.string), entry.id


def test_translations_keep_the_placeholders_of_their_msgid(catalogue):
    """Does every translation keep exactly the placeholders (and any markup) of its msgid?"""
    changed = []
    for entry in catalogue:
        if not entry.id:
            continue
        ids = forms(entry.id)
        for index, translation in enumerate(forms(entry.string)):
            if not translation:
                continue
            source = ids[min(index, len(ids) - 1)]
            if placeholders(source) != placeholders(translation):
                changed.append(f"{source!r} -> {translation!r}")
    assert not changed, "\n".join(changed)


def test_no_fuzzy_entries(catalogue):
    """Is the catalogue free of fuzzy entries (which gettext would silently skip)?"""
    fuzzy = [entry.id for entry in catalogue if entry.id and entry.fuzzy]
    assert not catalogue.fuzzy, "the header is marked fuzzy"
    assert not fuzzy


def test_login_page_is_english_when_the_session_locale_is_en(client, compiled_catalogue):
    """Does the login page render in English when the session's locale is en?"""
    with client.session_transaction() as session:
        session["locale"] = "en"
    page = client.get("/auth/login").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Email or phone number" in page
    assert "Remember me on this device" in page
    assert "E-mail eller telefonnummer" not in page


def test_login_page_is_danish_by_default(client, compiled_catalogue):
    """Does the login page render in Danish when no language has been chosen?"""
    page = client.get("/auth/login").get_data(as_text=True)
    assert '<html lang="da">' in page
    assert "E-mail eller telefonnummer" in page
    assert "Email or phone number" not in page
