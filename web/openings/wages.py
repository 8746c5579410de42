"""Hourly wages: stored as integer øre, with sane floors (typed kroner are read by web.numbers)."""
from web.models import Track

# Denmark has no statutory minimum wage; collective agreements set youth rates (in 2024 roughly
# 75–90 kr./hour for under-18s in retail, more for older workers). The floors sit below every
# agreement we know of, so they only catch mistakes such as a wage typed in øre, a daily
# wage cut short, or an offer so low that the job centre would never place a young person.
LEISURE_WAGE_FLOOR_ORE = 60_00  # leisure jobs: at least 60 kr./hour
# Apprentice pay (elevløn) is set per education and year of training and is lower than an
# adult's wage; 40 kr./hour is below the first-year rate of every education in vocab.EDUCATIONS.
APPRENTICE_WAGE_FLOOR_ORE = 40_00
# An hourly wage above this is almost always a monthly or weekly wage typed in the wrong field.
WAGE_CEILING_ORE = 1_000_00

WAGE_FLOORS_ORE = {
    Track.LEISURE: LEISURE_WAGE_FLOOR_ORE,
    Track.APPRENTICESHIP: APPRENTICE_WAGE_FLOOR_ORE,
}

