"""Form fields shared by every role's forms: text parsed with Danish messages.

WTForms ships no Danish catalogue, so fields that turn typed text into a value live here. A
:class:`ParsedField` keeps exactly what the user typed when the form comes back with errors,
and an unreadable value gets one plain message (no range or rule check runs on top of it).
The parsing itself is in :mod:`web.numbers`.
"""
from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, StringField
from wtforms.validators import StopValidation
from wtforms.widgets import CheckboxInput, DateInput, ListWidget, NumberInput

from web import numbers
from web.timeutil import minutes_to_hhmm


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (the ``_forms.field`` macro renders it as a fieldset)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ParsedField(StringField):
    """A text input whose text is parsed into a value; unreadable text gets ``invalid_message``.

    ``data`` is the parsed value (None when empty or unreadable); ``typed`` says whether
    anything was typed. The text as typed is shown again when the form comes back with errors.
    Pass ``invalid_message=`` to say it differently for one field.
    """

    invalid_message = _l("Det kan vi ikke læse.")

    def __init__(self, label=None, validators=None, invalid_message=None, **kwargs):
        super().__init__(label, validators, **kwargs)
        if invalid_message is not None:
            self.invalid_message = invalid_message
        self.typed = False
        self.parse_failed = False

    def parse(self, text: str):
        raise NotImplementedError

    def format(self, value) -> str:
        return str(value)

    def process_formdata(self, valuelist):
        text = (valuelist[0] if valuelist else "").strip()
        self.typed = bool(text)
        self.parse_failed = False
        self.data = None
        if text:
            try:
                self.data = self.parse(text)
            except (ValueError, ArithmeticError):
                self.parse_failed = True

    def pre_validate(self, form):
        if self.parse_failed:
            raise StopValidation(str(self.invalid_message))

    def _value(self):
        if self.raw_data is not None:
            return self.raw_data[0] if self.raw_data else ""
        return "" if self.data is None else self.format(self.data)


class WholeNumberField(ParsedField):
    """A whole number ("5", "-1"); rendered as a number input unless another widget is given."""

    widget = NumberInput()
    invalid_message = _l("Skriv et helt tal, fx 5.")

    def parse(self, text: str) -> int:
        return numbers.parse_whole_number(text)


class DateInputField(ParsedField):
    """A date from the browser's date input (2008-05-17) or typed as 17-05-2008 / 17.05.2008."""

    widget = DateInput()
    invalid_message = _l("Skriv datoen som dag-måned-år, fx 17-05-2008.")

    def parse(self, text: str):
        return numbers.parse_date(text)

    def format(self, value) -> str:
        return value.isoformat()


class TimeInputField(ParsedField):
    """A time of day ("16:30", "16.30", "1630", "16"; "24:00" is midnight) as minutes from midnight."""

    invalid_message = _l("Skriv et klokkeslæt som 16:30 (mellem 00:00 og 24:00).")

    def parse(self, text: str) -> int:
        return numbers.parse_clock(text)

    def format(self, value: int) -> str:
        return minutes_to_hhmm(value)


class HoursField(ParsedField):
    """Hours typed the Danish way ("7,5") or with a point, at most two decimals; a Decimal."""

    invalid_message = _l("Skriv et tal, fx 10 eller 7,5.")

    def parse(self, text: str):
        return numbers.parse_hours(text)

    def format(self, value) -> str:
        return numbers.format_decimal(value)


class KronerField(ParsedField):
    """An amount in kroner ("600.000", "98,50") as a Decimal.

    With ``signed=True`` a minus is read too, so the form can say "not negative" itself.
    """

    invalid_message = _l("Skriv et beløb i kroner, f.eks. 600.000 eller 600000,50.")

    def __init__(self, label=None, validators=None, signed=False, **kwargs):
        super().__init__(label, validators, **kwargs)
        self.signed = signed

    def parse(self, text: str):
        return numbers.parse_kroner(text, signed=self.signed)

    def format(self, value) -> str:
        return numbers.format_decimal(value)
