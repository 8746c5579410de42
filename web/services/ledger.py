"""The wage-refund ledger: one entry per offer, reserved → committed, or released.

The programme's budget counts reserved and committed amounts alike, so approving an offer can
never promise money that a later start would take past the cap. Every change that could raise
the total takes the programme row's lock first (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
serialises writers anyway), so two consultants approving at the same moment cannot both spend
the last krone.

Early ends: the refund is committed for the weeks the placement lasted (counted in begun weeks,
never more than the committed amount) and the rest goes back to the budget. No-shows release
the whole amount.
"""
from sqlalchemy import func, select

from web.extensions import db
from web.models import Offer, Programme, RefundEntry, RefundState


class BudgetExceeded(Exception):
    """Reserving would take reserved + committed refunds past the programme's budget."""

    def __init__(self, amount_ore: int, available_ore: int):
        super().__init__(f"refund of {amount_ore} øre exceeds the {available_ore} øre left")
        self.amount_ore = amount_ore
        self.available_ore = available_ore


def lock_programme(programme_id: int) -> Programme:
    """The programme row, locked until the transaction ends (PostgreSQL)."""
    return db.session.execute(
        select(Programme).where(Programme.id == programme_id).with_for_update()
    ).scalar_one()


def totals(programme_id: int) -> dict[str, int]:
    """Øre per state for the programme: reserved, committed, released (0 when none)."""
    rows = db.session.execute(
        select(RefundEntry.state, func.coalesce(func.sum(RefundEntry.amount_ore), 0))
        .where(RefundEntry.programme_id == programme_id)
        .group_by(RefundEntry.state)
    ).all()
    amounts = {state.value: 0 for state in RefundState}
    amounts.update({state: int(total) for state, total in rows})
    return amounts


def used_ore(programme_id: int) -> int:
    """Reserved plus committed: what the budget can no longer give."""
    amounts = totals(programme_id)
    return amounts[RefundState.RESERVED] + amounts[RefundState.COMMITTED]


def available_ore(programme: Programme, budget_ore: int | None = None) -> int:
    """What is left of ``budget_ore`` (the programme's own budget by default), never below 0."""
    budget = programme.refund_budget_ore if budget_ore is None else budget_ore
    if programme.id is None:
        return budget
    return max(0, budget - used_ore(programme.id))


def reserve(programme_id: int, offer: Offer, amount_ore: int) -> RefundEntry | None:
    """Reserve ``amount_ore`` for ``offer``; raises :class:`BudgetExceeded`. 0 reserves nothing."""
    if amount_ore <= 0:
        return None
    programme = lock_programme(programme_id)
    available = available_ore(programme)
    if amount_ore > available:
        raise BudgetExceeded(amount_ore, available)
    entry = RefundEntry(
        programme_id=programme_id, offer=offer, amount_ore=amount_ore, state=RefundState.RESERVED
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def entry_for(offer: Offer) -> RefundEntry | None:
    if offer.id is None:
        return None
    return db.session.scalar(select(RefundEntry).where(RefundEntry.offer_id == offer.id))


def commit(offer: Offer) -> RefundEntry | None:
    """The placement started: the reserved amount becomes committed."""
    entry = entry_for(offer)
    if entry is not None and entry.state == RefundState.RESERVED:
        entry.state = RefundState.COMMITTED
    return entry


def release(offer: Offer, note: str | None = None) -> RefundEntry | None:
    """Give a reserved (or committed, for a no-show) amount back to the budget."""
    entry = entry_for(offer)
    if entry is not None and entry.state != RefundState.RELEASED:
        entry.state = RefundState.RELEASED
        entry.note = note
    return entry


def settle_early_end(offer: Offer, kept_ore: int, note: str | None = None) -> RefundEntry | None:
    """An early end keeps ``kept_ore`` committed and gives the rest back to the budget.

    The row's amount shrinks and its note says how much went back, so the totals stay a
    plain sum over rows.
    """
    entry = entry_for(offer)
    if entry is None or entry.state != RefundState.COMMITTED:
        return entry
    kept = max(0, min(kept_ore, entry.amount_ore))
    released = entry.amount_ore - kept
    if released:
        entry.amount_ore = kept
        entry.note = f"{note or ''} released {released} øre".strip()
    return entry
