"""The seat search: move seats between side-rule openings, guided by exact prices.

See `seat_search`. The moves it tries come from `_seat_moves` (single
seats, swaps and relocating closes that fit the rules' room) and
`_knapsack_moves` (a compound move chosen by a small knapsack).
"""

from __future__ import annotations

import numpy as np

from .assign import MoveGraph
from .knapsack import best_item_changes, best_paired_changes, best_seat_changes
from .side_rules import SideRuleModel, improve, side_rule_seats, solve_with_caps
from .types import PRIVATE_LEISURE

__all__ = ["seat_search"]

#: Openings per seat-search round whose exact seat-swap values are computed (one
#: shortest-path search each, to or from them) when prices alone do not pay for a swap.
SWAP_TARGETS = 3
#: Seats a side-rule opening may lose in one knapsack move of the seat search (it may
#: gain one: its lowest price values the first new seat only).
KNAPSACK_CLOSED_SEATS = 2
#: Most side-rule openings a knapsack move takes every item of (600x450 has 70-85):
#: beyond that an exact knapsack over them all took HiGHS seconds, so it keeps a core.
KNAPSACK_OPENINGS = 120
#: Beyond `KNAPSACK_OPENINGS` side-rule openings a knapsack move keeps this many items
#: of each kind (new seats, closed seats): those nearest the margin.
KNAPSACK_CORE = 40
#: New seats per opening a knapsack move over its core may offer.
KNAPSACK_CORE_NEW_SEATS = 3
#: Up to this many side-rule openings a knapsack move also offers exactly valued seat
#: moves between two openings (a shortest-path search from each opening with a seat to close,
#: one batch).
PAIRED_KNAPSACK_OPENINGS = 30
#: Seat moves offered per opening a seat leaves, the best first.
PAIRS_PER_CLOSED_SEAT = 3
#: Up to this many paired items a knapsack move settles them by `best_paired_changes`;
#: beyond, HiGHS is the quicker (small tight instances: 3 ms against 8 with up to three
#: pairs, 8 against 10 with four to seven, 15 against 10 with eight to eleven).
SEARCHED_PAIRS = 7


