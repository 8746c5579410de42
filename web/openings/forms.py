"""The opening form: what an employer offers, with weekly shifts as repeatable rows."""
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from web import postcodes, vocab
from web.fields import DateInputField, MultiCheckboxField, WholeNumberField
from web.models import EmployerKind, Organisation, Programme, Track
from web.numbers import kroner_to_ore, parse_kroner
from web.openings import shifts as shift_rules
from web.openings.wages import WAGE_CEILING_ORE, WAGE_FLOORS_ORE
from web.templating import format_ore
from web.timeutil import today

SHIFT_ROWS = 7  # rows shown without JavaScript; a small script can add more
MAX_SHIFT_ROWS = 40  # rows read from a post; more than MAX_SHIFTS filled in is an error
MAX_SEATS = 50
MAX_WEEKS = 208  # a four-year apprenticeship


class ShiftRowForm(Form):
    """One row: day, start and end as typed; checked as a whole by :func:`check_rows`."""

    day = SelectField(
        _l("Dag"), choices=vocab.choices(vocab.DAY_LABELS, blank=_l("Vælg dag")), default=""
    )
    start = StringField(_l("Fra"), filters=[lambda v: v.strip() if v else v])
    end = StringField(_l("Til"), filters=[lambda v: v.strip() if v else v])


