"""Assignment building blocks: seats from capacities, the LSA call, and dual bounds.

`SeatGraph` expands each opening's capacity into seats and solves a
maximum-weight assignment of candidates to seats with
``scipy.sparse.csgraph.min_weight_full_bipartite_matching`` (sparse
Jonker-Volgenant) or, for small dense problems,
``scipy.optimize.linear_sum_assignment``. A private "stay unmatched"
column per candidate makes every assignment full, so leaving someone
unmatched is always possible.

`dual_bound` turns any column prices into a proven upper bound on the
Lagrangian relaxation over *all* eligible pairs, so pruning the graph the
solver sees never makes the reported bound unsafe.
"""

from __future__ import annotations

import copy

import numpy as np
from scipy import sparse
from scipy.optimize import linear_sum_assignment
from scipy.sparse.csgraph import dijkstra, min_weight_full_bipartite_matching

__all__ = ["SeatGraph", "MoveGraph", "opening_prices", "seat_move_values", "dual_bound", "prune_edges"]

#: Up to this many cells the dense ``linear_sum_assignment`` is the faster solver; beyond,
#: the sparse matching is (a seat row has 5 % of the cells filled or fewer: at 300x220
#: 80,000 cells, 1.2 ms against 0.5 ms; at 600x450, 7.5 ms against 2.5 ms).
_DENSE_CELLS = 30_000


def prune_edges(cand, opening, weight, group, keep: int, *, limit=None):
    """Keep, per candidate and group of openings, the `keep` best-weighted edges.

    Parameters
    ----------
    cand, opening : numpy.ndarray of int
        Edge end points.
    weight : numpy.ndarray of float
        Edge weights (higher is better), non-negative, compared to 0.01.
    group : numpy.ndarray of int
        Group of each edge's opening (side-rule class); multipliers move
        whole groups, so each keeps its own best edges.
    keep : int
        Edges kept per (candidate, group); ``0`` keeps everything unless
        `limit` is given.
    limit : numpy.ndarray of int, optional
        Per edge, how many edges its (candidate, group) keeps; overrides
        `keep`.

    Returns
    -------
    numpy.ndarray of int
        Indices of kept edges, sorted by (candidate, opening).

    Examples
    --------
    >>> import numpy as np
    >>> prune_edges(np.array([0, 0, 0]), np.array([0, 1, 2]), np.array([5.0, 9.0, 7.0]),
    ...             np.array([0, 0, 0]), 2).tolist()
    [1, 2]
    """
    if (keep <= 0 and limit is None) or len(cand) == 0:
        return np.arange(len(cand))
    # One int64 sort key: candidate, group, score (hundredths, best first), opening.
    quantised = np.clip(np.round(np.asarray(weight) * 100), 0, 2**20 - 1).astype(np.int64)
    span = int(opening.max()) + 1
    key = ((cand.astype(np.int64) * 8 + group) * 2**20 + (2**20 - 1 - quantised)) * span + opening
    order = np.argsort(key, kind="stable")
    run = key[order] // (2**20 * span)  # candidate * 8 + group, in sorted order
    starts = np.r_[True, run[1:] != run[:-1]]
    run_start = np.maximum.accumulate(np.where(starts, np.arange(len(run)), 0))
    rank = np.arange(len(run)) - run_start
    allowed = keep if limit is None else np.asarray(limit)[order]
    kept = order[rank < allowed]
    return np.sort(kept)


