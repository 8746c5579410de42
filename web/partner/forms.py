"""Partner forms: registering the organisation, and registering or editing a young person."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, ValidationError

from web import vocab
from web.auth.forms import NewLoginEmail, PasswordFields
from web.profiles import rules
from web.profiles.forms import (
    AboutFields,
    AvailabilityFields,
    ConsentFields,
    ContactFields,
    GuardianFields,
    NameFields,
    PriorityFields,
    WishesFields,
    options,
)
from web.validators import normalise_phone


class PartnerRegistrationForm(PasswordFields, FlaskForm):
    """The organisation and its first staff user; a consultant approves the organisation."""

    organisation_name = StringField(
        _l("Organisationens navn"),
        validators=[DataRequired(_l("Skriv organisationens navn.")), Length(max=200)],
        render_kw={"autocomplete": "organization"},
    )
    partner_type = SelectField(
        _l("Hvilken slags organisation?"),
        choices=options([("", _l("Vælg"))] + list(vocab.PARTNER_TYPES.items())),
        validate_choice=False,
    )
    postcode = StringField(
        _l("Postnummer"),
        validators=[DataRequired(_l("Skriv postnummeret, fx 2200."))],
        render_kw={"inputmode": "numeric", "autocomplete": "postal-code", "maxlength": "4"},
    )
    contact_phone = StringField(
        _l("Organisationens telefonnummer"),
        validators=[DataRequired(_l("Skriv et telefonnummer, jobcentret kan ringe til."))],
        render_kw={"type": "tel", "inputmode": "tel", "autocomplete": "tel"},
    )
    name = StringField(
        _l("Dit navn"),
        validators=[DataRequired(_l("Skriv dit navn.")), Length(max=200)],
        render_kw={"autocomplete": "name"},
    )
    email = StringField(
        _l("Din e-mail"),
        validators=[DataRequired(_l("Skriv din e-mail.")), NewLoginEmail("navn@forening.dk")],
        description=_l("Du logger ind med den."),
        render_kw={"type": "email", "autocomplete": "username"},
    )

    def validate_partner_type(self, field):
        if field.data not in vocab.PARTNER_TYPES:
            raise ValidationError(_("Vælg hvilken slags organisation I er."))

    def validate_postcode(self, field):
        field.data = field.data.strip()
        problem = rules.postcode_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def validate_contact_phone(self, field):
        if normalise_phone(field.data) is None:
            raise ValidationError(_("Skriv et dansk telefonnummer med 8 cifre."))


class YouthEditForm(
    NameFields,
    ContactFields,
    AboutFields,
    WishesFields,
    AvailabilityFields,
    GuardianFields,
    PriorityFields,
    FlaskForm,
):
    """Every profile question on one page, for staff on a laptop."""


class YouthRegistrationForm(ConsentFields, YouthEditForm):
    """A new young person: the profile plus the consent the staff member records."""


class ConfirmForm(FlaskForm):
    """Only the CSRF token, for buttons."""
