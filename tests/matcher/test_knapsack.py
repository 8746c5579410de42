import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scipy.optimize import linprog

from matcher.knapsack import (
    PRICE_SHARE_STATES,
    _RefundBound,
    _undominated,
    best_item_changes,
    best_paired_changes,
    best_seat_changes,
)

SMALL = settings(max_examples=150, deadline=None)


@st.composite
def seat_moves(draw):
    """A few openings of every kind (free, share-only, refund) and rooms that may start broken."""
    m = draw(st.integers(1, 6))
    gain = np.array(draw(st.lists(st.integers(0, 60), min_size=m, max_size=m)), float)
    # The lowest price is at most the highest; a lost match is worth about 100.
    loss = gain + np.array(draw(st.lists(st.integers(0, 120), min_size=m, max_size=m)), float)
    up = np.array(draw(st.lists(st.integers(0, 2), min_size=m, max_size=m)))
    down = np.array(draw(st.lists(st.integers(0, 2), min_size=m, max_size=m)))
    share_use = np.array(draw(st.lists(st.integers(0, 1), min_size=m, max_size=m)))
    refund_use = np.array(draw(st.lists(st.sampled_from([0, 0, 300, 450, 700]), min_size=m, max_size=m)))
    share_room = draw(st.sampled_from([np.inf, -1.0, 0.0, 1.0, 2.0]))
    refund_room = float(draw(st.integers(-800, 1500)))
    return gain, loss, up, down, share_use, refund_use, share_room, refund_room


def brute_force(gain, loss, up, down, share_use, refund_use, share_room, refund_room):
    """The best total value over every change per opening that fits both rooms (None: none fits)."""
    best = None
    for change in itertools.product(*[range(-d, u + 1) for u, d in zip(up, down)]):
        change = np.array(change)
        if change @ share_use <= share_room and change @ refund_use <= refund_room:
            value = float(np.where(change > 0, change * gain, change * loss).sum())
            best = value if best is None else max(best, value)
    return best


@SMALL
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(-2, 3), st.integers(0, 4)), max_size=30))
def test_undominated_keeps_one_of_each_state_no_other_beats(states):
    """Does a state survive exactly when no other with its share seats uses no more refund for as much value?

    Of identical states the first survives; ties on value are common (sums of the same prices).
    """
    share = np.array([s for s, _, _ in states], dtype=np.int64)
    refund = np.array([r * 100 for _, r, _ in states], dtype=np.int64)
    value = np.array([v / 2 for _, _, v in states])

    def beaten(a):
        return any(share[b] == share[a] and refund[b] <= refund[a] and value[b] >= value[a]
                   and (refund[b] < refund[a] or value[b] > value[a] or b < a)
                   for b in range(len(states)) if b != a)

    kept = _undominated(share, refund, value)
    assert sorted(kept.tolist()) == [a for a in range(len(states)) if not beaten(a)]
    assert [(share[a], refund[a]) for a in kept] == sorted((share[a], refund[a]) for a in kept)


@SMALL
@given(moves=seat_moves(), price_share_from=st.sampled_from([PRICE_SHARE_STATES, 0]))
def test_best_seat_changes_finds_the_brute_force_optimum(moves, price_share_from):
    """Does the dynamic programme reach the best value any change that fits both rooms has?

    Also with share seats priced into the bound from the first state on.
    """
    gain, loss, up, down, share_use, refund_use, share_room, refund_room = moves
    expected = brute_force(*moves)
    found = best_seat_changes(*moves, price_share_from=price_share_from)
    if expected is None:
        assert found is None
        return
    change, value = found
    assert value == pytest.approx(expected, abs=1e-9)
    assert (-down <= change).all() and (change <= up).all()
    assert change @ share_use <= share_room and change @ refund_use <= refund_room
    assert float(np.where(change > 0, change * gain, change * loss).sum()) == pytest.approx(value)


@SMALL
@given(moves=seat_moves(), stage=st.integers(0, 6))
def test_refund_bound_is_the_lp_relaxation_of_the_openings_left(moves, stage):
    """Is the pruning bound from a stage on exactly the LP optimum of those openings, at every room?"""
    gain, loss, up, down, _, refund_use, _, _ = moves
    openings = np.nonzero(refund_use > 0)[0]
    stage = min(stage, len(openings))
    left = openings[stage:]
    bound = _RefundBound(openings, gain, loss, up, down, refund_use)
    rooms = np.arange(-1500, 2001, 125)
    # Seats opened, then seats closed, each in part: value, refund used, limits.
    value = np.r_[gain[left], -loss[left]]
    use = np.r_[refund_use[left], -refund_use[left]]
    limits = list(zip(np.zeros(2 * len(left)), np.r_[up[left], down[left]]))
    for room, found in zip(rooms, bound.at(stage, rooms)):
        if len(left) == 0:
            expected = 0.0 if room >= 0 else None
        else:
            lp = linprog(-value, A_ub=use[None, :], b_ub=[room], bounds=limits, method="highs")
            expected = -lp.fun if lp.status == 0 else None
        if expected is not None:
            assert found == pytest.approx(expected, abs=1e-7)