class SeatGraph:
    """Candidates x seats for a fixed set of edges; solve for any edge weights.

    Parameters
    ----------
    cand, opening : numpy.ndarray of int
        Edges sorted by (candidate, opening); candidate-opening pairs the
        assignment may use.
    capacity : numpy.ndarray of int
        Seats per opening (length ``m``).
    n : int
        Number of candidates.
    dense : bool, optional
        Solve with the dense ``linear_sum_assignment`` (``True``) or the
        sparse matching (``False``); by default dense while the cost matrix
        has at most `_DENSE_CELLS` cells.

    Examples
    --------
    >>> import numpy as np
    >>> graph = SeatGraph(np.array([0, 1, 2]), np.array([0, 0, 0]), np.array([2]), 3)
    >>> graph.solve(np.array([5.0, 7.0, 6.0])).tolist()
    [-1, 0, 0]
    """

    def __init__(self, cand, opening, capacity, n: int, *, dense: bool | None = None):
        self.cand = np.asarray(cand, dtype=np.int64)
        self.opening = np.asarray(opening, dtype=np.int64)
        self.n = n
        self.degree = np.bincount(self.opening, minlength=len(capacity))
        first = np.r_[True, self.cand[1:] != self.cand[:-1]] if len(self.cand) else np.zeros(0, bool)
        self.rows = self.cand[first]
        self.row_of_edge = np.cumsum(first) - 1
        # A stable sort by opening keeps each opening's edges in candidate order.
        self.by_opening = np.argsort(self.opening, kind="stable")
        self.chosen_dense = dense
        self._expand_seats(capacity)

    def with_capacity(self, capacity):
        """The same edges with other seats per opening (the edge work is shared, not redone).

        Examples
        --------
        >>> import numpy as np
        >>> graph = SeatGraph(np.array([0, 1, 2]), np.array([0, 0, 0]), np.array([2]), 3)
        >>> graph.with_capacity(np.array([1])).solve(np.array([5.0, 7.0, 6.0])).tolist()
        [-1, 0, -1]
        """
        graph = copy.copy(self)
        graph._expand_seats(capacity)
        return graph

    def _expand_seats(self, capacity):
        """One row per seat: its opening's edges (by candidate), then its own empty column.

        Kept as ``self.tag`` (edge + 1 per entry, -1 for the empty column)
        over a CSR matrix built directly in that order, so a solve only
        fills in the costs.
        """
        self.capacity = np.minimum(np.asarray(capacity, dtype=np.int64), self.degree)
        self.seat_opening = np.repeat(np.arange(len(self.capacity)), self.capacity)
        n_rows, n_seats = len(self.rows), len(self.seat_opening)
        self.n_seats = n_seats
        # Seats are the rows (fewer than candidates, and much faster for
        # Jonker-Volgenant); each seat may instead take its own "stay empty"
        # column, so every seat row can always be matched.
        self.dense = (n_seats * (n_rows + n_seats) <= _DENSE_CELLS if self.chosen_dense is None
                      else self.chosen_dense)
        if n_seats == 0:
            return
        opening_start = np.r_[0, np.cumsum(self.degree)[:-1]]
        length = self.degree[self.seat_opening] + 1
        indptr = np.r_[0, np.cumsum(length)]
        seat_of_entry = np.repeat(np.arange(n_seats), length)
        place = np.arange(indptr[-1]) - indptr[seat_of_entry]
        empty = place == length[seat_of_entry] - 1
        # An empty column's entry points one past its opening's edges: clamped, then masked.
        edge = self.by_opening[np.minimum(opening_start[self.seat_opening[seat_of_entry]] + place,
                                          len(self.by_opening) - 1)]
        self.tag = np.where(empty, -1, edge + 1)
        column = np.where(empty, n_rows + seat_of_entry, self.row_of_edge[edge])
        if self.dense:
            self.entry_seat, self.entry_column = seat_of_entry, column
        else:
            self.matrix = sparse.csr_array((np.zeros(len(column)), column, indptr),
                                           shape=(n_seats, n_rows + n_seats))
            self.matrix.has_sorted_indices = True

    def solve(self, weight):
        """Return the opening given to each candidate (``-1``: none) at maximum total weight.

        Edges with weight <= 0 are never used: staying unmatched is worth 0.

        Parameters
        ----------
        weight : numpy.ndarray of float
            One weight per edge.

        Returns
        -------
        numpy.ndarray of int
            Length ``n``.
        """
        assigned = np.full(self.n, -1, dtype=np.int64)
        if len(self.rows) == 0 or self.n_seats == 0:
            return assigned
        weight = np.asarray(weight, dtype=np.float64)
        top = float(max(weight.max(), 0.0)) + 1.0
        n_rows = len(self.rows)
        cost = np.where(self.tag > 0, top - weight[np.maximum(self.tag - 1, 0)], top)
        if self.dense:
            full = np.full((self.n_seats, n_rows + self.n_seats), np.inf)
            full[self.entry_seat, self.entry_column] = cost
            seat, col = linear_sum_assignment(full)
        else:
            self.matrix.data = cost
            seat, col = min_weight_full_bipartite_matching(self.matrix)
        real = col < n_rows
        seat, col = seat[real], col[real]
        row = col
        assigned[self.rows[row]] = self.seat_opening[seat]
        # An edge worth nothing is the same as no edge; drop it so side rules see no cost.
        edge_weight = _edge_weight_lookup(self.cand, self.opening, weight, self.rows[row], assigned[self.rows[row]])
        assigned[self.rows[row][edge_weight <= 0]] = -1
        return assigned


