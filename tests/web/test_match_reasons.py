"""The matcher's reasons for a proposal, as the consultant and the employer read them."""
import pytest

from web.match_reasons import reason_text


@pytest.fixture
def request_context(app):
    with app.test_request_context("/"):
        yield


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("interest: retail 1", "Meget interesseret i butik og detailhandel"),
        ("interest: care 0.5", "Interesseret i pleje og omsorg"),
        ("2.1 km", "2,1 km fra bopælen"),
        ("0.0 km", "Bor i samme postnummer som jobbet"),
        ("0.5 km", "0,5 km fra bopælen"),
        ("6 h a week", "6 timer om ugen"),
        ("7.5 h a week", "7,5 timer om ugen"),
        ("waited 34 days", "Har ventet 34 dage"),
        ("priority", "Har forrang i matchningen"),
    ],
)
def test_each_matcher_reason_reads_as_danish_words(request_context, reason, words):
    """Does each kind of matcher reason come out as plain Danish?"""
    assert reason_text(reason) == words


def test_an_unknown_reason_is_shown_as_it_is(request_context):
    """Is a reason the web does not know yet shown unchanged rather than hidden?"""
    assert reason_text("something new") == "something new"


def test_employers_are_not_told_that_a_young_person_has_priority():
    """Is 'priority' (housing area or newly arrived) kept from the employer's reasons?"""
    from web.match_reasons import employer_reasons

    why = ["interest: retail 1", "2.1 km", "priority", "waited 3 days"]
    assert employer_reasons(why) == ["interest: retail 1", "2.1 km", "waited 3 days"]
