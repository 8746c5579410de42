"""The consultant's programme numbers, filled in from placements and the refund ledger."""
from web.consultant.services import programme_progress
from web.models import OrganisationKind
from web.services import approvals

from tests import factories as f


def test_progress_counts_placements_share_and_refunds(db):
    """Do placements, the private share and reserved + committed refunds reach the progress?"""
    programme = f.make_programme(min_private_share_pct=0)
    f.make_placement(f.make_youth(), f.make_opening(), programme)
    municipal = f.make_organisation(OrganisationKind.EMPLOYER, employer_kind="municipal")
    opening = f.make_opening(employer=municipal, refund_requested=True)
    proposal = f.make_proposal(f.make_youth(), opening, programme=programme)
    db.session.commit()
    offer = approvals.approve_proposal(proposal, None)
    progress = programme_progress(programme)
    assert progress["leisure_placements"].value == 1
    assert progress["private_share"].value == 100
    assert progress["refund_used"].value == offer.refund_ore > 0


def test_progress_stays_uncounted_before_the_first_offer(db):
    """Before any offer, are the numbers left as 'not counted yet'?"""
    programme = f.make_programme()
    db.session.commit()
    assert programme_progress(programme)["leisure_placements"].value is None