def _edge_weight_lookup(cand, opening, weight, rows, openings):
    """Weights of the edges (rows[k], openings[k]); edges are sorted by (cand, opening)."""
    key = cand * (opening.max() + 1 if len(opening) else 1) + opening
    wanted = rows * (opening.max() + 1 if len(opening) else 1) + openings
    position = np.searchsorted(key, wanted)
    return weight[position]


def opening_prices(cand, opening, weight, assigned, capacity, *, max_rounds: int = 400,
                   lowest: bool = False):
    """Column prices that certify an assignment's optimality on its edges.

    Solves the dual's difference constraints as shortest paths (see
    `MoveGraph`) on a graph whose nodes are the openings plus a zero node.
    Any non-negative prices give a valid bound through `dual_bound`; exact
    ones give a tight bound.

    Parameters
    ----------
    cand, opening, weight : numpy.ndarray
        The edges the assignment was solved on, and their weights.
    assigned : numpy.ndarray of int
        Opening per candidate or ``-1``.
    capacity : numpy.ndarray of int
        Seats per opening as used by the solve.
    max_rounds : int, optional
        Stop the Bellman-Ford search after this many rounds (prices stay
        valid, maybe less tight).
    lowest : bool, optional
        Return the lowest optimal prices (what one more seat would add)
        instead of the highest (what one seat fewer would cost).

    Returns
    -------
    numpy.ndarray of float
        A price >= 0 per opening.

    Examples
    --------
    >>> import numpy as np
    >>> prices = opening_prices(np.array([0, 1]), np.array([0, 0]), np.array([5.0, 3.0]),
    ...                         np.array([0, -1]), np.array([1]))
    >>> prices.tolist()
    [5.0]
    """
    return MoveGraph(cand, opening, weight, assigned, capacity).prices(lowest=lowest,
                                                                       max_rounds=max_rounds)


def seat_move_values(cand, opening, weight, assigned, capacity, target, *, max_rounds: int = 400,
                     closing: bool = False):
    """What moving one seat from each opening to `target` changes, for an optimal assignment.

    Closing a seat at ``k`` and opening one at ``target`` sends one person
    from ``k`` along a chain of moves that ends at the new seat (possibly
    passing through "unmatched": someone drops out, someone else comes in);
    the best chain is a shortest path from ``target`` to ``k`` in the graph
    of `opening_prices`. Unlike the difference of the two openings' prices
    (which prices the two changes apart), this is exact for the pair.

    Parameters
    ----------
    cand, opening, weight, assigned, capacity
        As for `opening_prices`; `assigned` must be optimal for them.
    target : int
        The opening that gains a seat (with `closing`: loses one).
    max_rounds : int, optional
        Stop the Bellman-Ford search after this many rounds (values then
        err a little).
    closing : bool, optional
        Value the other direction: `target` has one seat fewer and each
        opening ``k`` one more (the same search on reversed edges).

    Returns
    -------
    numpy.ndarray of float
        Per opening ``k``, the change in total weight of the best
        assignment when ``k`` has one seat fewer and `target` one more
        (``-inf`` where no chain exists, 0 at `target`).

    Examples
    --------
    >>> import numpy as np
    >>> # Person 0 sits at opening 0 (worth 5) and would take opening 1 at 8.
    >>> seat_move_values(np.array([0, 0]), np.array([0, 1]), np.array([5.0, 8.0]),
    ...                  np.array([0, -1]), np.array([1, 0]), 1).tolist()
    [3.0, 0.0]
    """
    return MoveGraph(cand, opening, weight, assigned, capacity).seat_move_values(
        target, closing=closing, max_rounds=max_rounds)


