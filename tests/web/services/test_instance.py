"""The match instance built from database rows (web/services/snapshot.py)."""
from datetime import timedelta

from web.models import OrganisationKind
from web.services import snapshot
from web.timeutil import now_utc, today

from tests import factories as f


def build(programme):
    return snapshot.build_instance(programme)


def test_candidate_record_carries_the_profile(db):
    """Does a vetted young person appear with the fields of the exchange format?"""
    programme = f.make_programme()
    youth = f.make_youth(
        postcode="2200",
        school_finished=False,
        lives_in_housing_area=True,
        newly_arrived=True,
        languages=["da", "ar"],
        interests={"retail": 1, "care": 0.4},
        pool_since=today() - timedelta(days=34),
        availability=[(0, 15 * 60, 20 * 60)],
    )
    db.session.commit()
    [candidate] = build(programme)["candidates"]
    assert candidate["id"] == f"y-{youth.id}"
    assert candidate["birth_date"] == youth.birth_date.isoformat()
    assert candidate["in_compulsory_school"] is True
    assert candidate["availability"] == [{"day": "mon", "start": "15:00", "end": "20:00"}]
    assert candidate["priority"] == ["housing_area", "newly_arrived"]
    assert candidate["waiting_days"] == 34
    assert candidate["interests"] == {"retail": 1.0, "care": 0.4}
    assert candidate["languages"] == ["da", "ar"]
    assert candidate["tracks"] == ["leisure"]
    assert 55 < candidate["lat"] < 56 and 12 < candidate["lon"] < 13


def test_only_active_consented_vetted_young_people_are_candidates(db):
    """Are paused, unconsented and unvetted profiles left out?"""
    programme = f.make_programme()
    keep = f.make_youth()
    f.make_youth(status="paused")
    f.make_youth(consent_at=None)
    f.make_youth(vetted_at=None)
    db.session.commit()
    assert [c["id"] for c in build(programme)["candidates"]] == [f"y-{keep.id}"]


def test_young_people_with_a_live_offer_or_job_are_not_candidates(db):
    """Are a pending offer, an accepted unconfirmed offer and an active job all 'busy'?"""
    programme = f.make_programme()
    opening = f.make_opening(seats=5)
    free = f.make_youth()
    pending, accepted, working, declined = (f.make_youth() for _ in range(4))
    f.make_offer(pending, opening, programme)
    f.make_offer(accepted, opening, programme, status="accepted")
    f.make_placement(working, opening, programme)
    f.make_offer(declined, opening, programme, status="declined")
    db.session.commit()
    ids = {c["id"] for c in build(programme)["candidates"]}
    assert ids == {f"y-{free.id}", f"y-{declined.id}"}


def test_free_seats_are_seats_minus_live_offers_and_active_placements(db):
    """Does an opening offer only the seats no live offer or active job holds?"""
    programme = f.make_programme()
    opening = f.make_opening(seats=4)
    full = f.make_opening(seats=1)
    f.make_offer(f.make_youth(), opening, programme)
    f.make_placement(f.make_youth(), opening, programme)
    f.make_placement(f.make_youth(), opening, programme, status="ended")
    f.make_offer(f.make_youth(), full, programme)
    db.session.commit()
    openings = {o["id"]: o for o in build(programme)["openings"]}
    assert openings[f"o-{opening.id}"]["seats"] == 2
    assert f"o-{full.id}" not in openings


def test_only_open_openings_of_approved_employers_are_offered(db):
    """Are pending openings and openings of unapproved employers left out?"""
    programme = f.make_programme()
    keep = f.make_opening()
    f.make_opening(status="pending")
    f.make_opening(employer=f.make_organisation(OrganisationKind.EMPLOYER, status="pending"))
    db.session.commit()
    assert [o["id"] for o in build(programme)["openings"]] == [f"o-{keep.id}"]


