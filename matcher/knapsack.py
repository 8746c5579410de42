"""The seat search's compound move, solved exactly: seats to open and close under both rules.

See `best_seat_changes`. Each side-rule opening may gain or lose a few
seats, each worth its price; the changes must fit the room the private
share and the refund budget leave. Openings that cost no refund differ
only in how many share seats they use, so they are settled in closed form
by their prices' order; the refund openings go through a dynamic
programme over (share seats, refund) that keeps, per number of share
seats, only the changes no other beats on both refund and value.
"""

from __future__ import annotations

import functools

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

__all__ = ["best_item_changes", "best_paired_changes", "best_seat_changes"]

#: Values within this of each other are ties (they are sums of prices, in points).
_TOLERANCE = 1e-6
#: Most states a stage keeps (600x450 and 1,800x1,400 keep at most about 1,200): past
#: it, the most hopeful, so that no instance can make the programme's time explode.
MAX_STATES = 20_000
#: Past this many states at a stage, where the share rule may bind, the states are also
#: bounded with share seats priced in (which costs about 2 ms to set up; 600x450 seed 15
#: keeps up to 1,400 states a stage, the other seeds mostly under 300).
PRICE_SHARE_STATES = 400
#: Most refund openings the dynamic programme takes in one stage. Half the states at
#: 600x450 come to 36 or fewer, and a stage costs the same few dozen NumPy calls for 40
#: states as for 1,000: with four openings a stage the knapsacks take 0.61 of the time
#: (the same answers on 129 of 27 seeds; three a stage or a cap of 1,000 save less).
MAX_GROUP = 4
#: Most states times combinations of seat changes one stage weighs: past it, fewer
#: openings in the stage.
GROUP_STATES = 2_000
#: Most choices of paired moves `best_paired_changes` looks at before it gives up (and
#: says so). Nine in ten of the seat search's knapsacks on small instances take no pair,
#: and none took more than two on 300 of the sweep's instances.
MAX_PAIR_NODES = 64


