"""A realistic Copenhagen demo: ``flask --app web seed-demo [--if-empty]``.

Everything is made from a seeded ``random.Random`` so every run gives the same people,
organisations and openings, and it is written in one transaction. All demo users share one
password, hashed once (scrypt per user would take most of the run).
"""
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import click
from sqlalchemy import select

from web.extensions import db
from web.models import (
    AvailabilityWindow,
    EmployerKind,
    Opening,
    OpeningStatus,
    Organisation,
    OrganisationKind,
    PartnerType,
    ProfileStatus,
    Programme,
    ReviewStatus,
    Role,
    Shift,
    User,
    YouthProfile,
)
from web.programmes import default_programme
from web.timeutil import now_utc, today
from web.validators import is_valid_cvr

DEMO_PASSWORD = "jobbro-demo"
DEMO_DOMAIN = "demo.jobbro.dk"
SEED = 2026

YOUTH_COUNT = 300
OPENING_COUNT = 80


def _m(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


# --- Organisations ----------------------------------------------------------------------
# (name, partner type, postcode, staff login, staff name, approved)
PARTNERS = (
    ("Boligsocial helhedsplan Mjølnerparken", PartnerType.HOUSING_SOCIAL, "2200",
     "partner", "Nadia Rahimi", True),
    ("Helhedsplan Tingbjerg-Husum", PartnerType.HOUSING_SOCIAL, "2700",
     "tingbjerg", "Jesper Holm", True),
    ("Boligsocial helhedsplan Urbanplanen", PartnerType.HOUSING_SOCIAL, "2300",
     "urbanplanen", "Khadra Ali", True),
    ("FRAK", PartnerType.NGO, "2400", "frak", "Mahmoud Saleh", True),
    ("Fisken", PartnerType.SOCIAL_ECONOMY, "2450", "fisken", "Line Bertelsen", True),
    ("Ungdomsklubben Bispebjerg", PartnerType.YOUTH_CLUB, "2400",
     "klub-bispebjerg", "Kasper Lund", True),
    ("UU-København", PartnerType.UU, "1550", "uu", "Hanne Vestergaard", True),
    # Waiting for a consultant, so the work list has something in it.
    ("Foreningen Lektiehjælp Sydhavn", PartnerType.NGO, "2450",
     "lektiehjaelp", "Ayse Kaya", False),
)

# (name, postcode, main sector, apprenticeship education or None, social economy)
PRIVATE_EMPLOYERS = (
    ("Netto Nørrebrogade", "2200", "retail", None, False),
    ("Føtex Amager Centret", "2300", "retail", "retail", False),
    ("REMA 1000 Tingbjerg", "2700", "retail", None, False),
    ("Lidl Valby Langgade", "2500", "retail", None, False),
    ("Matas Nørrebro", "2200", "retail", None, False),
    ("Normal Fisketorvet", "1560", "retail", None, False),
    ("Flying Tiger Copenhagen Strøget", "1160", "retail", None, False),
    ("Jysk Bispebjerg", "2400", "retail", None, False),
    ("Café Mellemrummet", "2200", "hospitality", None, True),
    ("Kaffebaren i Sydhavn", "2450", "hospitality", None, True),
    ("Pizzeria Bella Napoli Brønshøj", "2700", "hospitality", None, False),
    ("Burgerbaren Blågårds Plads", "2200", "hospitality", None, False),
    ("Restaurant Amagerbro Kro", "2300", "hospitality", "chef", False),
    ("Hotel Sønder Boulevard", "1720", "hospitality", None, False),
    ("Nørrebro Bio", "2200", "hospitality", None, False),
    ("Bageriet Brød & Co. Vesterbro", "1650", "food", "baker", False),
    ("Sydhavns Bageri", "2450", "food", None, False),
    ("Frokostkompagniet Sydhavn", "2450", "food", None, False),
    ("Brønshøj Bageri", "2700", "food", None, False),
    ("El-Service Nordvest ApS", "2400", "trades", "electrician", False),
    ("Tømrerfirmaet Amager ApS", "2300", "trades", "carpenter", False),
    ("VVS-Huset Brønshøj", "2700", "trades", "plumber", False),
    ("Malerfirmaet Farve & Fuge", "2500", "trades", "painter", False),
    ("Murerfirmaet Valby ApS", "2500", "trades", "bricklayer", False),
    ("Vesterbro Autoværksted", "1700", "trades", "mechanic", False),
    ("Nordhavn Logistik ApS", "2150", "logistics", "logistics", False),
    ("IT-Hjælpen Bispebjerg", "2400", "it", "it_supporter", False),
    ("Fitnesscenter Amager Strand", "2300", "sport", None, False),
    ("Grønne Gårde Anlægsgartner ApS", "2720", "green", None, False),
    ("Rent & Pænt Rengøring ApS", "2450", "cleaning", None, True),
)

MUNICIPAL_EMPLOYERS = (
    ("Plejecenter Sølund", "2200", "care", "health_assistant", False),
    ("Plejecenter Tingbjerghjemmet", "2700", "care", None, False),
    ("Plejecenter Sundparken", "2300", "care", "health_assistant", False),
    ("Plejehjemmet Bispebjerg Bakke", "2400", "care", None, False),
    ("Hjemmeplejen Nørrebro", "2200", "care", None, False),
    ("Københavns Biblioteker – Tingbjerg", "2700", "culture", None, False),
    ("Københavns Biblioteker – Nørrebro", "2200", "culture", None, False),
    ("Københavns Biblioteker – Bibliotekshuset", "2400", "culture", None, False),
    ("Københavns Biblioteker – Valby", "2500", "culture", None, False),
    ("Københavns Biblioteker – Sydhavn", "2450", "culture", None, False),
    ("Nørrebrohallen", "2200", "sport", None, False),
    ("Bellahøj Svømmestadion", "2700", "sport", None, False),
    ("Sundby Idrætspark", "2300", "sport", None, False),
    ("Valby Idrætspark", "2500", "sport", None, False),
    ("Fritidscenter Tingbjerg", "2700", "childcare", None, False),
    ("Fritidshjemmet Rådmandsgade", "2200", "childcare", None, False),
    ("Børnehuset Lundtoftegade", "2200", "childcare", "pedagogical_assistant", False),
    ("Vuggestuen Sydhavnen", "2450", "childcare", "pedagogical_assistant", False),
    ("Børnehaven Bispebjerg", "2400", "childcare", None, False),
    ("Park og Natur – Fælledparken", "2100", "green", None, False),
    ("Park og Natur – Amager Fælled", "2300", "green", None, False),
    ("Bispebjerg Kirkegård", "2400", "green", None, False),
    ("Assistens Kirkegård", "2200", "green", None, False),
    ("Kulturhuset Islands Brygge", "2300", "culture", None, False),
    ("Valby Kulturhus", "2500", "culture", None, False),
    ("Borgerservice København – Rådhuset", "1550", "office", "office", False),
    ("Sundhedshuset Nørrebro", "2200", "health", None, False),
    ("Kantinen på Københavns Rådhus", "1550", "food", None, False),
    ("Københavns Ejendomme – Driftscenter Valby", "2500", "cleaning", None, False),
    ("Ungdomsskolen – Klub Bispebjerg", "2400", "childcare", None, False),
)

OTHER_PUBLIC_EMPLOYERS = (
    ("Rigshospitalet", "2100", "health", "health_assistant", False),
    ("Bispebjerg Hospital", "2400", "health", None, False),
    ("Hvidovre Hospital", "2650", "health", None, False),
    ("Amager Hospital", "2300", "health", None, False),
    ("Herlev Hospital", "2730", "health", None, False),
    ("Gentofte Hospital", "2900", "health", None, False),
    ("Psykiatrisk Center København", "2400", "health", None, False),
    ("Region Hovedstadens Apotek", "2730", "health", None, False),
    ("Statens Serum Institut", "2300", "health", None, False),
    ("Københavns Universitet – Søndre Campus", "2300", "office", "office", False),
    ("Københavns Professionshøjskole", "2200", "office", None, False),
    ("KEA – Københavns Erhvervsakademi", "2200", "it", "it_supporter", False),
    ("TEC – Teknisk Erhvervsskole Center", "2650", "trades", None, False),
    ("NEXT Uddannelse København", "2400", "office", None, False),
    ("Det Kgl. Bibliotek", "1219", "culture", None, False),
    ("Nationalmuseet", "1220", "culture", None, False),
    ("Statens Museum for Kunst", "1307", "culture", None, False),
    ("Det Kgl. Teater", "1050", "culture", None, False),
    ("Cinemateket", "1123", "culture", None, False),
    ("Rigsarkivet", "1218", "office", None, False),
    ("Danmarks Statistik", "2100", "office", None, False),
    ("Danmarks Nationalbank", "1093", "office", None, False),
    ("DR Byen", "2300", "it", None, False),
    ("DSB – København H", "1570", "logistics", None, False),
    ("Metroselskabet", "2300", "logistics", None, False),
    ("Banedanmark – Sporvedligehold", "2500", "trades", "electrician", False),
    ("Hovedstadens Beredskab", "2400", "office", None, False),
    ("Naturstyrelsen Hovedstaden", "2800", "green", None, False),
    ("Botanisk Have", "1350", "green", None, False),
    ("Forsvarets Kantine Kastellet", "2100", "food", None, False),
)

# Sign-ups still waiting for a consultant (not counted among the 30 of each kind).
PENDING_EMPLOYERS = (
    ("Shawarma Corner Nørrebrogade", EmployerKind.PRIVATE, "2200", "hospitality"),
    ("Plejecenter Tingbjerg Vest", EmployerKind.MUNICIPAL, "2700", "care"),
)

EMPLOYERS = {
    EmployerKind.PRIVATE: PRIVATE_EMPLOYERS,
    EmployerKind.MUNICIPAL: MUNICIPAL_EMPLOYERS,
    EmployerKind.PUBLIC_OTHER: OTHER_PUBLIC_EMPLOYERS,
}
# The first employer of each kind gets an easy login, printed after seeding.
EMPLOYER_LOGINS = {
    EmployerKind.PRIVATE: "privat",
    EmployerKind.MUNICIPAL: "kommune",
    EmployerKind.PUBLIC_OTHER: "offentlig",
}

# --- Openings ---------------------------------------------------------------------------
# Shift patterns. Those for 15-year-olds keep to the strictest young-workers' group (still in
# school): 06:00-20:00, at most 2 hours on a school day, 8 on a weekend day, 12 a week.
SCHOOL_SAFE_PATTERNS = {
    "afternoons": lambda rng: _two_weekdays(rng, rng.choice(["15:00", "15:30", "16:00", "17:00"]))
    + ([(5, _m("10:00"), _m("14:00"))] if rng.random() < 0.4 else []),
    "early_evening": lambda rng: _two_weekdays(rng, rng.choice(["17:30", "18:00"])),
    "weekend": lambda rng: _weekend(rng),
    "weekend_afternoon": lambda rng: [(5, _m("13:00"), _m("19:00")), (6, _m("14:00"), _m("19:30"))],
    "saturday_morning": lambda rng: [(5, _m("08:00"), _m("13:00"))]
    + ([(2, _m("16:00"), _m("18:00"))] if rng.random() < 0.5 else []),
    "bakery_morning": lambda rng: [(5, _m("06:00"), _m("12:00")), (6, _m("07:00"), _m("12:00"))],
}
ADULT_PATTERNS = {
    "late": lambda rng: [(4, _m("18:00"), _m("23:00")), (5, _m("18:00"), 24 * 60)],
}


def _two_weekdays(rng: random.Random, start: str) -> list[tuple[int, int, int]]:
    days = sorted(rng.sample(range(5), 2))
    begin = _m(start)
    return [(day, begin, begin + 120) for day in days]


def _weekend(rng: random.Random) -> list[tuple[int, int, int]]:
    start = _m(rng.choice(["09:00", "10:00", "11:00"]))
    shifts = [(5, start, start + rng.choice([240, 300, 360]))]
    if rng.random() < 0.5:
        shifts.append((6, start, start + 240))
    return shifts


def _full_time(start: str, end: str, *, days=range(5), friday_end: str | None = None):
    shifts = []
    for day in days:
        stop = friday_end if (day == 4 and friday_end) else end
        shifts.append((day, _m(start), _m(stop)))
    return shifts


@dataclass(frozen=True)
class LeisureJob:
    title: str
    legal_category: str
    min_age: int
    serves_alcohol: bool
    wage_kr: tuple[int, int]
    pattern: str
    description: str


LEISURE_JOBS = {
    "retail": (
        LeisureJob("Butiksmedhjælper", "shop_office", 15, False, (75, 95), "afternoons",
                   "Du fylder varer op, holder butikken pæn og hjælper kunderne med at finde "
                   "det, de leder efter."),
        LeisureJob("Medhjælper i varemodtagelsen", "shop_office", 15, False, (75, 90),
                   "saturday_morning",
                   "Du tager imod varer, sorterer flasker og holder lageret ryddeligt."),
        LeisureJob("Kassemedarbejder", "shop_office", 16, False, (85, 110), "weekend",
                   "Du sidder i kassen, hjælper kunderne og fylder op, når der er roligt."),
    ),
    "hospitality": (
        LeisureJob("Café-medhjælper", "hotel_restaurant_cinema", 15, False, (80, 105), "weekend",
                   "Du laver kaffe, tager imod bestillinger og holder caféen ren og pæn."),
        LeisureJob("Opvasker", "hotel_restaurant_cinema", 15, False, (85, 110), "early_evening",
                   "Du tager opvasken og hjælper kokkene med at gøre klar til aftenen."),
        LeisureJob("Tjener i weekenden", "hotel_restaurant_cinema", 18, True, (110, 130), "late",
                   "Du serverer mad og drikke for gæsterne fredag og lørdag aften."),
        LeisureJob("Biografmedarbejder", "hotel_restaurant_cinema", 15, False, (85, 105),
                   "weekend_afternoon",
                   "Du river billetter, sælger popcorn og gør salen klar mellem filmene."),
    ),
    "care": (
        LeisureJob("Hyggeven på plejecenter", "general", 15, False, (85, 110), "afternoons",
                   "Du drikker eftermiddagskaffe med beboerne, går ture og spiller spil."),
        LeisureJob("Køkkenmedhjælper", "general", 15, False, (85, 105), "weekend",
                   "Du hjælper i køkkenet med at anrette maden og tage opvasken."),
    ),
    "childcare": (
        LeisureJob("Medhjælper i fritidsklub", "general", 16, False, (85, 110), "afternoons",
                   "Du spiller spil, laver mad og finder på aktiviteter sammen med børnene."),
        LeisureJob("Lektiecafé-hjælper", "general", 16, False, (90, 115), "early_evening",
                   "Du hjælper børn i 4.-7. klasse med lektier i dansk og matematik."),
    ),
    "sport": (
        LeisureJob("Hjælpetræner", "general", 15, False, (80, 100), "early_evening",
                   "Du hjælper træneren med opvarmning og øvelser for de yngste hold."),
        LeisureJob("Medhjælper i svømmehal", "general", 16, False, (90, 110), "weekend",
                   "Du hjælper i receptionen, rydder op i omklædningen og holder øje med "
                   "udstyret."),
    ),
    "culture": (
        LeisureJob("Biblioteksmedhjælper", "general", 15, False, (80, 100), "afternoons",
                   "Du sætter bøger på plads, hjælper i børneafdelingen og gør klar til "
                   "arrangementer."),
        LeisureJob("Museumsvært", "general", 16, False, (95, 120), "weekend",
                   "Du byder gæsterne velkommen, tjekker billetter og svarer på spørgsmål."),
    ),
    "office": (
        LeisureJob("Kontormedhjælper", "shop_office", 15, False, (85, 110), "afternoons",
                   "Du scanner, arkiverer og pakker post sammen med en fast kollega."),
    ),
    "it": (
        LeisureJob("IT-hjælper", "general", 15, False, (90, 120), "afternoons",
                   "Du sætter computere op, skifter kabler og hjælper kolleger med enkle "
                   "IT-spørgsmål."),
    ),
    "logistics": (
        LeisureJob("Lagermedhjælper", "general", 16, False, (95, 125), "saturday_morning",
                   "Du pakker ordrer, scanner varer og holder orden på lageret."),
    ),
    "cleaning": (
        LeisureJob("Rengøringsmedhjælper", "general", 15, False, (90, 115), "early_evening",
                   "Du gør rent efter lukketid sammen med en fast kollega."),
    ),
    "green": (
        LeisureJob("Parkmedhjælper", "general", 15, False, (85, 110), "saturday_morning",
                   "Du rydder op, luger bede og hjælper gartnerne udendørs."),
    ),
    "trades": (
        LeisureJob("Værkstedsmedhjælper", "general", 16, False, (90, 120), "saturday_morning",
                   "Du rydder op på værkstedet, henter materialer og hjælper svendene."),
    ),
    "food": (
        LeisureJob("Bagerimedhjælper", "bakery", 15, False, (80, 100), "bakery_morning",
                   "Du hjælper med bagningen, fylder disken op og ekspederer kunder."),
        LeisureJob("Kantinemedhjælper", "general", 15, False, (85, 105), "weekend",
                   "Du anretter mad, fylder salatbaren op og tager opvasken."),
    ),
    "health": (
        LeisureJob("Servicemedhjælper på hospital", "general", 16, False, (95, 125), "weekend",
                   "Du kører mad ud til afdelingerne, fylder depoter op og hjælper portørerne."),
        LeisureJob("Hyggeven på sengeafsnit", "general", 16, False, (95, 115), "afternoons",
                   "Du læser højt, spiller spil og går ture med patienter, der er indlagt "
                   "længe."),
    ),
}

# education -> (title, sector or None for the employer's, legal category, shifts, wage kr.)
APPRENTICESHIPS = {
    "electrician": ("Elektrikerlærling", "trades", "general",
                    _full_time("07:00", "15:00", friday_end="13:30"), (65, 90)),
    "carpenter": ("Tømrerlærling", "trades", "general",
                  _full_time("07:00", "15:00", friday_end="13:30"), (65, 90)),
    "plumber": ("VVS-lærling", "trades", "general",
                _full_time("07:00", "15:00", friday_end="13:30"), (65, 88)),
    "bricklayer": ("Murerlærling", "trades", "general",
                   _full_time("07:00", "15:00", friday_end="13:00"), (65, 90)),
    "painter": ("Malerlærling", "trades", "general",
                _full_time("07:00", "15:00", friday_end="13:30"), (62, 85)),
    "mechanic": ("Automekanikerlærling", "trades", "general",
                 _full_time("07:30", "15:30", friday_end="14:00"), (62, 85)),
    "chef": ("Kokkeelev", "hospitality", "hotel_restaurant_cinema",
             _full_time("11:00", "19:00", days=(1, 2, 3, 4, 5)), (62, 82)),
    "baker": ("Bagerelev", "food", "bakery", _full_time("05:00", "13:00"), (60, 80)),
    "retail": ("Detailelev", "retail", "shop_office",
               _full_time("09:00", "17:00", days=(0, 1, 3, 4)) + [(5, _m("09:00"), _m("15:00"))],
               (60, 78)),
    "office": ("Kontorelev", "office", "shop_office",
               _full_time("08:00", "15:30", friday_end="14:00"), (62, 80)),
    "logistics": ("Lager- og logistikelev", "logistics", "general",
                  _full_time("07:00", "15:00", friday_end="14:00"), (62, 82)),
    "health_assistant": ("Social- og sundhedsassistentelev", None, "general",
                         _full_time("07:00", "15:00"), (70, 90)),
    "pedagogical_assistant": ("Pædagogisk assistentelev", "childcare", "general",
                              _full_time("07:30", "15:30"), (65, 85)),
    "it_supporter": ("IT-supporterelev", "it", "general",
                     _full_time("08:00", "16:00", friday_end="14:00"), (62, 82)),
}
APPRENTICESHIP_DESCRIPTIONS = {
    "electrician": "Du lærer faget på byggepladser og i boliger sammen med en fast svend.",
    "carpenter": "Du er med til at bygge tage, lægge gulve og sætte vinduer i.",
    "plumber": "Du lærer at installere vand, varme og sanitet i nye og gamle boliger.",
    "bricklayer": "Du murer, pudser og lægger fliser sammen med erfarne murere.",
    "painter": "Du lærer at male, spartle og tapetsere i lejligheder og på kontorer.",
    "mechanic": "Du laver service og reparationer på biler sammen med en mekaniker.",
    "chef": "Du lærer at lave mad fra bunden i et travlt køkken.",
    "baker": "Du bager brød og kager fra tidlig morgen og lærer alle bagerens teknikker.",
    "retail": "Du lærer at drive en butik: varer, kunder, kasse og udstilling.",
    "office": "Du lærer sagsbehandling, service ved skranken og det digitale kontorarbejde.",
    "logistics": "Du lærer at modtage, pakke og sende varer og at køre truck.",
    "health_assistant": "Du lærer pleje og omsorg sammen med erfarne kolleger og en fast vejleder.",
    "pedagogical_assistant": "Du lærer at skabe gode dage for børn sammen med pædagogerne.",
    "it_supporter": "Du lærer at sætte computere og netværk op og at hjælpe brugerne.",
}

# --- Young people -----------------------------------------------------------------------
# origin -> (weight, male first names, female first names, last names, languages, newly arrived
# share). Languages: (always, sometimes).
ORIGINS = {
    "danish": (34,
               "Mads Frederik Oliver William Noah Lucas Emil Magnus Malthe Victor Oscar Carl "
               "Alfred Mikkel Rasmus Jonas Sebastian Mathias Tobias Anton",
               "Emma Ida Freja Clara Sofie Laura Anna Ella Alma Karla Josefine Mathilde "
               "Caroline Nanna Cecilie Signe Julie Maja Olivia Astrid",
               "Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
               "Jørgensen Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller "
               "Mortensen Holm",
               (("da",), ("en",)), 0.0),
    "arabic": (18,
               "Mohammed Ahmad Ali Omar Youssef Khaled Hamza Ibrahim Mahmoud Bilal Adam Karim "
               "Tariq Samir Zakaria Hussein",
               "Fatima Aya Sara Mariam Nour Leila Yasmin Hiba Rania Salma Amal Zainab Malak Dalia",
               "Abdallah El-Khatib Mansour Haddad Saleh Khalil Nasser Al-Masri Hamdan Yousef "
               "Ibrahim Darwish Othman Awad Hassan",
               (("da", "ar"), ("en",)), 0.15),
    "somali": (10,
               "Abdirahman Mohamed Abdullahi Liban Hassan Abdi Mustafe Farah Yasin Idris",
               "Amina Hodan Ifrah Sahra Hibo Nasra Ayan Ikran Fadumo Ubah",
               "Warsame Farah Ahmed Ali Mohamud Abdi Osman Hersi Jama Yusuf Aden Nur",
               (("da", "so"), ("en", "ar")), 0.0),
    "turkish": (8,
                "Emre Mehmet Burak Yusuf Can Kerem Mert Ahmet Enes Baran",
                "Elif Zeynep Merve Ayşe Esra Büşra Derya Selin Melek Ceren",
                "Yılmaz Demir Kaya Şahin Çelik Öztürk Aydın Arslan Doğan Koç",
                (("da", "tr"), ("en",)), 0.0),
    "pakistani": (8,
                  "Usman Bilal Hamza Zain Ayaan Ahmed Faisal Imran Rayan Danyal",
                  "Ayesha Hira Sana Mehwish Zara Iqra Alina Noor Maham Anum",
                  "Khan Butt Chaudhry Malik Iqbal Rana Qureshi Mirza Sheikh Raza",
                  (("da", "ur"), ("en",)), 0.0),
    "afghan": (6,
               "Ahmad Mustafa Sohrab Farhad Jawad Elyas Hamid Nawid Sami Rahim",
               "Mursal Parwana Shabnam Zahra Nilofar Marwa Fereshta Laila Sadaf Mahsa",
               "Ahmadi Rahimi Hakimi Karimi Noori Sultani Azizi Haidari Stanekzai Popal",
               (("fa",), ("da", "ps", "en")), 0.35),
    "ukrainian": (6,
                  "Oleksandr Maksym Artem Dmytro Bohdan Andrii Mykyta Taras Yurii Denys",
                  "Anastasiia Sofiia Daryna Kateryna Yuliia Viktoriia Polina Oleksandra Iryna "
                  "Mariia",
                  "Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Oliinyk Moroz "
                  "Lysenko Koval",
                  (("uk", "en"), ("da", "pl")), 0.85),
    "kurdish": (3,
                "Rebin Aram Karwan Hiwa Shivan Serhat Azad Dlovan",
                "Ronahi Hevin Berfin Rojda Delal Avin Nazdar Shilan",
                "Rashid Amin Qadir Tahir Mahmoud Hussein Abdullah Sharif",
                (("da", "ku"), ("tr", "ar", "en")), 0.1),
    "eritrean": (3,
                 "Yonas Daniel Filmon Samuel Mewael Robel Henok Biniam",
                 "Helen Senait Selam Luwam Rahel Feven Winta Saba",
                 "Tesfay Ghebremedhin Berhane Haile Tekle Kidane Woldu Mehari",
                 (("ti",), ("da", "en", "ar")), 0.5),
    "iranian": (2,
                "Arman Kian Dariush Reza Amir Parsa",
                "Shirin Parisa Yasaman Niloufar Setareh Ava",
                "Hosseini Mohammadi Rezaei Tehrani Moradi Jafari",
                (("da", "fa"), ("en",)), 0.0),
    "polish": (2,
               "Jakub Kacper Szymon Filip Mateusz",
               "Zuzanna Julia Maja Lena Natalia",
               "Nowak Wójcik Kowalczyk Kaczmarek Mazur",
               (("da", "pl"), ("en",)), 0.0),
}

# Where the young people live: Nørrebro, Bispebjerg, Amager, Sydhavn, Brønshøj-Husum, Valby...
YOUTH_POSTCODES = {
    "2200": 24, "2400": 20, "2300": 14, "2450": 10, "2700": 12, "2500": 9, "2720": 2,
    "2100": 2, "1700": 2, "2000": 1, "2650": 2, "2610": 1, "2770": 1,
}
HOUSING_AREA_SHARE = {"2200": 0.55, "2400": 0.5, "2700": 0.6, "2450": 0.45, "2300": 0.4,
                      "2500": 0.3, "2650": 0.3, "2610": 0.3}
AGE_WEIGHTS = {15: 16, 16: 18, 17: 16, 18: 13, 19: 11, 20: 8, 21: 6, 22: 5, 23: 4, 24: 3}
INTEREST_WEIGHTS = {
    "retail": 14, "hospitality": 12, "sport": 11, "childcare": 9, "culture": 7, "it": 9,
    "care": 6, "office": 5, "logistics": 5, "green": 4, "trades": 6, "food": 6,
    "health": 5, "cleaning": 2,
}
EDUCATION_WEIGHTS = {
    "electrician": 8, "carpenter": 6, "plumber": 4, "bricklayer": 3, "painter": 3,
    "mechanic": 5, "chef": 4, "baker": 3, "retail": 6, "office": 5, "logistics": 4,
    "health_assistant": 8, "pedagogical_assistant": 6, "it_supporter": 6, "hairdresser": 2,
}
# (how consent was given, the partner's note)
CONSENT_NOTES = (
    ("verbal", "Samtykke givet ved samtale på kontoret; forælder var med."),
    ("verbal", "Samtykke givet mundtligt ved mødet i klubben og bekræftet på sms."),
    ("written", "Underskrevet samtykkeerklæring ligger i vores arkiv."),
    ("written", "Samtykke givet ved hjemmebesøg sammen med forælder."),
)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    login: str
    who: str


class _Seeder:
    def __init__(self, password_hash: str):
        self.rng = random.Random(SEED)
        self.password_hash = password_hash
        self.today = today()
        self.now = now_utc()
        self.logins: list[DemoLogin] = []
        self.used_emails: set[str] = set()
        self.used_phones: set[str] = set()
        self.used_cvrs: set[str] = set()

    # -- helpers ------------------------------------------------------------------------
    def email(self, local: str, separator: str = ".") -> str:
        base = slug(local, separator)
        candidate, n = f"{base}@{DEMO_DOMAIN}", 1
        while candidate in self.used_emails:
            n += 1
            candidate = f"{base}{n}@{DEMO_DOMAIN}"
        self.used_emails.add(candidate)
        return candidate

    def phone(self, first_digits: str = "") -> str:
        while True:
            digits = first_digits + "".join(
                str(self.rng.randrange(10)) for _ in range(8 - len(first_digits))
            )
            if digits[0] in "23456789" and digits not in self.used_phones:
                self.used_phones.add(digits)
                return "+45" + digits

    def cvr(self) -> str:
        weights = (2, 7, 6, 5, 4, 3, 2)
        while True:
            head = [self.rng.randint(1, 4)] + [self.rng.randrange(10) for _ in range(6)]
            check = (-sum(d * w for d, w in zip(head, weights))) % 11
            if check == 10:
                continue
            cvr = "".join(map(str, head)) + str(check)
            if cvr not in self.used_cvrs and is_valid_cvr(cvr):
                self.used_cvrs.add(cvr)
                return cvr

    def days_ago(self, low: int, high: int):
        days, minutes = self.rng.randint(low, high), self.rng.randint(0, 600)
        return self.now - timedelta(days=days, minutes=minutes)

    def user(self, role: str, email: str | None, name: str, *, phone: str | None = None,
             organisation: Organisation | None = None, created_days: int = 120) -> User:
        created = self.days_ago(1, created_days)
        user = User(role=role, email=email, phone=phone, name=name, organisation=organisation,
                    password_hash=self.password_hash, created_at=created)
        db.session.add(user)
        return user

    def wage_ore(self, kr: tuple[int, int]) -> int:
        return self.rng.randrange(kr[0] * 100, kr[1] * 100 + 1, 50)

    # -- the demo -----------------------------------------------------------------------
    def run(self) -> list[DemoLogin]:
        self.seed_programme()
        self.seed_staff()
        self.seed_partners()
        self.seed_employers()
        self.seed_openings()
        self.seed_youth()
        return self.logins

    def seed_programme(self) -> None:
        year = self.today.year
        if db.session.scalar(select(Programme).where(Programme.year == year)) is None:
            db.session.add(default_programme(year))

    def seed_staff(self) -> None:
        admin = self.user(Role.ADMIN, self.email("admin"), "Mette Lindholm", created_days=200)
        self.consultant = self.user(Role.CONSULTANT, self.email("konsulent"), "Sara Nielsen",
                                    created_days=200)
        self.user(Role.CONSULTANT, self.email("konsulent2"), "Bilal Khan", created_days=200)
        db.session.flush()  # ids for reviewed_by
        self.logins += [
            DemoLogin(Role.ADMIN, admin.email, admin.name),
            DemoLogin(Role.CONSULTANT, self.consultant.email, self.consultant.name),
        ]

    def approve(self, record, created) -> None:
        """Mark an organisation, opening or profile as vetted by the demo consultant."""
        record.reviewed_at = created + timedelta(days=self.rng.randint(1, 4))
        record.reviewed_by_id = self.consultant.id

    def seed_partners(self) -> None:
        self.partners: list[tuple[Organisation, User]] = []
        for name, partner_type, postcode, login, staff, approved in PARTNERS:
            created = self.days_ago(100, 180)
            organisation = Organisation(
                kind=OrganisationKind.PARTNER, name=name, partner_type=partner_type,
                postcode=postcode, contact_phone=self.phone("3"), created_at=created,
                status=ReviewStatus.PENDING,
            )
            if approved:
                organisation.status = ReviewStatus.APPROVED
                self.approve(organisation, created)
            db.session.add(organisation)
            user = self.user(Role.PARTNER, self.email(login), staff, organisation=organisation,
                             created_days=180)
            if approved:
                self.partners.append((organisation, user))
            if login == "partner":
                self.logins.append(DemoLogin(Role.PARTNER, user.email, f"{staff}, {name}"))
        db.session.flush()  # staff ids for the profiles they register

    def seed_employers(self) -> None:
        self.employers: dict[str, list[tuple[Organisation, tuple]]] = {}
        for kind, rows in EMPLOYERS.items():
            self.employers[kind] = []
            for index, row in enumerate(rows):
                name, postcode, sector, _education, social_economy = row
                organisation = self.employer(name, kind, postcode, social_economy)
                organisation.status = ReviewStatus.APPROVED
                self.approve(organisation, organisation.created_at)
                login = EMPLOYER_LOGINS[kind] if index == 0 else name
                user = self.user(Role.EMPLOYER, self.email(login, "-"), self.staff_name(),
                                 organisation=organisation, created_days=150)
                if index == 0:
                    self.logins.append(DemoLogin(Role.EMPLOYER, user.email, f"{name} ({kind})"))
                self.employers[kind].append((organisation, row))
        for name, kind, postcode, _sector in PENDING_EMPLOYERS:
            organisation = self.employer(name, kind, postcode, False)
            organisation.created_at = self.days_ago(0, 3)
            self.user(Role.EMPLOYER, self.email(name, "-"), self.staff_name(),
                      organisation=organisation, created_days=3)

    def employer(self, name: str, kind: str, postcode: str, social_economy: bool) -> Organisation:
        organisation = Organisation(
            kind=OrganisationKind.EMPLOYER, name=name, cvr=self.cvr(), employer_kind=kind,
            social_economy=social_economy, postcode=postcode, contact_phone=self.phone("3"),
            created_at=self.days_ago(40, 160), status=ReviewStatus.PENDING,
        )
        db.session.add(organisation)
        return organisation

    def staff_name(self) -> str:
        origin = self.pick_origin()
        _, males, females, lasts, _, _ = ORIGINS[origin]
        first = self.rng.choice((males if self.rng.random() < 0.5 else females).split())
        return f"{first} {self.rng.choice(lasts.split())}"

    def seed_openings(self) -> None:
        rng = self.rng
        openings: list[Opening] = []
        # Apprenticeships: one at each employer that trains apprentices.
        for kind in EMPLOYERS:
            for organisation, (_, _, sector, education, _) in self.employers[kind]:
                if education:
                    openings.append(self.apprenticeship(organisation, sector, education))
        # Leisure jobs: private employers outside the trades (a second one at the biggest),
        # 18 municipal and 12 other public workplaces.
        private = [pair for pair in self.employers[EmployerKind.PRIVATE]
                   if pair[1][2] != "trades"]
        leisure_hosts = private + private[:30 - len(private)]
        leisure_hosts += rng.sample(self.employers[EmployerKind.MUNICIPAL], 18)
        leisure_hosts += rng.sample(self.employers[EmployerKind.PUBLIC_OTHER], 12)
        refunds = 0
        used_titles: set[tuple[int, str]] = set()
        for organisation, (_, _, sector, _, _) in leisure_hosts:
            jobs = [job for job in LEISURE_JOBS[sector]
                    if (id(organisation), job.title) not in used_titles]
            job = rng.choice(jobs)
            used_titles.add((id(organisation), job.title))
            refund = (organisation.employer_kind == EmployerKind.MUNICIPAL and refunds < 12)
            refunds += refund
            openings.append(self.leisure(organisation, sector, job, refund))
        if len(openings) != OPENING_COUNT:  # the employer tables above decide the count
            raise RuntimeError(f"demo has {len(openings)} openings, not {OPENING_COUNT}")
        # A few wait for vetting, two are paused by their employer; the rest are open.
        order = list(range(len(openings)))
        rng.shuffle(order)
        for position, index in enumerate(order):
            opening = openings[index]
            if position < 6:
                opening.status = OpeningStatus.PENDING
                continue
            opening.status = OpeningStatus.PAUSED if position < 8 else OpeningStatus.OPEN
            self.approve(opening, opening.created_at)
        db.session.add_all(openings)

    def opening(self, organisation: Organisation, **fields) -> Opening:
        created = self.days_ago(2, 40)
        return Opening(
            employer=organisation, postcode=organisation.postcode, created_at=created,
            updated_at=created, start_date=self.today + timedelta(days=self.rng.randint(10, 60)),
            **fields,
        )

    def leisure(self, organisation, sector: str, job: LeisureJob, refund: bool) -> Opening:
        rng = self.rng
        patterns = ADULT_PATTERNS if job.min_age >= 18 else SCHOOL_SAFE_PATTERNS
        shifts = patterns[job.pattern](rng)
        languages = ["da"] if rng.random() < 0.25 else []
        if organisation.name in ("Hjemmeplejen Nørrebro", "Plejecenter Tingbjerghjemmet"):
            languages = ["da", "ar"]
        elif organisation.name == "Sundhedshuset Nørrebro":
            languages = ["da", "so"]
        opening = self.opening(
            organisation, track="leisure", title=job.title, sector=sector,
            description=job.description, seats=rng.choice([1, 1, 1, 2, 2, 3]),
            weeks=rng.choice([12, 16, 20, 22, 22, 26]), hourly_wage_ore=self.wage_ore(job.wage_kr),
            min_age=job.min_age, required_languages=languages,
            legal_category=job.legal_category, serves_alcohol=job.serves_alcohol,
            refund_requested=refund,
        )
        opening.shifts = [Shift(day_index=d, start_minute=s, end_minute=e) for d, s, e in shifts]
        return opening

    def apprenticeship(self, organisation, sector: str, education: str) -> Opening:
        title, own_sector, legal_category, shifts, wage = APPRENTICESHIPS[education]
        opening = self.opening(
            organisation, track="apprenticeship", title=title, sector=own_sector or sector,
            description=APPRENTICESHIP_DESCRIPTIONS[education],
            seats=self.rng.choice([1, 1, 1, 2]), weeks=self.rng.choice([104, 156, 182]),
            hourly_wage_ore=self.wage_ore(wage), min_age=self.rng.choice([16, 16, 16, 17]),
            required_languages=["da"], legal_category=legal_category, serves_alcohol=False,
            education=education,
        )
        opening.shifts = [Shift(day_index=d, start_minute=s, end_minute=e) for d, s, e in shifts]
        return opening

    # -- young people --------------------------------------------------------------------
    def pick_origin(self) -> str:
        return weighted(self.rng, {origin: spec[0] for origin, spec in ORIGINS.items()})

    def seed_youth(self) -> None:
        rng = self.rng
        statuses = ([ProfileStatus.ACTIVE] * 240 + [ProfileStatus.PENDING] * 36
                    + [ProfileStatus.DRAFT] * 12 + [ProfileStatus.PAUSED] * 12)
        rng.shuffle(statuses)
        partner_weights = {index: weight for index, weight in
                           enumerate((24, 14, 12, 8, 6, 8, 3)[:len(self.partners)])}
        for n in range(YOUTH_COUNT):
            if n == 0:
                profile = self.youth(ProfileStatus.ACTIVE, None, persona="ung")
            elif n == 1:
                profile = self.youth(ProfileStatus.ACTIVE, None, persona="elev")
            else:
                partner = None
                if statuses[n] != ProfileStatus.DRAFT and rng.random() < 0.27:
                    partner = self.partners[weighted(rng, partner_weights)]
                profile = self.youth(statuses[n], partner)
            db.session.add(profile)

    def youth(self, status: str, partner, persona: str | None = None) -> YouthProfile:
        rng = self.rng
        origin = self.pick_origin()
        _, males, females, lasts, (always, sometimes), newly_share = ORIGINS[origin]
        female = rng.random() < 0.5
        first = rng.choice((females if female else males).split())
        last = rng.choice(lasts.split())
        age = weighted(rng, AGE_WEIGHTS)
        newly_arrived = rng.random() < newly_share
        if persona == "ung":
            origin, first, last, age, newly_arrived = "somali", "Amina", "Hassan", 16, False
            always, sometimes = ORIGINS["somali"][4]
        elif persona == "elev":
            origin, first, last, age, newly_arrived = "turkish", "Yusuf", "Demir", 19, False
            always, sometimes = ORIGINS["turkish"][4]
        birth = birth_date_for(rng, age, self.today)
        if partner is not None and rng.random() < 0.8:
            postcode = partner[0].postcode if partner[0].postcode in YOUTH_POSTCODES else "2200"
        else:
            postcode = weighted(rng, YOUTH_POSTCODES)
        if persona:
            postcode = "2200" if persona == "ung" else "2400"
        languages = list(always) + [code for code in sometimes if rng.random() < 0.5]
        if not newly_arrived and "da" not in languages and rng.random() < 0.7:
            languages.insert(0, "da")
        if newly_arrived and "da" in languages and rng.random() < 0.6:
            languages.remove("da")
        in_school = age == 15 or (age == 16 and rng.random() < 0.6) or persona == "ung"
        wants_apprenticeship = not in_school and age >= 16 and (
            persona == "elev" or (persona is None and rng.random() < 0.3))
        wants_leisure = persona == "ung" or not wants_apprenticeship or rng.random() < 0.3
        if persona == "elev":
            wants_leisure = False
        education = None
        if wants_apprenticeship:
            education = "electrician" if persona == "elev" else weighted(rng, EDUCATION_WEIGHTS)
        housing = (partner is not None and partner[0].partner_type == PartnerType.HOUSING_SOCIAL) \
            or rng.random() < HOUSING_AREA_SHARE.get(postcode, 0.1)
        if persona == "ung":
            housing = True

        created = self.days_ago(5, 170)
        has_login = partner is None or rng.random() < 0.5
        login_email = login_phone = None
        if has_login:
            if persona:
                login_email = self.email(persona)
            elif rng.random() < 0.7:
                login_email = self.email(f"{first}.{last}")
            else:
                login_phone = self.phone()
        contact_email = login_email
        contact_phone = login_phone or (self.phone() if rng.random() < 0.6 or not has_login
                                        else None)

        profile = YouthProfile(
            first_name=first, last_name=last, contact_email=contact_email,
            contact_phone=contact_phone, birth_date=birth, postcode=postcode,
            school_finished=not in_school, wants_leisure=wants_leisure,
            wants_apprenticeship=wants_apprenticeship, education=education,
            interests=self.interests(persona), languages=languages,
            max_weekly_minutes=2400 if wants_apprenticeship else rng.choice(
                [240, 360, 480, 600] if in_school else [480, 600, 720, 900]),
            max_commute_km=rng.choice([3, 4, 5, 6, 8, 10, 12]),
            lives_in_housing_area=housing, newly_arrived=newly_arrived,
            needs_mentor=rng.random() < (0.25 if newly_arrived else 0.08),
            status=status, profile_step=99, created_at=created, updated_at=created,
        )
        if age < 18:
            self.add_guardian(profile, origin, last)
        if has_login:
            profile.user = self.user(Role.YOUTH, login_email, f"{first} {last}",
                                     phone=login_phone)
            profile.user.created_at = created
            if persona:
                self.logins.append(DemoLogin(Role.YOUTH, login_email,
                                             f"{first} {last}, age {age}, {postcode}"))
        if partner is not None:
            organisation, staff = partner
            profile.registered_by_org = organisation
            profile.registered_by_user_id = staff.id
            profile.consent_recorded_by_id = staff.id
            profile.consent_method, profile.consent_note = rng.choice(CONSENT_NOTES)
        else:
            profile.consent_method = "online"
        if status == ProfileStatus.DRAFT:
            profile.profile_step = rng.randint(2, 4)
            profile.interests = {}
            profile.languages = []
            profile.consent_at = created
            return profile
        profile.consent_at = created
        profile.availability = [
            AvailabilityWindow(day_index=d, start_minute=s, end_minute=e)
            for d, s, e in self.availability(in_school, wants_apprenticeship, age)
        ]
        if status in (ProfileStatus.ACTIVE, ProfileStatus.PAUSED):
            vetted = created + timedelta(days=rng.randint(1, 5))
            vetted = min(vetted, self.now)
            profile.vetted_at = profile.reviewed_at = vetted
            profile.reviewed_by_id = self.consultant.id
            profile.pool_since = vetted.date()
        return profile

    def add_guardian(self, profile: YouthProfile, origin: str, last: str) -> None:
        rng = self.rng
        _, males, females, _, _, _ = ORIGINS[origin]
        first = rng.choice((females if rng.random() < 0.6 else males).split())
        profile.guardian_name = f"{first} {last}"
        if rng.random() < 0.5:
            profile.guardian_email = self.email(f"{first}.{last}.foraelder")
        else:
            profile.guardian_phone = self.phone()

    def interests(self, persona: str | None) -> dict[str, float]:
        if persona == "ung":
            return {"retail": 1.0, "culture": 1.0, "childcare": 0.5}
        if persona == "elev":
            return {"trades": 1.0, "it": 0.5}
        sectors: list[str] = []
        for _ in range(self.rng.choice([1, 2, 2, 3, 3, 4])):
            sector = weighted(self.rng, {k: v for k, v in INTEREST_WEIGHTS.items()
                                         if k not in sectors})
            sectors.append(sector)
        return {sector: (1.0 if i == 0 or self.rng.random() < 0.4 else 0.5)
                for i, sector in enumerate(sectors)}

    def availability(self, in_school: bool, apprentice: bool, age: int):
        rng = self.rng
        windows = []
        if apprentice:
            windows += [(day, _m("07:00"), _m("17:00")) for day in range(5)]
            if rng.random() < 0.5:
                windows.append((5, _m("09:00"), _m("18:00")))
            return windows
        weekdays = sorted(rng.sample(range(5), rng.randint(2, 5)))
        if in_school:
            start = rng.choice(["14:30", "15:00", "15:00", "15:30", "16:00"])
            end = rng.choice(["19:00", "20:00", "20:00"])
        elif age < 20:
            start = rng.choice(["15:00", "15:30", "16:00", "17:00"])
            end = rng.choice(["20:00", "21:00", "22:00"])
        else:
            start = rng.choice(["08:00", "10:00", "12:00", "16:00"])
            end = rng.choice(["18:00", "20:00", "22:00", "23:00"])
        windows += [(day, _m(start), _m(end)) for day in weekdays]
        if rng.random() < 0.7:
            windows.append((5, _m(rng.choice(["08:00", "09:00", "10:00"])),
                            _m(rng.choice(["15:00", "17:00", "18:00"]))))
        if rng.random() < 0.4:
            windows.append((6, _m(rng.choice(["09:00", "10:00", "12:00"])),
                            _m(rng.choice(["16:00", "18:00"]))))
        if age >= 18 and 4 not in weekdays and rng.random() < 0.3:
            windows.append((4, _m("17:00"), 24 * 60))  # Friday evenings for restaurant work
        return windows


def weighted(rng: random.Random, weights: dict):
    keys = list(weights)
    return rng.choices(keys, weights=[weights[key] for key in keys])[0]


def birth_date_for(rng: random.Random, age: int, on: date) -> date:
    """A birth date that makes someone ``age`` on ``on``, and still so for a few weeks."""
    try:
        birthday = on.replace(year=on.year - age)
    except ValueError:  # 29 February
        birthday = on.replace(year=on.year - age, day=28)
    return birthday - timedelta(days=rng.randint(30, 330))


_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ı": "i", "ş": "s", "ç": "c",
                                "ğ": "g", "ö": "o", "ü": "u", "ł": "l"})


