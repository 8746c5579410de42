"""Consultant forms: a decision with a reason, pausing, and the search filters."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    AnyOf,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from web import vocab
from web.fields import WholeNumberField
from web.models import OpeningStatus, OrganisationKind, ProfileStatus, ReviewStatus

REASON_MAX = 2000

PROFILE_STATUSES = {
    ProfileStatus.DRAFT: _l("Ikke færdig"),
    ProfileStatus.PENDING: _l("Venter på godkendelse"),
    ProfileStatus.ACTIVE: _l("Aktiv"),
    ProfileStatus.PAUSED: _l("På pause"),
    ProfileStatus.WITHDRAWN: _l("Trukket tilbage"),
    ProfileStatus.REJECTED: _l("Sendt tilbage"),
}
OPENING_STATUSES = {
    OpeningStatus.PENDING: _l("Venter på godkendelse"),
    OpeningStatus.OPEN: _l("Åben"),
    OpeningStatus.PAUSED: _l("På pause"),
    OpeningStatus.CLOSED: _l("Lukket"),
    OpeningStatus.REJECTED: _l("Afvist"),
}
REVIEW_STATUSES = {
    ReviewStatus.PENDING: _l("Venter på godkendelse"),
    ReviewStatus.APPROVED: _l("Godkendt"),
    ReviewStatus.REJECTED: _l("Afvist"),
}
ORGANISATION_KINDS = {
    OrganisationKind.PARTNER: _l("Partner"),
    OrganisationKind.EMPLOYER: _l("Arbejdsgiver"),
}


class FilterField(SelectField):
    """A select for filtering: an unknown value just matches nothing."""

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("default", "")
        super().__init__(label, validators, validate_choice=False, **kwargs)


class DecisionForm(FlaskForm):
    """Approve or reject; the reason is required to reject and is shown to the owner."""

    decision = HiddenField(
        validators=[AnyOf(["approve", "reject"], message=_l("Vælg godkend eller afvis."))]
    )
    reason = TextAreaField(
        _l("Begrundelse"),
        validators=[Length(max=REASON_MAX, message=_l("Skriv højst %(max)d tegn."))],
        description=_l("Skal udfyldes, hvis du afviser. Ejeren kan se begrundelsen."),
    )
    next = HiddenField()

    @property
    def approve(self) -> bool:
        return self.decision.data == "approve"

    def validate_reason(self, field) -> None:
        if self.decision.data == "reject" and not (field.data or "").strip():
            raise ValidationError(_l("Skriv en begrundelse, når du afviser."))


class PauseForm(FlaskForm):
    """Pause or reactivate a profile or an opening; a pause needs a reason."""

    action = HiddenField(
        validators=[AnyOf(["pause", "reactivate"], message=_l("Vælg pause eller genaktivér."))]
    )
    reason = TextAreaField(
        _l("Begrundelse"),
        validators=[Length(max=REASON_MAX, message=_l("Skriv højst %(max)d tegn."))],
        description=_l("Skal udfyldes ved pause. Ejeren kan se begrundelsen."),
    )

    @property
    def pause(self) -> bool:
        return self.action.data == "pause"

    def validate_reason(self, field) -> None:
        if self.action.data == "pause" and not (field.data or "").strip():
            raise ValidationError(_l("Skriv hvorfor du sætter på pause."))


class SearchForm(FlaskForm):
    """Filters read from the query string: no CSRF, nothing is changed by searching."""

    class Meta:
        csrf = False

    def filters(self) -> dict:
        return {name: field.data for name, field in self._fields.items()}


class YouthSearchForm(SearchForm):
    q = StringField(_l("Navn, e-mail eller telefon"), validators=[Optional(), Length(max=100)])
    area = StringField(
        _l("Postnummer eller bydel"),
        validators=[Optional(), Length(max=60)],
        description=_l("F.eks. 2200 eller Nørrebro."),
    )
    status = FilterField(_l("Status"), choices=vocab.choices(PROFILE_STATUSES, blank=_l("Alle")))
    track = FilterField(_l("Ønsker"), choices=vocab.choices(vocab.TRACKS, blank=_l("Alle")))
    age_min = WholeNumberField(
        _l("Alder fra"),
        validators=[Optional(), NumberRange(0, 99, message=_l("Skriv en alder mellem 0 og 99."))],
    )
    age_max = WholeNumberField(
        _l("Alder til"),
        validators=[Optional(), NumberRange(0, 99, message=_l("Skriv en alder mellem 0 og 99."))],
    )

    def validate_age_max(self, field) -> None:
        low = self.age_min.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_l("'Alder til' skal være mindst 'Alder fra'."))


class OpeningSearchForm(SearchForm):
    q = StringField(_l("Titel"), validators=[Optional(), Length(max=100)])
    employer = StringField(_l("Arbejdsgiver"), validators=[Optional(), Length(max=100)])
    sector = FilterField(_l("Branche"), choices=vocab.choices(vocab.SECTORS, blank=_l("Alle")))
    track = FilterField(_l("Type"), choices=vocab.choices(vocab.TRACKS, blank=_l("Alle")))
    status = FilterField(_l("Status"), choices=vocab.choices(OPENING_STATUSES, blank=_l("Alle")))


class OrganisationSearchForm(SearchForm):
    q = StringField(_l("Navn eller CVR-nummer"), validators=[Optional(), Length(max=100)])
    kind = FilterField(_l("Slags"), choices=vocab.choices(ORGANISATION_KINDS, blank=_l("Alle")))
    status = FilterField(_l("Status"), choices=vocab.choices(REVIEW_STATUSES, blank=_l("Alle")))