def seat_search(model: SideRuleModel, assigned, rounds: int, *, caps=None, knapsack: bool = False,
                paired_openings: int = PAIRED_KNAPSACK_OPENINGS, relocations_only: bool = False):
    """Improve a feasible assignment by moving seats between side-rule openings.

    Starts from the seats `assigned` uses at side-rule openings, or from
    `caps` (which may break a rule: the result is still compared with
    `assigned` and only kept if better and feasible).

    The capped re-solve's column prices tell, for each opening a side rule
    charges, what one more seat would add (lowest optimal price) and what
    one seat fewer would cost (highest). Open the best seats that fit the
    remaining room under both rules (as if every open seat were filled, so
    the rules hold whatever the re-solve does), or swap a seat from a
    costly opening to a better one (valued exactly for the pair by
    `seat_move_values` when the two prices alone do not pay for it);
    re-solve and keep the result if it is better and feasible. With
    `knapsack`, each round first tries a compound move (`_knapsack_moves`),
    with paired items up to `paired_openings` side-rule openings (with
    `relocations_only`, only those that keep a match the prices count as
    lost).
    """
    charged = (model.alpha > 0) | (model.beta > 0)
    best = assigned
    alpha_pos = np.maximum(model.alpha, 0.0)
    private_weight = -model.alpha.min(initial=0.0)
    given_caps = caps
    if caps is None:
        caps = side_rule_seats(model, best)
    current, restricted = solve_with_caps(model, caps, keep_share=True)
    # Where the search stands: it moves on from any feasible trial better than that,
    # though only one better than `best` replaces it (a restart climbs from below).
    position, standing = (best, model.value(best)) if given_caps is None else (current, (-1, 0.0))
    if model.feasible(current) and model.value(current) > standing:
        position = improve(model, current, model.capacity)
        standing = model.value(position)
        best = max(best, position, key=model.value)
    tried_caps = [caps]
    for _ in range(rounds):
        edges, _, weight, solved, _ = restricted
        chains = MoveGraph(model.cand[edges], model.opening[edges], weight, solved, caps)
        gain, loss = chains.prices(lowest=True), chains.prices()
        private_used = float((model.klass[position[position >= 0]] == PRIVATE_LEISURE).sum())
        share_room = np.inf if model.share_blocked else (
            model.slack + private_weight * private_used - float(np.dot(alpha_pos, caps)))
        refund_room = model.budget - float(np.dot(model.beta, caps))
        openable = np.nonzero(charged & (caps < model.capacity) & (gain > 1e-6))[0]
        closable = np.nonzero(charged & (caps > 0))[0]
        if len(openable) == 0:
            break

        def trials():
            # Made one at a time: the later ones only when the earlier do not improve.
            if knapsack:
                # First a compound move chosen by a small knapsack. Its inputs follow from
                # the caps and the rooms (the caps' solve is cached), so a later search that
                # stands on the same caps (a restart, a kick) asks the same question: the
                # answer is kept (paired items or not are part of the question).
                key = (caps.tobytes(), share_room, refund_room, paired_openings, relocations_only)
                if key not in model.knapsacks:
                    model.knapsacks[key] = _knapsack_moves(model, caps, charged, gain, loss, share_room,
                                                           refund_room, chains,
                                                           paired_openings, relocations_only)
                yield model.knapsacks[key]
            batch = _seat_moves(model, caps, openable, closable, gain, loss, share_room,
                                refund_room, _swap_values(chains))
            # All greedy moves together, then the best one alone (prices are exact for one seat only).
            for moves in (batch, batch[:1]) if len(batch) > 1 else (batch,) if batch else ():
                new_caps = caps.copy()
                for open_j, close_k in moves:
                    new_caps[open_j] += 1
                    if close_k >= 0:
                        new_caps[close_k] -= 1
                yield new_caps

        improved = False
        for new_caps in trials():
            if new_caps is None or any(np.array_equal(new_caps, other) for other in tried_caps):
                continue
            tried_caps.append(new_caps)
            trial, tried = solve_with_caps(model, new_caps, keep_share=True)
            if model.feasible(trial) and model.value(trial) > standing:
                position = improve(model, trial, model.capacity)
                standing = model.value(position)
                best = max(best, position, key=model.value)
                caps, restricted = new_caps, tried
                improved = True
                break
        if not improved:
            break
    return best, restricted


