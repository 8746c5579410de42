"""The employer's registration form; the opening form is shared, in web.openings.forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import BooleanField, EmailField, RadioField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from web import postcodes, vocab
from web.auth.forms import NewLoginEmail, PasswordFields
from web.extensions import db
from web.models import EmployerKind, Organisation
from web.validators import is_valid_cvr, normalise_cvr, normalise_phone


class EmployerRegistrationForm(PasswordFields, FlaskForm):
    name = StringField(
        _l("Virksomhedens navn"),
        validators=[DataRequired(_l("Skriv virksomhedens navn.")), Length(max=200)],
        render_kw={"autocomplete": "organization"},
    )
    cvr = StringField(
        _l("CVR-nummer"),
        validators=[DataRequired(_l("Skriv jeres CVR-nummer."))],
        description=_l("8 cifre, fx 12 34 56 78. Kommunale arbejdspladser bruger kommunens CVR-nummer."),
        render_kw={"inputmode": "numeric"},
    )
    employer_kind = RadioField(
        _l("Hvilken slags arbejdsplads er I?"),
        choices=vocab.choices(vocab.EMPLOYER_KINDS),
        validators=[InputRequired(_l("Vælg hvilken slags arbejdsplads I er."))],
    )
    social_economy = BooleanField(
        _l("Vi er en socialøkonomisk virksomhed"),
        description=_l("Socialøkonomiske virksomheder tæller som private."),
    )
    postcode = StringField(
        _l("Postnummer"),
        validators=[DataRequired(_l("Skriv jeres postnummer."))],
        render_kw={"inputmode": "numeric", "autocomplete": "postal-code", "list": "postcodes"},
    )
    contact_phone = StringField(
        _l("Telefonnummer til jeres kontaktperson"),
        validators=[DataRequired(_l("Skriv et telefonnummer, jobcentret kan ringe til."))],
        render_kw={"inputmode": "tel", "autocomplete": "tel"},
    )
    contact_name = StringField(
        _l("Dit navn"),
        validators=[DataRequired(_l("Skriv dit navn.")), Length(max=200)],
        render_kw={"autocomplete": "name"},
    )
    email = EmailField(
        _l("Din e-mail"),
        validators=[
            DataRequired(_l("Skriv din e-mail.")),
            Length(max=254),
            NewLoginEmail("navn@firma.dk"),
        ],
        description=_l("Du logger ind med den."),
        render_kw={"autocomplete": "email"},
    )

    def validate_cvr(self, field) -> None:
        cvr = normalise_cvr(field.data)
        if not is_valid_cvr(cvr):
            raise ValidationError(
                _l("Det er ikke et gyldigt CVR-nummer. Tjek de 8 cifre – du kan slå det op på cvr.dk.")
            )
        if db.session.scalar(select(Organisation.id).where(Organisation.cvr == cvr)) is not None:
            raise ValidationError(
                _l(
                    "CVR-nummer %(cvr)s er allerede registreret i Jobbro. Spørg din kollega, der "
                    "oprettede jer, om at få adgang, eller kontakt jobcentret.",
                    cvr=cvr,
                )
            )
        self.cvr_normalised = cvr

    def validate_social_economy(self, field) -> None:
        if field.data and self.employer_kind.data != EmployerKind.PRIVATE:
            raise ValidationError(
                _l("En socialøkonomisk virksomhed tæller som privat. Vælg 'Privat virksomhed' ovenfor, eller fjern fluebenet.")
            )

    def validate_postcode(self, field) -> None:
        field.data = (field.data or "").strip()
        if postcodes.lookup(field.data) is None:
            raise ValidationError(
                _l("Vi kender ikke postnummeret. Jobbro dækker København og omegn – skriv fire cifre, fx 2200.")
            )

    def validate_contact_phone(self, field) -> None:
        phone = normalise_phone(field.data)
        if phone is None:
            raise ValidationError(_l("Skriv et dansk telefonnummer med 8 cifre."))
        self.phone_normalised = phone
