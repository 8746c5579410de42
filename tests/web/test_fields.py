"""The shared form fields (web.fields): typed text kept, one Danish message, the right input."""
from datetime import date
from decimal import Decimal

import pytest
from werkzeug.datastructures import MultiDict
from wtforms import Form, SelectChoice
from wtforms.validators import NumberRange, Optional

from web.fields import (
    DateInputField,
    HoursField,
    KronerField,
    MultiCheckboxField,
    TimeInputField,
    WholeNumberField,
)


class SampleForm(Form):
    count = WholeNumberField("Antal", validators=[Optional(), NumberRange(0, 10, message="0 til 10")])
    day = DateInputField("Dag")
    start = TimeInputField("Fra")
    hours = HoursField("Timer")
    budget = KronerField("Budget", signed=True)
    wage = KronerField("Løn", invalid_message="Skriv timelønnen.")
    languages = MultiCheckboxField("Sprog", choices=[SelectChoice("da", "Dansk"), SelectChoice("en", "Engelsk")])


@pytest.fixture
def request_context(app):
    with app.test_request_context():
        yield


def submitted(**data) -> SampleForm:
    form = SampleForm(MultiDict(data))
    form.validate()
    return form


def test_typed_values_become_numbers_dates_and_minutes(request_context):
    """Does each field turn what was typed into its value?"""
    form = submitted(count="7", day="17-05-2008", start="16.30", hours="7,5", budget="600.000", wage="98,50")
    assert (form.count.data, form.day.data, form.start.data, form.hours.data, form.budget.data, form.wage.data) == (
        7,
        date(2008, 5, 17),
        990,
        Decimal("7.5"),
        Decimal("600000"),
        Decimal("98.50"),
    )
    assert not form.errors


def test_unreadable_text_gets_one_danish_message_and_no_range_check(request_context):
    """Does an unreadable number get only the "whole number" message, not the range message too?"""
    form = submitted(count="mange")
    assert form.count.errors == ["Skriv et helt tal, fx 5."]
    assert form.count.data is None


@pytest.mark.parametrize(
    "field, typed, message",
    [
        ("day", "i morgen", "Skriv datoen som dag-måned-år, fx 17-05-2008."),
        ("start", "efter skole", "Skriv et klokkeslæt som 16:30 (mellem 00:00 og 24:00)."),
        ("hours", "fem", "Skriv et tal, fx 10 eller 7,5."),
        ("budget", "600,000", "Skriv et beløb i kroner, f.eks. 600.000 eller 600000,50."),
        ("wage", "-98", "Skriv timelønnen."),
    ],
)
def test_each_field_explains_unreadable_text(request_context, field, typed, message):
    """Does each field give its own Danish message (or the one passed to it)?"""
    assert submitted(**{field: typed})[field].errors == [message]


def test_what_was_typed_is_shown_again(request_context):
    """Is the text as typed put back into the input, also when it could not be read?"""
    form = submitted(count="mange", hours=" 7,5 ")
    assert 'value="mange"' in form.count()
    assert 'value=" 7,5 "' in form.hours()


def test_stored_values_are_shown_the_way_people_type_them(request_context):
    """Are stored values shown as "2,5", "16:30", an ISO date (for the date input) and "600000"?"""
    form = SampleForm(
        hours=Decimal("2.5"), start=990, day=date(2026, 8, 15), budget=Decimal("600000.00"), count=3
    )
    assert [form[name]._value() for name in ("hours", "start", "day", "budget", "count")] == [
        "2,5",
        "16:30",
        "2026-08-15",
        "600000",
        "3",
    ]


def test_empty_fields_are_none_and_not_typed(request_context):
    """Is an empty input None (so required-checks can name the field) and not "typed"?"""
    form = submitted(count="", start="  ")
    assert (form.count.data, form.start.data, form.start.typed) == (None, None, False)
    assert not form.errors


def test_inputs_are_number_date_and_checkboxes(request_context):
    """Do whole numbers render as number inputs, dates as date inputs, choices as checkboxes?"""
    form = SampleForm()
    assert 'type="number"' in form.count()
    assert 'type="date"' in form.day()
    assert form.languages().count('type="checkbox"') == 2
