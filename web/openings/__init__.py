"""Openings shared by every role: the form, shift rules, young-workers' warnings, saving, display.

Employers create and edit openings through these modules; consultants display and vet them
with the same helpers, so the rules and the wording cannot drift apart.
"""
