"""A young person looks at their profile later: change it, pause, withdraw, come back."""
from tests.web.profiles.data import step_data
from web.models import ProfileStatus

EDIT = "/youth/profile/edit/{}"


def test_profile_page_shows_the_answers_with_edit_links(active_youth, browser):
    """Does "Min profil" show the answers and a link to change each part?"""
    page = browser.get("/youth/profile").get_data(as_text=True)
    assert "2200 København N (Nørrebro)" in page
    assert "mandag 15:00–20:00" in page
    for step in (1, 2, 3, 4):
        assert EDIT.format(step) in page


def test_edit_form_is_filled_with_the_profile(active_youth, browser):
    """Does an edit page start from what is saved?"""
    page = browser.get(EDIT.format(3)).get_data(as_text=True)
    assert 'name="windows-0-start" type="time" value="15:00"' in page
    assert 'name="max_hours" type="text" value="10"' in page


def test_editing_an_active_profile_keeps_it_active(active_youth, browser, reload):
    """Does changing the hours of an active profile save them and keep it active?"""
    response = browser.submit(EDIT.format(3), step_data(3, max_hours="12"))
    assert response.headers["Location"].endswith("/youth/profile")
    profile = reload(active_youth)
    assert profile.max_weekly_minutes == 720
    assert profile.status == ProfileStatus.ACTIVE


def test_bad_edit_saves_nothing(active_youth, browser, reload):
    """Does a bad edit show the message and leave the profile as it was?"""
    response = browser.submit(EDIT.format(1), step_data(1, postcode="9999"))
    assert "Vi kender ikke postnummeret 9999" in response.get_data(as_text=True)
    profile = reload(active_youth)
    assert profile.postcode == "2200" and profile.last_name == "Hansen"


def test_rejected_profile_goes_back_to_the_consultant_when_fixed(active_youth, db, browser, reload):
    """After a consultant asks for changes, does saving the profile make it pending again?"""
    active_youth.status = ProfileStatus.REJECTED
    active_youth.review_reason = "Skriv dine sprog."
    db.session.commit()
    assert "Skriv dine sprog." in browser.get("/youth/").get_data(as_text=True)
    browser.submit(EDIT.format(2), step_data(2))
    assert reload(active_youth).status == ProfileStatus.PENDING


def test_edit_that_makes_guardian_needed_asks_for_it(active_youth, db, browser, reload):
    """When an edit leaves something missing, is the young person sent to that step?"""
    active_youth.guardian_name = None
    active_youth.guardian_phone = None
    db.session.commit()
    response = browser.submit(EDIT.format(1), step_data(1))
    assert response.headers["Location"].endswith(EDIT.format(4))


def test_pause_and_resume(active_youth, browser, reload):
    """Can an active young person pause, and start again?"""
    browser.post_with_token("/youth/profile/pause")
    assert reload(active_youth).status == ProfileStatus.PAUSED
    assert "holder pause" in browser.get("/youth/").get_data(as_text=True)
    browser.post_with_token("/youth/profile/resume")
    assert reload(active_youth).status == ProfileStatus.ACTIVE


def test_pending_profile_cannot_pause(new_youth, fill_steps, browser, reload):
    """Is pausing refused before the profile is active?"""
    fill_steps(4)
    response = browser.post_with_token("/youth/profile/pause", follow_redirects=True)
    assert "kun holde pause, når din profil er aktiv" in response.get_data(as_text=True)
    assert reload(new_youth).status == ProfileStatus.PENDING


def test_withdraw_asks_first(active_youth, browser, reload):
    """Does the withdraw link show a confirmation page before anything changes?"""
    page = browser.get("/youth/profile/withdraw").get_data(as_text=True)
    assert "Vil du trække dit samtykke tilbage?" in page
    assert reload(active_youth).status == ProfileStatus.ACTIVE


def test_withdraw_keeps_the_row_and_marks_it(active_youth, browser, reload):
    """After confirming, is the profile kept but marked withdrawn without consent?"""
    response = browser.submit("/youth/profile/withdraw", {})
    assert response.status_code == 302
    profile = reload(active_youth)
    assert profile.status == ProfileStatus.WITHDRAWN
    assert profile.consent_at is None and profile.withdrawn_at is not None
    assert profile.postcode == "2200"


def test_withdrawn_young_person_can_log_in_and_see_it(active_youth, browser):
    """Can a withdrawn young person still log in and see that the profile is withdrawn?"""
    browser.submit("/youth/profile/withdraw", {})
    browser.logout()
    browser.login(active_youth.user.email)
    page = browser.get("/youth/").get_data(as_text=True)
    assert "Du har trukket dit samtykke tilbage" in page
    assert "Giv samtykke igen" in page


def test_withdrawn_profile_cannot_be_edited(active_youth, browser, reload):
    """Is editing refused while consent is withdrawn?"""
    browser.submit("/youth/profile/withdraw", {})
    response = browser.get(EDIT.format(1))
    assert response.headers["Location"].endswith("/youth/")


def test_consent_again_needs_the_tick(active_youth, browser, reload):
    """Is giving consent again refused without the tick, leaving the profile withdrawn?"""
    browser.submit("/youth/profile/withdraw", {})
    page = browser.submit("/youth/profile/consent", {}).get_data(as_text=True)
    assert "Sæt flueben for at give samtykke." in page
    assert reload(active_youth).status == ProfileStatus.WITHDRAWN


def test_consent_again_sends_profile_back_to_consultant(active_youth, browser, reload):
    """Does giving consent again make the withdrawn profile pending with fresh consent?"""
    browser.submit("/youth/profile/withdraw", {})
    browser.submit("/youth/profile/consent", {"consent": "y"})
    profile = reload(active_youth)
    assert profile.status == ProfileStatus.PENDING
    assert profile.consent_at is not None and profile.withdrawn_at is None