def _knapsack_moves(model: SideRuleModel, caps, charged, gain, loss, share_room, refund_room,
                    chains: MoveGraph | None = None, paired_openings: int = PAIRED_KNAPSACK_OPENINGS,
                    relocations_only: bool = False):
    """Seats to open and close at side-rule openings at once: a small knapsack over the prices.

    Each side-rule opening may gain one seat, worth its lowest price, or
    lose up to `KNAPSACK_CLOSED_SEATS`, each costing its highest price. (A second
    new seat is not offered: the price values the first only, and two new
    seats at one opening usually wait for the same unmatched person, so a
    knapsack counting both promises a match the re-solve cannot make.)
    The best combination that fits the room both rules leave is a 0-1
    knapsack with two constraints over a few hundred items, solved exactly
    (so the result stays deterministic): where each item changes one
    opening, by the dynamic programme of `best_seat_changes` (a few
    milliseconds where HiGHS took 5-75); where paired items (below)
    change two at once, up to `SEARCHED_PAIRS` of them by
    `best_paired_changes` (the same programme under each choice of
    pairs), beyond by HiGHS. It finds
    compound moves, e.g. close three cheaper refund seats to open two
    costlier ones and a third elsewhere, that no single open, close or swap
    improves on. The values are first-seat prices, so the re-solve decides.

    Prices value each seat apart, so closing a seat whose person would move
    to a new seat elsewhere looks as costly as losing them. With
    `chains` (``chains.seat_move_values(k, closing=True)[j]``: the exact
    value of moving a seat from ``k`` to ``j``) and at most
    `paired_openings` side-rule openings, such moves are items of
    their own, the `PAIRS_PER_CLOSED_SEAT` per closed opening worth most
    beyond what their two prices say. With `relocations_only`, only pairs
    worth half a match or more beyond them: the closed seat's person,
    whom its price counts as lost, takes the new seat.

    Over more than `KNAPSACK_OPENINGS` side-rule openings (2,500x2,000 has
    about 350) only a core of the items is offered: the `KNAPSACK_CORE`
    new seats with the best value per unit of rule and the closed seats
    with the least. There the move starts from a Lagrangian solution's
    seats, often several seats away from the rules' room at one cheap
    refund opening, so up to `KNAPSACK_CORE_NEW_SEATS` new seats per
    opening are offered, each at the first one's price.

    Returns the new caps, or ``None`` when no combination gains (and the
    caps already fit the rules' room).
    """
    openings = np.nonzero(charged)[0]
    core = len(openings) > KNAPSACK_OPENINGS
    up = np.minimum(model.capacity - caps, KNAPSACK_CORE_NEW_SEATS if core else 1)
    down = np.minimum(caps, KNAPSACK_CLOSED_SEATS)
    # Item i opens a seat at opened[i] and closes one at closed[i] (-1: neither).
    opened = np.r_[np.repeat(openings, up[openings]), np.full(down[openings].sum(), -1)]
    closed = np.r_[np.full(up[openings].sum(), -1), np.repeat(openings, down[openings])]
    value = np.where(opened >= 0, gain[opened], -loss[closed])
    if chains is not None and len(openings) <= paired_openings:
        targets = openings[up[openings] > 0]
        least_extra = model.big / 2.0 if relocations_only else 1e-6
        closable = openings[caps[openings] > 0]
        for k, moved in zip(closable, chains.seat_move_table(closable, closing=True)):
            exact = moved[targets]
            # What the move is worth beyond its two prices: the knapsack has those already.
            # Ranked by the exact value instead, moves to well-paid seats crowded out the one
            # that mattered (600x450 seed 35: a seat closed at no loss, its person moving to
            # a new seat nobody else would fill; 0.83 % of the score).
            extra = exact - (gain[targets] - loss[k])
            worth_more = np.nonzero((targets != k) & np.isfinite(exact) & (extra > least_extra))[0]
            best = worth_more[np.argsort(-extra[worth_more], kind="stable")[:PAIRS_PER_CLOSED_SEAT]]
            opened = np.r_[opened, targets[best]]
            closed = np.r_[closed, np.full(len(best), k)]
            value = np.r_[value, exact[best]]
    useful = (closed >= 0) | (value > 1e-6)
    opened, closed, value = opened[useful], closed[useful], value[useful]
    if core:
        # The items nearest the margin: best value per unit of rule for new seats, least
        # for closed ones; the rest would rarely change the choice.
        touched = np.where(opened >= 0, opened, closed)
        ratio = np.abs(value) / np.maximum(model.room_use[touched], 1e-12)
        ups = np.nonzero(opened >= 0)[0]
        downs = np.nonzero(opened < 0)[0]
        near = np.sort(np.r_[ups[np.lexsort((ups, -ratio[ups]))[:KNAPSACK_CORE]],
                             downs[np.lexsort((downs, ratio[downs]))[:KNAPSACK_CORE]]])
        opened, closed, value = opened[near], closed[near], value[near]
    if not (opened >= 0).any():
        return None
    paired = (opened >= 0) & (closed >= 0)
    if not paired.any():
        return _move_by_opening(model, caps, openings, opened, closed, gain, loss, share_room,
                                refund_room)
    if paired.sum() <= SEARCHED_PAIRS:
        return _move_with_pairs(model, caps, openings, opened, closed, value, paired, up, down,
                                gain, loss, share_room, refund_room)
    return _move_by_milp(model, caps, openings, opened, closed, value, up, down, share_room,
                         refund_room)


def _move_with_pairs(model: SideRuleModel, caps, openings, opened, closed, value, paired, up, down,
                     gain, loss, share_room, refund_room):
    """The knapsack move with a few paired items: `best_paired_changes` (HiGHS if it gives up).

    Returns the new caps, or ``None`` when no combination gains (and the
    caps already fit the rules' room) or none fits.
    """
    position = np.searchsorted(openings, np.where(paired, opened, 0))
    origin = np.searchsorted(openings, np.where(paired, closed, 0))
    found = best_paired_changes(gain[openings], loss[openings], up[openings], down[openings],
                                *_seat_uses(model, openings), share_room / model.share_unit, refund_room,
                                origin[paired], position[paired], value[paired])
    if found is None:
        return None
    change, total, proven = found
    if not proven:
        return _move_by_milp(model, caps, openings, opened, closed, value, up, down, share_room,
                             refund_room)
    return _changed_caps(caps, openings, change, total, share_room, refund_room)