def best_seat_changes(gain, loss, up, down, share_use, refund_use, share_room, refund_room, *,
                      max_states: int = MAX_STATES, price_share_from: int = PRICE_SHARE_STATES):
    """Seats to open and close per opening at the highest total price that fits both rules.

    Opening ``j`` may gain up to ``up[j]`` seats, each worth ``gain[j]``,
    or lose up to ``down[j]``, each costing ``loss[j]`` (never both: an
    opening's lowest price is at most its highest). Each seat gained uses
    ``share_use[j]`` share seats and ``refund_use[j]`` of the refund
    budget; a seat lost frees as much. The changes must keep the share
    seats used within `share_room` and the refund within `refund_room`,
    either of which may start below zero (a start that breaks a rule).

    Parameters
    ----------
    gain, loss : numpy.ndarray of float
        Value of one more and cost of one fewer seat, per opening; ``loss
        >= gain``.
    up, down : numpy.ndarray of int
        Most seats each opening may gain and lose.
    share_use : numpy.ndarray of int
        Share seats one seat uses: 1 at a non-private leisure opening, 0
        elsewhere.
    refund_use : numpy.ndarray of int
        Refund (øre) one seat uses, >= 0.
    share_room : int or float
        Share seats still free (``inf`` when the rule cannot bind).
    refund_room : int or float
        Refund budget still free (øre).
    max_states : int, optional
        Most partial choices kept at a time. Past it the most hopeful are
        kept (by their LP bound), and the answer is no longer proven best:
        it fits both rules, or is ``None`` if no choice that fits was kept.
    price_share_from : int, optional
        Past this many states at a stage, where the share rule may bind,
        states are also bounded with share seats priced in: more pruning,
        the same answer.

    Returns
    -------
    tuple of (numpy.ndarray of int, float) or None
        The change in seats per opening and its total value; ``None``
        when no choice fits both rules. Of equally valued choices the
        first found is kept, so the answer is deterministic.

    Raises
    ------
    ValueError
        When the arrays differ in length or a seat count or use is
        negative.

    Examples
    --------
    Opening 0 (a refund seat of 500) is worth 9, opening 1 (300) is worth
    7 and opening 2 (300) 6; a budget of 600 takes the two cheaper ones:

    >>> import numpy as np
    >>> change, value = best_seat_changes(
    ...     np.array([9.0, 7.0, 6.0]), np.array([20.0, 20.0, 20.0]), np.array([1, 1, 1]),
    ...     np.array([0, 0, 0]), np.array([1, 1, 1]), np.array([500, 300, 300]), np.inf, 600)
    >>> change.tolist(), value
    ([0, 1, 1], 13.0)
    """
    gain, loss = np.asarray(gain, dtype=np.float64), np.asarray(loss, dtype=np.float64)
    up, down = np.asarray(up, dtype=np.int64), np.asarray(down, dtype=np.int64)
    share_use = np.asarray(share_use, dtype=np.int64)
    refund_use = np.asarray(refund_use, dtype=np.int64)
    m = len(gain)
    if any(len(array) != m for array in (loss, up, down, share_use, refund_use)):
        raise ValueError("gain, loss, up, down, share_use and refund_use must have one entry per opening")
    for name, array in (("up", up), ("down", down), ("share_use", share_use), ("refund_use", refund_use)):
        if (array < 0).any():
            raise ValueError(f"{name} must not be negative")
    # Only whole share seats and whole øre fit: round the rooms down once.
    share_room = _whole(share_room, up @ share_use + 1)
    refund_room = _whole(refund_room, up @ refund_use + 1)

    change = np.zeros(m, dtype=np.int64)
    free = (share_use == 0) & (refund_use == 0)
    change[free] = np.where(gain[free] > 0, up[free], 0)
    free_value = float((gain[free] * change[free]).sum())

    movable = (up > 0) | (down > 0)
    share_only = np.nonzero(movable & (share_use > 0) & (refund_use == 0))[0]
    share_table = _ShareSeats(share_only, gain, loss, up, down)
    refund_openings = np.nonzero(movable & (refund_use > 0))[0]
    # The least value per øre first: the seats worth closing are decided early, and the
    # bound on the dearer rest is then tight (600x450: 3-6 ms a move, 4-14 in index order).
    worth_per_ore = np.maximum(gain, loss)[refund_openings] / refund_use[refund_openings]
    refund_openings = refund_openings[np.argsort(worth_per_ore, kind="stable")]
    states = _RefundStates(refund_openings, gain, loss, up, down, share_use, refund_use,
                           share_room, refund_room, share_table, max_states, price_share_from)
    if states.best is None:
        return None
    change[refund_openings] = states.changes(states.best)
    change += share_table.changes(share_room - states.best_share, m)
    return change, states.best_value + free_value