@SMALL
@given(moves=seat_moves(), max_states=st.integers(1, 3))
def test_best_seat_changes_past_its_state_cap_still_fits_both_rooms(moves, max_states):
    """Kept to a few states at a time, is the answer still a change that fits, valued as it says?"""
    gain, loss, up, down, share_use, refund_use, share_room, refund_room = moves
    found = best_seat_changes(*moves, max_states=max_states)
    expected = brute_force(*moves)
    if found is None:
        return
    change, value = found
    assert change @ share_use <= share_room and change @ refund_use <= refund_room
    assert float(np.where(change > 0, change * gain, change * loss).sum()) == pytest.approx(value)
    assert value <= expected + 1e-9


def test_best_seat_changes_closes_a_cheap_refund_seat_to_open_two_dearer_ones():
    """With the budget spent, does it close one refund seat to pay for two new seats elsewhere?"""
    # Closing opening 0 (900 øre, loses 100) frees room for 1 and 2 (450 each, 80 apiece).
    change, value = best_seat_changes(
        np.array([0.0, 80.0, 80.0]), np.array([100.0, 100.0, 100.0]), np.array([0, 1, 1]),
        np.array([1, 0, 0]), np.array([1, 1, 1]), np.array([900, 450, 450]), np.inf, 0.0)
    assert change.tolist() == [-1, 1, 1]
    assert value == pytest.approx(60.0)


def test_best_seat_changes_keeps_new_seats_within_the_share_room():
    """When the share leaves room for one more non-private seat, does it open only the best one?"""
    change, _ = best_seat_changes(
        np.array([50.0, 70.0, 30.0]), np.array([100.0, 100.0, 100.0]), np.array([1, 1, 1]),
        np.array([0, 0, 0]), np.array([1, 1, 0]), np.array([0, 0, 0]), 1.0, 0.0)
    assert change.tolist() == [0, 1, 1]


def test_best_seat_changes_repairs_a_start_over_the_budget_at_least_cost():
    """From seats over the budget, does it close the seats that cost least to bring the refund back?"""
    change, value = best_seat_changes(
        np.array([0.0, 0.0]), np.array([90.0, 40.0]), np.array([0, 0]), np.array([1, 2]),
        np.array([1, 1]), np.array([500, 300]), np.inf, -550.0)
    assert change.tolist() == [0, -2]
    assert value == pytest.approx(-80.0)


def test_best_seat_changes_reports_none_when_nothing_fits():
    """When even closing every seat leaves the refund over budget, is the answer None?"""
    assert best_seat_changes(np.array([0.0]), np.array([10.0]), np.array([0]), np.array([1]),
                             np.array([1]), np.array([300]), np.inf, -301.0) is None


@pytest.mark.parametrize("field, value, message", [
    ("up", np.array([-1, 0]), "up must not be negative"),
    ("refund_use", np.array([0]), "one entry per opening"),
])
def test_best_seat_changes_refuses_malformed_arrays(field, value, message):
    """Are a negative seat count and arrays of different lengths refused with a ValueError that says so?"""
    arguments = {"gain": np.zeros(2), "loss": np.zeros(2), "up": np.zeros(2, int), "down": np.zeros(2, int),
                 "share_use": np.zeros(2, int), "refund_use": np.zeros(2, int),
                 "share_room": 0.0, "refund_room": 0.0}
    arguments[field] = value
    with pytest.raises(ValueError, match=message):
        best_seat_changes(**arguments)


@st.composite
def paired_moves(draw):
    """`seat_moves` with a few pairs: a seat closed at one opening and opened at another, worth more together."""
    gain, loss, up, down, share_use, refund_use, share_room, refund_room = draw(seat_moves())
    m = len(gain)
    count = draw(st.integers(0, 4)) if m > 1 else 0
    close = np.array([draw(st.integers(0, m - 1)) for _ in range(count)], dtype=np.int64)
    open_ = np.array([draw(st.integers(0, m - 1)) for _ in range(count)], dtype=np.int64)
    keep = close != open_
    close, open_ = close[keep], open_[keep]
    extra = np.array([draw(st.integers(1, 130)) for _ in range(len(close))], float)
    value = gain[open_] - loss[close] + extra
    return (gain, loss, up, down, share_use, refund_use, share_room, refund_room, close, open_, value)


