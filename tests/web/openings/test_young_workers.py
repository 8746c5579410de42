"""The young-workers' warning in Danish, built on the matcher's rule table."""
from datetime import date

from web.openings.young_workers import only_adults_left, warnings_key, young_worker_warnings

MON_LATE = [("mon", 16 * 60, 21 * 60)]


def warn(shifts, *, legal_category="general", serves_alcohol=False, min_age=15):
    return young_worker_warnings(
        shifts,
        legal_category=legal_category,
        serves_alcohol=serves_alcohol,
        min_age=min_age,
        start_date=date(2099, 1, 1),
    )


def test_each_excluded_group_gets_one_warning_with_all_its_reasons():
    """Is there one warning per age group, listing every reason?"""
    warnings = warn(MON_LATE)
    assert [w.headline for w in warnings] == [
        "Vagterne udelukker 15–17-årige, der stadig går i skole (ikke færdige med 9. klasse)",
        "Vagterne udelukker 15–17-årige, der er færdige med 9. klasse",
    ]
    assert warnings[0].codes == ("daily_minutes", "too_late")
    assert warnings[1].text.endswith("en vagt slutter efter kl. 20:00 (mandag til kl. 21:00).")


def test_weekly_limit_is_worded_in_hours():
    """Is the weekly limit shown in hours?"""
    shifts = [(day, 16 * 60, 18 * 60) for day in ("mon", "tue", "wed", "thu", "fri")] + [
        ("sat", 9 * 60, 12 * 60)
    ]
    (warning,) = warn(shifts)
    assert "de må højst arbejde 12 timer om ugen, men vagterne er 13 timer" in warning.text


def test_early_bakery_shift_is_fine_for_school_leavers_only():
    """Does a 04:30 bakery start exclude pupils but not school leavers?"""
    (warning,) = warn([("sat", 4 * 60 + 30, 8 * 60)], legal_category="bakery")
    assert warning.in_compulsory_school is True
    assert "en vagt starter før kl. 06:00 (lørdag fra kl. 04:30)" in warning.text


def test_a_single_age_is_named_without_a_range():
    """With minimum age 17, is the group named "17-årige"?"""
    assert warn(MON_LATE, min_age=17)[0].ages == "17-årige"


def test_no_warning_for_shifts_every_age_may_work():
    """Are two-hour afternoon shifts free of warnings?"""
    assert warn([("mon", 16 * 60, 18 * 60), ("sat", 10 * 60, 14 * 60)]) == []


def test_only_adults_left_when_both_groups_are_excluded():
    """Does it say only 18+ are left when pupils and school leavers are both excluded?"""
    warnings = warn(MON_LATE)
    assert only_adults_left(warnings, 15)
    assert not only_adults_left(warn([("mon", 16 * 60, 19 * 60)]), 15)


def test_the_key_changes_with_the_reasons_not_the_exact_times():
    """Does the fingerprint ignore how late exactly, but change with the kind of problem?"""
    late = warnings_key(warn([("sat", 14 * 60, 21 * 60)]))
    later = warnings_key(warn([("sat", 14 * 60, 21 * 60 + 30)]))
    early = warnings_key(warn([("sat", 5 * 60, 8 * 60)]))
    assert late == later
    assert late != early
