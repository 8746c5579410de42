"""Sign-in and sign-up forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from web.validators import normalise_email, normalise_phone

MIN_PASSWORD_LENGTH = 8


def normalise_login(raw: str) -> tuple[str | None, str | None]:
    """Split what someone typed as login into (email, phone); both None when it is neither."""
    raw = (raw or "").strip()
    if "@" in raw:
        return normalise_email(raw), None
    return None, normalise_phone(raw)


class NewLoginEmail:
    """A valid e-mail address that nobody logs in with yet; leaves it normalised in the field.

    ``example`` shows the kind of address expected ("navn@firma.dk"); ``taken`` is the message
    when someone already uses it (for staff making an account for someone else, "log in
    instead" would be wrong).
    """

    def __init__(self, example: str = "navn@mail.dk", taken=None):
        self.example = example
        self.taken = taken

    def __call__(self, form, field) -> None:
        from web.auth.services import login_taken

        email = normalise_email(field.data)
        if email is None:
            raise ValidationError(_l("Skriv en gyldig e-mail, fx %(example)s.", example=self.example))
        if login_taken(email, None):
            raise ValidationError(
                self.taken
                or _l("Der findes allerede en bruger med den e-mail. Log ind i stedet.")
            )
        field.data = email


class LoginForm(FlaskForm):
    login = StringField(
        _l("E-mail eller telefonnummer"),
        validators=[DataRequired(_l("Skriv din e-mail eller dit telefonnummer."))],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Adgangskode"),
        validators=[DataRequired(_l("Skriv din adgangskode."))],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Husk mig på denne enhed"))
    next = HiddenField()


class PasswordFields:
    """Password and its repetition, with the same rules everywhere an account is made."""

    password = PasswordField(
        _l("Vælg en adgangskode"),
        validators=[
            DataRequired(_l("Vælg en adgangskode.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=_l("Adgangskoden skal være mindst %(n)s tegn.", n=MIN_PASSWORD_LENGTH),
            ),
        ],
        description=_l("Mindst %(n)s tegn.", n=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password"},
    )
    password_again = PasswordField(
        _l("Gentag adgangskoden"),
        validators=[
            DataRequired(_l("Gentag adgangskoden.")),
            EqualTo("password", message=_l("De to adgangskoder er ikke ens.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class AccountForm(PasswordFields, FlaskForm):
    """E-mail or phone plus a password: the start of every self-made account."""

    login = StringField(
        _l("E-mail eller mobilnummer"),
        validators=[DataRequired(_l("Skriv din e-mail eller dit mobilnummer."))],
        description=_l("Du logger ind med det. Vi sender aldrig reklame."),
        render_kw={"autocomplete": "username"},
    )

    def validate_login(self, field) -> None:
        from web.auth.services import login_taken

        email, phone = normalise_login(field.data)
        if not email and not phone:
            raise ValidationError(
                _l("Skriv en gyldig e-mail eller et dansk mobilnummer med 8 cifre.")
            )
        if login_taken(email, phone):
            raise ValidationError(_l("Der findes allerede en bruger med den e-mail eller det nummer. Log ind i stedet."))


class YouthSignupForm(AccountForm):
    first_name = StringField(
        _l("Fornavn"),
        validators=[DataRequired(_l("Skriv dit fornavn.")), Length(max=100)],
        render_kw={"autocomplete": "given-name"},
    )
    consent = BooleanField(
        _l("Jeg giver samtykke til, at Jobbro og jobcentret gemmer min profil og bruger den til at finde et job til mig. Jeg kan trække samtykket tilbage når som helst."),
        validators=[DataRequired(_l("Du skal give samtykke for at blive tilmeldt."))],
    )