def brute_force_with_pairs(gain, loss, up, down, share_use, refund_use, share_room, refund_room,
                           close, open_, value):
    """The best total over every set of pairs and single changes that fits both rooms and every opening's limits.

    An opening gains seats or loses them, never both, whichever items do it.
    """
    best = None
    for taken in itertools.product((0, 1), repeat=len(value)):
        taken = np.array(taken, dtype=bool)
        opened = np.bincount(open_[taken], minlength=len(gain))
        closed = np.bincount(close[taken], minlength=len(gain))
        if (opened > up).any() or (closed > down).any() or ((opened > 0) & (closed > 0)).any():
            continue
        left_up = np.where((gain > 1e-6) & (closed == 0), up - opened, 0)
        left_down = np.where(opened == 0, down - closed, 0)
        for change in itertools.product(*[range(-d, u + 1) for u, d in zip(left_up, left_down)]):
            total_change = np.array(change) + opened - closed
            if total_change @ share_use <= share_room and total_change @ refund_use <= refund_room:
                change = np.array(change)
                total = (float(np.where(change > 0, change * gain, change * loss).sum())
                         + float(value[taken].sum()))
                best = total if best is None else max(best, total)
    return best


@SMALL
@given(moves=paired_moves())
def test_best_paired_changes_finds_the_brute_force_optimum(moves):
    """With pairs too, does the search reach the best value any choice that fits has, and say it is proven?"""
    gain, loss, up, down, share_use, refund_use, share_room, refund_room, close, open_, value = moves
    expected = brute_force_with_pairs(*moves)
    found = best_paired_changes(*moves)
    if expected is None:
        assert found is None
        return
    change, total, proven = found
    assert proven
    assert total == pytest.approx(expected, abs=1e-9)
    assert (-down <= change).all() and (change <= up).all()
    assert change @ share_use <= share_room and change @ refund_use <= refund_room


@SMALL
@given(moves=paired_moves())
def test_best_item_changes_finds_the_brute_force_optimum(moves):
    """Does the MILP over single and paired items, as the seat search builds them, reach the brute-force best?"""
    gain, loss, up, down, share_use, refund_use, share_room, refund_room, close, open_, value = moves
    m = len(gain)
    opens = np.repeat(np.arange(m), np.where(gain > 1e-6, up, 0))
    closes = np.repeat(np.arange(m), down)
    change = np.zeros((len(opens) + len(closes) + len(value), m), dtype=np.int64)
    change[np.arange(len(opens)), opens] = 1
    change[len(opens) + np.arange(len(closes)), closes] = -1
    pairs = len(opens) + len(closes) + np.arange(len(value))
    change[pairs, open_] += 1
    change[pairs, close] -= 1
    item_value = np.r_[gain[opens], -loss[closes], value]
    expected = brute_force_with_pairs(*moves)
    taken = best_item_changes(change, item_value, up, down, share_use, refund_use, share_room, refund_room)
    if expected is None:
        assert taken is None
        return
    assert item_value[taken].sum() == pytest.approx(expected, abs=1e-6)
    net = change[taken].sum(axis=0)
    assert (-down <= net).all() and (net <= up).all()
    assert net @ share_use <= share_room and net @ refund_use <= refund_room


def test_best_paired_changes_never_opens_and_closes_seats_at_one_opening():
    """Is a pair's new seat at an opening never cancelled by a seat closed there, both values counted?"""
    # Pairs 0->1 and 1->2 chained through opening 1, and a seat closed at 2 to pay for
    # the refund of 2's new one, would count 2 + 2 for what is closing a seat at 0.
    change, value, proven = best_paired_changes(
        np.zeros(4), np.zeros(4), np.array([0, 1, 1, 0]), np.array([1, 1, 1, 0]), np.zeros(4, int),
        np.array([0, 0, 300, 0]), np.inf, 0.0,
        np.array([0, 0, 1]), np.array([1, 2, 2]), np.array([2.0, 3.0, 2.0]))
    assert (change.tolist(), value, proven) == ([-1, 1, 0, 0], 2.0, True)


def test_best_paired_changes_says_when_it_ran_out_of_choices():
    """Past `max_nodes` choices of pairs, is the answer marked as not proven?"""
    gain, loss = np.array([1.0, 1.0, 1.0]), np.array([50.0, 50.0, 50.0])
    ones = np.ones(3, dtype=np.int64)
    close, open_ = np.array([0, 1, 2, 0]), np.array([1, 2, 0, 2])
    found = best_paired_changes(gain, loss, ones, ones, np.zeros(3, dtype=np.int64), np.zeros(3, dtype=np.int64),
                                np.inf, np.inf, close, open_, np.array([40.0, 40.0, 40.0, 45.0]), max_nodes=1)
    assert found is not None and not found[2]
