"""The app starts and its public pages answer."""


def test_front_page_answers_in_danish(client):
    """Does the front page load, in Danish by default?"""
    page = client.get("/")
    assert page.status_code == 200
    assert "Opret profil" in page.get_data(as_text=True)
