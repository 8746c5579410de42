"""The profile's questions as groups of form fields, each group with its own rules.

The groups are mixins: the youth wizard builds one small form per step from them, the partner
builds one page from all of them. Fields that users type into are parsed by the shared fields
in web.fields with Danish messages, so nothing the user typed is lost when a rule fails.
"""
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Length, StopValidation, ValidationError
from wtforms.widgets import TextInput

from web import postcodes, vocab
from web.fields import (
    DateInputField,
    HoursField,
    MultiCheckboxField,
    TimeInputField,
    WholeNumberField,
)
from web.profiles import rules
from web.validators import normalise_email, normalise_phone

BLANK_WINDOW_ROWS = 2  # empty rows offered under the saved ones


def options(pairs) -> list[SelectChoice]:
    """WTForms choices from (value, label) pairs or a vocabulary mapping."""
    items = pairs.items() if isinstance(pairs, dict) else pairs
    return [SelectChoice(value, label) for value, label in items]


def _text(field) -> str:
    return (field.data or "").strip()


def required(message):
    """An inline check that a parsed or chosen value is there (the message names the field)."""

    def check(form, field):
        if field.data in (None, "", []):
            raise StopValidation(str(message))

    return check


YES_NO = options([("yes", _l("Ja")), ("no", _l("Nej"))])


class NameFields:
    first_name = StringField(
        _l("Fornavn"),
        validators=[DataRequired(_l("Skriv fornavnet.")), Length(max=100)],
        render_kw={"autocomplete": "given-name"},
    )
    last_name = StringField(
        _l("Efternavn"),
        validators=[DataRequired(_l("Skriv efternavnet.")), Length(max=100)],
        render_kw={"autocomplete": "family-name"},
    )


class ContactFields:
    """How to reach a young person a partner registers: e-mail, mobile, or both."""

    contact_email = StringField(
        _l("Den unges e-mail"),
        validators=[Length(max=254)],
        render_kw={"type": "email", "autocomplete": "off"},
    )
    contact_phone = StringField(
        _l("Den unges mobilnummer"),
        validators=[Length(max=20)],
        description=_l("Skriv mindst én af dem. Invitationen sendes dertil."),
        render_kw={"type": "tel", "inputmode": "tel", "autocomplete": "off"},
    )

    def validate_contact_email(self, field):
        if _text(field) and normalise_email(field.data) is None:
            raise ValidationError(_("Skriv en gyldig e-mail, fx navn@mail.dk."))

    def validate_contact_phone(self, field):
        if _text(field):
            if normalise_phone(field.data) is None:
                raise ValidationError(_("Skriv et dansk mobilnummer med 8 cifre."))
        elif not _text(self.contact_email):
            raise ValidationError(_("Skriv den unges e-mail eller mobilnummer."))


class AboutFields:
    """Step 1: birth date, postcode and school."""

    birth_date = DateInputField(
        _l("Fødselsdato"),
        validators=[required(_l("Skriv fødselsdatoen."))],
        description=_l("Dag, måned og år. Vi spørger aldrig om CPR-nummer."),
        render_kw={"type": "date", "autocomplete": "bday"},
    )
    postcode = StringField(
        _l("Postnummer"),
        validators=[DataRequired(_l("Skriv postnummeret, fx 2200."))],
        description=_l("Hvor bor du? Vi viser bydelen, ikke din adresse."),
        render_kw={
            "inputmode": "numeric",
            "list": "postcodes",
            "autocomplete": "postal-code",
            "maxlength": "4",
            "class": "postcode-input",
        },
    )
    school_finished = RadioField(
        _l("Er du færdig med 9. klasse?"),
        choices=YES_NO,
        validate_choice=False,
        validators=[required(_l("Svar ja eller nej."))],
    )

    def validate_birth_date(self, field):
        problem = rules.birth_date_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def validate_postcode(self, field):
        field.data = _text(field)
        problem = rules.postcode_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def validate_school_finished(self, field):
        if field.data not in ("yes", "no"):
            raise ValidationError(_("Svar ja eller nej."))

    @staticmethod
    def postcode_options():
        """The suggestion list for the postcode input (one entry per town/district)."""
        return postcodes.datalist()

    def postcode_label(self) -> str:
        return postcodes.district_of(self.postcode.data)