def _move_by_milp(model: SideRuleModel, caps, openings, opened, closed, value, up, down, share_room,
                  refund_room):
    """The knapsack move with many paired items: `best_item_changes` (HiGHS).

    Returns the new caps, or ``None`` as `_move_with_pairs`.
    """
    items = np.arange(len(value))
    change = np.zeros((len(value), model.m), dtype=np.int64)
    change[items[opened >= 0], opened[opened >= 0]] += 1
    change[items[closed >= 0], closed[closed >= 0]] -= 1
    change = change[:, openings]
    picked = best_item_changes(change, value, up[openings], down[openings], *_seat_uses(model, openings),
                               share_room / model.share_unit, refund_room)
    if picked is None:
        return None
    return _changed_caps(caps, openings, change[picked].sum(axis=0), value[picked].sum(), share_room,
                         refund_room)


def _move_by_opening(model: SideRuleModel, caps, openings, opened, closed, gain, loss,
                     share_room, refund_room):
    """The knapsack move when every item opens or closes one seat: `best_seat_changes`.

    Returns the new caps, or ``None`` when no combination gains (and the
    caps already fit the rules' room) or none fits.
    """
    up = np.bincount(opened[opened >= 0], minlength=model.m)[openings]
    down = np.bincount(closed[closed >= 0], minlength=model.m)[openings]
    found = best_seat_changes(gain[openings], loss[openings], up, down, *_seat_uses(model, openings),
                              share_room / model.share_unit, refund_room)
    if found is None:
        return None
    return _changed_caps(caps, openings, *found, share_room, refund_room)


def _seat_uses(model: SideRuleModel, openings):
    """Share seats and refund (whole øre) one seat at each of `openings` uses, as the knapsacks count them."""
    return (model.alpha[openings] > 0).astype(np.int64), np.rint(model.beta[openings]).astype(np.int64)


def _changed_caps(caps, openings, change, value: float, share_room, refund_room):
    """`caps` with `change` at `openings`; ``None`` when it gains nothing and the caps already fit the rooms."""
    if value <= 1e-6 and refund_room >= 0 and share_room >= 0:
        return None
    new_caps = caps.copy()
    new_caps[openings] += change
    return new_caps


def _swap_values(chains: MoveGraph, *, limit: int = SWAP_TARGETS):
    """Exact values of moving one seat to an opening, from every other: ``values(j)[k]``.

    ``values(k, closing=True)[j]`` is the other direction: a seat of ``k``
    moved to each opening ``j``. At most `limit` different questions are
    answered (one shortest-path search each, both directions count, kept by
    `chains` for every caller), ``None`` after that.
    """
    asked: set = set()

    def values(j, closing=False):
        if (j, closing) not in asked:
            if len(asked) >= limit:
                return None
            asked.add((j, closing))
        return chains.seat_move_values(j, closing=closing)

    return values


