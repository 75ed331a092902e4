"""Sectors grouped by administrative branch exactly as the coordination's overview groups them
(seed 002), and the simplified cost options of ESR+. Loaded by a data migration."""

BRANCHES = [
    # slug, fi, sv, en, is social and health
    ("kasvatus-ja-koulutus", "Kasvatus ja koulutus", "Fostran och utbildning", "Education", False),
    (
        "sosiaali-ja-terveydenhuolto",
        "Sosiaali- ja terveydenhuolto",
        "Social- och hälsovård",
        "Social and health care",
        True,
    ),
    ("vapaa-ajan-toiminta", "Vapaa-ajan toiminta", "Fritidsverksamhet", "Leisure", False),
]

SECTORS = {
    "kasvatus-ja-koulutus": [
        (
            "varhaiskasvatus-ja-esiopetus",
            "Varhaiskasvatus ja esiopetus",
            "Småbarnspedagogik och förskoleundervisning",
            "Early childhood and pre-primary education",
        ),
        ("opiskeluhuolto-koulutus", "Opiskeluhuolto", "Elevhälsa", "Student welfare"),
        ("perusopetus", "Perusopetus", "Grundläggande utbildning", "Basic education"),
        (
            "tutkintoon-valmentava-koulutus",
            "Tutkintoon valmentava koulutus",
            "Examensförberedande utbildning",
            "Preparatory education",
        ),
        ("toinen-aste", "Toinen aste", "Andra stadiet", "Upper secondary education"),
    ],
    "sosiaali-ja-terveydenhuolto": [
        (
            "neuvola-ja-perheneuvola",
            "Neuvola ja perheneuvola",
            "Rådgivning och familjerådgivning",
            "Child health clinics and family counselling",
        ),
        ("opiskeluhuolto-sote", "Opiskeluhuolto", "Elevhälsa", "Student welfare"),
        ("lastensuojelu", "Lastensuojelu", "Barnskydd", "Child welfare"),
        (
            "paihde-ja-mielenterveyspalvelut",
            "Päihde- ja mielenterveyspalvelut",
            "Missbruks- och mentalvårdstjänster",
            "Substance abuse and mental health services",
        ),
        ("vammaispalvelut", "Vammaispalvelut", "Handikappservice", "Disability services"),
        ("muu-sosiaalityo", "Muu sosiaalityö", "Annat socialt arbete", "Other social work"),
    ],
    "vapaa-ajan-toiminta": [
        ("liikuntapalvelut", "Liikuntapalvelut", "Idrottstjänster", "Sports services"),
        ("harrastustoimijat", "Harrastustoimijat", "Hobbyaktörer", "Hobby organisations"),
        (
            "vapaaehtoistoimijat",
            "Vapaaehtoistoimijat",
            "Frivilligaktörer",
            "Voluntary organisations",
        ),
        ("seurakunnat", "Seurakunnat", "Församlingar", "Parishes"),
    ],
}

COST_MODELS = [
    (
        "flat-rate-40",
        "Flat rate 40 % (henkilöstökustannusten päälle)",
        "Schablon 40 % (på personalkostnader)",
        "Flat rate 40 % (on staff costs)",
    ),
    (
        "flat-rate-15",
        "Flat rate 15 % (välilliset kustannukset)",
        "Schablon 15 % (indirekta kostnader)",
        "Flat rate 15 % (indirect costs)",
    ),
    (
        "yksikkokustannus",
        "Palkkakustannusten yksikkökustannusmalli",
        "Enhetskostnad för lönekostnader",
        "Unit cost for staff costs",
    ),
    ("kertakorvaus", "Kertakorvaus", "Engångsbelopp", "Lump sum"),
    (
        "tosiasialliset-kustannukset",
        "Tosiasiallisiin kustannuksiin perustuva malli",
        "Faktiska kostnader",
        "Real costs",
    ),
]


def load_reference(branch_model, sector_model, cost_model_model) -> None:
    for order, (slug, fi, sv, en, social) in enumerate(BRANCHES, start=1):
        branch, _ = branch_model.objects.update_or_create(
            slug=slug,
            defaults={
                "name": fi,
                "name_sv": sv,
                "name_en": en,
                "is_social_and_health": social,
                "order": order,
            },
        )
        for sector_order, (s_slug, s_fi, s_sv, s_en) in enumerate(SECTORS[slug], start=1):
            sector_model.objects.update_or_create(
                slug=s_slug,
                defaults={
                    "branch": branch,
                    "name": s_fi,
                    "name_sv": s_sv,
                    "name_en": s_en,
                    "order": sector_order,
                },
            )
    for code, fi, sv, en in COST_MODELS:
        cost_model_model.objects.update_or_create(
            code=code, defaults={"name": fi, "name_sv": sv, "name_en": en}
        )