TRACK_CHOICES = options(
    [
        ("leisure", vocab.TRACKS["leisure"]),
        ("apprenticeship", vocab.TRACKS["apprenticeship"]),
        ("both", _l("Begge dele")),
    ]
)
INTEREST_CHOICES = options(
    [("", _l("Nej tak")), ("0.5", vocab.INTEREST_LEVELS[0.5]), ("1", vocab.INTEREST_LEVELS[1.0])]
)


class WishesFields:
    """Step 2: what the young person wants: track, education, interests, languages."""

    track = RadioField(
        _l("Hvad søger du?"),
        choices=TRACK_CHOICES,
        validate_choice=False,
        validators=[required(_l("Vælg fritidsjob, elevplads eller begge dele."))],
    )
    education = SelectField(
        _l("Uddannelse til elev- eller lærepladsen"),
        choices=options([("", _l("Vælg uddannelse"))] + list(vocab.EDUCATIONS.items())),
        validate_choice=False,
        description=_l("Kun hvis du søger en elev- eller læreplads: den uddannelse du går på eller vil starte på."),
    )
    languages = MultiCheckboxField(
        _l("Hvilke sprog kan du tale?"),
        choices=options(vocab.LANGUAGES),
        description=_l("Sæt flueben ved alle, du kan klare dig på."),
    )

    def validate_track(self, field):
        if field.data not in ("leisure", "apprenticeship", "both"):
            raise ValidationError(_("Vælg fritidsjob, elevplads eller begge dele."))

    def validate_education(self, field):
        if self.track.data not in ("apprenticeship", "both"):
            return
        if not field.data:
            raise ValidationError(_("Vælg den uddannelse, elevpladsen skal høre til."))
        if field.data not in vocab.EDUCATIONS:
            raise ValidationError(_("Vælg en uddannelse fra listen."))

    def interest_fields(self):
        """(sector code, radio field) for every sector, in the vocabulary's order."""
        return [(code, self[f"interest_{code}"]) for code in vocab.SECTORS]


# One "how interested?" question per sector: interest_retail, interest_care, ...
for _code, _label in vocab.SECTORS.items():
    setattr(
        WishesFields,
        f"interest_{_code}",
        RadioField(_label, choices=INTEREST_CHOICES, default="", validate_choice=False),
    )
del _code, _label


class WindowForm(Form):
    """One row of free time: a weekday, from and to. A row left completely empty is ignored."""

    day = SelectField(
        _l("Dag"),
        choices=options([("", _l("Vælg dag"))] + [(code, vocab.DAY_LABELS[code]) for code in vocab.DAYS]),
        validate_choice=False,
    )
    start = TimeInputField(_l("Fra"), render_kw={"type": "time"})
    end = TimeInputField(_l("Til"), render_kw={"type": "time"})

    def is_blank(self) -> bool:
        return not self.day.data and not self.start.typed and not self.end.typed

    def validate(self, extra_validators=None) -> bool:
        super().validate(extra_validators)
        if self.is_blank():
            return not self.errors
        if self.day.data not in vocab.DAYS:
            self.day.errors.append(_("Vælg en dag."))
        for field, message in (
            (self.start, _("Skriv hvornår du har tid fra.")),
            (self.end, _("Skriv hvornår du har tid til.")),
        ):
            if not field.typed:
                field.errors.append(message)
        if self.start.data is not None and self.end.data is not None:
            if self.end.data <= self.start.data:
                self.end.errors.append(
                    _("Til-tidspunktet skal være senere end fra-tidspunktet (samme dag).")
                )
        return not self.errors

    def as_tuple(self) -> tuple[int, int, int]:
        return vocab.DAYS.index(self.day.data), self.start.data, self.end.data