def test_opening_record_carries_shifts_kind_and_refund(db):
    """Is refund true only for a municipal employer's leisure job that asked for it?"""
    programme = f.make_programme()
    municipal = f.make_organisation(OrganisationKind.EMPLOYER, employer_kind="municipal")
    refunded = f.make_opening(employer=municipal, refund_requested=True)
    private = f.make_opening(refund_requested=True)
    db.session.commit()
    openings = {o["id"]: o for o in build(programme)["openings"]}
    record = openings[f"o-{refunded.id}"]
    assert record["refund"] is True
    assert record["employer_kind"] == "municipal"
    assert record["shifts"] == [
        {"day": "mon", "start": "16:00", "end": "19:00"},
        {"day": "thu", "start": "16:00", "end": "19:00"},
    ]
    assert record["hourly_wage_ore"] == 9850
    assert openings[f"o-{private.id}"]["refund"] is False


def test_excluded_pairs_between_candidates_and_openings_are_passed(db):
    """Does a declined pair reach the matcher, and a pair with a busy person not?"""
    from web.models import ExcludedPair

    programme = f.make_programme()
    youth, busy = f.make_youth(), f.make_youth()
    opening, other = f.make_opening(seats=3), f.make_opening()
    f.make_offer(busy, other, programme)
    db.session.flush()
    db.session.add(ExcludedPair(youth_id=youth.id, opening_id=opening.id, reason="declined"))
    db.session.add(ExcludedPair(youth_id=busy.id, opening_id=opening.id, reason="declined"))
    db.session.commit()
    assert build(programme)["excluded_pairs"] == [[f"y-{youth.id}", f"o-{opening.id}"]]


def test_policy_counts_placements_and_live_public_offers(db):
    """Does the policy count private placements, and all placements plus live public offers?"""
    programme = f.make_programme(min_private_share_pct=50)
    private = f.make_opening(seats=9)
    municipal = f.make_opening(
        seats=9, employer=f.make_organisation(OrganisationKind.EMPLOYER, employer_kind="municipal")
    )
    f.make_placement(f.make_youth(), private, programme)
    f.make_placement(f.make_youth(), private, programme, status="no_show")
    f.make_placement(f.make_youth(), municipal, programme, status="ended")
    f.make_offer(f.make_youth(), municipal, programme)  # counted: might start
    f.make_offer(f.make_youth(), private, programme)  # not counted until it starts
    f.make_offer(f.make_youth(), municipal, programme, status="declined")
    db.session.commit()
    policy = build(programme)["policy"]
    assert policy["leisure_private_before"] == 2
    assert policy["leisure_total_before"] == 4
    assert policy["min_private_share_pct"] == 50
    assert policy["run_date"] == today().isoformat()


def test_policy_budget_is_what_reserved_and_committed_refunds_leave(db):
    """Is the refund budget the programme's budget minus reserved and committed entries?"""
    from web.models import RefundEntry

    programme = f.make_programme(refund_budget_ore=1_000_000)
    opening = f.make_opening(seats=5)
    for state, amount in (("reserved", 100_000), ("committed", 200_000), ("released", 400_000)):
        offer = f.make_offer(f.make_youth(), opening, programme, status="declined")
        db.session.flush()
        db.session.add(
            RefundEntry(programme_id=programme.id, offer=offer, amount_ore=amount, state=state)
        )
    db.session.commit()
    assert build(programme)["policy"]["refund_budget_ore"] == 700_000


def test_what_if_params_override_budget_and_share(db):
    """Do what-if params change the budget (still less what is used) and the share?"""
    programme = f.make_programme(refund_budget_ore=1_000_000, min_private_share_pct=50)
    db.session.commit()
    policy = snapshot.build_instance(
        programme, {"refund_budget_ore": 300_000, "min_private_share_pct": 30}
    )["policy"]
    assert policy["refund_budget_ore"] == 300_000
    assert policy["min_private_share_pct"] == 30


def test_youth_with_unknown_postcode_is_left_out(db):
    """Is a profile whose postcode has no coordinates skipped instead of breaking the run?"""
    programme = f.make_programme()
    f.make_youth(postcode="9999")
    db.session.commit()
    assert build(programme)["candidates"] == []


def test_offer_expiry_in_snapshot_is_not_counted_after_expiry(db):
    """Is an expired offer no longer holding a seat?"""
    programme = f.make_programme()
    opening = f.make_opening(seats=1)
    f.make_offer(f.make_youth(), opening, programme, status="expired",
                 expires_at=now_utc() - timedelta(days=1))
    db.session.commit()
    assert [o["seats"] for o in build(programme)["openings"]] == [1]
