"""Command line: ``python -m matcher solve IN.json [-o OUT.json]``.

Invalid input prints the error on stderr and exits with status 2. Standard
output carries the result's JSON alone: whatever the libraries underneath
print while solving (HiGHS writes a diagnostic line of its own on some
knapsack moves) goes to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys

from .solve import solve


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (``sys.argv[1:]`` by default).

    Returns
    -------
    int
        0 on success, 2 on an unreadable or invalid instance.

    Examples
    --------
    >>> main(["solve", "/no/such/file.json"])
    2
    """
    parser = argparse.ArgumentParser(prog="python -m matcher", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("solve", help="solve an instance and write the result as JSON")
    run.add_argument("instance", help="instance JSON file (format 1)")
    run.add_argument("-o", "--output", help="write the result here instead of stdout")
    run.add_argument("--time-limit", type=float, default=None, help="seconds for the multiplier search")
    args = parser.parse_args(argv)
    try:
        with open(args.instance, encoding="utf-8") as handle:
            instance = json.load(handle)
        with _stdout_to_stderr():
            result = solve(instance, time_limit=args.time_limit)
    except (OSError, ValueError) as err:  # json.JSONDecodeError is a ValueError
        print(f"error: {err}", file=sys.stderr)
        return 2
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    else:
        print(text)
    return 0


@contextlib.contextmanager
def _stdout_to_stderr():
    """Send what is written to standard output, by Python or by compiled code, to stderr meanwhile."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


if __name__ == "__main__":
    sys.exit(main())
