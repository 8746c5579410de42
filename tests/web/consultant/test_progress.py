"""Programme progress: targets from the programme, counts from the pool and open seats."""
from tests import factories
from tests.web.consultant.helpers import HOME, text
from web.consultant.services import ProgressItem, programme_progress
from web.models import OpeningStatus, ProfileStatus
from web.programmes import current_programme


def test_progress_counts_active_young_people_and_open_seats(db):
    """Does progress count active young people per track and open seats per track?"""
    factories.make_youth()
    factories.make_youth(wants_leisure=True, wants_apprenticeship=True)
    factories.make_youth(status=ProfileStatus.PENDING)
    factories.make_opening(seats=3)
    factories.make_opening(seats=2, status=OpeningStatus.PENDING)
    factories.make_opening(track="apprenticeship", education="baker", sector="food", seats=1)
    db.session.commit()

    progress = programme_progress(current_programme())

    assert progress["active_leisure"].value == 2
    assert progress["active_apprenticeship"].value == 1
    assert progress["open_seats_leisure"].value == 3
    assert progress["open_seats_apprenticeship"].value == 1


def test_progress_targets_come_from_the_programme(db):
    """Are the targets, share and budget those of the saved programme?"""
    programme = factories.make_programme(
        leisure_target=120, apprenticeship_target=70, min_private_share_pct=55,
        refund_budget_ore=50_000_000,
    )
    db.session.commit()

    progress = programme_progress(programme)

    assert progress["leisure_placements"].target == 120
    assert progress["apprenticeship_placements"].target == 70
    assert progress["private_share"].target == 55
    assert progress["refund_used"].target == 50_000_000
    assert progress["leisure_placements"].value is None


def test_an_item_can_be_replaced_by_the_match_side(db):
    """Can another module put a counted value in place of a 'not yet' line?"""
    progress = programme_progress(current_programme())

    progress.replace(ProgressItem("leisure_placements", "x", 55, target=110))

    assert progress["leisure_placements"].percent_of_target == 50
    assert [item.key for item in progress.items].count("leisure_placements") == 1


def test_the_work_list_shows_the_programme_targets(db, browser, login_as):
    """Does the work list show this year's targets and the refund budget in kroner?"""
    factories.make_programme(leisure_target=111, refund_budget_ore=65_000_000)
    db.session.commit()
    login_as("consultant")

    page = text(browser.get(HOME))

    assert "af 111" in page
    assert "650.000 kr." in page