def best_paired_changes(gain, loss, up, down, share_use, refund_use, share_room, refund_room,
                        pair_close, pair_open, pair_value, *, max_nodes: int = MAX_PAIR_NODES):
    """`best_seat_changes` with paired moves too: a seat closed at one opening and opened at another.

    A pair ``(pair_close[p], pair_open[p])`` is worth ``pair_value[p]``
    (its exact value: the person of the closed seat may take the new one),
    which is more than the two seats' prices say apart. It uses one of the
    new seats the opening it opens may gain and one of the seats the other
    may lose; a single new seat at ``j`` is offered only where ``gain[j]``
    is positive. As with single seats, an opening gains seats or loses
    them, never both: otherwise a pair's new seat at ``j`` and a seat closed
    at ``j`` (alone, or by a second pair moving its person on) would cancel
    while both values count. Each pair is either taken or not, depth first,
    those worth most beyond their two prices first; under each choice the
    single seats are settled by `best_seat_changes`, and a branch is left
    when even the best single seats with every remaining pair's extra value
    added to its new seat (an upper bound: each new seat takes at most one
    pair) cannot beat the best choice so far.

    Parameters
    ----------
    gain, loss, up, down, share_use, refund_use, share_room, refund_room
        As for `best_seat_changes`, except that `up` counts the new seats
        both kinds of move may make.
    pair_close, pair_open : numpy.ndarray of int
        The openings each pair closes a seat at and opens one at.
    pair_value : numpy.ndarray of float
        Each pair's value.
    max_nodes : int, optional
        Most choices of pairs looked at; past it the answer is not proven.

    Returns
    -------
    tuple of (numpy.ndarray of int, float, bool) or None
        The change in seats per opening, its value, and whether it is
        proven best (``False`` once `max_nodes` ran out: then the change is
        ``None`` if none that fits was found); ``None`` when no choice fits
        both rules.

    Examples
    --------
    Closing the seat at 0 loses 9 and opening one at 1 gains 2, but the
    person at 0 would take the new seat: the pair is worth 8. The budget
    of 100 fits one seat at 1 only after the seat at 0 (refund 100) closes.

    >>> import numpy as np
    >>> change, value, proven = best_paired_changes(
    ...     np.array([0.0, 2.0]), np.array([9.0, 9.0]), np.array([0, 1]), np.array([1, 0]),
    ...     np.array([0, 0]), np.array([100, 150]), np.inf, 60,
    ...     np.array([0]), np.array([1]), np.array([8.0]))
    >>> change.tolist(), value, proven
    ([-1, 1], 8.0, True)
    """
    gain, loss = np.asarray(gain, dtype=np.float64), np.asarray(loss, dtype=np.float64)
    share_use = np.asarray(share_use, dtype=np.int64)
    refund_use = np.asarray(refund_use, dtype=np.int64)
    pair_close, pair_open = np.asarray(pair_close, dtype=np.int64), np.asarray(pair_open, dtype=np.int64)
    pair_value = np.asarray(pair_value, dtype=np.float64)
    # What each pair is worth beyond its two seats priced apart; the most first, so that
    # a good choice is found early and bounds the rest.
    extra = pair_value - (gain[pair_open] - loss[pair_close])
    order = np.argsort(-extra, kind="stable")
    pair_close, pair_open, pair_value, extra = pair_close[order], pair_open[order], pair_value[order], extra[order]
    sells = gain > _TOLERANCE
    best = [None, -np.inf]
    nodes = [0]

    def visit(first, up, down, share_room, refund_room, value, change):
        nodes[0] += 1
        usable = [p for p in range(first, len(pair_value))
                  if up[pair_open[p]] > 0 and down[pair_close[p]] > 0]
        if usable:
            raised = np.zeros(len(gain))
            np.maximum.at(raised, pair_open[usable], extra[usable])
            ceiling = best_seat_changes(gain + raised, loss, np.where(sells | (raised > 0), up, 0), down,
                                        share_use, refund_use, share_room, refund_room)
            if ceiling is None or value + ceiling[1] <= best[1] + _TOLERANCE:
                return
        found = best_seat_changes(gain, loss, np.where(sells, up, 0), down, share_use, refund_use,
                                  share_room, refund_room)
        if found is not None and value + found[1] > best[1] + _TOLERANCE:
            best[:] = [change + found[0], value + found[1]]
        for p in usable:
            if nodes[0] >= max_nodes:
                return
            j, k = pair_open[p], pair_close[p]
            step = np.zeros(len(gain), dtype=np.int64)
            step[j], step[k] = 1, -1
            # From here on j only gains and k only loses.
            next_up, next_down = up - (step > 0), down - (step < 0)
            next_up[k], next_down[j] = 0, 0
            visit(p + 1, next_up, next_down,
                  share_room - (share_use[j] - share_use[k]), refund_room - (refund_use[j] - refund_use[k]),
                  value + pair_value[p], change + step)

    visit(0, np.asarray(up, dtype=np.int64), np.asarray(down, dtype=np.int64), share_room, refund_room,
          0.0, np.zeros(len(gain), dtype=np.int64))
    proven = nodes[0] < max_nodes
    if best[0] is None:
        return None if proven else (None, -np.inf, False)
    return best[0], float(best[1]), proven


