"""Benchmark: ``python -m matcher.bench [--sizes small,medium] [--modes loose,tight,wide] [--no-exact]``.

Generates seeded Copenhagen-like instances (`matcher.generate.random_instance`)
at four sizes, solves each in a fresh process (so peak memory is that
solve's own; the fastest of ``--repeat`` solves is timed), checks the result
with `check_result`, and compares with one plain ``linear_sum_assignment``
ignoring the side rules (also the fastest of ``--repeat``) and with the
exact MILP (HiGHS, reference only) where it finishes in the time limit,
and with the LP relaxation (which bounds the most matches possible and the
best score at the result's count where the MILP is out of reach). Prints a
Markdown table.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time

import numpy as np

__all__ = ["MODES", "SIZES", "main", "measure_solve", "measure_plain", "measure_exact", "measure_relaxation"]

#: Name -> (young people, seats).
SIZES = {
    "small": (120, 80),
    "medium": (600, 450),
    "large": (2500, 2000),
    "huge": (12000, 10000),
}


#: Name -> what the generator is asked for. *wide*: tight side rules, and young people
#: who travel twice as far and are free an hour longer (more than twice the eligible
#: pairs; the exact MILP takes about as long as on the issue's reference instances).
MODES = {
    "loose": {"tight": False},
    "tight": {"tight": True},
    "wide": {"tight": True, "wide": True},
}


def _instance(size: str, mode: str, seed: int):
    from .generate import random_instance

    n, seats = SIZES[size]
    return random_instance(np.random.default_rng(seed), n, seats, **MODES[mode])


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _fastest(call, repeat: int):
    """Run `call` `repeat` times (at least once): its result and the fewest wall and CPU seconds."""
    wall = cpu = float("inf")
    for _ in range(max(repeat, 1)):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = call()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    return result, wall, cpu


def measure_solve(size: str, mode: str, seed: int, repeat: int = 1) -> dict:
    """Solve one benchmark instance and check it; run in a fresh process.

    Parameters
    ----------
    size : str
        A key of `SIZES`.
    mode : str
        A key of `MODES`.
    seed : int
        Generator seed.
    repeat : int, optional
        Solves to time; the fastest counts (the others were slowed by
        something else on the machine: the result is the same each time).

    Returns
    -------
    dict
        Wall and CPU seconds, peak resident memory (MB) of the process,
        the result's stats, side-rule values and the checker's findings.

    Examples
    --------
    >>> row = measure_solve("small", "tight", 1)
    >>> row["violations"], row["matched"] > 0
    (0, True)
    """
    from .checks import check_result
    from .solve import solve

    instance = _instance(size, mode, seed)
    before = _peak_mb()
    result, wall, cpu = _fastest(lambda: solve(instance), repeat)
    problems = check_result(instance, result)
    policy = instance["policy"]
    stats = result["stats"]
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_mb": _peak_mb(),
        "peak_before_mb": before,
        "matched": stats["matched"],
        "objective": stats["objective"],
        "upper_bound": stats["upper_bound"],
        "gap": stats["gap"],
        "share_after": stats["private_share_pct_after"],
        "share_target": policy["min_private_share_pct"],
        "refund": stats["refund_ore"],
        "budget": policy["refund_budget_ore"],
        "violations": len(problems),
        "first_violation": problems[0] if problems else "",
        "method": stats["method"],
    }


def measure_plain(size: str, mode: str, seed: int, repeat: int = 1) -> dict:
    """Time one dense ``linear_sum_assignment`` on the instance, side rules ignored.

    Seats are expanded into columns; an ineligible pair is worth 0 and an
    eligible one ``M + score``, so the count comes first as in `solve`.
    With `repeat`, the fastest of that many calls counts.

    Returns
    -------
    dict
        ``seconds`` (the call alone), ``matched`` and ``refund_over`` (how
        far past the budget it goes).

    Examples
    --------
    >>> measure_plain("small", "tight", 1)["matched"] > 0
    True
    """
    from scipy.optimize import linear_sum_assignment

    from .eligibility import eligible_pairs
    from .validate import validate_instance

    problem = validate_instance(_instance(size, mode, seed))
    pairs = eligible_pairs(problem)
    columns = np.repeat(np.arange(problem.m), problem.seats)
    first_seat = np.r_[0, np.cumsum(problem.seats)[:-1]]
    big = 100.0 * (min(problem.n, len(columns)) + 1)
    weights = np.zeros((problem.n, len(columns)))
    for copy in range(int(problem.seats.max(initial=0))):
        has = problem.seats[pairs.opening] > copy
        weights[pairs.cand[has], first_seat[pairs.opening[has]] + copy] = big + pairs.score[has]
    (rows, cols), seconds, _ = _fastest(lambda: linear_sum_assignment(weights, maximize=True), repeat)
    real = weights[rows, cols] > 0
    refund = int(problem.refund[columns[cols[real]]].sum())
    return {"seconds": seconds, "matched": int(real.sum()),
            "refund_over": refund - problem.policy.refund_budget_ore, "peak_mb": _peak_mb()}


def measure_exact(size: str, mode: str, seed: int, time_limit: float) -> dict:
    """Run the exact MILP reference (HiGHS) on the instance.

    Returns
    -------
    dict
        ``status``, ``matched``, ``objective``, ``seconds``.

    Examples
    --------
    >>> measure_exact("small", "loose", 1, 60)["status"]
    'optimal'
    """
    from .exact import solve_exact

    exact = solve_exact(_instance(size, mode, seed), time_limit=time_limit)
    exact.pop("assignments")
    return exact


def measure_relaxation(size: str, mode: str, seed: int, matched: int) -> dict:
    """Bound the instance's most matches and best score by the LP relaxation.

    Returns
    -------
    dict
        ``max_matched``, ``score_bound`` (at `matched` matches) and
        ``seconds``; see `matcher.exact.relaxation_bounds`.

    Examples
    --------
    >>> measure_relaxation("small", "loose", 1, 0)["max_matched"] > 0
    True
    """
    from .exact import relaxation_bounds

    return relaxation_bounds(_instance(size, mode, seed), matched=matched)


def _in_child(function, *args, timeout=None):
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        job = pool.apply_async(function, args)
        try:
            return job.get(timeout=timeout)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return None


def _fmt(value, pattern="{:.2f}", empty="–"):
    return empty if value is None else pattern.format(value)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; return the exit status.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (``sys.argv[1:]`` by default).

    Returns
    -------
    int
        0, or 1 if any result failed the feasibility check.

    Examples
    --------
    >>> main(["--sizes", "small", "--modes", "loose", "--no-exact", "--no-plain", "--quiet"])
    0
    """
    parser = argparse.ArgumentParser(prog="python -m matcher.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated: " + ", ".join(SIZES))
    parser.add_argument("--modes", default="loose,tight",
                        help="comma-separated: " + ", ".join(MODES) + " (default loose,tight)")
    parser.add_argument("--seeds", default="2026", help="comma-separated generator seeds (default 2026)")
    parser.add_argument("--no-exact", action="store_true", help="skip the exact MILP reference")
    parser.add_argument("--exact-limit", type=float, default=120.0, help="seconds for the MILP (default 120)")
    parser.add_argument("--exact-sizes", default="small,medium,large", help="sizes to try the MILP on")
    parser.add_argument("--no-lp", action="store_true", help="skip the LP relaxation bounds")
    parser.add_argument("--lp-sizes", default="small,medium,large", help="sizes for the LP relaxation")
    parser.add_argument("--no-plain", action="store_true", help="skip the plain linear_sum_assignment")
    parser.add_argument("--plain-sizes", default="small,medium,large",
                        help="sizes for the dense plain assignment (huge needs ~1 GB and a minute)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time solve and the plain assignment this many times each and keep the "
                             "fastest (default 3; the machine's other work only ever adds time)")
    parser.add_argument("--quiet", action="store_true", help="print nothing (for tests)")
    args = parser.parse_args(argv)
    sizes = [s for s in args.sizes.split(",") if s]
    modes = [m for m in args.modes.split(",") if m]
    try:
        seeds = [int(seed) for seed in args.seeds.split(",") if seed]
    except ValueError:
        parser.error(f"--seeds: not a comma-separated list of integers: {args.seeds!r}")
    for size in sizes:
        if size not in SIZES:
            parser.error(f"unknown size {size!r}")
    for mode in modes:
        if mode not in MODES:
            parser.error(f"unknown mode {mode!r}")
    out = (lambda *a, **k: None) if args.quiet else print
    header = ("| size | rules | seed | seconds | cpu s | peak MB | matched | most possible "
              "| score gap vs exact | bound gap | LP gap | private share % (min) "
              "| refund used / budget DKK | feasible | plain LSA s | × plain | exact s "
              "| × faster than exact |")
    out(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average at start {os.getloadavg()[0]:.1f}")
    out(header)
    out("|" + "---|" * (header.count("|") - 1))
    failures = 0
    for size in sizes:
        for mode in modes:
            for seed in seeds:
                line, feasible = _row(size, mode, seed, args)
                failures += not feasible
                out(line)
                sys.stdout.flush()
    return 1 if failures else 0


def _row(size: str, mode: str, seed: int, args) -> tuple[str, bool]:
    """Measure one instance every way asked for: (its table row, whether the result was feasible)."""
    row = _in_child(measure_solve, size, mode, seed, args.repeat)
    plain = None
    if not args.no_plain and size in args.plain_sizes.split(","):
        plain = _in_child(measure_plain, size, mode, seed, args.repeat)
    exact = None
    tried = not args.no_exact and size in args.exact_sizes.split(",")
    if tried:
        exact = _in_child(measure_exact, size, mode, seed, args.exact_limit,
                          timeout=1.5 * args.exact_limit + 30)
    relaxed = None
    if not args.no_lp and size in args.lp_sizes.split(","):
        relaxed = _in_child(measure_relaxation, size, mode, seed, row["matched"])
    proven = exact is not None and exact["status"] == "optimal" and exact["seconds"] <= args.exact_limit
    score_gap = ((exact["objective"] - row["objective"]) / exact["objective"] * 100
                 if proven and exact["objective"] else None)
    if proven:
        most = f"{exact['matched']} (MILP)"
    elif relaxed is not None:
        most = f"≤ {relaxed['max_matched']} (LP)"
    else:
        most = f"not in {args.exact_limit:.0f} s" if tried else "–"
    lp_gap = None
    if relaxed is not None and relaxed["score_bound"]:
        lp_gap = max(relaxed["score_bound"] - row["objective"], 0.0) / relaxed["score_bound"] * 100
    cells = [
        f"{SIZES[size][0]:,}×{SIZES[size][1]:,}",
        mode,
        str(seed),
        f"{row['wall']:.2f}",
        f"{row['cpu']:.2f}",
        f"{row['peak_mb']:.0f}",
        str(row["matched"]),
        most,
        _fmt(score_gap, "{:.3f} %"),
        f"{row['gap'] * 100:.3f} %",
        _fmt(lp_gap, "{:.3f} %"),
        f"{row['share_after']:.1f} ({row['share_target']})",
        f"{row['refund'] / 100:,.0f} / " + ("∞" if row["budget"] >= 10**11 else f"{row['budget'] / 100:,.0f}"),
        "yes" if row["violations"] == 0 else f"NO: {row['first_violation']}",
        _fmt(plain and plain["seconds"]),
        _fmt(plain and row["wall"] / plain["seconds"], "{:.1f}"),
        _fmt(exact and exact["seconds"], "{:.1f}") if proven else "–",
        _fmt(exact["seconds"] / row["wall"] if proven else None, "{:.0f}×"),
    ]
    return "| " + " | ".join(cells) + " |", row["violations"] == 0


if __name__ == "__main__":
    sys.exit(main())
