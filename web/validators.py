"""Validation rules shared by forms and commands: CVR numbers, phone numbers, e-mail."""
import re

from email_validator import EmailNotValidError, validate_email

_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def is_valid_cvr(cvr: str) -> bool:
    """True when ``cvr`` is eight digits passing the modulus-11 check (first digit not 0)."""
    if not re.fullmatch(r"[1-9]\d{7}", cvr):
        return False
    return sum(int(digit) * weight for digit, weight in zip(cvr, _CVR_WEIGHTS)) % 11 == 0


def normalise_cvr(raw: str) -> str:
    """Strip the spaces and a leading "DK" people type around a CVR number."""
    cleaned = re.sub(r"[\s-]", "", raw or "").upper()
    return cleaned.removeprefix("DK")


def normalise_phone(raw: str) -> str | None:
    """A Danish mobile or landline number as ``+45XXXXXXXX``, or None when it is not one."""
    digits = re.sub(r"[\s\-()]", "", raw or "")
    if digits.startswith("+45"):
        digits = digits[3:]
    elif digits.startswith("0045"):
        digits = digits[4:]
    if re.fullmatch(r"[2-9]\d{7}", digits):
        return "+45" + digits
    return None


def normalise_email(raw: str | None) -> str | None:
    """The address in lower case, or None when it is not a valid e-mail address.

    Syntax only: deliverability would need DNS, which a form submit should not wait for.
    """
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        return validate_email(raw, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None