def best_item_changes(change, value, up, down, share_use, refund_use, share_room, refund_room):
    """Items to take at the highest total value that fit both rules: a MILP for HiGHS.

    For many paired items, where `best_paired_changes` would branch too
    long. Item ``i`` changes each opening's seats by ``change[i]`` (a
    single item one opening by one seat, a paired item one up and another
    down) and is worth ``value[i]``. As there, an opening gains at most
    ``up`` seats and loses at most ``down``, whichever items do it, and
    gains or loses, never both: where a paired item goes one way and other
    items the other, a binary per opening says which way (single items
    alone never gain by going both ways: a seat adds at most what it
    costs). Each rule is counted in units of a typical seat and values in
    units of the largest, so that HiGHS's tolerances and branching see
    numbers near one; no gap is allowed, since values differ by a few
    points in a hundred thousand (HiGHS's default 0.01 % would stop short).

    Parameters
    ----------
    change : numpy.ndarray of int
        Seats each item adds per opening, shape (items, openings).
    value : numpy.ndarray of float
        Each item's value.
    up, down, share_use, refund_use, share_room, refund_room
        As for `best_seat_changes`.

    Returns
    -------
    numpy.ndarray of bool or None
        The items taken; ``None`` when no choice fits both rules.

    Examples
    --------
    A pair moving a seat from opening 0 to 1 (worth 8) frees the refund
    that a single new seat at 2 (worth 5) needs:

    >>> import numpy as np
    >>> best_item_changes(np.array([[-1, 1, 0], [0, 0, 1]]), np.array([8.0, 5.0]),
    ...                   np.array([0, 1, 1]), np.array([1, 0, 0]), np.array([0, 0, 0]),
    ...                   np.array([300, 100, 150]), np.inf, 50).tolist()
    [True, True]
    """
    change = np.asarray(change, dtype=np.float64)
    value = np.asarray(value, dtype=np.float64)
    up, down = np.asarray(up), np.asarray(down)
    if len(value) == 0:
        return np.zeros(0, dtype=bool) if share_room >= 0 and refund_room >= 0 else None
    opens, closes = np.maximum(change, 0.0), np.maximum(-change, 0.0)
    paired = (change != 0).sum(axis=1) > 1
    touched = (opens[paired] + closes[paired]).sum(axis=0) > 0
    either = touched & (opens.sum(axis=0) > 0) & (closes.sum(axis=0) > 0)
    ways = int(either.sum())
    refunds = np.asarray(refund_use, dtype=np.float64)
    refund_unit = float(refunds[refunds > 0].mean()) if (refunds > 0).any() else 1.0
    rows = [np.r_[change @ refunds / refund_unit, np.zeros(ways)][None, :]]
    upper = [refund_room / refund_unit]
    if np.isfinite(share_room):
        rows.append(np.r_[change @ np.asarray(share_use, dtype=np.float64), np.zeros(ways)][None, :])
        upper.append(share_room)
    # Elsewhere a row only where an opening's items could gain or lose more than it may.
    for seats, limit in ((opens, up), (closes, down)):
        crowded = ~either & (seats.sum(axis=0) > limit)
        rows.append(np.c_[seats[:, crowded].T, np.zeros((int(crowded.sum()), ways))])
        upper.append(limit[crowded])
    gains = np.eye(ways)  # an opening's binary is 1 where it gains
    rows += [np.c_[opens[:, either].T, -up[either, None] * gains],
             np.c_[closes[:, either].T, down[either, None] * gains]]
    upper += [np.zeros(ways), down[either]]
    rows, upper = np.vstack(rows), np.concatenate([np.atleast_1d(u) for u in upper]).astype(float)
    chosen = milp(np.r_[-value / max(np.abs(value).max(initial=0.0), 1.0), np.zeros(ways)],
                  constraints=LinearConstraint(rows, -np.inf, upper + 1e-9),
                  integrality=np.ones(rows.shape[1]), bounds=Bounds(0, 1),
                  options={"disp": False, "mip_rel_gap": 0.0})
    if chosen.x is None:
        return None
    return chosen.x[:len(value)] > 0.5


def _whole(room, ceiling: int) -> int:
    """A room as a whole number: rounded down, and no larger than anything could use."""
    if room >= ceiling:
        return int(ceiling)
    return int(np.floor(room + 1e-9))