class MoveGraph:
    """The moves one person can make from an optimal assignment, as a graph over openings.

    Built once per assignment; `prices` and `seat_move_values` (the
    functions of those names, without rebuilding it for each question) are
    shortest paths in it, forwards or on reversed edges. Some edges are
    negative, so the first search, to the zero node, is a Bellman-Ford; its
    distances then make every edge non-negative (Johnson's reweighting), and
    each further question is a Dijkstra search (in C, many sources at once:
    a knapsack move with paired items asks one per side-rule opening).

    Parameters
    ----------
    cand, opening, weight, assigned, capacity
        As for `opening_prices`.
    """

    def __init__(self, cand, opening, weight, assigned, capacity):
        self.m = len(capacity)
        self.opening, self.weight = opening, weight
        self.edges = _price_graph(cand, opening, weight, assigned, capacity)
        self._by_tail: dict = {}
        self._to_zero: dict = {}
        self._reweighted: dict = {}
        self._values: dict = {}

    def prices(self, *, lowest: bool = False, max_rounds: int = 400):
        """Column prices, highest or lowest (see `opening_prices`)."""
        m = zero = self.m
        # Lowest: v_j >= -dist(j -> zero), shortest paths to the zero node.
        if lowest:
            distance = self._distances_to_zero(max_rounds)
        else:
            distance = self._distances([zero], False, max_rounds)[0]
        prices = distance[:m] - min(distance[zero], 0.0)
        if lowest:
            prices = -prices
        # Unreachable: nothing caps the price (an opening with no seat); the largest
        # weight into it is high enough for every constraint.
        unbounded = ~np.isfinite(prices)
        if unbounded.any():
            top = np.zeros(m)
            np.maximum.at(top, self.opening, self.weight)
            prices[unbounded] = top[unbounded]
        return np.maximum(prices, 0.0)

    def seat_move_values(self, target, *, closing: bool = False, max_rounds: int = 400):
        """Change in total weight per opening losing a seat to `target` (see `seat_move_values`).

        Each answer is searched once per graph and kept.
        """
        return self.seat_move_table([target], closing=closing, max_rounds=max_rounds)[0]

    def seat_move_table(self, targets, *, closing: bool = False, max_rounds: int = 400):
        """`seat_move_values` for each of `targets`, a row each; the new ones searched together."""
        keys = [(int(target), closing, max_rounds) for target in targets]
        new = sorted({key[0] for key in keys if key not in self._values})
        if new:
            found = 0.0 - self._distances(new, closing, max_rounds)[:, :self.m]
            self._values.update(((target, closing, max_rounds), row) for target, row in zip(new, found))
        return np.array([self._values[key] for key in keys]).reshape(len(keys), self.m)

    def _distances(self, sources, reverse: bool, max_rounds: int):
        """Shortest paths from each of `sources` (a row each), forwards or on reversed edges.

        Dijkstra on the reweighted edges, then undone: with ``f`` the
        distances to the zero node, a path from ``s`` to ``t`` is ``f[s] -
        f[t]`` longer forwards than reweighted (``f[t] - f[s]`` on reversed
        edges), whichever way it goes.
        """
        to_zero = self._distances_to_zero(max_rounds)
        sources = np.asarray(sources, dtype=np.int64)
        reweighted = dijkstra(self._reweighted_graph(reverse, max_rounds), directed=True,
                              indices=sources)
        shift = to_zero[sources][:, None] - to_zero[None, :]
        return reweighted - shift if reverse else reweighted + shift

    def _reweighted_graph(self, reverse: bool, max_rounds: int):
        """The edges as a sparse graph, each ``a -> b`` of length ``l + f[b] - f[a] >= 0``.

        ``f[a] <= l + f[b]`` is the triangle inequality of the distances to
        the zero node; the clamp at 0 only absorbs rounding (and, should
        Bellman-Ford stop at `max_rounds`, its shortfall: values then err a
        little). Explicit zeros are edges to ``scipy.sparse.csgraph``.
        """
        key = (reverse, max_rounds)
        if key not in self._reweighted:
            src, dst, length = self.edges
            to_zero = self._distances_to_zero(max_rounds)
            reweighted = np.maximum(length + to_zero[dst] - to_zero[src], 0.0)
            if reverse:
                src, dst = dst, src
            order = self._tail_order(reverse)
            indptr = np.r_[0, np.cumsum(np.bincount(src, minlength=self.m + 1))]
            self._reweighted[key] = sparse.csr_array((reweighted[order], dst[order], indptr),
                                                     shape=(self.m + 1, self.m + 1))
        return self._reweighted[key]

    def _tail_order(self, reverse: bool):
        """The edges in order of the node they leave (forwards or reversed), kept."""
        if reverse not in self._by_tail:
            self._by_tail[reverse] = np.argsort(self.edges[1 if reverse else 0], kind="stable")
        return self._by_tail[reverse]

    def _distances_to_zero(self, max_rounds: int):
        """Shortest paths from every node to the zero node: Bellman-Ford, one vectorised round at a time.

        Searched from the zero node on reversed edges, grouped by head so
        each round is one ``minimum.reduceat``; the rounds stop once nothing
        improves (or after `max_rounds`). Every opening has an edge to the
        zero node, so every distance is finite.
        """
        if max_rounds not in self._to_zero:
            # Reversed edges grouped by head: the forward edges by tail.
            order = self._tail_order(reverse=False)
            dst, src, length = (array[order] for array in self.edges)
            heads = np.r_[0, np.nonzero(dst[1:] != dst[:-1])[0] + 1]
            targets = dst[heads]
            distance = np.full(self.m + 1, np.inf)
            distance[self.m] = 0.0
            for _ in range(max_rounds):
                best = np.minimum.reduceat(distance[src] + length, heads)
                improved = best < distance[targets] - 1e-9
                if not improved.any():
                    break
                distance[targets[improved]] = best[improved]
            self._to_zero[max_rounds] = distance
        return self._to_zero[max_rounds]


