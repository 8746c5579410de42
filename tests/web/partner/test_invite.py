"""Partner staff send a young person a link to take over their own login."""
from datetime import timedelta

from sqlalchemy import select

from web.models import Invitation, OutgoingMail, ProfileStatus

DETAIL = "/partner/youth/{}"


def invite(browser, profile):
    url = DETAIL.format(profile.id)
    return browser.submit(url + "/invite", {}, form_url=url)


def test_invite_shows_the_link(staff, make_registered_youth, browser, db):
    """Does inviting show a link to copy, which leads to the acceptance page?"""
    profile = make_registered_youth(staff.organisation)
    page = invite(browser, profile).get_data(as_text=True)
    assert "/auth/invitation/" in page
    link = page.split('id="invitation-link" value="')[1].split('"')[0]
    assert link.startswith("http://127.0.0.1:5000/auth/invitation/")
    browser.logout()
    accept_page = browser.get(link.removeprefix("http://127.0.0.1:5000"))
    assert accept_page.status_code == 200
    assert "Hej Ung" in accept_page.get_data(as_text=True)


def test_invitation_stores_only_a_hash_and_expires(app, staff, make_registered_youth, browser, db):
    """Is only the token's hash stored, with the configured expiry?"""
    profile = make_registered_youth(staff.organisation)
    page = invite(browser, profile).get_data(as_text=True)
    token = page.split("/auth/invitation/")[1].split('"')[0]
    invitation = db.session.scalar(select(Invitation))
    assert invitation.token_hash != token and token not in invitation.token_hash
    assert len(invitation.token_hash) == 64
    days = app.config["INVITATION_DAYS"]
    lifetime = invitation.expires_at - invitation.created_at
    assert timedelta(days=days) - timedelta(seconds=5) <= lifetime <= timedelta(days=days)
    assert invitation.created_by_id == staff.id and invitation.sent_to == "sara@mail.dk"


def test_invite_mails_the_link_when_there_is_an_e_mail(staff, make_registered_youth, browser, db):
    """Is the link e-mailed to the young person when we have their address?"""
    profile = make_registered_youth(staff.organisation)
    page = invite(browser, profile).get_data(as_text=True)
    token = page.split("/auth/invitation/")[1].split('"')[0]
    mail = db.session.scalar(select(OutgoingMail))
    assert mail.to == "sara@mail.dk"
    assert token in mail.body
    assert "Vi har også sendt linket på e-mail" in page


def test_invite_by_phone_offers_an_sms_and_sends_no_mail(staff, make_registered_youth, browser, db):
    """Without an e-mail, is no mail sent and an SMS link offered instead?"""
    profile = make_registered_youth(staff.organisation, contact_email=None, contact_phone="+4520304050")
    page = invite(browser, profile).get_data(as_text=True)
    assert 'href="sms:+4520304050?body=' in page
    assert db.session.scalar(select(OutgoingMail)) is None
    assert db.session.scalar(select(Invitation)).sent_to == "+4520304050"


def test_new_invitation_ends_the_earlier_one(staff, make_registered_youth, browser, db):
    """When a new link is made, does the earlier one stop working?"""
    profile = make_registered_youth(staff.organisation)
    first = invite(browser, profile).get_data(as_text=True).split("/auth/invitation/")[1].split('"')[0]
    invite(browser, profile)
    browser.logout()
    assert browser.get(f"/auth/invitation/{first}").status_code == 410


def test_cannot_invite_another_partners_young_person(staff, other_partners_youth, browser, db):
    """Is inviting another organisation's young person 404, with no invitation made?"""
    response = browser.submit(
        f"/partner/youth/{other_partners_youth.id}/invite", {}, form_url="/partner/"
    )
    assert response.status_code == 404
    assert db.session.scalar(select(Invitation)) is None


def test_young_person_who_took_over_is_still_followed(staff, make_registered_youth, browser, db):
    """After the young person has their own login, can the partner still see but not edit?"""
    profile = make_registered_youth(staff.organisation, first_name="Leila")
    link = invite(browser, profile).get_data(as_text=True).split('id="invitation-link" value="')[1].split('"')[0]
    path = link.removeprefix("http://127.0.0.1:5000")
    browser.logout()
    browser.submit(path, {"login": "leila@mail.dk", "password": "hemmeligt1", "password_again": "hemmeligt1"})
    browser.logout()
    browser.login(staff.email)
    assert "Eget login" in browser.get("/partner/").get_data(as_text=True)
    detail = browser.get(DETAIL.format(profile.id))
    assert detail.status_code == 200
    assert "styrer selv sin profil" in detail.get_data(as_text=True)
    edit = browser.get(DETAIL.format(profile.id) + "/edit")
    assert edit.headers["Location"].endswith(DETAIL.format(profile.id))
    assert invite(browser, profile).status_code == 302
    assert len(db.session.scalars(select(Invitation)).all()) == 1


def test_withdrawn_young_person_cannot_be_invited(staff, make_registered_youth, browser, db):
    """Is no link made for a young person who withdrew consent?"""
    profile = make_registered_youth(staff.organisation, status=ProfileStatus.WITHDRAWN)
    assert invite(browser, profile).status_code == 302
    assert db.session.scalar(select(Invitation)) is None