class _ShareSeats:
    """Openings that use share seats but no refund: the best value for every net seat change.

    With every seat using one share seat, the best change by ``t`` seats
    opens the ``a`` dearest new seats and closes the ``a - t`` cheapest
    seats, for the best ``a``; no other choice of seats does better.
    """

    def __init__(self, openings, gain, loss, up, down):
        opens = np.repeat(openings, up[openings])
        closes = np.repeat(openings, down[openings])
        self.opens = opens[np.argsort(-gain[opens], kind="stable")]
        self.closes = closes[np.argsort(loss[closes], kind="stable")]
        self.fewest = -len(self.closes)
        gained = np.r_[0.0, np.cumsum(gain[self.opens])]
        lost = np.r_[0.0, np.cumsum(loss[self.closes])]
        # value[a, b]: open the a dearest, close the b cheapest; net change a - b.
        value = gained[:, None] - lost[None, :]
        net = np.arange(len(gained))[:, None] - np.arange(len(lost))[None, :]
        span = len(gained) + len(lost) - 1
        self.best = np.full(span, -np.inf)
        np.maximum.at(self.best, (net - self.fewest).ravel(), value.ravel())
        self.best_upto = np.maximum.accumulate(self.best)
        self.most = float(self.best_upto[-1])
        self.best_net = int(np.argmax(self.best)) + self.fewest
        self.value = value

    def most_at(self, lam: float) -> float:
        """Best value of any net change less `lam` per share seat it uses."""
        net = np.arange(len(self.best)) + self.fewest
        return float(np.max(self.best - lam * net))

    def best_within(self, room):
        """Best value of a net change of at most `room` seats (``-inf`` if none fits), per room."""
        index = np.minimum(np.asarray(room) - self.fewest, len(self.best_upto) - 1)
        return np.where(index >= 0, self.best_upto[np.maximum(index, 0)], -np.inf)

    def changes(self, room: int, m: int):
        """Seats gained (lost, negative) per opening (of `m`) for the best change within `room`."""
        limit = min(room - self.fewest, len(self.best) - 1)
        net = int(np.argmax(self.best[:limit + 1])) + self.fewest
        opened = np.arange(self.value.shape[0])
        closed = opened - net
        fits = (closed >= 0) & (closed < self.value.shape[1])
        opened, closed = opened[fits], closed[fits]
        k = int(np.argmax(self.value[opened, closed]))
        return (np.bincount(self.opens[:opened[k]], minlength=m)
                - np.bincount(self.closes[:closed[k]], minlength=m))


