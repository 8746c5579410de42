"""Admin forms: the programme's yearly settings and consultant accounts."""
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    ValidationError,
)

from web.auth.forms import MIN_PASSWORD_LENGTH, NewLoginEmail
from web.fields import HoursField, KronerField, WholeNumberField

# The programme's age band may only be set inside these limits (the young workers' law starts
# at 13; the city's youth efforts end at 30).
AGE_LIMITS = (13, 30)
MAX_BUDGET_KRONER = Decimal("1000000000")  # a billion kroner: anything above is a typo


REQUIRED = InputRequired(_l("Skal udfyldes."))
AGE_MESSAGE = _l("Alderen skal være mellem %(min)s og %(max)s år.")


class ProgrammeForm(FlaskForm):
    name = StringField(
        _l("Programmets navn"),
        validators=[DataRequired(_l("Giv programmet et navn.")), Length(max=200)],
    )
    leisure_target = WholeNumberField(
        _l("Mål: unge i fritidsjob"),
        validators=[
            REQUIRED,
            NumberRange(0, 100_000, message=_l("Skriv et tal fra 0 og op.")),
        ],
        description=_l("Hvor mange unge skal have et fritidsjob i løbet af året."),
    )
    apprenticeship_target = WholeNumberField(
        _l("Mål: unge i elev- eller læreplads"),
        validators=[
            REQUIRED,
            NumberRange(0, 100_000, message=_l("Skriv et tal fra 0 og op.")),
        ],
    )
    min_private_share_pct = WholeNumberField(
        _l("Mindste andel hos private arbejdsgivere (%)"),
        validators=[
            REQUIRED,
            NumberRange(0, 100, message=_l("Skriv en procent mellem 0 og 100.")),
        ],
        description=_l("Mindst så stor en del af årets fritidsjob skal være hos private."),
    )
    refund_budget = KronerField(
        _l("Budget til lønrefusion (kr.)"),
        validators=[REQUIRED],
        signed=True,  # "-5" gets "can't be negative" rather than "unreadable"
        description=_l("Hele årets pulje til kommunale arbejdspladser, f.eks. 600.000."),
    )
    refund_hours_per_week = HoursField(
        _l("Refusion: højst timer om ugen"),
        validators=[REQUIRED],
        description=_l("Kommunen refunderer lønnen for højst så mange timer om ugen."),
    )
    refund_weeks_cap = WholeNumberField(
        _l("Refusion: højst antal uger"),
        validators=[
            REQUIRED,
            NumberRange(1, 104, message=_l("Skriv et antal uger mellem 1 og 104.")),
        ],
        description=_l("5 måneder er ca. 22 uger."),
    )
    age_min = WholeNumberField(
        _l("Yngste alder"),
        validators=[
            REQUIRED,
            NumberRange(*AGE_LIMITS, message=AGE_MESSAGE),
        ],
    )
    age_max = WholeNumberField(
        _l("Ældste alder"),
        validators=[
            REQUIRED,
            NumberRange(*AGE_LIMITS, message=AGE_MESSAGE),
        ],
    )
    offer_days = WholeNumberField(
        _l("Dage til at svare på et tilbud"),
        validators=[
            REQUIRED,
            NumberRange(1, 30, message=_l("Skriv et antal dage mellem 1 og 30.")),
        ],
    )

    def validate_refund_budget(self, field) -> None:
        value = field.data
        if value is None:
            return
        if value < 0:
            raise ValidationError(_l("Budgettet kan ikke være negativt."))
        if value > MAX_BUDGET_KRONER:
            raise ValidationError(_l("Det beløb er for stort. Tjek antallet af nuller."))

    def validate_refund_hours_per_week(self, field) -> None:
        value = field.data
        if value is None:
            return
        if value < 0 or value > 40:
            raise ValidationError(_l("Skriv mellem 0 og 40 timer om ugen."))
        if (value * 60) % 1:
            raise ValidationError(_l("Skriv timerne i hele minutter, f.eks. 2,5."))

    def validate_age_max(self, field) -> None:
        low, high = self.age_min.data, field.data
        if low is not None and high is not None and low > high:
            raise ValidationError(_l("Ældste alder skal være mindst den yngste alder."))

    # -- converting between the model and what the admin types --

    def settings(self) -> dict:
        """The validated values in the model's units (øre, minutes)."""
        return {
            "name": self.name.data.strip(),
            "leisure_target": self.leisure_target.data,
            "apprenticeship_target": self.apprenticeship_target.data,
            "min_private_share_pct": self.min_private_share_pct.data,
            "refund_budget_ore": int(self.refund_budget.data * 100),
            "refund_minutes_cap": int(self.refund_hours_per_week.data * 60),
            "refund_weeks_cap": self.refund_weeks_cap.data,
            "age_min": self.age_min.data,
            "age_max": self.age_max.data,
            "offer_days": self.offer_days.data,
        }

    @classmethod
    def for_programme(cls, programme, **kwargs) -> "ProgrammeForm":
        return cls(
            name=programme.name,
            leisure_target=programme.leisure_target,
            apprenticeship_target=programme.apprenticeship_target,
            min_private_share_pct=programme.min_private_share_pct,
            refund_budget=Decimal(programme.refund_budget_ore) / 100,
            refund_hours_per_week=Decimal(programme.refund_minutes_cap) / 60,
            refund_weeks_cap=programme.refund_weeks_cap,
            age_min=programme.age_min,
            age_max=programme.age_max,
            offer_days=programme.offer_days,
            **kwargs,
        )


class ConsultantForm(FlaskForm):
    name = StringField(
        _l("Navn"),
        validators=[DataRequired(_l("Skriv konsulentens navn.")), Length(max=200)],
        render_kw={"autocomplete": "off"},
    )
    email = StringField(
        _l("E-mail"),
        validators=[
            DataRequired(_l("Skriv konsulentens e-mail.")),
            Length(max=254),
            NewLoginEmail("navn@kk.dk", taken=_l("Der findes allerede en bruger med den e-mail.")),
        ],
        description=_l("Konsulenten logger ind med den."),
        render_kw={"autocomplete": "off", "inputmode": "email"},
    )
    password = PasswordField(
        _l("Midlertidig adgangskode"),
        validators=[
            DataRequired(_l("Skriv en midlertidig adgangskode.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=_l("Adgangskoden skal være mindst %(n)s tegn.", n=MIN_PASSWORD_LENGTH),
            ),
        ],
        description=_l("Mindst %(n)s tegn. Giv den til konsulenten på en sikker måde.",
                       n=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password"},
    )

