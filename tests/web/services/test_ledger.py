"""The refund ledger: reserve, commit, release, never past the budget."""
import random

import pytest

from web.models import RefundEntry
from web.services import ledger

from tests import factories as f


@pytest.fixture
def programme(db):
    programme = f.make_programme(refund_budget_ore=1_000)
    db.session.commit()
    return programme


def new_offer(db, programme):
    offer = f.make_offer(f.make_youth(), f.make_opening(), programme)
    db.session.flush()
    return offer


def test_reserve_within_budget_records_a_reserved_entry(db, programme):
    """Does a reservation inside the budget become a reserved entry?"""
    offer = new_offer(db, programme)
    entry = ledger.reserve(programme.id, offer, 400)
    db.session.commit()
    assert entry.state == "reserved"
    assert ledger.totals(programme.id)["reserved"] == 400
    assert ledger.available_ore(programme) == 600


def test_reserve_past_budget_is_refused_and_saves_nothing(db, programme):
    """Is a reservation that would pass the budget refused with nothing saved?"""
    ledger.reserve(programme.id, new_offer(db, programme), 800)
    db.session.commit()
    with pytest.raises(ledger.BudgetExceeded) as refused:
        ledger.reserve(programme.id, new_offer(db, programme), 201)
    db.session.rollback()
    assert refused.value.available_ore == 200
    assert db.session.query(RefundEntry).count() == 1


def test_zero_refund_reserves_nothing(db, programme):
    """Does an offer without refund leave the ledger alone?"""
    assert ledger.reserve(programme.id, new_offer(db, programme), 0) is None
    assert db.session.query(RefundEntry).count() == 0


def test_commit_moves_reserved_to_committed(db, programme):
    """Does a started placement's refund count as committed, still taken from the budget?"""
    offer = new_offer(db, programme)
    ledger.reserve(programme.id, offer, 300)
    ledger.commit(offer)
    db.session.commit()
    assert ledger.totals(programme.id) == {"reserved": 0, "committed": 300, "released": 0}
    assert ledger.available_ore(programme) == 700


def test_release_gives_the_money_back(db, programme):
    """Does a released reservation return to the budget?"""
    offer = new_offer(db, programme)
    ledger.reserve(programme.id, offer, 300)
    ledger.release(offer, note="declined")
    db.session.commit()
    assert ledger.available_ore(programme) == 1_000
    assert ledger.totals(programme.id)["released"] == 300


def test_early_end_keeps_the_part_worked_and_returns_the_rest(db, programme):
    """Does an early end shrink the committed amount to what was kept?"""
    offer = new_offer(db, programme)
    ledger.reserve(programme.id, offer, 500)
    ledger.commit(offer)
    ledger.settle_early_end(offer, 200, note="ended")
    db.session.commit()
    assert ledger.totals(programme.id)["committed"] == 200
    assert ledger.available_ore(programme) == 800


def test_random_ledger_traffic_never_passes_the_budget(db, programme):
    """Whatever order reservations, commits and releases come in, is the budget kept?"""
    rng = random.Random(7)
    entries = []
    for _ in range(60):
        action = rng.choice(["reserve", "reserve", "commit", "release"])
        if action == "reserve":
            try:
                ledger.reserve(programme.id, new_offer(db, programme), rng.randint(1, 400))
            except ledger.BudgetExceeded:
                pass
            entries = list(db.session.query(RefundEntry))
        elif entries:
            entry = rng.choice(entries)
            (ledger.commit if action == "commit" else ledger.release)(entry.offer)
        db.session.commit()
        assert ledger.used_ore(programme.id) <= programme.refund_budget_ore