def _seat_moves(model, caps, openable, closable, gain, loss, share_room, refund_room,
                swap_values=None):
    """Seat openings (and swaps) that fit the rules' room, best gain first: [(open, close or -1)].

    A swap is taken when the seat opened is worth more than the one closed,
    or when the room it frees lets another seat open that makes up the
    difference (close one costly seat, open two cheaper ones). The two
    prices value the seats apart, which undercounts a swap whose closed
    seat's person can take the opened one; when they do not pay for it,
    `swap_values` (exact value of closing each seat to open this one)
    picks the best seat to close that fits, e.g. a cheaper refund seat
    closed for a second seat at a costlier refund opening; when no single
    seat pays, `_relocating_close` looks for one whose person can move to
    a new seat elsewhere.
    """
    alpha_pos = np.maximum(model.alpha, 0.0)
    beta = model.beta
    new_caps = caps.copy()
    moves = []
    ranked = openable[np.argsort(-gain[openable], kind="stable")]
    repeats = np.minimum(model.capacity[ranked] - caps[ranked], 3)

    def fits(j, share, refund):
        return alpha_pos[j] <= share + 1e-9 and beta[j] <= refund + 1e-9

    for j in np.repeat(ranked, repeats):
        if new_caps[j] >= model.capacity[j]:
            continue
        if fits(j, share_room, refund_room):
            new_caps[j] += 1
            share_room -= alpha_pos[j]
            refund_room -= beta[j]
            moves.append((j, -1))
            continue
        # Swap: close the cheapest-to-lose seat that makes room for this one.
        usable = closable[(new_caps[closable] > 0) & (closable != j)
                          & (alpha_pos[j] - alpha_pos[closable] <= share_room + 1e-9)
                          & (beta[j] - beta[closable] <= refund_room + 1e-9)]
        if len(usable) == 0:
            continue
        k = usable[np.argmin(loss[usable])]
        share_after = share_room - alpha_pos[j] + alpha_pos[k]
        refund_after = refund_room - beta[j] + beta[k]
        follow = -1
        if loss[k] >= gain[j] - 1e-6:
            # Worth it only if the freed room admits one more seat that pays for it.
            for j2 in ranked:
                if (j2 != k and new_caps[j2] + (j2 == j) < model.capacity[j2]
                        and fits(j2, share_after, refund_after)
                        and gain[j] + gain[j2] > loss[k] + 1e-6):
                    follow = j2
                    break
            if follow < 0:
                exact = swap_values(j) if swap_values is not None and new_caps[j] == caps[j] else None
                if exact is None:
                    continue
                # Exact for this pair against the round's seats; seats already moved are left alone.
                usable = usable[(new_caps[usable] == caps[usable])]
                paying = usable[exact[usable] > 1e-6]
                if len(paying) == 0:
                    k, follow = _relocating_close(model, j, usable, new_caps, caps, gain, loss,
                                                  share_room, refund_room, swap_values)
                    if k < 0:
                        continue
                    share_after = share_room - alpha_pos[j] + alpha_pos[k] - alpha_pos[follow]
                    refund_after = refund_room - beta[j] + beta[k] - beta[follow]
                    new_caps[k] -= 1
                    new_caps[j] += 1
                    new_caps[follow] += 1
                    share_room, refund_room = share_after, refund_after
                    moves += [(j, k), (follow, -1)]
                    continue
                usable = paying
                k = usable[np.argmax(exact[usable])]
                share_after = share_room - alpha_pos[j] + alpha_pos[k]
                refund_after = refund_room - beta[j] + beta[k]
        new_caps[k] -= 1
        new_caps[j] += 1
        share_room, refund_room = share_after, refund_after
        moves.append((j, k))
        if follow >= 0:
            new_caps[follow] += 1
            share_room -= alpha_pos[follow]
            refund_room -= beta[follow]
            moves.append((follow, -1))
    return moves


def _relocating_close(model, j, usable, new_caps, caps, gain, loss, share_room, refund_room,
                      swap_values):
    """A seat to close for `j` whose person moves to a new seat elsewhere: ``(close, move_to)``.

    Closing a seat loses its person's match unless they can sit elsewhere,
    and the seat that would take them may be worth nothing on its own
    price (they are already matched). So for the cheapest seats to close
    that make room for `j`, the exact value of closing each and opening a
    seat at every other opening is searched (`swap_values` in the closing
    direction); the best such pair that still leaves room for `j` is taken
    if, together with `j`'s own gain, it pays. ``(-1, -1)`` if none does.
    """
    alpha_pos = np.maximum(model.alpha, 0.0)
    beta = model.beta
    for k in usable[np.argsort(loss[usable], kind="stable")]:
        values = swap_values(int(k), closing=True)
        if values is None:
            break
        share_after = share_room - alpha_pos[j] + alpha_pos[k]
        refund_after = refund_room - beta[j] + beta[k]
        # Openings without a side rule are never capped below their seats.
        room = ((new_caps == caps) & (new_caps < model.capacity)
                & (alpha_pos <= share_after + 1e-9) & (beta <= refund_after + 1e-9))
        room[[j, k]] = False
        if not room.any():
            continue
        follow = int(np.argmax(np.where(room, values, -np.inf)))
        if values[follow] + gain[j] > 1e-6:
            return int(k), follow
    return -1, -1
