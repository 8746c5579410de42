"""Jobbro's matching core: young people to leisure jobs and apprenticeships.

Pure functions over plain data (NumPy and SciPy only): no web framework,
database, task queue or environment. The exchange format is described in
``matcher-format.md``; `solve` reads an instance and returns a result,
`check_result` verifies one independently.

Examples
--------
>>> import matcher
>>> from matcher.generate import example_instance
>>> instance = example_instance()
>>> result = matcher.solve(instance)
>>> result["stats"]["matched"], matcher.check_result(instance, result)
(2, [])
"""

from .checks import check_result
from .costs import SCORE_WEIGHTS, refund_ore
from .dates import age_on, parse_date, parse_hhmm
from .eligibility import RULES
from .exact import relaxation_bounds, solve_exact
from .exceptions import InvalidInstanceError
from .generate import example_instance, random_instance
from .solve import solve
from .young_workers import (
    LEGAL_CATEGORIES,
    YOUNG_WORKER_RULES,
    YoungWorkerConflict,
    YoungWorkerGroup,
    YoungWorkerRules,
    rules_on,
    young_worker_conflicts,
)

__all__ = [
    "InvalidInstanceError",
    "LEGAL_CATEGORIES",
    "RULES",
    "SCORE_WEIGHTS",
    "YOUNG_WORKER_RULES",
    "YoungWorkerConflict",
    "YoungWorkerGroup",
    "YoungWorkerRules",
    "age_on",
    "check_result",
    "example_instance",
    "parse_date",
    "parse_hhmm",
    "random_instance",
    "refund_ore",
    "relaxation_bounds",
    "rules_on",
    "solve",
    "solve_exact",
    "young_worker_conflicts",
]
