"""Approving and rejecting organisations, openings and profiles: reasons, idempotence, CSRF."""
from datetime import date

from tests import factories
from tests.web.consultant.helpers import HOME, field_errors, flashes, post, reload
from web.models import OpeningStatus, OrganisationKind, ProfileStatus, ReviewStatus
from web.timeutil import today


def pending_employer(db):
    org = factories.make_organisation(status=ReviewStatus.PENDING)
    db.session.commit()
    return org


def test_approving_an_organisation_records_who_and_when(db, browser, login_as):
    """Does approval set the status, the time and the consultant?"""
    org = pending_employer(db)
    consultant = login_as("consultant")

    response = post(browser, f"/consultant/organisations/{org.id}/decision", {"decision": "approve"})

    assert response.status_code == 302
    org = reload(db, org)
    assert org.status == ReviewStatus.APPROVED
    assert org.reviewed_at is not None
    assert org.reviewed_by_id == consultant.id
    assert org.review_reason is None


def test_approving_a_partner_works_like_an_employer(db, browser, login_as):
    """Can a pending partner organisation be approved?"""
    org = factories.make_organisation(OrganisationKind.PARTNER, status=ReviewStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    post(browser, f"/consultant/organisations/{org.id}/decision", {"decision": "approve"})

    assert reload(db, org).status == ReviewStatus.APPROVED


def test_rejecting_needs_a_reason_and_saves_nothing_without_one(db, browser, login_as):
    """Is a reject without a reason refused with a message next to the field?"""
    org = pending_employer(db)
    login_as("consultant")

    page = post(
        browser, f"/consultant/organisations/{org.id}/decision",
        {"decision": "reject", "reason": "   "},
    )

    assert page.status_code == 200
    assert "Skriv en begrundelse, når du afviser." in field_errors(page)
    org = reload(db, org)
    assert org.status == ReviewStatus.PENDING
    assert org.reviewed_at is None


def test_rejecting_stores_the_reason_for_the_owner_and_keeps_the_rows(db, browser, login_as):
    """Does rejection keep the organisation, its users and its openings, with the reason?"""
    org = pending_employer(db)
    member = factories.make_user("employer", organisation=org)
    opening = factories.make_opening(employer=org, status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    post(
        browser, f"/consultant/organisations/{org.id}/decision",
        {"decision": "reject", "reason": "CVR-nummeret passer ikke til navnet."},
    )

    org = reload(db, org)
    assert org.status == ReviewStatus.REJECTED
    assert org.review_reason == "CVR-nummeret passer ikke til navnet."
    assert reload(db, member).organisation_id == org.id
    assert reload(db, opening) is not None


def test_approving_twice_is_harmless(db, browser, login_as):
    """Does a second approval change nothing and say it was already done?"""
    org = pending_employer(db)
    login_as("consultant")
    url = f"/consultant/organisations/{org.id}/decision"
    post(browser, url, {"decision": "approve"})
    first_time = reload(db, org).reviewed_at

    page = post(browser, url, {"decision": "approve"}, follow_redirects=True)

    assert page.status_code == 200
    assert any("allerede status: Godkendt" in message for message in flashes(page))
    assert reload(db, org).reviewed_at == first_time


def test_approving_a_rejected_organisation_is_refused_clearly(db, browser, login_as):
    """Does approving something no longer pending leave it alone with a clear message?"""
    org = factories.make_organisation(status=ReviewStatus.REJECTED, review_reason="Nej")
    db.session.commit()
    login_as("consultant")

    page = post(
        browser, f"/consultant/organisations/{org.id}/decision", {"decision": "approve"},
        follow_redirects=True,
    )

    assert any("venter ikke længere på godkendelse" in message for message in flashes(page))
    org = reload(db, org)
    assert org.status == ReviewStatus.REJECTED
    assert org.review_reason == "Nej"


def test_a_decision_without_csrf_token_is_refused(db, browser, login_as):
    """Is a decision posted without the CSRF token refused, with nothing saved?"""
    org = pending_employer(db)
    login_as("consultant")

    response = browser.client.post(
        f"/consultant/organisations/{org.id}/decision", data={"decision": "approve"}
    )

    assert response.status_code == 400
    assert reload(db, org).status == ReviewStatus.PENDING


def test_an_unknown_decision_is_refused(db, browser, login_as):
    """Is a decision that is neither approve nor reject refused, with nothing saved?"""
    org = pending_employer(db)
    login_as("consultant")

    page = post(browser, f"/consultant/organisations/{org.id}/decision", {"decision": "maybe"})

    assert "Vælg godkend eller afvis." in page.get_data(as_text=True)
    assert reload(db, org).status == ReviewStatus.PENDING


def test_a_decision_from_the_work_list_returns_to_it(db, browser, login_as):
    """After deciding on the work list, is the consultant back on the work list?"""
    org = pending_employer(db)
    login_as("consultant")

    response = post(
        browser, f"/consultant/organisations/{org.id}/decision",
        {"decision": "approve", "next": HOME},
    )

    assert response.headers["Location"].endswith(HOME)


def test_an_outside_next_address_is_ignored(db, browser, login_as):
    """Is a ``next`` pointing to another site ignored?"""
    org = pending_employer(db)
    login_as("consultant")

    response = post(
        browser, f"/consultant/organisations/{org.id}/decision",
        {"decision": "approve", "next": "//evil.example/"},
    )

    assert response.headers["Location"].endswith(f"/consultant/organisations/{org.id}")


def test_approving_an_opening_opens_it(db, browser, login_as):
    """Does approving a pending opening of an approved employer open it?"""
    opening = factories.make_opening(status=OpeningStatus.PENDING)
    db.session.commit()
    consultant = login_as("consultant")

    post(browser, f"/consultant/openings/{opening.id}/decision", {"decision": "approve"})

    opening = reload(db, opening)
    assert opening.status == OpeningStatus.OPEN
    assert opening.reviewed_by_id == consultant.id
    assert opening.reviewed_at is not None


def test_an_opening_of_an_unapproved_employer_cannot_open(db, browser, login_as):
    """Is approving an opening blocked until its employer is approved?"""
    employer = factories.make_organisation(status=ReviewStatus.PENDING)
    opening = factories.make_opening(employer=employer, status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = post(
        browser, f"/consultant/openings/{opening.id}/decision", {"decision": "approve"},
        follow_redirects=True,
    )

    assert any("før arbejdsgiveren" in message for message in flashes(page))
    assert reload(db, opening).status == OpeningStatus.PENDING


def test_rejecting_an_opening_stores_the_reason(db, browser, login_as):
    """Does rejecting an opening store the status and the reason?"""
    opening = factories.make_opening(status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    post(
        browser, f"/consultant/openings/{opening.id}/decision",
        {"decision": "reject", "reason": "Lønnen er for lav."},
    )

    opening = reload(db, opening)
    assert opening.status == OpeningStatus.REJECTED
    assert opening.review_reason == "Lønnen er for lav."


def test_rejecting_an_opening_without_reason_keeps_it_pending(db, browser, login_as):
    """Is an opening reject without a reason refused, with nothing saved?"""
    opening = factories.make_opening(status=OpeningStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = post(browser, f"/consultant/openings/{opening.id}/decision", {"decision": "reject"})

    assert "Skriv en begrundelse, når du afviser." in field_errors(page)
    assert reload(db, opening).status == OpeningStatus.PENDING


def test_approving_a_profile_puts_it_in_the_pool(db, browser, login_as):
    """Does approval make the profile active, vetted and in the pool from today?"""
    profile = factories.make_youth(status=ProfileStatus.PENDING, vetted_at=None, pool_since=None)
    db.session.commit()
    consultant = login_as("consultant")

    post(browser, f"/consultant/youth/{profile.id}/decision", {"decision": "approve"})

    profile = reload(db, profile)
    assert profile.status == ProfileStatus.ACTIVE
    assert profile.vetted_at is not None
    assert profile.pool_since == today()
    assert profile.reviewed_by_id == consultant.id


def test_approving_a_profile_keeps_an_earlier_pool_date(db, browser, login_as):
    """Does a young person keep their waiting time when vetted again?"""
    profile = factories.make_youth(
        status=ProfileStatus.PENDING, vetted_at=None, pool_since=date(2020, 1, 1)
    )
    db.session.commit()
    login_as("consultant")

    post(browser, f"/consultant/youth/{profile.id}/decision", {"decision": "approve"})

    assert reload(db, profile).pool_since == date(2020, 1, 1)


def test_rejecting_a_profile_sends_it_back_with_the_reason(db, browser, login_as):
    """Does rejecting a profile set it to rejected with the reason?"""
    profile = factories.make_youth(status=ProfileStatus.PENDING, vetted_at=None)
    db.session.commit()
    login_as("consultant")

    post(
        browser, f"/consultant/youth/{profile.id}/decision",
        {"decision": "reject", "reason": "Skriv gerne dine interesser."},
    )

    profile = reload(db, profile)
    assert profile.status == ProfileStatus.REJECTED
    assert profile.review_reason == "Skriv gerne dine interesser."
    assert profile.vetted_at is None


def test_a_reason_that_is_too_long_is_refused(db, browser, login_as):
    """Is a reason over 2000 characters refused, with nothing saved?"""
    profile = factories.make_youth(status=ProfileStatus.PENDING)
    db.session.commit()
    login_as("consultant")

    page = post(
        browser, f"/consultant/youth/{profile.id}/decision",
        {"decision": "reject", "reason": "x" * 2001},
    )

    assert "Skriv højst 2000 tegn." in field_errors(page)
    assert reload(db, profile).status == ProfileStatus.PENDING


def test_a_decision_on_an_unknown_record_is_404(db, browser, login_as):
    """Does deciding on an id that does not exist give 404?"""
    login_as("consultant")

    response = post(browser, "/consultant/youth/999999/decision", {"decision": "approve"})

    assert response.status_code == 404