class AvailabilityFields:
    """Step 3: weekly free time (several rows a day allowed), hours a week, travel distance."""

    windows = FieldList(FormField(WindowForm), min_entries=1, max_entries=50)
    add_window = SubmitField(_l("Flere rækker"))
    max_hours = HoursField(
        _l("Hvor mange timer om ugen vil du højst arbejde?"),
        validators=[required(_l("Skriv hvor mange timer om ugen."))],
        description=_l("Mellem 1 og 37 timer."),
        render_kw={"inputmode": "decimal"},
    )
    max_commute_km = WholeNumberField(
        _l("Hvor langt vil du højst rejse til jobbet?"),
        validators=[required(_l("Skriv hvor mange kilometer."))],
        description=_l("I kilometer fra dit postnummer, fx 5."),
        widget=TextInput(),
        render_kw={"inputmode": "numeric"},
    )

    def validate_windows(self, field):
        filled = [entry.form for entry in field.entries if not entry.form.is_blank()]
        if not filled:
            raise ValidationError(_("Skriv mindst ét tidsrum, hvor du har tid."))
        valid = [row for row in filled if not row.errors]
        for index in rules.windows_overlap([row.as_tuple() for row in valid]):
            valid[index].end.errors.append(
                _("Overlapper med et andet tidsrum samme dag. Slå dem sammen til ét.")
            )
        if any(row.errors for row in filled):
            raise ValidationError(_("Ret tidsrummene markeret nedenfor."))

    def validate_max_hours(self, field):
        problem = rules.weekly_hours_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def validate_max_commute_km(self, field):
        problem = rules.commute_problem(field.data)
        if problem:
            raise ValidationError(problem)

    def wants_more_rows(self) -> bool:
        """The "more rows" button was pressed: show the form again with an extra empty row."""
        return bool(self.add_window.data)

    def add_blank_rows(self, count: int = BLANK_WINDOW_ROWS) -> None:
        for _row in range(count):
            self.windows.append_entry()

    def window_errors(self) -> list[str]:
        """Messages about the rows as a whole (per-row messages sit on the rows)."""
        return [error for error in self.windows.errors if isinstance(error, str)]


class GuardianFields:
    """Under-18s: a parent's or guardian's name and e-mail or phone."""

    guardian_name = StringField(
        _l("Navn på forælder eller værge"),
        validators=[Length(max=200)],
        render_kw={"autocomplete": "off"},
    )
    guardian_email = StringField(
        _l("Forælderens e-mail"),
        validators=[Length(max=254)],
        render_kw={"type": "email", "autocomplete": "off"},
    )
    guardian_phone = StringField(
        _l("Forælderens telefonnummer"),
        validators=[Length(max=20)],
        description=_l("Skriv e-mail eller telefonnummer – eller begge."),
        render_kw={"type": "tel", "inputmode": "tel", "autocomplete": "off"},
    )

    #: the birth date the rule uses when the form itself has no birth date field
    known_birth_date: date | None = None

    def guardian_needed(self) -> bool:
        birth_field = getattr(self, "birth_date", None)
        birth = birth_field.data if birth_field is not None else self.known_birth_date
        return rules.needs_guardian(birth)

    def validate_guardian_name(self, field):
        if self.guardian_needed() and not _text(field):
            raise ValidationError(_("Skriv navnet på en forælder eller værge (når man er under 18)."))

    def validate_guardian_email(self, field):
        if _text(field) and normalise_email(field.data) is None:
            raise ValidationError(_("Skriv en gyldig e-mail, fx navn@mail.dk."))

    def validate_guardian_phone(self, field):
        if _text(field):
            if normalise_phone(field.data) is None:
                raise ValidationError(_("Skriv et dansk telefonnummer med 8 cifre."))
        elif self.guardian_needed() and not _text(self.guardian_email):
            raise ValidationError(_("Skriv forælderens e-mail eller telefonnummer."))


class PriorityFields:
    """Optional questions that give priority in the match."""

    lives_in_housing_area = BooleanField(
        _l("Jeg bor i et alment boligområde med en boligsocial helhedsplan"),
    )
    newly_arrived = BooleanField(
        _l("Jeg er kommet til Danmark inden for de sidste fem år"),
    )


class ConsentFields:
    """A partner records that the young person agreed, and how."""

    consent = BooleanField(
        _l("Den unge har givet samtykke til, at Jobbro og jobcentret gemmer profilen og bruger den til at finde et job."),
        validators=[DataRequired(_l("Den unge skal have givet samtykke, før du kan tilmelde ham eller hende."))],
    )
    consent_method = RadioField(
        _l("Hvordan gav den unge samtykke?"),
        choices=options([("verbal", _l("Mundtligt")), ("written", _l("Skriftligt"))]),
        validate_choice=False,
        validators=[required(_l("Vælg mundtligt eller skriftligt."))],
    )

    def validate_consent_method(self, field):
        if field.data not in ("verbal", "written"):
            raise ValidationError(_("Vælg mundtligt eller skriftligt."))
