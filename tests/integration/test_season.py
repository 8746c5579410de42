"""A simulated season: 20 weekly runs with random answers, expiries, no-shows and early ends.

Runs in-process (tasks eager) on PostgreSQL. After every week the year's private share and
refund budget must hold, counted the way the programme counts them.
"""
import random
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from web.models import (
    Offer,
    OrganisationKind,
    Placement,
    Programme,
    RefundEntry,
)
from web.services import approvals, ledger, match_runs, offers, snapshot
from web.timeutil import now_utc, today

from tests import factories as f

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

WEEKS = 20
REFUND_PER_JOB = 9850 * 300 * 20 // 60  # the factory's job: 98.50 kr., 6 h a week, 20 weeks


@pytest.fixture
def app_overrides():
    return {}  # tasks in-process; the database is PostgreSQL (tests/integration/conftest.py)


def employer(kind: str):
    return f.make_organisation(OrganisationKind.EMPLOYER, employer_kind=kind)


def seed(rng: random.Random) -> Programme:
    programme = f.make_programme(
        min_private_share_pct=50, refund_budget_ore=int(2.5 * REFUND_PER_JOB), offer_days=5
    )
    for _ in range(12):
        f.make_opening(employer=employer("private"), seats=rng.randint(1, 2))
    for _ in range(8):
        f.make_opening(employer=employer("municipal"), seats=rng.randint(1, 2),
                       refund_requested=True)
    for _ in range(3):
        f.make_opening(employer=employer("public_other"), seats=1)
    for _ in range(40):
        f.make_youth()
    f.db.session.commit()
    return programme


def check_rules(db, programme: Programme) -> dict:
    """The year's rules, counted from the ledger and the placements as they stand."""
    pct = programme.min_private_share_pct
    used = ledger.used_ore(programme.id)
    assert used <= programme.refund_budget_ore, "refund budget broken"
    counts = snapshot.share_counts(programme.id)
    assert 100 * counts.private_placed >= pct * counts.total_placed, "private share broken"
    assert counts.allows_other(pct, extra=0), "worst case of the private share broken"
    live = select(Offer.youth_id).where(snapshot.live_offer_clause())
    busy = db.session.execute(
        select(Offer.youth_id, func.count()).where(snapshot.live_offer_clause())
        .group_by(Offer.youth_id).having(func.count() > 1)
    ).all()
    assert busy == [], "a young person has two live offers"
    working = select(Placement.youth_id).where(Placement.status == "active")
    both = db.session.scalar(select(func.count()).select_from(live.intersect(working).subquery()))
    assert both == 0, "a young person has a live offer and a job"
    for opening in {o.opening for o in db.session.scalars(select(Offer))}:
        assert snapshot.free_seats(opening) >= 0, f"opening {opening.id} oversold"
    committed_without_start = db.session.scalar(
        select(func.count(RefundEntry.id)).where(
            RefundEntry.state == "committed",
            RefundEntry.offer_id.not_in(select(Placement.offer_id)),
        )
    )
    assert committed_without_start == 0
    return {"used": used, "counts": counts}


def test_twenty_weekly_runs_never_break_the_share_or_the_budget(db):
    """Across a season of runs, answers, expiries and ends, do both yearly rules always hold?"""
    rng = random.Random(20240601)
    programme = seed(rng)
    tally = {"declined": 0, "expired": 0, "accepted": 0, "ended": 0, "no_show": 0}
    for week in range(WEEKS):
        if week:
            for _ in range(3):
                f.make_youth()
            db.session.commit()
        # Last week's silent offers run out, and late starts get confirmed.
        for offer in db.session.scalars(select(Offer).where(Offer.status == "pending")):
            offer.expires_at = now_utc() - timedelta(minutes=1)
        db.session.commit()
        tally["expired"] += offers.expire_offers()
        for offer in list(db.session.scalars(select(Offer).where(Offer.status == "accepted"))):
            if offer.placement is None:
                offers.confirm_start(offer, today(), None)
        check_rules(db, programme)

        run = match_runs.start_run(programme, kind="weekly")
        assert run.status == "done", run.error
        approvals.approve_all(run, None)
        check_rules(db, programme)

        new = list(db.session.scalars(
            select(Offer).where(Offer.status == "pending", Offer.proposal_id.is_not(None))
        ))
        for offer in new:
            answer = rng.random()
            if answer < 0.5:
                offers.accept_offer(offer)
                tally["accepted"] += 1
                if rng.random() < 0.7:
                    offers.confirm_start(offer, today() - timedelta(days=rng.randint(0, 10)), None)
            elif answer < 0.75:
                offers.decline_offer(offer)
                tally["declined"] += 1
        for placement in list(db.session.scalars(select(Placement).where(Placement.status == "active"))):
            roll = rng.random()
            if roll < 0.05:
                offers.end_placement(placement, no_show=True, end_date=today(), reason="")
                tally["no_show"] += 1
            elif roll < 0.15:
                offers.end_placement(placement, no_show=False, end_date=today(), reason="")
                tally["ended"] += 1
        state = check_rules(db, programme)

    counts = state["counts"]
    # The season did something worth checking: jobs of both kinds, refunds, all the endings.
    assert counts.total_placed >= 15
    assert counts.total_placed - counts.private_placed >= 3
    assert db.session.scalar(select(func.count(RefundEntry.id))) >= 3
    assert all(tally[key] > 0 for key in tally), tally