class _RefundStates:
    """The refund openings' dynamic programme over (share seats, refund, value).

    One stage per opening, or per few openings while the states are few
    (`MAX_GROUP`, `GROUP_STATES`: a stage costs the same few dozen NumPy
    calls for 40 states as for 1,000); a state is what the openings so far
    change in share seats and refund, and their value. A state is dropped when the
    rest can no longer bring it within the rooms, when another with as
    many share seats uses no more refund for at least its value, or when
    even the LP bound on what the rest can add (`_StateBound`) leaves it
    no higher than the best complete choice seen (a tie never replaces it),
    a state completed by no further change, with the share-only openings'
    best (`_ShareSeats`); once no state is left, that choice is proven
    best. Share seats and refund are counted from a floor below which
    everything the rest could add fits, so states under it compare by
    value alone.
    """

    def __init__(self, openings, gain, loss, up, down, share_use, refund_use, share_room,
                 refund_room, share_table, max_states, price_share_from):
        self.openings = openings
        self.share = np.zeros(1, dtype=np.int64)
        self.refund = np.zeros(1, dtype=np.int64)
        self.value = np.zeros(1)
        self.steps = []
        self.best, self.best_value, self.best_share = None, -np.inf, 0
        # What the openings from each stage on can still free, and use, at most.
        freed_share, freed_refund = _from_each_stage(openings, down * share_use, down * refund_use)
        added_share, added_refund = _from_each_stage(openings, up * share_use, up * refund_use)
        # Below these, whatever the rest adds fits: such states differ in value alone.
        share_floor = share_room - added_share - len(share_table.opens)
        refund_floor = refund_room - added_refund
        bound = _StateBound(openings, gain, loss, up, down, share_use, refund_use, share_room,
                            refund_room, share_table)
        self._complete(share_room, refund_room, share_table, stage=-1)
        start = 0
        while start < len(openings) and len(self.value):
            # This stage's openings: as many as keep states x their changes within bounds.
            end, combinations = start + 1, up[openings[start]] + down[openings[start]] + 1
            while end < len(openings) and end - start < MAX_GROUP:
                more = combinations * (up[openings[end]] + down[openings[end]] + 1)
                if len(self.value) * more > GROUP_STATES:
                    break
                end, combinations = end + 1, more
            members = openings[start:end]
            deltas = _combinations(-down[members], up[members])
            worth = np.where(deltas > 0, deltas * gain[members], deltas * loss[members]).sum(axis=1)
            share = np.maximum((self.share[:, None] + deltas @ share_use[members]).ravel(),
                               share_floor[end])
            refund = np.maximum((self.refund[:, None] + deltas @ refund_use[members]).ravel(),
                                refund_floor[end])
            value = (self.value[:, None] + worth).ravel()
            alive = ((share - freed_share[end] + share_table.fewest <= share_room)
                     & (refund - freed_refund[end] <= refund_room))
            keep = np.nonzero(alive)[0]
            keep = keep[_undominated(share[keep], refund[keep], value[keep])]
            self.share, self.refund, self.value = share[keep], refund[keep], value[keep]
            # State keep[i] came from state keep[i] // len(deltas), changing the stage's
            # openings by deltas[keep[i] % len(deltas)].
            self.steps.append((start, keep // len(deltas), deltas[keep % len(deltas)]))
            stage = len(self.steps) - 1
            self._complete(share_room, refund_room, share_table, stage)
            if len(self.value) > price_share_from and share_floor[0] < 0:
                bound.price_share()
            hope = self.value + bound.at(end, share_room - self.share, refund_room - self.refund)
            # Only states that could still beat the best complete choice go on (a tie never
            # replaces it), past `max_states` the most hopeful; once none is left, the best
            # is proven.
            promising = np.nonzero(hope > self.best_value + _TOLERANCE)[0]
            if len(promising) > max_states:
                promising = np.sort(promising[np.lexsort((promising, -hope[promising]))[:max_states]])
            best_here = self.best is not None and self.best[0] == stage
            if best_here:
                # The best complete state stays: its answer is read back through it.
                promising = np.union1d(promising, [self.best[1]])
            if len(promising) < len(self.value):
                self.share, self.refund, self.value = (self.share[promising], self.refund[promising],
                                                       self.value[promising])
                first, parent, delta = self.steps[-1]
                self.steps[-1] = (first, parent[promising], delta[promising])
                if best_here:
                    self.best = (stage, int(np.searchsorted(promising, self.best[1])))
            start = end

    def _complete(self, share_room, refund_room, share_table, stage):
        """Keep the best state so far completed with no further refund change, if it beats the best."""
        if len(self.value) == 0 or self.value.max() + share_table.most <= self.best_value:
            return
        total = self.value + share_table.best_within(share_room - self.share)
        total[self.refund > refund_room] = -np.inf
        k = int(np.argmax(total))
        if total[k] > self.best_value:
            self.best, self.best_value = (stage, k), float(total[k])
            self.best_share = int(self.share[k])

    def changes(self, best):
        """Seats gained (lost, negative) per refund opening on the way to `best` (stage, state)."""
        change = np.zeros(len(self.openings), dtype=np.int64)
        stage, state = best
        for stage in range(stage, -1, -1):
            first, parent, delta = self.steps[stage]
            change[first:first + delta.shape[1]] = delta[state]
            state = parent[state]
        return change


def _combinations(lowest, highest):
    """Every combination of one whole number per opening between `lowest` and `highest`: a row each.

    Rows in order of the first opening's number, then the second's, and so on.
    """
    return _combinations_of(tuple(zip(lowest.tolist(), highest.tolist())))


@functools.lru_cache(maxsize=1024)
def _combinations_of(ranges: tuple):
    """`_combinations` for ``((lowest, highest), ...)``, kept read-only: stages repeat the same few ranges."""
    grids = np.meshgrid(*[np.arange(low, high + 1) for low, high in ranges], indexing="ij")
    table = np.stack([grid.ravel() for grid in grids], axis=1)
    table.flags.writeable = False
    return table


def _from_each_stage(openings, *per_opening):
    """For each array: its sum over the openings from each stage on (one more entry: 0)."""
    return [np.r_[np.cumsum(values[openings][::-1])[::-1], 0] for values in per_opening]


class _StateBound:
    """How much the openings from a stage on can add at most, given the share seats and refund left.

    The LP bound of `_RefundBound` plus the share-only openings' best, with
    the share rule dropped. Where the rule binds (seed 15 of the 600x450
    benchmark: every seat opened must close another) that bound hardly
    prunes, so `price_share` also prices the rule in: a Lagrange multiplier
    ``lam`` per share seat lowers each share seat's value by ``lam`` and
    adds ``lam`` per share seat left, an upper bound on every choice that
    keeps the rule, for any ``lam >= 0``. The ``lam`` taken gives the lowest
    bound at the start (the bound is convex in it). Each state then gets
    the lower of the two bounds.
    """

    def __init__(self, openings, gain, loss, up, down, share_use, refund_use, share_room,
                 refund_room, share_table):
        self.refund_bound = _RefundBound(openings, gain, loss, up, down, refund_use)
        self.priced = [(0.0, self.refund_bound, share_table.most)]
        self.asked = False
        self.inputs = (openings, gain, loss, up, down, share_use, refund_use, share_room,
                        refund_room, share_table)

    def price_share(self) -> None:
        """Price the share rule in too, unless it does not bind at the LP's best (once)."""
        if self.asked:
            return
        self.asked = True
        openings, gain, loss, up, down, share_use, refund_use, share_room, refund_room, share_table = (
            self.inputs)
        # Where the LP's best choice with the share rule dropped keeps the rule anyway, no
        # price on share seats bounds lower.
        cost = refund_use[openings] * self.refund_bound.lams[self.refund_bound.turn(0, refund_room)]
        lp_choice = np.where(gain[openings] > cost, up[openings],
                             np.where(loss[openings] < cost, -down[openings], 0))
        if lp_choice @ share_use[openings] + share_table.best_net <= share_room:
            return

        def priced_at(lam, start_only=False):
            charge = lam * share_use
            return (lam, _RefundBound(openings, gain - charge, loss - charge, up, down, refund_use,
                                      start_only=start_only),
                    share_table.most_at(lam))

        def at_start(lam):
            _, refund_bound, share_most = priced_at(lam, start_only=True)
            return float(refund_bound.at(0, refund_room)) + share_most + lam * share_room

        # No share seat is worth more than the dearest price.
        dearest = float(np.max(np.r_[gain[openings], loss[openings], 0.0]))
        self.priced.append(priced_at(_golden_minimum(at_start, 0.0, dearest, steps=12)))

    def at(self, stage: int, share_left, refund_left):
        """The bound for each state with `share_left` share seats and `refund_left` øre, from `stage` on."""
        _, refund_bound, share_most = self.priced[0]
        bound = refund_bound.at(stage, refund_left) + share_most
        for lam, refund_bound, share_most in self.priced[1:]:
            np.minimum(bound, refund_bound.at(stage, refund_left) + share_most + lam * share_left,
                       out=bound)
        return bound


def _golden_minimum(function, low: float, high: float, steps: int) -> float:
    """Where in [low, high] the convex `function` is lowest, to ``0.618**steps`` of the width."""
    ratio = (np.sqrt(5.0) - 1.0) / 2.0
    left, right = high - ratio * (high - low), low + ratio * (high - low)
    at_left, at_right = function(left), function(right)
    for _ in range(steps):
        if at_left <= at_right:
            high, right, at_right = right, left, at_left
            left = high - ratio * (high - low)
            at_left = function(left)
        else:
            low, left, at_left = left, right, at_right
            right = low + ratio * (high - low)
            at_right = function(right)
    return left if at_left <= at_right else right


class _RefundBound:
    """How much the refund openings from a stage on can add at most, given the refund left.

    The LP relaxation of the rest (each seat taken in part, the share rule
    dropped) by its dual: ``min over lam >= 0`` of ``h(lam) = g(lam) + lam *
    room``, where ``g(lam)`` sums every seat's value less ``lam`` times its
    refund, where positive. ``h`` is convex and piecewise linear, bending
    where one of the rest's seats is worth just ``lam`` per øre, so its
    minimum lies at the first such ``lam`` (or 0) where it stops falling:
    where the refund of the seats still worth more than ``lam`` per øre, less
    that of the seats to close worth less, fits the room. Both are tabled
    per stage over every opening's ``lam``, so a state's bound is one
    binary search.
    """

    def __init__(self, openings, gain, loss, up, down, refund_use, *, start_only: bool = False):
        beta = refund_use[openings]
        gain, loss, up, down = gain[openings], loss[openings], up[openings], down[openings]
        # Sorted, each once (np.unique costs more than all the rest here).
        lams = np.sort(np.concatenate([[0.0], np.maximum(gain / beta, 0.0), np.maximum(loss / beta, 0.0)]))
        self.lams = lams[np.concatenate([[True], lams[1:] != lams[:-1]])]
        cost = beta[:, None] * self.lams  # each opening's seat at each lam, in points
        # Per opening and lam: what its seats add to g, and how fast g falls just past
        # lam (its refund still worth opening) and rises (its refund worth closing), in
        # øre. "Just past" is read halfway to the next lam, where no seat is on the edge.
        spread = (up[:, None] * np.maximum(gain[:, None] - cost, 0.0)
                  + down[:, None] * np.maximum(cost - loss[:, None], 0.0))
        past = beta[:, None] * np.append((self.lams[:-1] + self.lams[1:]) / 2.0, self.lams[-1] + 1.0)
        slope = ((down * beta)[:, None] * (past > loss[:, None])
                 - (up * beta)[:, None] * (gain[:, None] > past))
        # Row k: the openings from stage k on (the last row: none), or just stage 0's row.
        if start_only:
            self.intercept, self.slope = spread.sum(axis=0)[None, :], slope.sum(axis=0)[None, :]
        else:
            self.intercept, self.slope = _tails(spread), _tails(slope)

    def turn(self, stage: int, room):
        """Index into `lams` of the best multiplier for each refund `room` (integers) from `stage` on.

        The first lam where h's slope just past it, ``room + slope[stage]``,
        is no longer negative (the last if none: no choice fits the room).
        """
        where = np.searchsorted(self.slope[stage], -np.asarray(room), side="left")
        return np.minimum(where, len(self.lams) - 1)

    def at(self, stage: int, room):
        """The bound for each refund `room` (integers) from `stage` on."""
        where = self.turn(stage, room)
        return self.intercept[stage, where] + room * self.lams[where]


def _tails(per_stage):
    """Sums of the rows from each row on, and a last row of zeros."""
    return np.cumsum(np.vstack([per_stage, np.zeros((1, per_stage.shape[1]), per_stage.dtype)])[::-1],
                     axis=0)[::-1]


def _undominated(share, refund, value):
    """Indices of the states no other state with the same share beats on refund and value.

    Sorted by (share, refund, value descending), a state survives when its
    value is above every earlier one's with the same share: a running
    maximum, over the values themselves when all share one level, else
    over value ranks (equal values rank equal, so a tie is dropped either
    way) offset per level, which is exact. Two stable sorts: by value, then
    by (share, refund) as one integer.
    """
    n = len(value)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    by_value = np.argsort(-value, kind="stable")
    lowest = share.min()
    if lowest == share.max():
        # The usual case (where the share rule has room for whatever the rest adds, the
        # floor puts every state on one level): no ranks needed. Merged into the general
        # case, the knapsacks of typical 600x450 seeds took 18 % longer.
        order = by_value[np.argsort(refund[by_value], kind="stable")]
        ranked = value[order]
    else:
        least_refund = refund.min()
        key = (share - lowest) * (refund.max() - least_refund + 1) + (refund - least_refund)
        order = by_value[np.argsort(key[by_value], kind="stable")]
        descending = value[by_value]
        rank = np.empty(n, dtype=np.int64)
        rank[by_value] = n + 1 - np.cumsum(np.r_[True, descending[1:] != descending[:-1]])
        ranked = rank[order] + (share[order] - lowest) * (n + 1)
    survives = np.ones(n, dtype=bool)
    survives[1:] = ranked[1:] > np.maximum.accumulate(ranked)[:-1]
    return order[survives]
