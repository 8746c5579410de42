"""Fixed vocabularies shared by forms, templates and the matcher service.

Codes are what the database and the matcher store; labels are Danish msgids translated by
Flask-Babel (Danish is the source language of the interface).
"""
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_LABELS = {
    "mon": _l("mandag"),
    "tue": _l("tirsdag"),
    "wed": _l("onsdag"),
    "thu": _l("torsdag"),
    "fri": _l("fredag"),
    "sat": _l("lørdag"),
    "sun": _l("søndag"),
}

SECTORS = {
    "retail": _l("Butik og detailhandel"),
    "hospitality": _l("Café, restaurant og hotel"),
    "care": _l("Pleje og omsorg"),
    "childcare": _l("Børn og fritid"),
    "sport": _l("Sport og idræt"),
    "culture": _l("Kultur, bibliotek og museum"),
    "office": _l("Kontor og administration"),
    "it": _l("IT og medier"),
    "logistics": _l("Lager, logistik og transport"),
    "cleaning": _l("Rengøring og service"),
    "green": _l("Park, have og natur"),
    "trades": _l("Håndværk og byggeri"),
    "food": _l("Bageri og fødevarer"),
    "health": _l("Sundhed"),
}

# Vocational educations (erhvervsuddannelser) an apprenticeship can belong to; the ones
# marked short are trades the plan names as short of labour.
EDUCATIONS = {
    "electrician": _l("Elektriker"),
    "carpenter": _l("Tømrer"),
    "plumber": _l("VVS-energiuddannelsen"),
    "bricklayer": _l("Murer"),
    "painter": _l("Maler"),
    "mechanic": _l("Automekaniker"),
    "chef": _l("Kok"),
    "baker": _l("Bager"),
    "retail": _l("Detailhandelsuddannelsen"),
    "office": _l("Kontoruddannelsen"),
    "logistics": _l("Lager- og logistikuddannelsen"),
    "health_assistant": _l("Social- og sundhedsassistent"),
    "pedagogical_assistant": _l("Pædagogisk assistent"),
    "it_supporter": _l("IT-supporter"),
    "hairdresser": _l("Frisør"),
}
EDUCATIONS_SHORT_OF_LABOUR = frozenset(
    {"electrician", "carpenter", "plumber", "bricklayer", "mechanic", "health_assistant"}
)

LANGUAGES = {
    "da": _l("Dansk"),
    "en": _l("Engelsk"),
    "ar": _l("Arabisk"),
    "so": _l("Somali"),
    "ur": _l("Urdu"),
    "tr": _l("Tyrkisk"),
    "fa": _l("Persisk (farsi/dari)"),
    "ps": _l("Pashto"),
    "ku": _l("Kurdisk"),
    "ti": _l("Tigrinya"),
    "uk": _l("Ukrainsk"),
    "pl": _l("Polsk"),
}

LEGAL_CATEGORIES = {
    "general": _l("Almindeligt arbejde"),
    "shop_office": _l("Butik eller kontor"),
    "hotel_restaurant_cinema": _l("Hotel, restaurant eller biograf"),
    "bakery": _l("Bageri"),
    "newspaper": _l("Avisomdeling"),
}

EMPLOYER_KINDS = {
    "private": _l("Privat virksomhed (også socialøkonomisk)"),
    "municipal": _l("Kommunal arbejdsplads"),
    "public_other": _l("Anden offentlig arbejdsplads"),
}

PARTNER_TYPES = {
    "housing_social": _l("Boligsocial helhedsplan"),
    "ngo": _l("NGO / frivillig forening"),
    "social_economy": _l("Socialøkonomisk virksomhed"),
    "youth_club": _l("Klub / ungdomsklub"),
    "uu": _l("UU-København"),
    "other": _l("Andet"),
}

TRACKS = {
    "leisure": _l("Fritidsjob"),
    "apprenticeship": _l("Elev- eller læreplads"),
}

INTEREST_LEVELS = {1.0: _l("Meget interesseret"), 0.5: _l("Interesseret")}


def choices(vocabulary, *, blank=None) -> list[SelectChoice]:
    """WTForms choices from a vocabulary (a mapping or code/label pairs), in declared order.

    ``blank`` puts an empty first choice with that label ("Vælg …", "Alle").
    """
    pairs = vocabulary.items() if isinstance(vocabulary, dict) else vocabulary
    first = [SelectChoice("", blank)] if blank is not None else []
    return first + [SelectChoice(str(code), label) for code, label in pairs]
