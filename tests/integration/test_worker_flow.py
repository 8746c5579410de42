"""With a real Celery worker on the real Redis and PostgreSQL, and a real SMTP server.

Requests run outside any app context the test holds (Flask reuses an active app context, and
with it Flask-Login's user in ``g``), so database work sits in short ``with app.app_context()``
blocks between them.
"""
import threading

import pytest
from sqlalchemy import func, select

from web.extensions import db
from web.models import MatchRun, Offer, OutgoingMail, Placement, Proposal
from web.services import ledger, match_runs, task_queue
from web.services.mail import queue_mail
from web.timeutil import today

from tests import factories as f
from tests.conftest import Browser
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.postgres, pytest.mark.redis]


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(model.id)))


def run_state(app, run_id) -> dict:
    with app.app_context():
        run = db.session.get(MatchRun, run_id)
        return {
            **match_runs.run_summary(run),
            "attempts": run.attempts,
            "assignments": len((run.result or {}).get("assignments", [])),
            "live": run.is_live,
        }


def finished_run(app, run_id, timeout=60) -> dict:
    return wait_for(
        lambda: (state := run_state(app, run_id)) and not state["live"] and state,
        timeout=timeout,
        message=f"run {run_id} to finish",
    )


def seed_pool(app, youths: int = 3, seats: int = 2, **programme_fields) -> int:
    with app.app_context():
        programme = f.make_programme(**programme_fields)
        for n in range(youths):
            f.make_youth(contact_email=f"ung{n}@example.dk")
        f.make_opening(seats=seats)
        db.session.commit()
        return programme.id


def logged_in(app, role, **fields) -> tuple[Browser, int]:
    with app.app_context():
        user = f.make_user(role, **fields)
        db.session.commit()
        login, user_id = user.login, user.id
    browser = Browser(app.test_client())
    browser.login(login)
    return browser, user_id


def test_run_from_the_site_to_a_placement(app, start_worker, smtp_server):
    """Site → worker proposals → approve → offer mail over SMTP → accept → placement, committed."""
    start_worker()
    employer, employer_id = logged_in(app, "employer")
    youth, youth_user_id = logged_in(app, "youth", email="amina@example.dk")
    consultant, _ = logged_in(app, "consultant")
    with app.app_context():
        from web.models import User

        organisation = db.session.get(User, employer_id).organisation
        organisation.employer_kind = "municipal"
        f.make_programme(min_private_share_pct=0, refund_budget_ore=5_000_000)
        f.make_opening(employer=organisation, refund_requested=True, seats=1)
        db.session.commit()

    response = consultant.submit("/consultant/runs", {}, form_url="/consultant/runs")
    assert response.status_code == 302
    with app.app_context():
        run_id = db.session.scalar(select(MatchRun.id))
    state = finished_run(app, run_id)
    assert state["status"] == "done", state
    assert state["proposals"] == 1

    with app.app_context():
        proposal = db.session.scalar(select(Proposal))
        proposal_id, youth_name = proposal.id, proposal.youth.full_name
        assert proposal.youth.user_id == youth_user_id
    consultant.post_with_token(f"/consultant/proposals/{proposal_id}/approve")
    with app.app_context():
        offer = db.session.scalar(select(Offer))
        offer_id = offer.id
        assert offer.status == "pending"
        assert ledger.entry_for(offer).state == "reserved"

    wait_for(lambda: smtp_server.messages, message="the offer mail at the SMTP server")
    [message] = smtp_server.messages
    assert message["To"] == "amina@example.dk"
    assert f"/youth/offers/{offer_id}" in message.get_content()

    youth.post_with_token(f"/youth/offers/{offer_id}/accept")
    wait_for(lambda: len(smtp_server.messages) == 2, message="the employer's mail")

    url = f"/employer/offers/{offer_id}"
    assert youth_name in employer.get(url).get_data(as_text=True)
    employer.submit(f"{url}/start", {"start_date": today().isoformat()}, form_url=url)
    with app.app_context():
        placement = db.session.scalar(select(Placement))
        assert placement is not None and placement.status == "active"
        assert ledger.entry_for(db.session.get(Offer, offer_id)).state == "committed"
        assert db.session.scalar(select(func.count(OutgoingMail.id))) == 2


def test_worker_killed_mid_run_leaves_one_whole_run(app, start_worker):
    """SIGKILL during a run, then restart: one run, done or failed, never half-written?"""
    programme_id = seed_pool(app, youths=4, seats=3)
    worker = start_worker(MATCH_STEP_SLEEP_SECONDS=1.0)
    with app.app_context():
        from web.models import Programme

        run_id = match_runs.start_run(db.session.get(Programme, programme_id)).id
    wait_for(lambda: run_state(app, run_id)["status"] == "running", message="the run to start")
    worker.kill()
    assert run_state(app, run_id)["status"] == "running"
    assert count(app, Proposal) == 0

    start_worker(MATCH_STEP_SLEEP_SECONDS=0)
    state = finished_run(app, run_id, timeout=90)
    assert count(app, MatchRun) == 1
    proposals = count(app, Proposal)
    if state["status"] == "done":
        assert proposals == state["proposals"] == state["assignments"] > 0
        assert state["attempts"] == 2
    else:
        assert state["status"] == "failed" and state["error"] and proposals == 0


def test_same_task_delivered_twice_makes_one_result_and_one_mail(app, start_worker, smtp_server):
    """Two deliveries of the run task and of a mail task: one set of proposals, one mail?"""
    programme_id = seed_pool(app)
    worker = start_worker()
    with app.app_context():
        run = MatchRun(programme_id=programme_id, status="queued", params={})
        db.session.add(run)
        mail = queue_mail("ung@example.dk", "Hej", "En gang", key="twice")
        db.session.commit()
        run_id, mail_id = run.id, mail.id
        celery = task_queue._celery(app)
        queue = app.config["CELERY_QUEUE"]
        for _ in range(2):
            celery.send_task(task_queue.TASK_RUN_MATCH, args=[run_id], queue=queue)
            celery.send_task(task_queue.TASK_SEND_MAIL, args=[mail_id], queue=queue)
    wait_for(lambda: worker.count("succeeded") >= 4, timeout=60, message="four tasks to finish")
    state = run_state(app, run_id)
    assert state["status"] == "done"
    assert count(app, Proposal) == state["proposals"] == 2
    assert len(smtp_server.messages) == 1
    with app.app_context():
        assert db.session.get(OutgoingMail, mail_id).attempts == 1


def test_two_runs_started_at_once_one_runs_one_is_refused(app, start_worker):
    """Two consultants press start at the same moment: one run, one clear refusal?"""
    seed_pool(app)
    start_worker()
    browsers = [logged_in(app, "consultant")[0] for _ in range(2)]
    tokens = [browser.token("/consultant/runs") for browser in browsers]
    barrier = threading.Barrier(2)
    pages = []

    def press(browser, token):
        barrier.wait()
        response = browser.client.post("/consultant/runs", data={"csrf_token": token})
        pages.append(browser.get(response.location).get_data(as_text=True))

    threads = [threading.Thread(target=press, args=pair) for pair in zip(browsers, tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert count(app, MatchRun) == 1
    assert len([page for page in pages if "kører allerede en matchning" in page]) == 1
    with app.app_context():
        run_id = db.session.scalar(select(MatchRun.id))
    assert finished_run(app, run_id)["status"] == "done"