def _price_graph(cand, opening, weight, assigned, capacity):
    """The dual's difference constraints as edges (src, dst, length) over openings plus a zero node.

    An edge ``a -> b`` of length ``l`` means ``price_b <= price_a + l``;
    read backwards it is one step of a chain of moves: a person leaves
    opening ``b`` for ``a`` (or for nothing, or from nothing, when an end is
    the zero node ``m``) at a loss of ``l``.
    """
    m = len(capacity)
    zero = m
    matched = assigned[cand] >= 0
    own = assigned[cand]
    own_weight = np.zeros(len(assigned))
    is_own = matched & (opening == own)
    own_weight[cand[is_own]] = weight[is_own]
    usage = np.bincount(assigned[assigned >= 0], minlength=m)
    # (1) a matched candidate must not prefer another opening at these prices
    other = matched & ~is_own
    src = [opening[other]]
    dst = [own[other]]
    length = [own_weight[cand[other]] - weight[other]]
    # (2) a matched candidate's own margin stays >= 0
    matched_c = np.nonzero(assigned >= 0)[0]
    src.append(np.full(len(matched_c), zero))
    dst.append(assigned[matched_c])
    length.append(own_weight[matched_c])
    # (3) an unmatched candidate must not want any seat at these prices
    loose = ~matched & (weight > 0)
    src.append(opening[loose])
    dst.append(np.full(loose.sum(), zero))
    length.append(-weight[loose])
    # (4) prices >= 0 and (5) openings with a free seat cost nothing
    src.append(np.arange(m))
    dst.append(np.full(m, zero))
    length.append(np.zeros(m))
    free = np.nonzero(usage < capacity)[0]
    src.append(np.full(len(free), zero))
    dst.append(free)
    length.append(np.zeros(len(free)))
    return np.concatenate(src), np.concatenate(dst), np.concatenate(length)


def dual_bound(cand, weight, n: int, capacity, prices, constant: float = 0.0) -> float:
    """Upper bound on the best assignment's weight from column prices (LP weak duality).

    With ``u_i = max(0, max_j(weight_ij - price_j))`` over *all* of
    candidate i's edges, ``sum(u) + sum(capacity * price) + constant`` bounds
    every assignment using these edges and capacities, whatever the prices.

    Parameters
    ----------
    cand : numpy.ndarray of int
        Candidate of each edge (all eligible edges, not a pruned subset).
    weight : numpy.ndarray of float
        Edge weights minus their opening's price are computed here, so pass
        raw weights and the prices separately via `prices` indexed per edge.
    n : int
        Number of candidates.
    capacity : numpy.ndarray of int
        Seats per opening.
    prices : tuple of (numpy.ndarray, numpy.ndarray)
        ``(price per edge, price per opening)``.
    constant : float, optional
        Added to the bound (the Lagrangian's multiplier terms).

    Returns
    -------
    float

    Examples
    --------
    >>> import numpy as np
    >>> dual_bound(np.array([0, 1]), np.array([5.0, 3.0]), 2, np.array([1]),
    ...            (np.array([3.0, 3.0]), np.array([3.0])))
    5.0
    """
    edge_price, opening_price = prices
    margin = np.maximum(np.asarray(weight) - edge_price, 0.0)
    best = np.zeros(n)
    if len(cand):
        np.maximum.at(best, cand, margin)
    return float(best.sum() + np.dot(capacity, opening_price) + constant)