class OpeningForm(FlaskForm):
    track = RadioField(
        _l("Hvilken slags job?"),
        choices=vocab.choices(vocab.TRACKS),
        validators=[InputRequired(_l("Vælg fritidsjob eller elevplads."))],
    )
    title = StringField(
        _l("Titel"),
        validators=[DataRequired(_l("Skriv en titel, fx 'Butiksmedhjælper'.")), Length(max=200)],
        description=_l("Kort og konkret. De unge ser titlen først."),
    )
    sector = SelectField(
        _l("Branche"),
        choices=vocab.choices(vocab.SECTORS, blank=_l("Vælg branche")),
        validators=[DataRequired(_l("Vælg en branche."))],
    )
    description = TextAreaField(
        _l("Hvad skal man lave?"),
        validators=[Optional(), Length(max=4000, message=_l("Højst 4.000 tegn."))],
        description=_l("Opgaver, hvem de unge arbejder sammen med, og hvad de lærer."),
    )
    postcode = StringField(
        _l("Postnummer, hvor arbejdet foregår"),
        validators=[DataRequired(_l("Skriv postnummeret."))],
        render_kw={"inputmode": "numeric", "autocomplete": "postal-code", "list": "postcodes"},
    )
    seats = WholeNumberField(
        _l("Antal pladser"),
        default=1,
        validators=[
            InputRequired(_l("Skriv hvor mange unge I kan tage.")),
            NumberRange(min=1, max=MAX_SEATS, message=_l("Skriv et tal fra 1 til %(max)s.", max=MAX_SEATS)),
        ],
        render_kw={"inputmode": "numeric"},
    )
    start_date = DateInputField(
        _l("Startdato"),
        validators=[InputRequired(_l("Vælg en startdato."))],
    )
    weeks = WholeNumberField(
        _l("Antal uger"),
        validators=[
            InputRequired(_l("Skriv hvor mange uger jobbet varer.")),
            NumberRange(min=1, max=MAX_WEEKS, message=_l("Skriv et tal fra 1 til %(max)s.", max=MAX_WEEKS)),
        ],
        render_kw={"inputmode": "numeric"},
    )
    hourly_wage = StringField(
        _l("Timeløn i kroner"),
        validators=[DataRequired(_l("Skriv timelønnen, fx 98,50."))],
        description=_l("Før skat, fx 98,50."),
        render_kw={"inputmode": "decimal"},
    )
    min_age = WholeNumberField(
        _l("Mindstealder"),
        validators=[InputRequired(_l("Skriv hvor gammel man mindst skal være."))],
        render_kw={"inputmode": "numeric"},
    )
    required_languages = MultiCheckboxField(
        _l("Sprog, man skal kunne"),
        choices=vocab.choices(vocab.LANGUAGES),
        description=_l("Kun hvis det er nødvendigt for arbejdet. Hvert krav gør gruppen af unge mindre."),
    )
    legal_category = RadioField(
        _l("Hvilken slags arbejdsplads?"),
        choices=vocab.choices(vocab.LEGAL_CATEGORIES),
        default="general",
        validators=[InputRequired(_l("Vælg hvilken slags arbejdsplads det er."))],
        description=_l("Reglerne for unge under 18 afhænger af det: fx hvor sent de må arbejde."),
    )
    serves_alcohol = BooleanField(_l("Der serveres alkohol på arbejdspladsen"))
    refund_requested = BooleanField(
        _l("Vi ønsker lønrefusion"),
    )
    education = SelectField(
        _l("Uddannelse (kun elevpladser)"),
        choices=vocab.choices(vocab.EDUCATIONS, blank=_l("Ingen – det er et fritidsjob")),
        default="",
    )
    shifts = FieldList(FormField(ShiftRowForm), min_entries=SHIFT_ROWS, max_entries=MAX_SHIFT_ROWS)
    # The fingerprint of the young-workers' warning shown, so "save anyway" saves only what
    # the employer saw.
    warning_key = HiddenField()
    save_anyway = SubmitField(_l("Gem alligevel"))

    def __init__(
        self,
        *args,
        employer: Organisation,
        programme: Programme,
        stored_start_date: date | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.employer = employer
        self.programme = programme
        # An opening that has started keeps its start date through later edits.
        self.stored_start_date = stored_start_date
        self.shift_check = shift_rules.ShiftCheck()
        self.hourly_wage_ore: int | None = None
        self.min_age.description = _l(
            "Mellem %(low)s og %(high)s år (programmets aldersgrænser).",
            low=programme.age_min,
            high=programme.age_max,
        )
        self.refund_requested.description = _l(
            "Kun for kommunale arbejdspladsers fritidsjob. Jobcentret refunderer lønnen for op "
            "til %(hours)s timer om ugen i op til %(weeks)s uger.",
            hours=programme.refund_minutes_cap // 60,
            weeks=programme.refund_weeks_cap,
        )

    @property
    def is_municipal(self) -> bool:
        return self.employer.employer_kind == EmployerKind.MUNICIPAL

    def validate_postcode(self, field) -> None:
        field.data = (field.data or "").strip()
        if postcodes.lookup(field.data) is None:
            raise ValidationError(
                _l("Vi kender ikke postnummeret. Jobbro dækker København og omegn – skriv fire cifre, fx 2200.")
            )

    def validate_start_date(self, field) -> None:
        if field.data and field.data < today() and field.data != self.stored_start_date:
            raise ValidationError(_l("Startdatoen må ikke ligge i fortiden."))

    def validate_hourly_wage(self, field) -> None:
        try:
            ore = kroner_to_ore(parse_kroner(field.data))
        except ValueError:
            raise ValidationError(
                _l("Skriv timelønnen i kroner, fx 98,50 (højst to decimaler).")
            ) from None
        floor = WAGE_FLOORS_ORE.get(self.track.data)
        if floor is not None and ore < floor:
            if self.track.data == Track.APPRENTICESHIP:
                message = _l("En elevplads skal mindst give %(floor)s i timen.", floor=format_ore(floor))
            else:
                message = _l("Et fritidsjob skal mindst give %(floor)s i timen.", floor=format_ore(floor))
            raise ValidationError(message)
        if ore > WAGE_CEILING_ORE:
            raise ValidationError(
                _l("Det er meget i timen. Skriv timelønnen, ikke måneds- eller ugelønnen.")
            )
        self.hourly_wage_ore = ore

    def validate_min_age(self, field) -> None:
        low, high = self.programme.age_min, self.programme.age_max
        if field.data is not None and not low <= field.data <= high:
            raise ValidationError(
                _l("Mindstealderen skal være mellem %(low)s og %(high)s år.", low=low, high=high)
            )

    def validate_refund_requested(self, field) -> None:
        if not field.data:
            return
        if not self.is_municipal:
            raise ValidationError(
                _l("Kun kommunale arbejdspladser kan få lønrefusion. Fjern fluebenet.")
            )
        if self.track.data != Track.LEISURE:
            raise ValidationError(
                _l("Lønrefusion gælder kun fritidsjob, ikke elevpladser. Fjern fluebenet.")
            )

    def validate_education(self, field) -> None:
        if self.track.data == Track.APPRENTICESHIP and not field.data:
            raise ValidationError(_l("Vælg hvilken uddannelse elevpladsen hører til."))
        if self.track.data == Track.LEISURE and field.data:
            raise ValidationError(
                _l("Et fritidsjob hører ikke til en uddannelse. Vælg 'Ingen', eller vælg elevplads øverst.")
            )

    def validate_shifts(self, field) -> None:
        rows = [(row.form.day.data, row.form.start.data, row.form.end.data) for row in field.entries]
        self.shift_check = shift_rules.check_rows(rows)
        if self.shift_check.row_errors:
            raise ValidationError(_l("Ret vagterne, der er markeret."))
        if self.shift_check.error:
            raise ValidationError(self.shift_check.error)

    @property
    def shift_error(self) -> str | None:
        """The message for the shifts as a whole (row messages are shown on their rows)."""
        strings = [error for error in self.shifts.errors if isinstance(error, str)]
        return strings[0] if strings else None

    def values(self) -> dict:
        """The opening's column values from a validated form (shifts separately)."""
        return {
            "track": self.track.data,
            "title": self.title.data.strip(),
            "sector": self.sector.data,
            "description": (self.description.data or "").strip(),
            "postcode": self.postcode.data,
            "seats": self.seats.data,
            "start_date": self.start_date.data,
            "weeks": self.weeks.data,
            "hourly_wage_ore": self.hourly_wage_ore,
            "min_age": self.min_age.data,
            "required_languages": [
                code for code in vocab.LANGUAGES if code in (self.required_languages.data or [])
            ],
            "legal_category": self.legal_category.data,
            "serves_alcohol": bool(self.serves_alcohol.data),
            "refund_requested": bool(self.refund_requested.data),
            "education": self.education.data or None,
        }
