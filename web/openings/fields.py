"""Form fields whose parse errors speak Danish (WTForms ships no Danish catalogue)."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget


class WholeNumberField(IntegerField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(_l("Skriv et helt tal, fx 3."))) from error


class DayField(DateField):
    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(_l("Skriv datoen som åååå-mm-dd, fx 2026-08-15."))) from error


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (rendered as a fieldset by ``_forms.field``)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

