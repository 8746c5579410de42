"""The young person's own forms: one small form per profile step, and the consent form."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField
from wtforms.validators import DataRequired

from web.profiles.forms import (
    AboutFields,
    AvailabilityFields,
    GuardianFields,
    NameFields,
    PriorityFields,
    WishesFields,
)


class AboutStepForm(NameFields, AboutFields, FlaskForm):
    """Step 1: name, birth date, postcode, school."""


class WishesStepForm(WishesFields, FlaskForm):
    """Step 2: leisure job and/or apprenticeship, education, interests, languages."""


class TimeStepForm(AvailabilityFields, FlaskForm):
    """Step 3: weekly free time, hours a week, distance."""


class ExtraStepForm(GuardianFields, PriorityFields, FlaskForm):
    """Step 4: guardian (under 18) and the optional priority questions."""


STEP_FORMS = {1: AboutStepForm, 2: WishesStepForm, 3: TimeStepForm, 4: ExtraStepForm}


class ConsentForm(FlaskForm):
    """Giving consent again after withdrawing it."""

    consent = BooleanField(
        _l("Jeg giver samtykke til, at Jobbro og jobcentret gemmer min profil og bruger den til at finde et job til mig. Jeg kan trække samtykket tilbage når som helst."),
        validators=[DataRequired(_l("Sæt flueben for at give samtykke."))],
    )


class ConfirmForm(FlaskForm):
    """An empty form: only the CSRF token, for buttons that change something."""
