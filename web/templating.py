"""Filters and globals the templates share: money, times, vocab labels, districts."""
from decimal import Decimal

from flask import Flask
from flask_babel import format_decimal, get_locale

from web import postcodes, vocab
from web.match_reasons import reason_text
from web.timeutil import minutes_to_hhmm


def format_ore(ore: int | None) -> str:
    """Øre as kroner the Danish way, e.g. 9850 → "98,50 kr."; whole kroner drop the decimals."""
    if ore is None:
        return ""
    kroner = Decimal(ore) / 100
    pattern = "#,##0" if ore % 100 == 0 else "#,##0.00"
    return f"{format_decimal(kroner, format=pattern)} kr."


def format_minutes(minutes: int | None) -> str:
    """A duration as hours, e.g. 150 → "2,5 t"."""
    if minutes is None:
        return ""
    hours = Decimal(minutes) / 60
    return f"{format_decimal(hours, format='#,##0.#')} t"


def label(vocabulary_name: str, code: str | None) -> str:
    vocabulary = getattr(vocab, vocabulary_name)
    return str(vocabulary.get(code, code or ""))


def init_app(app: Flask) -> None:
    app.add_template_filter(format_ore, "kr")
    app.add_template_filter(format_minutes, "hours")
    app.add_template_filter(minutes_to_hhmm, "hhmm")
    app.add_template_filter(postcodes.district_of, "district")
    app.add_template_filter(reason_text, "reason")
    app.add_template_global(get_locale)
    app.add_template_global(label)
    app.add_template_global(vocab, "vocab")