def slug(text: str, separator: str = "-") -> str:
    """An ASCII e-mail local part from a name: "Café Mellemrummet" -> "cafe-mellemrummet"."""
    text = text.lower().translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", text)
    if separator == "." and len(words) > 2:  # names keep dots, organisations get dashes
        return "-".join(words)
    return separator.join(words)


def seed_demo(*, if_empty: bool = False, echo: Callable[[str], object] = print) -> list[DemoLogin]:
    """Fill an empty database with the Copenhagen demo and print one login per role.

    With ``if_empty`` an existing database (any user) is left alone; without it, seeding a
    database that has users is refused rather than half-done.
    """
    if db.session.scalar(select(User.id).limit(1)) is not None:
        if if_empty:
            echo("The database already has users: demo data not added.")
            return []
        raise click.ClickException(
            "The database already has users; seed-demo fills an empty database only "
            "(use --if-empty to skip quietly)."
        )
    probe = User(role=Role.ADMIN, email="probe@example.invalid")
    probe.set_password(DEMO_PASSWORD)
    try:
        logins = _Seeder(probe.password_hash).run()
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    echo(
        f"Demo data added: {YOUTH_COUNT} young people, {OPENING_COUNT} openings, "
        f"{sum(len(rows) for rows in EMPLOYERS.values())} approved employers, "
        f"{sum(1 for row in PARTNERS if row[5])} partners."
    )
    echo(f"Demo logins (password for all: {DEMO_PASSWORD}):")
    for login in logins:
        echo(f"  {login.role:<11} {login.login:<32} {login.who}")
    return logins
