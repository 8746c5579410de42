"""Constrained assignment: Lagrange multipliers on the side rules, repair, seat search, bound.

The two side rules are linear in the matches:

- private share: ``sum(alpha_j x_ij) <= share_slack`` with ``alpha_j =
  pct`` for a non-private leisure opening, ``pct - 100`` for a private one
  and 0 for an apprenticeship (``share_slack = 100 P0 - pct L0``);
- refund cap: ``sum(refund_j x_ij) <= budget``.

Each match is worth ``M + score`` with ``M`` larger than any total score, so
more matches always win. The steps:

1. **Multipliers.** Moving the side rules into the weights with
   multipliers ``lam`` and ``mu`` leaves a plain assignment problem (one
   `SeatGraph.solve`). Starting from no charge, the multiplier of a broken
   rule is raised (first guess read off the column prices, then bracketed
   and bisected) until the assignment obeys it. (Here.)
2. **Repair and improve.** The assignments seen are made exactly feasible
   by dropping the matches that use most of a broken rule per point, then
   improved by filling free seats and moving people to better free seats
   without breaking a rule (`matcher.side_rules`).
3. **Seat search.** With side-rule openings capped at the seats in use the
   assignment is re-solved exactly; its lowest and highest column prices
   say what one more seat at an opening would add and one fewer would
   cost, so seats are opened, closed or swapped within the room both rules
   leave, and re-solved while that helps. (Multipliers alone cannot do this
   when many openings share one refund amount: they all switch at once.)
   Each round may first try a compound move chosen by a small knapsack
   over the same prices (close three cheap refund seats, open two dear
   ones). (`matcher.seat_search`.)
4. **Bound.** The prices of the last capped solve, shifted by the
   multipliers and clamped at zero, are feasible for the dual of the full
   problem, so they give a proven Lagrangian bound; the multipliers are
   chosen on a grid and by pattern search, then the assignment is solved
   once more at the best multipliers and the search resumes from its
   exact prices (`matcher.bound`).
5. **Restart.** The Lagrangian solution at those multipliers is often
   near the LP optimum, so the seat search runs again from its seats per
   side-rule opening, which the knapsack move fits to the rules' room.
6. **Escapes.** On small instances, unless the result is proven best,
   three more kinds of seat search: one that values, after matches, how
   little of the rules' room a seat uses rather than its score, so it
   trades seats for cheaper ones until the room fits another match; kicked
   ones, from a seat more or a seat fewer at a few side-rule openings (a
   better result can lie past a worse one); and one whose knapsack moves
   also offer seats moved between two openings at their exact value, which
   the other searches offer only on the smallest instances.

How much of this an instance gets depends on its size (`_effort`): where a
solve takes milliseconds, all of it, with long searches; around 2,500×2,000
the bisection and the first search are skipped for the restart, which gets
closer in fewer solves; where the graph is pruned, no restart. Only small
instances get the escapes; the others searched thoroughly (up to 50,000
eligible pairs), where the bound leaves a wide gap, a seat search with
relocating pairs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from .assign import MoveGraph, opening_prices
from .bound import lagrangian_bound
from .seat_search import seat_search
from .side_rules import FULL_GRAPH_PAIRS, SideRuleModel, improve, repair, side_rule_seats, solve_with_caps
from .types import PRIVATE_LEISURE, Pairs, Problem

__all__ = ["Outcome", "constrained_assignment"]

#: Up to this many eligible pairs (where a solve takes milliseconds) the search is
#: thorough: a multiplier bisection, long seat searches and a restart (see `_effort`).
THOROUGH_PAIRS = 50_000
#: Up to this many eligible pairs (a solve takes a fraction of a millisecond; about
#: 350x260 young people x seats, a large week's run) the search ends with the escapes:
#: a search for more matches (`_count_search`), seat searches from one seat more or
#: fewer at a few side-rule openings (`_kicked_searches`), and one with paired items
#: (`_paired_search`).
ESCAPE_PAIRS = 2_500
#: Side-rule openings the kick step opens one more seat at (those where a seat adds most
#: per unit of the rules' room), and as many it closes one at (where a seat costs least
#: per unit): a search from each. Ranked by price alone, not per unit of room, the kicks
#: left 1 of 5,000 small sweep instances a match short and 4 of 300 at 120-300 young
#: people, where per unit they leave none and 2.
KICKS = 2
#: Up to this many side-rule openings the last escape of a small instance offers paired
#: items in its knapsack moves (`_paired_search`), a seat moved between two openings at
#: its exact value; the other searches, up to `seat_search.PAIRED_KNAPSACK_OPENINGS`.
ESCAPE_PAIRED_OPENINGS = 100
#: Larger instances searched thoroughly get one more seat search, with relocating pairs
#: (`_relocation_search`), where the bound leaves more than this share of it open
#: (600x450: 5 of 61 benchmark seeds; on one a result 0.83 % below the optimum, which it
#: reaches to 0.02 %).
WIDE_GAP = 0.005


@dataclass(frozen=True)
class Outcome:
    """What the constrained assignment found.

    Attributes
    ----------
    assigned : numpy.ndarray of int
        Opening index per candidate, ``-1`` if unmatched.
    unconstrained : numpy.ndarray of int
        The same ignoring both side rules (for explanations).
    upper_bound : float
        Proven bound on the total score of any feasible result with as
        many matches as `assigned`.
    share_blocked : bool
        Earlier placements already put the private share below target, so
        non-private leisure openings were closed for this run.
    method : str
        How the result was reached.
    evaluations : int
        Assignment problems solved.
    """

    assigned: np.ndarray
    unconstrained: np.ndarray
    upper_bound: float
    share_blocked: bool
    method: str
    evaluations: int


def _estimate(model: SideRuleModel, lam: float, mu: float):
    """Next multipliers from one evaluation, read off its column prices.

    A seat's lowest column price is what it adds to the assignment; with
    the multipliers' charge added back it is the seat's worth. A charge of
    ``c`` per unit of a broken rule empties the seats worth less than
    ``c`` per unit they use, so sorting the filled seats by worth per unit
    and taking enough to clear the excess gives the multiplier a bisection
    would converge to, to first order.
    """
    weight = model.adjusted(lam, mu)[model.kept]
    assigned = model.evaluate(lam, mu)
    prices = opening_prices(model.cand[model.kept], model.opening[model.kept], weight, assigned,
                            model.graph.capacity, lowest=True)
    worth = prices + lam * model.alpha + mu * model.beta
    usage = np.bincount(assigned[assigned >= 0], minlength=model.m)
    share, refund = model.violations(assigned)
    estimates = []
    for multiplier, excess, charge in ((lam, share, model.alpha), (mu, refund, model.beta)):
        seats = np.nonzero((charge > 0) & (usage > 0))[0]
        if excess <= 0 or len(seats) == 0:
            estimates.append(multiplier)
            continue
        ratio = worth[seats] / charge[seats]
        order = np.lexsort((seats, ratio))
        cleared = np.cumsum((usage[seats] * charge[seats])[order])
        k = min(int(np.searchsorted(cleared, excess)), len(order) - 1)
        estimates.append(max(multiplier, float(ratio[order[k]]) * 1.02 + 1e-9))
    return estimates[0], estimates[1]


def _search(model: SideRuleModel, which: int, lam: float, mu: float, budget: list[int]):
    """Smallest multiplier `which` (0: share, 1: refund) that meets that rule; the other fixed.

    The first guess comes from `_estimate`; then the bracket is widened
    (x4) until the rule holds and bisected until it is narrower than a
    quarter of a score point per match. Returns ``(low, high)``: the rule is
    broken at ``low`` and holds at ``high``.
    """
    def broken(value):
        point = (value, mu) if which == 0 else (lam, value)
        budget[0] -= 1
        return model.violations(model.evaluate(*point))[which] > 0

    start = lam if which == 0 else mu
    unit = 1.0 / model.alpha.max() if which == 0 else 1.0 / model.refund_unit
    guess = _estimate(model, lam, mu)[which]
    low, high = start, max(guess, start + unit)
    while broken(high):
        low, high = high, high + 4.0 * (high - start)
        if budget[0] <= 0:
            return low, high
    while (high - low) > 0.25 * unit and budget[0] > 0:
        middle = (low + high) / 2.0
        if broken(middle):
            low = middle
        else:
            high = middle
    return low, high


def _knapsack_caps(model: SideRuleModel, lam: float, mu: float):
    """Seats for side-rule openings chosen by value per unit of rule, from a breaking solution.

    Starting from the seats the (rule-breaking) Lagrangian solution at
    ``(lam, mu)`` uses, close the seats whose column price (their marginal
    worth, with the multipliers' charge added back) is lowest per unit of
    the rule they overrun, until the refunds of all open seats fit the
    budget and the share holds even if every open seat is filled.
    """
    assigned = model.evaluate(lam, mu)
    weight = model.adjusted(lam, mu)[model.kept]
    prices = opening_prices(model.cand[model.kept], model.opening[model.kept], weight,
                            assigned, model.graph.capacity)
    worth = prices + lam * model.alpha + mu * model.beta
    charged = (model.alpha > 0) | (model.beta > 0)
    caps = side_rule_seats(model, assigned)
    private_used = float((model.alpha[assigned[assigned >= 0]] < 0).sum() * -model.alpha[model.klass == PRIVATE_LEISURE].max(initial=0))
    share_over = (0.0 if model.share_blocked
                  else float(np.dot(np.maximum(model.alpha, 0), caps)) - private_used - model.slack)
    refund_over = float(np.dot(model.beta, caps)) - model.budget
    units = np.repeat(np.nonzero(charged & (caps > 0))[0], caps[charged & (caps > 0)])
    while (share_over > 0 or refund_over > 0) and len(units):
        use = model.share_use[units] * (share_over > 0) + model.refund_use[units] * (refund_over > 0)
        ratio = np.where(use > 0, worth[units] / np.maximum(use, 1e-12), np.inf)
        order = np.lexsort((units, ratio))
        progressed = False
        for k in order:
            if not (share_over > 0 or refund_over > 0) or ratio[k] == np.inf:
                break
            j = units[k]
            if caps[j] == 0:
                continue
            caps[j] -= 1
            share_over -= max(model.alpha[j], 0.0)
            refund_over -= model.beta[j]
            progressed = True
        units = units[caps[units] > 0]
        if not progressed:
            break
    return caps


@dataclass(frozen=True)
class _Effort:
    """How much searching an instance's size pays for (see `_effort`).

    Attributes
    ----------
    evaluations : int
        Assignment problems the multiplier bisection may solve (0: none;
        the seat search starts from the repaired unconstrained solution).
    seat_rounds : int
        Rounds of the seat search from that start.
    restart : bool
        The seat search starts again from the seats per side-rule opening
        of the Lagrangian solution the bound finds (fitted to the rules'
        room by a knapsack move).
    restart_rounds : int
        Rounds of that second search.
    knapsack : bool
        Each round of either search first tries a knapsack move.
    escapes : bool
        Unless the result is proven best, more seat searches: for more
        matches (`_count_search`), kicked (`_kicked_searches`) and with
        paired items (`_paired_search`).
    wide_gap_search : bool
        Without the escapes, a seat search with relocating pairs
        (`_relocation_search`) where the bound leaves more than `WIDE_GAP`
        of itself open.
    trimmed_start : bool
        The bisection's last rule-breaking solution, its seats trimmed to
        the rules' room (`_knapsack_caps`) and re-solved, is one more
        candidate start.
    kicks : int
        Side-rule openings given one seat more, and as many given one
        fewer, each the start of a kicked seat search.
    paired_openings : int
        Up to this many side-rule openings the paired search offers
        paired items.
    """

    evaluations: int
    seat_rounds: int
    restart: bool
    restart_rounds: int
    knapsack: bool
    escapes: bool = False
    wide_gap_search: bool = False
    trimmed_start: bool = False
    kicks: int = KICKS
    paired_openings: int = ESCAPE_PAIRED_OPENINGS


def _effort(pairs: int) -> _Effort:
    """The search for an instance with this many eligible pairs."""
    if pairs <= THOROUGH_PAIRS:
        # A solve takes milliseconds: bisect the multipliers, search long, with knapsack
        # moves. The restart refits the Lagrangian solution's seats; restarting from its
        # matches, repaired, found nothing more on 40x25 to 600x450 (one 300x220 seed
        # 0.026 % less) and cost a second bound.
        # Where a solve takes a fraction of a millisecond, the escapes too. On random
        # instances of up to 120x90 (some with no share target) the searches alone missed
        # a match or 0.7-4.6 % of the score on 5 in 9,500 against the MILP: a seat had to
        # move that no price paid for on its own. With kicks all five reach it, and so do
        # all 5,000 of `python -m matcher.sweep --young 1-120` (2 were a match short).
        # At 120-300 young people kicks still left a match short on 2 of 2,000 sweep
        # instances, 1 of 2,700 with sizes drawn apart and 4 of 600 at 140x120 (a 30 %
        # share target), and two scores 0.7 and 1.4 % short; the count and paired
        # searches reach all of them (docs/benchmarks.md).
        # Past the escapes' size the paired search is dear (its knapsacks go to HiGHS: 50-230
        # ms each at 600x450). Where the bound leaves a wide gap, one with only the pairs
        # that keep a match their prices count as lost (0-4 a move on the five such seeds of
        # 61, settled without HiGHS) finds what it found there, at a fraction of the time.
        # The trimmed start is the best start on 16 of 400 sweep instances of 120-300 young
        # people, but on none of 160 seeds at 600x450 (100 at 400x300), nor on 12,000x10,000
        # tight seed 2026 (where it costs a solve of seconds): it pays where the bisection's
        # solutions are crude.
        return _Effort(evaluations=2, seat_rounds=6, restart=True, restart_rounds=6,
                       knapsack=True, escapes=pairs <= ESCAPE_PAIRS, wide_gap_search=True,
                       trimmed_start=pairs <= ESCAPE_PAIRS)
    if pairs <= FULL_GRAPH_PAIRS:
        # A solve takes a tenth of a second (a quarter on the wide 2,500x2,000 instances,
        # 315,000 pairs). The bound's multipliers are better than a
        # bisection's, and their Lagrangian solution uses nearly the seats per side-rule
        # opening the optimum does: fitting those seats to the rules' room (a knapsack
        # over the moves nearest the margin) gets closer in two rounds than the seat
        # search gets from the bisection in three (2,500x2,000: bound gaps 0.01-0.09 %
        # where they were 0.03-0.16 %).
        return _Effort(evaluations=0, seat_rounds=0, restart=True, restart_rounds=2,
                       knapsack=True)
    # Pruned: a solve takes seconds, and the bound finds no Lagrangian solution.
    return _Effort(evaluations=1, seat_rounds=2, restart=False, restart_rounds=0, knapsack=False)


def _bisection_start(model: SideRuleModel, seats, evaluations: int, deadline: float | None, *,
                     trimmed: bool = False):
    """A feasible start: the best repaired solution the multiplier bisection sees.

    Each broken rule's multiplier is raised until the assignment obeys it
    (`_search`), the other's in turn, within `evaluations` solves; every
    assignment seen is repaired and improved, and with `trimmed` also the
    seats of the last one that broke a rule, trimmed by `_knapsack_caps`
    and re-solved. With no evaluations, the unconstrained solution repaired.
    """
    lam = mu = 0.0
    lows = []
    budget = [evaluations]
    for _ in range(3 if evaluations else 0):
        share, refund = model.violations(model.evaluate(lam, mu))
        if share > 0:
            low, lam = _search(model, 0, lam, mu, budget)
            lows.append((low, mu))
        share, refund = model.violations(model.evaluate(lam, mu))
        if refund > 0:
            low, mu = _search(model, 1, lam, mu, budget)
            lows.append((lam, low))
        if model.feasible(model.evaluate(lam, mu)) or budget[0] <= 0:
            break
        if deadline is not None and time.perf_counter() > deadline:
            break
    candidates = [improve(model, repair(model, model.evaluate(*point)), seats)
                  for point in [(lam, mu)] + lows]
    for point in lows[-1:] if trimmed else ():
        capped, _ = solve_with_caps(model, _knapsack_caps(model, *point), keep_share=True)
        if model.feasible(capped):
            candidates.append(improve(model, capped, seats))
    return max(candidates, key=model.value)


def _kicked_searches(model: SideRuleModel, best, effort: _Effort):
    """The best of seat searches each started one seat off the seats `best` uses: (best, restricted).

    The seat search stops where no move its prices value pays off, but
    the way to a better result can lead through a worse one: a refund
    seat too many, after which the knapsack move closes two cheaper ones
    and fills a third elsewhere; a non-private seat past the share, which
    the re-solve pays for by moving someone from an apprenticeship to a
    private seat; or a seat fewer at a non-private opening, which frees
    the share for a refund seat. So from the seats `best` uses at
    side-rule openings, one more is opened at each of the `kicks`
    openings where a seat adds most per unit of the rules' room it uses
    (lowest column price over refund and share used), and one fewer at
    each of the `kicks` where a seat costs least per unit it frees
    (highest price), and the seat search fits the rest to the rules' room
    from there (`effort.kicks` openings each way, `effort.restart_rounds`
    rounds). Returns the best result and its search's last capped solve,
    or `best` and ``None`` when no search beats it.
    """
    kicks = effort.kicks
    caps = side_rule_seats(model, best)
    _, restricted = solve_with_caps(model, caps, keep_share=True)
    edges, _, weight, solved, _ = restricted
    chains = MoveGraph(model.cand[edges], model.opening[edges], weight, solved, caps)
    gain, loss = chains.prices(lowest=True), chains.prices()
    charged = (model.alpha > 0) | (model.beta > 0)
    openable = np.nonzero(charged & (caps < model.capacity) & (gain > 1e-6))[0]
    closable = np.nonzero(charged & (caps > 0))[0]
    # The rules' room is what is scarce: a seat's worth per unit of room it uses decides.
    use = np.maximum(model.room_use, 1e-12)
    gain_per_use, loss_per_use = gain / use, loss / use
    starts = ([(j, 1) for j in openable[np.argsort(-gain_per_use[openable], kind="stable")][:kicks].tolist()]
              + [(k, -1) for k in closable[np.argsort(loss_per_use[closable], kind="stable")][:kicks].tolist()])
    found_restricted = None
    for j, step in starts:
        kicked = caps.copy()
        kicked[j] += step
        found, searched = seat_search(model, best, rounds=effort.restart_rounds, caps=kicked,
                                      knapsack=True)
        if model.value(found) > model.value(best):
            best, found_restricted = found, searched
    return best, found_restricted


def _count_search(model: SideRuleModel, best, effort: _Effort):
    """A seat search for more matches that values, after them, the rules' room left: (best, restricted).

    The other searches compare results by matches, then score, so at the
    same count they never trade a well-scoring refund seat for a cheaper
    one; yet a few such trades can free the budget for one more match
    (three seats moved to a cheaper opening, and a fourth opened). This
    search scores each pair by how little of the broken rules' room its
    opening's seat uses (the score only breaks ties), so it climbs by such
    trades; where it finds more matches, the usual seat search improves
    the score from there. Runs only where the rules cost matches (the
    result has fewer than the unconstrained solution). Returns the result
    and its last capped solve, or `best` and ``None`` when it finds no
    more matches.
    """
    free_run = model.evaluate(0.0, 0.0)
    if model.value(best)[0] >= model.value(free_run)[0]:
        return best, None
    share_over, refund_over = model.violations(free_run)
    # The room of the rules the unconstrained solution breaks.
    use = model.refund_use * (refund_over > 0) + model.share_use * (share_over > 0)
    thrift = 99.0 * (1.0 - use / max(use.max(), 1e-12))
    thrifty = model.rescored(thrift[model.pairs.opening] + model.pairs.score / 100.0)
    found, _ = seat_search(thrifty, best, rounds=effort.restart_rounds, knapsack=True)
    if thrifty.value(found)[0] <= model.value(best)[0]:
        return best, None
    return seat_search(model, found, rounds=effort.restart_rounds, knapsack=True)


def _paired_search(model: SideRuleModel, best, effort: _Effort, *, relocations_only: bool = False):
    """A seat search from `best` whose knapsack moves also offer paired items: (best, restricted).

    Prices value a closed seat as if its person were lost, though they
    might move to a seat opened elsewhere; a paired item (`_knapsack_moves`)
    is such a move at its exact value. One pair may break the refund
    budget and another free it again (a seat moved to a dearer refund
    opening, and one to a cheaper), which no price nor single swap offers.
    Pairs cost each knapsack move a shortest-path search per opening and
    a knapsack with many pairs, so the other searches offer them only up
    to `seat_search.PAIRED_KNAPSACK_OPENINGS` side-rule openings; this
    one, once, up to `effort.paired_openings` (with `relocations_only`, only
    the pairs that keep a match, see `_relocation_search`). Returns its
    result and last capped solve, or `best` and ``None`` when it finds
    nothing better.
    """
    found, searched = seat_search(model, best, rounds=effort.restart_rounds, knapsack=True,
                                  paired_openings=effort.paired_openings,
                                  relocations_only=relocations_only)
    if model.value(found) > model.value(best):
        return found, searched
    return best, None


def _relocation_search(model: SideRuleModel, best, effort: _Effort):
    """A seat search from `best` offering the pairs that keep a match: (best, restricted).

    A seat's highest price counts its person as lost when it closes, yet
    they may take a new seat elsewhere that nobody else would fill (600x450
    seed 35: such a close frees the refund for a dearer seat). Those pairs
    are worth about a match beyond their two prices, and a move has only a
    few, so unlike `_paired_search` this one stays cheap on instances past
    the escapes' size. Returns its result and last capped solve, or `best`
    and ``None`` when it finds nothing better.
    """
    return _paired_search(model, best, effort, relocations_only=True)


def constrained_assignment(problem: Problem, pairs: Pairs, *, keep: int | None = None,
                           deadline: float | None = None) -> Outcome:
    """Assign candidates to seats: most matches, then best score, side rules exactly met.

    Parameters
    ----------
    problem : Problem
        The validated instance.
    pairs : Pairs
        Its eligible pairs.
    keep : int, optional
        Openings kept per candidate and side-rule class in the graph the
        assignment solver sees; ``0`` keeps all. By default all are kept on
        small instances and `KEEP_PER_CLASS` on large ones. The bound always
        covers every eligible pair. How long the search runs depends on the
        number of eligible pairs (`_effort`).
    deadline : float, optional
        ``time.perf_counter()`` value after which the multiplier search
        stops early (the result is still feasible).

    Returns
    -------
    Outcome

    Examples
    --------
    >>> from matcher.generate import example_instance
    >>> from matcher.validate import validate_instance
    >>> from matcher.eligibility import eligible_pairs
    >>> problem = validate_instance(example_instance())
    >>> outcome = constrained_assignment(problem, eligible_pairs(problem))
    >>> outcome.assigned.tolist(), outcome.method
    ([1, 0], 'lagrangian-lsa: no side rule binds')
    """
    model = SideRuleModel(problem, pairs, keep)
    effort = _effort(len(model.cand))
    seats = problem.seats
    free_run = model.evaluate(0.0, 0.0)
    binds = not model.feasible(free_run)
    if binds:
        best = _bisection_start(model, seats, effort.evaluations, deadline, trimmed=effort.trimmed_start)
        best, restricted = seat_search(model, best, rounds=effort.seat_rounds,
                                       knapsack=effort.knapsack)
        method = "lagrangian-lsa: multipliers, repair, seat search"
    else:
        best = free_run
        restricted = (model.kept, model.graph, model.adjusted(0.0, 0.0)[model.kept], free_run, model.big)
        method = "lagrangian-lsa: no side rule binds"
    matched, total = model.value(best)
    if not binds and len(model.kept) == len(model.cand):
        # The unconstrained optimum over every eligible pair obeys both rules, so it
        # is optimal with them too: its own score is the bound.
        bound, lagrangian = total, None
    else:
        bound, lagrangian = lagrangian_bound(model, restricted, matched, total)
    if lagrangian is not None and effort.restart:
        # The seat search stops at a local optimum; the Lagrangian solution at the
        # bound's multipliers is a different start, often near the LP optimum.
        second, second_restricted = seat_search(
            model, best, rounds=effort.restart_rounds, caps=side_rule_seats(model, lagrangian),
            knapsack=effort.knapsack)
        count_changed = model.value(second)[0] > matched
        if model.value(second) > model.value(best):
            best = second
            matched, total = model.value(best)
        if count_changed:
            # A bound holds for one count: the second search's prices, solved nearer the
            # new result, give the one for its count.
            bound, _ = lagrangian_bound(model, second_restricted, matched, total)
    proven = matched == model.value(free_run)[0] and bound <= total + 1e-9 * max(total, 1.0)
    escapes = ()
    if binds and not proven:
        if effort.escapes:
            escapes = (_count_search, _kicked_searches, _paired_search)
        elif effort.wide_gap_search and bound - total > WIDE_GAP * bound:
            escapes = (_relocation_search,)
    for escape in escapes:
        found, found_restricted = escape(model, best, effort)
        if found_restricted is None:
            continue
        count_changed = model.value(found)[0] > matched
        best = found
        matched, total = model.value(best)
        if count_changed:
            bound, _ = lagrangian_bound(model, found_restricted, matched, total)
    bound = max(bound, total)
    return Outcome(
        assigned=best,
        unconstrained=free_run,
        upper_bound=bound,
        share_blocked=model.share_blocked,
        method=method,
        evaluations=len(model.cache),
    )
