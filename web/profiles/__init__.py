"""A young person's profile: the fields, their rules and how they are saved.

Used by both the young person's own step-by-step pages (web/youth) and the partner staff's
one-page registration (web/partner), so the same questions and rules live in one place.
Templates for the fields are in web/templates/profiles/.
"""
