"""The matcher's reasons in plain words in the user's language, for the templates.

A proposal's reasons ("interest: retail 1", "2.1 km", "6 h a week", "waited 34 days",
"priority"), why a young person was not matched and which rules blocked them, and why a
run failed.
"""
import re
from decimal import Decimal

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from web import vocab
from web.models import MatchRun

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
        # Distances run between postcode centres, so under half a kilometre means "same area".
        if Decimal(match["km"]) < Decimal("0.5"):
            return _("Bor i samme postnummer som jobbet")
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


# --- a run's unmatched young people and its failure -------------------------------------------

UNMATCHED_REASONS = {
    "no_eligible_opening": _l("Intet ledigt job passer til den unge"),
    "capacity": _l("Der var job, der passede, men pladserne gik til andre"),
    "private_share_rule": _l("Reglen om andelen af private job stoppede et match"),
    "refund_budget": _l("Der er ikke penge nok i puljen til lønrefusion"),
}

BLOCKED_BY = {
    "track": _l("jobtype"),
    "age": _l("alder"),
    "distance": _l("afstand"),
    "availability": _l("tider"),
    "weekly_minutes": _l("timer om ugen"),
    "young_worker": _l("regler for unge under 18"),
    "education": _l("uddannelse"),
    "language": _l("sprog"),
    "excluded": _l("sagt nej før"),
}

RUN_ERRORS = {
    "worker_lost": _l("Arbejdsprocessen stoppede midt i kørslen. Start en ny kørsel."),
    "never_started": _l("Kørslen blev aldrig startet af en arbejdsproces."),
    "too_many_attempts": _l("Kørslen fejlede for mange gange og er opgivet."),
    "enqueue_failed": _l("Kørslen kunne ikke sættes i kø."),
}


def unmatched_reason(entry: dict) -> str:
    return str(UNMATCHED_REASONS.get(entry.get("reason"), entry.get("reason", "")))


def blocked_by_text(entry: dict) -> str:
    blocked = entry.get("blocked_by") or {}
    parts = [
        f"{BLOCKED_BY.get(rule, rule)}: {count}"
        for rule, count in blocked.items()
        if count
    ]
    return ", ".join(parts)


def run_error_text(run: MatchRun) -> str:
    if not run.error:
        return ""
    return str(RUN_ERRORS.get(run.error, run.error))
