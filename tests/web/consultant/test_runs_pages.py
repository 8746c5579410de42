"""Consultant match pages: start, watch, review, approve, preview, export, outbox."""
import json

import pytest

from web.models import MatchRun, Offer, OutgoingMail, Proposal

from tests import factories as f


@pytest.fixture
def pool(db):
    """This year's programme, two young people with e-mail and a job with one seat."""
    programme = f.make_programme()
    youths = [f.make_youth(contact_email=f"ung{n}@example.dk") for n in range(2)]
    opening = f.make_opening(seats=1, title="Kasseassistent")
    db.session.commit()
    return programme, youths, opening


def start(browser):
    return browser.submit("/consultant/runs", {}, form_url="/consultant/runs")


def test_consultant_starts_a_run_and_sees_proposals_and_unmatched(login_as, browser, pool):
    """Does starting a run lead to its page with the proposal and the unmatched reason?"""
    login_as("consultant")
    response = start(browser)
    assert response.status_code == 302 and "/consultant/runs/" in response.location
    page = browser.get(response.location).get_data(as_text=True)
    assert "Færdig" in page
    assert "Kasseassistent" in page
    assert "pladserne gik til andre" in page


def test_second_run_is_refused_with_a_clear_message(login_as, browser, pool, db):
    """While a run is live, does starting another show why it was refused?"""
    login_as("consultant")
    programme = pool[0]
    db.session.add(MatchRun(programme=programme, status="running", params={}))
    db.session.commit()
    response = start(browser)
    page = browser.get(response.location).get_data(as_text=True)
    assert "kører allerede en matchning" in page
    assert db.session.query(MatchRun).count() == 1


def test_live_run_page_refreshes_and_has_a_status_endpoint(login_as, browser, pool, db):
    """Does a queued run's page poll (with a no-JS refresh) a JSON status?"""
    login_as("consultant")
    run = MatchRun(programme=pool[0], status="queued", params={})
    db.session.add(run)
    db.session.commit()
    page = browser.get(f"/consultant/runs/{run.id}").get_data(as_text=True)
    assert 'http-equiv="refresh"' in page and "js/runs.js" in page
    status = browser.get(f"/consultant/runs/{run.id}/status").get_json()
    assert status["status"] == "queued" and status["id"] == run.id


def test_approving_a_proposal_sends_the_offer(login_as, browser, pool, db):
    """Does the approve button make an offer and mail the young person?"""
    login_as("consultant")
    run_url = start(browser).location
    proposal = db.session.query(Proposal).one()
    response = browser.post_with_token(f"/consultant/proposals/{proposal.id}/approve")
    assert response.status_code == 302
    assert db.session.query(Offer).one().youth_id == proposal.youth_id
    assert db.session.query(OutgoingMail).one().status == "sent"
    assert "Venter på svar" in browser.get(run_url).get_data(as_text=True)


def test_approve_all_and_reject(login_as, browser, pool, db):
    """Do approve-all and reject work from the run page?"""
    login_as("consultant")
    start(browser)
    run = db.session.query(MatchRun).one()
    browser.post_with_token(f"/consultant/runs/{run.id}/approve-all")
    assert db.session.query(Offer).count() == 1
    f.make_opening(seats=1)
    db.session.commit()
    start(browser)
    newest = db.session.query(Proposal).filter_by(status="proposed").one()
    browser.post_with_token(f"/consultant/proposals/{newest.id}/reject")
    db.session.refresh(newest)
    assert newest.status == "rejected"


def test_run_exports_its_instance_and_result(login_as, browser, pool, db):
    """Can the run's instance and result be downloaded as JSON?"""
    login_as("consultant")
    start(browser)
    run = db.session.query(MatchRun).one()
    instance = browser.get(f"/consultant/runs/{run.id}/instance.json")
    result = browser.get(f"/consultant/runs/{run.id}/result.json")
    assert json.loads(instance.data)["format"] == 1
    assert len(json.loads(result.data)["assignments"]) == 1
    assert "attachment" in instance.headers["Content-Disposition"]


def test_preview_shows_the_difference_and_saves_nothing(login_as, browser, pool, db):
    """Does a what-if show both results without saving a run?"""
    login_as("consultant")
    response = browser.submit(
        "/consultant/runs/preview", {"refund_budget": "450.000,50", "min_private_share_pct": "40"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Forskellen" in page
    assert db.session.query(MatchRun).count() == 0


def test_preview_with_a_bad_share_shows_the_message_and_keeps_the_input(login_as, browser, pool, db):
    """Is a share of 150 % refused next to the field, with the typed budget kept?"""
    login_as("consultant")
    page = browser.submit(
        "/consultant/runs/preview", {"refund_budget": "123456", "min_private_share_pct": "150"}
    ).get_data(as_text=True)
    assert "Skriv et tal fra 0 til 100." in page
    assert 'value="123456"' in page
    assert "Forskellen" not in page


def test_preview_with_a_bad_budget_shows_the_message(login_as, browser, pool):
    """Is a budget that is not an amount refused next to the field?"""
    login_as("consultant")
    page = browser.submit(
        "/consultant/runs/preview", {"refund_budget": "mange penge"}
    ).get_data(as_text=True)
    assert "Skriv et beløb i kroner" in page and 'value="mange penge"' in page


def test_outbox_lists_sent_mail(login_as, browser, db):
    """Does the outbox show each mail with its recipient and status?"""
    from web.services.mail import send_mail

    login_as("consultant")
    mail = send_mail("ung@example.dk", "Jobtilbud: Kasse", "Hej", key="k1")
    page = browser.get("/consultant/outbox").get_data(as_text=True)
    assert "Jobtilbud: Kasse" in page and "ung@example.dk" in page and "Sendt" in page
    assert "Hej" in browser.get(f"/consultant/outbox/{mail.id}").get_data(as_text=True)


@pytest.mark.parametrize("role", ["youth", "employer", "partner"])
def test_other_roles_cannot_open_the_match_pages(login_as, browser, role):
    """Are the match pages closed to every role but consultants and admins?"""
    login_as(role)
    assert browser.get("/consultant/runs").status_code == 403
    assert browser.get("/consultant/outbox").status_code == 403
