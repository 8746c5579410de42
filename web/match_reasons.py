"""The matcher's reasons for a proposal ("interest: retail 1", "2.1 km", "6 h a week",
"waited 34 days", "priority") in plain words in the user's language, for the templates."""
import re
from decimal import Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _

from web import vocab

_INTEREST = re.compile(r"^interest: (?P<sector>\S+) (?P<level>[0-9.]+)$")
_KM = re.compile(r"^(?P<km>[0-9.]+) km$")
_HOURS = re.compile(r"^(?P<hours>[0-9.]+) h a week$")
_WAITED = re.compile(r"^waited (?P<days>\d+) days?$")


def _number(text: str) -> str:
    return format_decimal(Decimal(text), format="#,##0.#")


def reason_text(reason: str) -> str:
    """One reason in words; a reason this module does not know is shown as it is."""
    reason = str(reason)
    if match := _INTEREST.match(reason):
        sector = str(vocab.SECTORS.get(match["sector"], match["sector"]))
        if Decimal(match["level"]) >= 1:
            return _("Meget interesseret i %(sector)s", sector=sector.lower())
        return _("Interesseret i %(sector)s", sector=sector.lower())
    if match := _KM.match(reason):
        return _("%(km)s km fra bopælen", km=_number(match["km"]))
    if match := _HOURS.match(reason):
        return _("%(hours)s timer om ugen", hours=_number(match["hours"]))
    if match := _WAITED.match(reason):
        return _("Har ventet %(days)s dage", days=match["days"])
    if reason == "priority":
        return _("Har forrang i matchningen")
    return reason


#: Reasons an employer must not see: priority tells that the young person lives in a
#: housing-social area or is newly arrived, which anonymised recruitment keeps from employers.
HIDDEN_FROM_EMPLOYERS = frozenset({"priority"})


def employer_reasons(why) -> list[str]:
    """The proposal's reasons an employer may read (before and after the young person says yes)."""
    return [reason for reason in why or [] if reason not in HIDDEN_FROM_EMPLOYERS]
