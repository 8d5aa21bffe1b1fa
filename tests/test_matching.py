"""The matcher families and the kinds table: one row per kind, each kind found by a module or given by the
legal step; examples of what each family finds that the data does not spell out."""

from __future__ import annotations

import pytest

from gimatch import legal
from gimatch.match import KINDS, MATCHERS, Collector, Hit
from gimatch.match.base import analyze
from gimatch.model import Evidence


def test_every_kind_is_one_row_of_the_table():
    assert set(legal.kinds()) == set(KINDS)
    ranks = sorted(legal.rank(k) for k in legal.kinds())
    assert ranks == list(range(len(ranks)))
    for kind in legal.kinds():
        lo, hi = legal.score_range(kind)
        assert 0 <= lo <= hi <= 100 and legal.severity(kind) in ("high", "medium", "low")
    for matcher in MATCHERS:
        assert callable(matcher.find) and matcher.KINDS and set(matcher.KINDS) <= set(legal.kinds())


def test_the_collector_keeps_each_gis_best_hit_within_its_kinds_range(bundled_store):
    out = Collector(bundled_store.index())
    ev = Evidence(query_key="x", gi_key="x", key_kind="fold")
    out.offer(Hit(0, 0, "translation", 99.0, "a", ev))           # above the kind's range: clamped
    out.offer(Hit(0, 0, "fuzzy", 88.0, "b", ev))                 # lower than the clamped translation
    assert out.best[0].kind == "translation" and out.best[0].score == legal.score_range("translation")[1]


def _top(store, text, **options):
    result = store.check(text, **options)
    return result.conflicts[0] if result.conflicts else None


def _top_kind(store, text, name):
    """The kind of the top conflict when ``name`` is one of its names, else None."""
    top = _top(store, text)
    return top.kind if top is not None and name in top.names else None


def _found(store, text, gi_name, within=5):
    result = store.check(text, limit=10)
    for c in result.conflicts[:within]:
        records = [store.get(i) for i in (c.gi, *c.linked)]
        if any(gi_name in [n.text for n in r.names] for r in records if r):
            return True
    return False


@pytest.mark.parametrize("query, name", [
    ("夏布利葡萄酒", "Chablis"),                 # a transcription with the product word translated
    ("托斯卡纳火腿", "Prosciutto Toscano"),
    ("佩科里诺罗马诺干酪", "Pecorino Romano"),
    ("シャブリ", "Chablis"),                       # katakana, no dataset holds it
])
def test_a_rendering_no_dataset_holds_is_found_by_its_sounds(bundled_store, query, name):
    top = _top(bundled_store, query)
    assert top is not None and name in top.names and top.kind in ("transcription", "transliteration")


@pytest.mark.parametrize("query, name", [
    ("Σαντρίνη", "Σαντορίνη"), ("Карово", "Карлово"),          # one letter off, in Greek and Cyrillic
    ("龙井荼", "龙井茶"),                                           # one character off, in Chinese
    ("Prosseco", "Prosecco"), ("Valpolicela", "Valpolicella"),    # a doubled letter moved or written once
])
def test_typos_in_every_script(bundled_store, query, name):
    top = _top(bundled_store, query)
    assert top is not None and name in top.names and top.kind == "fuzzy"


@pytest.mark.parametrize("query", ["萨利巴", "拜仁", "ΔΡΟΜΕΑΣ", "เรโนลต์", "Фиту", "Мартини", "特斯拉"])
def test_a_slip_is_made_in_the_signs_own_script(bundled_store, query):
    """A Chinese, Greek, Thai or Cyrillic sign's romanization a letter from a Latin name is a reading, not a slip
    of the pen (萨利巴 saliba, Salina; 拜仁 bairen, Bayern, Bailén; ΔΡΟΜΕΑΣ dromeas, Drôme; เรโนลต์, Renault, Reno;
    Фиту, four letters, Fitou, which it renders), and so is a letter from a name in another script than the sign's
    (Мартини, martini, and Μαρτίνο); a word the Chinese dictionary knows is no slip either (特斯拉: Tesla, and the
    特其拉 of Tequila): no fuzzy conflict."""
    assert all(c.kind != "fuzzy" for c in bundled_store.check(query).conflicts)


@pytest.mark.parametrize("query", ["Μάρκος Παπαδάκης", "Μάρκο Νίκολιτς", "Марго Иванова", "Θανόπουλος"])
def test_a_persons_name_has_no_runs_heard_alone(bundled_store, query):
    """A first name and a family name (Greek, Serbian in Greek letters, a Russian woman's -ova) name a person:
    the first name is not heard alone (Μάρκος, Марго: Margaux)."""
    assert not bundled_store.check(query).conflicts


@pytest.mark.parametrize("query, name", [("Ahr premium", "Ahr"), ("Κως style", "Κως"), ("Premium Parma ham",
                                                                                          "Prosciutto di Parma"),
                                         ("Ahr 2019", "Ahr"), ("Manchego curado 12 meses", "Queso Manchego")])
def test_short_names_inside_signs_of_modifiers_and_product_words(bundled_store, query, name):
    """Marketing words, a number and a cheese's age (curado, 12 meses) leave a short name the sign's only
    distinctive word; a colour does not (Red Bra is lingerie)."""
    top = _top(bundled_store, query)
    assert top is not None and name in top.names


@pytest.mark.parametrize("query", ["Danish feta", "Deutscher Feta", "feta danoise"])
def test_a_stated_origin_beside_a_short_name_does_not_hide_it(bundled_store, query):
    top = _top(bundled_store, query)
    assert top is not None and "Feta" in top.names and top.kind == "contains"


@pytest.mark.parametrize("query, name", [("Istrian ham", "Istarski pršut"), ("Dalmatian pršut", "Dalmatinski pršut"),
                                         ("Styrian pumpkin seed oil", "Steirisches Kürbiskernöl"),
                                         ("Bavarian pretzels", "Bayerische Breze"),
                                         ("Swabian spaetzle", "Schwäbische Spätzle")])
def test_a_demonym_in_another_language_is_the_same_place(bundled_store, query, name):
    """An adjective of the place in English meets the GI's own by its sounds, through the place's German name
    where English calls it otherwise (Bavarian: bayerisch); an umlaut spelled out (spaetzle) is the umlaut."""
    assert _top_kind(bundled_store, query, name) == "translation"


@pytest.mark.parametrize("query, name", [("Baranya salami", "Baranjski kulen"),
                                         ("Krainer sausages", "Kranjska klobasa"),
                                         ("Naxian graviera", "Γραβιέρα Νάξου")])
def test_a_place_of_a_slavic_or_greek_name_is_read_as_its_language_says_it(bundled_store, query, name):
    """A register's place stem is also read by its language's spelling rules (the j of Baranjski is a glide, as
    the y of Hungarian Baranya; Slovenian Kranjska is German Krain), and a root of three letters spelled alike
    meets (Naxian, Νάξου)."""
    assert _top_kind(bundled_store, query, name) == "translation"


@pytest.mark.parametrize("query, name", [("Slovak oštiepok", "Slovenský oštiepok"), ("Czech caraway", "Český kmín")])
def test_a_countrys_adjective_in_english_meets_its_own_languages(bundled_store, query, name):
    assert _top_kind(bundled_store, query, name) == "translation"


def test_a_short_name_rendered_sound_for_sound_is_met_in_a_script_that_writes_its_vowels(bundled_store):
    """A name of two consonants rendered with every sound and vowel its own, in a script that writes vowels as
    heard (Бито: Bitto; 알바: Alba), counts as a whole sign; a run of a longer sign's words meets two sounds by
    chance and does not (마리아 알바, Maria Alba, is a person)."""
    assert _top_kind(bundled_store, "Бито", "Bitto") == "transcription"
    assert _top_kind(bundled_store, "알바", "Alba") == "transcription"
    assert not bundled_store.check("마리아 알바").conflicts


@pytest.mark.parametrize("query, name", [("Thung Kula fragrant rice", "ข้าวหอมมะลิทุ่งกุลาร้องไห้"),
                                         ("apples from Zagora", "Μήλα Ζαγοράς Πηλίου")])
def test_the_opening_words_of_a_gis_place_with_its_product_are_a_translation(bundled_store, query, name):
    """A sign may name a GI's place by its first words (Thung Kula of Thung Kula Rong Hai; Zagora of Zagora in
    Pelion), with the product; another product is no translation (Zagora cider)."""
    assert _top_kind(bundled_store, query, name) == "translation"
    assert _top_kind(bundled_store, "Zagora cider", "Μήλα Ζαγοράς Πηλίου") is None


def test_an_article_before_a_product_word_leaves_the_product_word(bundled_store):
    """The ham of Parma names ham, as Parma ham does: the article is no part of the product's words."""
    assert _top_kind(bundled_store, "the ham of Parma", "Prosciutto di Parma") == "translation"


def test_russian_product_words_and_countries_are_read_in_their_cases(bundled_store):
    """A Russian sign declines its words (красные вина Бургундии: wines of Burgundy; сыр из Франции): the
    lexicon knows a product word and a country's name in its cases, and the place is what is left."""
    from gimatch.text.fold import fold
    from gimatch.text.lexicon import lexicon

    lex = lexicon()
    assert lex.terms_by_tokens[("vina",)].concept == "wine" and lex.terms_by_tokens[("kolbasy",)].concept == "sausage"
    assert lex.country_words[fold("Франции")] == "FR" and lex.country_words[fold("Γαλλίας")] == "FR"
    assert "Bourgogne" in _top(bundled_store, "красные вина Бургундии").names


def test_a_thai_town_word_in_latin_letters_is_a_landscape_word(bundled_store):
    """Muang (เมือง, town) is part of no place's core: Sang Yod rice of Phatthalung is Khao Sangyod Muang
    Phatthalung; a town word alone names no place."""
    assert _top_kind(bundled_store, "Sang Yod rice of Phatthalung", "Khao Sangyod Muang Phatthalung") == "translation"
    assert not bundled_store.check("Mueang coffee").conflicts


def test_japanese_writes_a_chinese_gi_in_its_own_character_forms(bundled_store):
    """Japanese writes a Chinese place in its kanji beside a katakana product word (金華ハム: 金华火腿; the same
    characters, not others Chinese reads alike), and the characters in its own forms (鉄観音 for 铁观音), read as
    their traditional forms; a word of characters simplified Chinese writes too (芸術) is read as it is."""
    result = bundled_store.check("金華ハム")            # the agreement's Jinhua ham: protection pending
    assert any("金华火腿" in c.names and c.kind == "translation" for c in result.conflicts + result.pending)
    assert not bundled_store.check("幸隆コーヒー").conflicts     # Yukitaka: other characters, read as 兴隆 is
    top = _top(bundled_store, "安溪鉄観音")
    assert top is not None and "安溪铁观音" in top.names and "traditional forms" in top.why
    assert not bundled_store.check("芸術").conflicts


def test_a_chinese_gi_is_met_syllable_for_syllable_whatever_its_word_division(bundled_store):
    """Latin letters divide a Chinese name's syllables as they like, in pinyin or an old romanization (Dong Ting
    Pi Lo Chun: dongting shan biluochun); a sign naming a kind of the GI's product between its syllables (Hua Tiao)
    still names it; English words that read as syllables (banana) meet no name."""
    result = bundled_store.check("Dong Ting Pi Lo Chun")
    assert any("洞庭山碧螺春" in c.names and c.kind == "partial" for c in result.conflicts + result.pending)
    top = _top(bundled_store, "Shao Hsing Hua Tiao Chiew")
    assert top is not None and "绍兴酒" in top.names and "syllables" in top.why
    result = bundled_store.check("Tung T'ing Pi Lo Ch'un")                 # apostrophes of aspiration kept in words
    assert any("洞庭山碧螺春" in c.names for c in result.conflicts + result.pending)
    assert _top_kind(bundled_store, "Long Jing Cha", "龙井茶") == "variant"   # its product syllable too
    assert not bundled_store.check("banana split").conflicts


def test_a_gi_is_met_by_its_place_and_its_own_word_spelled_otherwise(bundled_store):
    """The place of a GI and, beside it, the name's own word as another language spells it (crocus for κρόκος,
    krokos) is a variant of the name; with some of the name's words only, a partial name (Modena Balsamic); a word
    that sounds like none of the name's is neither (Parma Prestige)."""
    top = _top(bundled_store, "Kozani Crocus")
    assert top is not None and "Κρόκος Κοζάνης" in top.names and top.kind == "variant" and "crocus" in top.why
    hits = {c.names[0]: c.kind for c in bundled_store.check("Modena Balsamic").conflicts}
    assert hits.get("Aceto Balsamico di Modena") == "partial"
    assert all(c.kind != "variant" and "spelled otherwise" not in c.why
               for c in bundled_store.check("Parma Prestige").conflicts)


def test_a_place_rendered_alone_sound_for_sound_is_a_partial_name(bundled_store):
    """The place of a GI's name rendered sound for sound, in three syllables or more, is its place alone, as it is
    written out (Μαντσέγκο: Queso Manchego); not a country's name (Полушка is no Polska of Polska Wódka), nor two
    syllables (Janssen's 얀센 is no 盐城)."""
    top = _top(bundled_store, "Μαντσέγκο")
    assert top is not None and "Queso Manchego" in top.names and top.kind == "partial"
    assert not bundled_store.check("Полушка").conflicts and not bundled_store.check("한국얀센").conflicts
    assert not bundled_store.check("Литуаниан").conflicts          # a country's adjective (Lithuanian vodka)
    assert not bundled_store.check("Галамада").conflicts           # its stops voiced: no rendering of Kalamata


def test_russian_writes_a_chinese_gi_in_palladius_cyrillic(bundled_store):
    """Russian writes Chinese names by the Palladius system (Те Гуань Инь: tie guan yin), read back to pinyin; a
    Russian word of the same letters is no Chinese name unless capitalized as one."""
    top = _top(bundled_store, "Те Гуань Инь")
    assert top is not None and "安溪铁观音" in top.names and "Palladius" in top.why
    assert not bundled_store.check("она").conflicts


def test_a_number_or_a_grade_in_a_sign_is_no_part_of_its_place(bundled_store):
    """A grade and its number (Grade 2) leave the place an old romanization writes (Lung Ching: Longjing)."""
    top = _top(bundled_store, "Lung Ching Grade 2")
    assert top is not None and "龙井茶" in top.names


def test_one_word_of_a_name_beside_its_product_is_a_translation_only_when_it_scores_as_one(bundled_store):
    """A small share of a name's distinctive words beside its product (brick of Chibi Qing Brick Tea, 35%) is a
    partial name at its own score, not lifted into the translation's range."""
    hits = [c for c in bundled_store.check("Brick tea", threshold=0).conflicts + bundled_store.check(
        "Brick tea", threshold=0).pending if "Chibi Qing Brick Tea" in c.names]
    assert hits and all(c.kind == "partial" and c.score < 80 for c in hits)


def test_short_names_do_not_flood_ordinary_words(bundled_store):
    assert not bundled_store.check("Varnish remover").conflicts
    assert not bundled_store.check("Red Bra").conflicts and not bundled_store.check("Roma Oud").conflicts


def test_the_gi_whose_word_the_sign_holds_outranks_near_spellings(bundled_store):
    top = _top(bundled_store, "Parmigiano")
    assert top is not None and top.names[0] == "Parmigiano Reggiano"


@pytest.mark.parametrize("query, other", [("安丘大葱", "安丘大姜"), ("松溪红茶", "松溪绿茶"), ("Songxi Black Tea", "松溪绿茶")])
def test_same_place_another_product_is_low_and_never_a_translation(bundled_store, query, other):
    hits = [c for c in bundled_store.check(query, threshold=0).conflicts if other in c.names]
    assert hits and all(c.kind == "same place" and c.severity == "low" and c.score < 70 for c in hits)


def test_records_of_one_gi_are_shown_under_the_home_register(bundled_store):
    top = _top(bundled_store, "Cognac")
    assert top.register == "eu.eambrosia" and any(i.startswith("cn.gi_products:") for i in top.linked)


def test_an_annex_name_in_english_joins_its_register_record_by_place_and_product(bundled_store):
    top = _top(bundled_store, "Kalamata olives")      # the annex's English; the register: Ελιά Καλαμάτας
    assert top.gi == "eu:PDO-GR-0030" and "agreement.china_eu:IV/Kalamata olives" in top.linked
    ham = bundled_store.check("Jinhua ham").pending[0]  # Jinhua pig (the EU register) is another product
    assert ham.gi.startswith("agreement.") and not any(i.startswith("eu:") for i in ham.linked)


@pytest.mark.parametrize("query, name", [("Tieh Kuan Yin", "安溪铁观音"), ("Lungching tea", "龙井茶"),
                                         ("Koube beef", "神戸ビーフ"), ("Turfan raisins", "吐鲁番葡萄干"),
                                         ("Wuyi Ta Hung Pao", "武夷大红袍")])      # no apostrophe: t'a? p'ao?
def test_old_romanizations(bundled_store, query, name):
    assert _found(bundled_store, query, name)


def test_a_chinese_gi_in_wade_giles_whole_is_a_variant_of_its_name(bundled_store):
    """Every syllable of 罗平小黄姜 in Wade-Giles (lo for luo; chiang one syllable): its name spelled otherwise;
    and a postal ki inside a word (Chenkiang: 镇江) meets the GI's place."""
    top = _top(bundled_store, "Loping Hsiao Huang Chiang")
    assert top is not None and "罗平小黄姜" in top.names and top.kind == "variant"
    assert _found(bundled_store, "Chenkiang vinegar", "镇江香醋", within=1)


def test_a_label_word_beside_two_sound_characters_backs_nothing_of_its_own(bundled_store):
    """产区 names a wine's appellation, but two sound characters before it are as often a given name (丽萨, Lisa)
    or a word (本田, Honda) as a GI's: 玛歌产区 is Margaux as 玛歌 is, and the others name none."""
    assert _found(bundled_store, "玛歌产区", "Margaux", within=1) and not bundled_store.check("本田产区").conflicts
    assert not bundled_store.check("丽萨产区").conflicts and not bundled_store.check("琳达产区").conflicts


@pytest.mark.parametrize("query", ["AOC 샤블리", "샤블리 AOC", "AOC Шабли", "DOCG 바롤로"])
def test_a_latin_label_opening_or_closing_a_sign_in_another_script_is_read_around(bundled_store, query):
    """AOC, DOCG in Latin letters before or after a Korean or Russian listing's name do not make it a Latin sign."""
    top = _top(bundled_store, query)
    assert top is not None and top.names[0] in ("Chablis", "Barolo") and top.kind == "transcription"


@pytest.mark.parametrize("query", ["夏布利产区", "夏布利法定产区", "夏布利 AOC", "夏布利AOC", "夏布利葡萄酒产区"])
def test_a_label_word_closing_a_chinese_rendering_is_read_around(bundled_store, query):
    """产区 and 法定产区 (the appellation) and AOC in Latin letters qualify the name: Chablis, as 夏布利 alone."""
    top = _top(bundled_store, query)
    assert top is not None and top.names[0] == "Chablis"


@pytest.mark.parametrize("query, name", [("杜埃罗河岸", "Ribera del Duero"), ("罗帝丘", "Côte Rôtie"),
                                         ("伯恩坡", "Côte de Beaune")])
def test_a_rendering_with_its_landscape_word_translated(bundled_store, query, name):
    """Chinese writes the place by its sounds and the landscape word by its meaning (河岸 riverbank: ribera; 丘
    hill and 坡 slope: côte): the place meets the word of a name that has a landscape word of that kind; a name
    that only closes on the character (新加坡, Singapore) names no slope."""
    top = _top(bundled_store, query)
    assert name in top.names and top.kind == "transcription" and "landscape word translated" in top.why
    assert not bundled_store.check("新加坡").conflicts


@pytest.mark.parametrize("query, name", [("波雅克村", "Pauillac"), ("默尔索区", "Meursault"),
                                         ("波雅克地区", "Pauillac"), ("夏布利镇", "Chablis")])
def test_a_word_closing_a_rendering_that_only_describes_the_place(bundled_store, query, name):
    """A village, district or town a listing adds after the place (波雅克村: Pauillac village) though the name has
    no such word: the rest is heard as the name, with nothing translated to back it; a landscape word renders a
    word of the name (杜埃罗河岸葡萄酒: Ribera del Duero, before Toro and Douro, which have no bank)."""
    top = _top(bundled_store, query)
    assert name in top.names and top.kind == "transcription" and "translated" not in top.why
    assert _top(bundled_store, "杜埃罗河岸葡萄酒").names[0] == "Ribera del Duero"
    assert not bundled_store.check("佛罗伦萨区").conflicts     # the dictionary knows the place before it: Florence
    assert not [c for c in bundled_store.check("景德镇").conflicts if c.kind == "transcription"]


@pytest.mark.parametrize("query, name", [("上梅多克", "Haut-Médoc"), ("上阿迪杰", "Alto Adige")])
def test_a_rendering_with_a_word_of_the_name_translated(bundled_store, query, name):
    """上 (upper) writes haut and alto by their meaning, the rest of the name by its sounds: the whole name, before
    the names that add a product word to it (Mela Alto Adige)."""
    top = _top(bundled_store, query)
    assert name in top.names and top.kind == "transcription" and "word translated (上)" in top.why
    assert f"of {name!r}" in top.why


def test_a_translated_word_leaves_the_rest_of_the_name_to_the_sounds():
    """The sounds beside the translated word must be all the rest of the name: those of Médoc for Haut-Médoc; a
    word of a long name that has a west in it (Sud-Ouest) is no rendering of it with 西 for the west. Chinese
    writes a word that names what the place is after it (格里叶堡), never before."""
    from gimatch.match.base import analyze
    from gimatch.match.phonetic import _rest_of, _translated_words
    from gimatch.text import phonetic

    assert [(rest, word) for rest, _, word in _translated_words(analyze("格里叶堡"))] == [("格里叶", "堡")]
    assert _translated_words(analyze("堡格里叶")) == []

    assert _rest_of("Haut-Médoc", "fr", frozenset({"upper"})) == phonetic.consonants(phonetic.latin("medoc", "fr"))
    rest = _rest_of("Canard à foie gras du Sud-Ouest (Gers)", "fr", frozenset({"west"}))
    assert rest == phonetic.consonants(phonetic.latin("foie gras sud gers", "fr"))    # du, canard, ouest left out


def test_a_colour_beside_the_product_says_its_kind_not_the_place(bundled_store):
    """Red Onion of Tropea is Cipolla Rossa di Tropea Calabria and Le Puy green lentil Lentille verte du Puy; in
    Black Forest ham the colour is a word of the place's name."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("Red Onion of Tropea").place == "tropea" and anatomy("Black Forest ham").place == "black forest"
    assert _found(bundled_store, "Red Onion of Tropea", "Cipolla Rossa di Tropea Calabria")
    assert _found(bundled_store, "Le Puy green lentil", "Lentille verte du Puy")


def test_a_wine_style_between_place_and_wine_is_no_part_of_the_place(bundled_store):
    """Chinese wine labels write the wine's sweetness and colour between its place and 葡萄酒 (干红 dry red, 半干
    medium dry, the black wine of Cahors): the place is what comes before them. Tea keeps its kinds (安吉白茶)."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("波尔多干红葡萄酒").place == "波尔多" and anatomy("里奥哈半干红葡萄酒").place == "里奥哈"
    assert anatomy("安吉白茶").place == "安吉" and anatomy("安吉白茶").terms[0].concept == "white_tea"
    for query, name in [("夏布利干白葡萄酒", "Chablis"), ("卡奥尔黑葡萄酒", "Cahors"), ("托卡伊甜白葡萄酒", "Tokaj")]:
        top = _top(bundled_store, query)
        assert top is not None and top.names[0] == name, query


@pytest.mark.parametrize("query", ["原装进口巴罗洛珍藏干红葡萄酒", "巴罗洛干红2015", "巴罗洛窖藏红酒"])
def test_the_words_of_a_chinese_wine_label_leave_the_place(bundled_store, query):
    """A Chinese wine label adds its import claim (原装进口), its reserve (珍藏, 窖藏) and its vintage around the
    place: Barolo is still what it renders, with the wine as its product."""
    top = _top(bundled_store, query)
    assert top is not None and top.names[0] == "Barolo" and top.kind == "transcription"


@pytest.mark.parametrize("query, name", [("마르고 드라이 레드 와인", "Margaux"), ("프랑스 마르고 와인", "Margaux"),
                                         ("마르고 2015", "Margaux"), ("卡奥尔产红酒", "Cahors"),
                                         ("卡奥尔地区葡萄酒", "Cahors"), ("シャブリワイン辛口", "Chablis"),
                                         ("コンテ・エクストラ16ヶ月熟成", "Comté"), ("バローロ・リゼルヴァ", "Barolo"),
                                         ("匈牙利托卡伊貴腐甜白葡萄酒", "Tokaj")])
def test_korean_japanese_and_chinese_label_words_leave_the_place(bundled_store, query, name):
    """Korean listings write the wine's style (드라이 레드: dry red), the country before the place and the vintage
    apart; Chinese ones say 'produced in' (产) or 'region' (地区) after the place; Japanese ones may close on the
    style (辛口: dry) after ワイン, a cheese's age (16ヶ月熟成) or a wine's class in katakana (リゼルヴァ: riserva).
    None of them is a sound of the place."""
    top = _top(bundled_store, query)
    assert top is not None and top.names[0] == name and top.kind == "transcription"


def test_a_bilingual_label_is_read_in_each_script(bundled_store):
    """A listing writes the name in Chinese and in Latin letters beside it: each part alone names the GI, though
    together they read as neither. Latin label words alone (DOCG) make no part of their own; a label word inside
    a Chinese sign (酒庄, estate) parts the producer's name from the GI's."""
    from gimatch.match import readings

    assert readings("蒙切哥奶酪(Manchego)") == ["蒙切哥奶酪(Manchego)", "蒙切哥奶酪", "Manchego"]
    assert readings("巴罗洛DOCG") == ["巴罗洛DOCG", "巴罗洛"] and readings("Parma ham") == ["Parma ham"]
    assert _found(bundled_store, "AOCコート・デュ・ジュラ", "Côtes du Jura", within=1)   # AOC written on the name
    assert readings("甘吉亚酒庄巴巴莱斯科红葡萄酒")[1:] == ["甘吉亚", "巴巴莱斯科红葡萄酒"]   # an estate, then the GI
    assert _top(bundled_store, "蒙切哥奶酪(Manchego)").names[0] == "Queso Manchego"
    assert _top(bundled_store, "巴马奶酪Parmigiano-Reggiano").names[0] == "Parmigiano Reggiano"


def test_a_run_of_a_longer_sign_read_by_sound_names_the_gi(bundled_store):
    """Korean and Russian listings write the producer, the GI and label words apart (조르쥐 뒤뵈프 보졸레 빌라쥬
    누보: Georges Duboeuf, Beaujolais Villages, nouveau): each run of three words or fewer is read alone, for a
    little less than a sign that is the GI whole; in a sign of two words, each word but a label word (누보), and a
    sign of one word has no runs of its own."""
    from gimatch.match import windows

    assert ("보졸레 빌라쥬", None) in windows("조르쥐 뒤뵈프 보졸레 빌라쥬 누보")    # beside a producer's name
    assert windows("보졸레") == []
    assert windows("Parma ham and cheese") == []                     # Latin signs: the exact matchers' part
    assert "キアンティ" in [run for run, _ in windows("キアンティ・コッリ・セネージ")]   # katakana parts words with dots
    for query, name in [("조르쥐 뒤뵈프 보졸레 빌라쥬 누보", "Beaujolais Villages"),
                        ("Сандроне. Барбера д`Альба", "Barbera d'Alba"),
                        ("도멘 아르망 루소 페르 에 피스 샹베르탱 그랑 크뤼 2015", "Chambertin"),    # nine words
                        ("산토리니 아시리티코", "Σαντορίνη")]:                           # the GI, then the grape
        top = _top(bundled_store, query)
        assert top is not None and top.names[0] == name, query


def test_a_run_is_all_the_sign_names_beside_words_that_name_no_place_nor_another_product(bundled_store):
    """A label names the grape or the colour beside the place (랑게 네비올로: Langhe, Nebbiolo; Ланге Россо): the run
    is all the sign names and is not scored down, if the GI is a wine. The varieties are those the EU's wine PDOs
    allow (datasets/grape_varieties.csv), heard in any script read by sound; a variety's name may be a GI's too
    (Токай: Tokaj, and the Tocai of Friuli). A product word of another product keeps the run a part (Ланге сыр,
    Langhe cheese; 케팔로니아 of 마브로다프네 케팔로니아 is the wine, not Kefalonia's olive oil), and so does a sign
    that names a GI whole (Мускат Ривезальт: Muscat de Rivesaltes before Rivesaltes)."""
    from gimatch.match.base import windows
    from gimatch.text.lexicon import heard_as_variety

    assert heard_as_variety("네비올로") and heard_as_variety("неббиоло") and not heard_as_variety("랑게")
    assert windows("랑게 네비올로") == [("랑게", frozenset({"wine"})), ("네비올로", None)]
    assert windows("보졸레 누보") == [("보졸레", frozenset())] and windows("Ланге сыр") == [("Ланге", {"cheese"})]
    assert ("뮈지니", frozenset()) in windows("뮈지니 그랑 크뤼")      # a label term of two words heard together
    assert ("Мюзиньи", frozenset()) in windows("Мюзиньи Гран Крю")
    for sign, name in [("랑게 네비올로", "Langhe"), ("Ланге Россо", "Langhe"), ("Токай Фурминт", "Tokaj")]:
        top = _top(bundled_store, sign)
        assert top.names[0] == name and top.score >= 74.0, sign
    assert _top(bundled_store, "Сыр Грана Падано").score >= 92.0     # beside its product word: not scored down
    assert not bundled_store.check("Ланге сыр").conflicts
    assert _top(bundled_store, "마브로다프네 케팔로니아").gi == "eu:PDO-GR-A1055"
    assert _top(bundled_store, "Мускат Ривезальт").names[0] == "Muscat de Rivesaltes"


def test_a_sign_read_in_parts_keeps_the_whole_signs_answer(bundled_store):
    """Parts that fold to nothing (・) are not read; a run of a sign that is a GI's name is no 'identical' match of
    the whole sign; runs of product and label words alone (wine, white, dry) are not read; a wine's style is
    taken off only beside a word for wine, and an umlaut spelled out is read so only for a German word."""
    from gimatch.text.anatomy import anatomy

    top = _top(bundled_store, "Parmigiano・Reggiano")
    assert top is not None and top.kind == "identical"
    assert _top(bundled_store, "Κρασί Νεμέα ερυθρό").kind == "contains"
    assert not bundled_store.check("Κρασί λευκό ξηρό").conflicts
    assert anatomy("醪糟甜酒").place != "醪糟" and anatomy("Boer Goats").place == "boer"


def test_greek_writes_a_foreign_b_d_g_with_two_letters(bundled_store):
    """Greek has no letter for b, d, g and writes them μπ, ντ, γκ inside a foreign name as at its start
    (Μπορντό, Bordeaux), where ELOT 743 reads them mb, nd, ng."""
    top = _top(bundled_store, "Μπορντό")
    assert top is not None and top.names[0] == "Bordeaux" and top.kind == "transcription"


def test_a_greek_genitive_in_is_names_the_place_its_nominative_does(bundled_store):
    """Φάβα Σαντορίνης writes Santorini in the genitive (Santorinis): yellow split peas of Santorini are that GI
    first, before the wine named Santorini alone."""
    top = _top(bundled_store, "Santorini yellow split peas")
    assert "Fava Santorinis" in top.names and top.kind == "translation"


@pytest.mark.parametrize("query, name", [("勃艮第黑皮诺", "Bourgogne"), ("阿尔萨斯雷司令", "Alsace"),
                                         ("桑塞尔长相思", "Sancerre")])
def test_a_grape_variety_closing_a_chinese_label_says_which_grape(bundled_store, query, name):
    """A grape variety the Chinese dictionary names (黑皮诺 Pinot noir, 雷司令 Riesling, 长相思 Sauvignon blanc)
    closing a Chinese wine label says which grape, not which place, and that the product is wine."""
    from gimatch.text.anatomy import anatomy

    assert anatomy(query).label_product == "wine"
    assert _found(bundled_store, query, name, within=1)


def test_characters_that_render_a_name_as_chinese_renders_foreign_names_back_it(bundled_store):
    """维拉尼 writes Villány with the characters Chinese renders vi, la and ni with (datasets/zh_renderings.csv):
    found; 今麦郎, a brand, comes as near the sounds of Saint-Émilion, but its characters render them worse than
    the dictionary's renderings of foreign names do: not read as that GI."""
    from gimatch.text.zh_renderings import fit

    assert _found(bundled_store, "维拉尼", "Villány")
    assert not bundled_store.check("今麦郎").conflicts
    assert fit("波尔多", "PoLTo") > fit("宝乐斗", "PoLTo") + 2.0 and fit("", "PoLTo") is None


def test_a_place_in_foreign_chinese_renders_the_gi_alone(bundled_store):
    """萨莫拉诺 is Zamorano sound for sound, in sound characters only: the place of Queso Zamorano, no product
    word needed, as for katakana the dictionary does not know; Modena's particle 的 is no sound of the place."""
    assert _found(bundled_store, "萨莫拉诺", "Queso Zamorano")
    assert _found(bundled_store, "摩德納的傳統香醋", "Aceto balsamico tradizionale di Modena")


def test_a_rendering_that_says_the_names_product_word_beside_its_own(bundled_store):
    """哥瑞纳-帕达诺奶酪 renders Grana Padano whole, grana (a cheese) as sounds, and adds 奶酪: the place less the
    product word has every consonant of the name, so it says the name's product word too."""
    assert _found(bundled_store, "哥瑞纳-帕达诺奶酪", "Grana Padano", within=1)


def test_a_name_turned_round_as_the_market_writes_it(bundled_store):
    """Montefalco Sagrantino is still written Sagrantino di Montefalco, Romagna Albana Albana di Romagna: a rendering
    of the turned name, word by word, finds it; one run of sounds does not (費蘭迪斯 is no Véran Saint)."""
    from gimatch.text.keys import phonetic_keys

    assert any(k.kind == "phon-turned:latin" for k in phonetic_keys("Montefalco Sagrantino", lang="it"))
    assert not any(k.kind.startswith("phon-turned") for k in phonetic_keys("Saint-Véran", lang="fr"))
    top = _top(bundled_store, "사그란티노 디 몬테팔코")
    assert "Montefalco Sagrantino" in top.names and "another order" in top.why
    assert _found(bundled_store, "アルバーナ・ディ・ロマーニャ", "Romagna Albana", within=1)
    assert not any("Véran" in c.names[0] for c in bundled_store.check("費蘭迪斯").conflicts)


def test_a_thai_place_that_opens_a_gis_longer_place(bundled_store):
    """Pak Chong custard apples are the GI of Pak Chong Khao Yai (น้อยหน่าปากช่องเขาใหญ่), the words of its place as
    the Thai word list divides them; its durian is another GI of the same place."""
    top = _top(bundled_store, "น้อยหน่าปากช่อง")
    assert top.names[0] == "น้อยหน่าปากช่องเขาใหญ่" and top.kind == "translation"
    assert _top(bundled_store, "ทุเรียนปากช่อง").names[0] == "ทุเรียนปากช่องเขาใหญ่"


@pytest.mark.parametrize("sign, name", [("바-아르마냑", "Armagnac"), ("Токай-Хедьяла", "Tokaj")])
def test_a_hyphen_parts_the_words_of_a_sign_written_by_sound(bundled_store, sign, name):
    """Korean, Russian and Greek keep a foreign name's hyphens (Bas-Armagnac, Tokaj-Hegyalja): the GI's word between
    them is a run of its own."""
    assert _found(bundled_store, sign, name, within=1)


def test_words_describing_the_product_after_the_particle_leave_the_place(bundled_store):
    """昂贝尔的圆柱形奶酪, Ambert's cylindrical cheese: the place is what the particle closes, the words after it
    describe the cheese; a country before the particle says whose, not which place."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("昂贝尔的圆柱形奶酪").place == "昂贝尔"
    assert anatomy("法国的卡门贝尔诺曼底奶酪").place != "法国"
    assert anatomy("ル・ピュイ産緑レンズ豆").place == "ルピュイ"     # made in Le Puy, green lentils
    assert anatomy("パルマ産生ハム").place == "パルマ"
    # words after the particle that could be the foreign name itself: the artisan's Roquefort, a tasty Roquefort
    assert _found(bundled_store, "職人のロックフォールチーズ", "Roquefort", within=1)
    assert _found(bundled_store, "好吃的罗克福奶酪", "Roquefort", within=1)
    assert _found(bundled_store, "昂贝尔的圆柱形奶酪", "Fourme d'Ambert", within=1)


@pytest.mark.parametrize("query, name", [("Phoenix Dan Cong", "凤凰单丛"), ("Ji County apples", "吉县苹果")])
def test_a_chinese_place_translated_into_english(bundled_store, query, name):
    """凤凰 is written Phoenix, 吉县 Ji County: the place read back to its characters' pinyin, with the product."""
    top = _top(bundled_store, query)
    assert name in top.names and top.kind == "translation"
    assert not bundled_store.check("Phoenix").conflicts           # the place alone, no product: no translation


def test_a_product_term_only_in_brackets_is_not_a_name(bundled_store):
    napa = bundled_store.get("cn.gi_products:AQSIQ-2012-纳帕河谷（葡萄酒）")
    assert "葡萄酒" not in [n.text for n in napa.names] and "纳帕河谷" in [n.text for n in napa.names]
    assert all("Napa Valley" not in c.names for c in bundled_store.check("夏布利葡萄酒").conflicts)


def test_the_lexicon_recognises_the_product_word_of_the_registers_names(bundled_store):
    from pathlib import Path

    from gimatch.evaluate import lexicon_coverage, names_without_product_word

    labelled = Path(__file__).resolve().parent.parent / "eval/cases/names_without_product_word.csv"
    without = names_without_product_word(labelled)
    assert len(without) > 100
    coverage = lexicon_coverage(bundled_store, without)
    names = sum(c["names"] for c in coverage.values())
    assert names > 2000 and sum(c["recognised"] for c in coverage.values()) / names >= 0.95
    assert len(coverage) >= 7
    for register, share in coverage.items():            # every register, the small ones too
        assert share["share"] >= 0.95, (register, share)


@pytest.mark.parametrize("name, concept", [
    ("Ροδάκινα Νάουσας", "peach"), ("Rodakina Naoussas", "peach"),      # a Greek plural, in both scripts
    ("Malatya Kayısısı", "apricot"), ("Antep Fıstığı", "pistachio"),    # the Turkish possessive
    ("Fagioli di Sarconi", "beans"),                                    # an Italian plural
])
def test_product_words_are_recognised_in_their_plural_and_case_forms(name, concept):
    from gimatch.text.anatomy import anatomy

    assert concept in {t.concept for t in anatomy(name).terms}


def test_a_narrower_product_is_the_same_product():
    from gimatch.text.lexicon import concepts_agree

    assert concepts_agree({"pear"}, {"fragrant_pear"}) and concepts_agree({"cheese"}, {"sheep_cheese"})
    assert not concepts_agree({"green_tea"}, {"black_tea"}) and not concepts_agree({"cucumber"}, {"sea_cucumber"})


def test_a_product_whose_compounds_end_with_another_s_word_is_a_kind_of_it(bundled_store):
    """German Rostbratwurst and Dutch braadworst end with the words for sausage: a bratwurst is a sausage, and
    Nuremberg sausages are Nürnberger Bratwürste. Fruit and vegetables are named by likeness (Granatapfel,
    granaatappel): a pomegranate is no apple."""
    from gimatch.text.lexicon import concepts_agree

    assert concepts_agree({"sausage"}, {"bratwurst"}) and concepts_agree({"meat"}, {"venison"})
    assert not concepts_agree({"apple"}, {"pomegranate"}) and not concepts_agree({"onion"}, {"garlic"})
    assert "Nürnberger Bratwürste" in _top(bundled_store, "Nuremberg sausages").names


def test_a_word_that_names_two_products_in_two_languages_names_both():
    from gimatch.text.anatomy import anatomy

    assert {"grape", "raisins"} <= anatomy("Turpan raisins").concepts     # raisin: a grape in French


@pytest.mark.parametrize("query, name", [("リヴァロ", "Livarot"), ("サレール", "Salers")])
def test_katakana_the_dictionary_cannot_explain_renders_a_gi_known_only_at_home(bundled_store, query, name):
    """The dictionary cuts リヴァロ into リ + ヴァロ and knows サレール not at all: a foreign name, rendered whole."""
    top = _top(bundled_store, query)
    assert top is not None and name in top.names and top.kind == "transcription"


@pytest.mark.parametrize("query, name", [("On Kai Tit Kwun Yum", "安溪铁观音"), ("Shiu Hing Chau", "绍兴酒")])
def test_a_chinese_gi_in_a_cantonese_spelling(bundled_store, query, name):
    """Hong Kong and Guangdong exporters spell a Chinese name as Cantonese says it: its Jyutping reading is one of
    the name's sound forms, beside its pinyin."""
    top = _top(bundled_store, query)
    assert top is not None and top.names[0] == name and top.kind == "transcription"
    assert top.evidence[0].key_kind.endswith(":cantonese")


def test_only_a_sign_in_latin_letters_reads_a_chinese_name_as_cantonese(bundled_store):
    """Korean, Japanese and Thai render a Chinese name by its Mandarin or their own readings, never by its
    Cantonese one: the Cantonese sound forms are for signs in Latin letters only."""
    for sign in ("스윙칩", "ティッカンヤム", "ทิตกวนยำ"):
        assert not [e for c in bundled_store.check(sign).conflicts for e in c.evidence
                    if e.key_kind.endswith(":cantonese")], sign


def test_a_name_of_two_consonants_rendered_whole_in_three_syllables_or_more(bundled_store):
    """ナウサ (Naoussa, Νάουσα, a wine known only at home): three kana, vowels and all, render the name as surely as
    three consonants would, and so does Hangul that happens to be made of readings of Chinese characters (나우사);
    two syllables that leave a sound out do not (ナウ)."""
    for sign in ("ナウサ", "나우사"):
        top = _top(bundled_store, sign)
        assert top is not None and top.names[0] == "Νάουσα" and top.kind == "transcription"
    assert not bundled_store.check("ナウ").conflicts


def test_a_katakana_loanword_the_dictionary_derives_from_a_gi_name(bundled_store):
    top = _top(bundled_store, "日本シャンパンタワー協会")
    assert top is not None and "Champagne" in top.names and top.kind == "transcription"
    assert top.evidence[0].key_kind == "dictionary source"
    assert not bundled_store.check("ポートアイランド").conflicts     # port island: a short name among other words


def test_a_chinese_rendering_the_dictionary_knows_is_what_it_says(bundled_store):
    """CC-CEDICT gives 科罗娜 as Corona (the beer) and 法拉利 as Ferrari: no rendering of Colonna or any GI; it gives
    阿尔萨斯 as Alsace and 诺曼底 as Normandy, which name GIs (Normandy as Normandie's word is formed)."""
    for query in ("科罗娜", "科羅娜", "法拉利", "肯德基"):
        assert not bundled_store.check(query).conflicts, query
    # a later sense (科罗纳: Corona, then Colonna; 雷诺: Reynolds, Renault, then Reno), a language (英语: English)
    # or an abbreviation (铁道部: Ministry of Railways, MOR) names no GI
    for query in ("科罗纳", "雷诺", "英语", "铁道部"):
        assert not bundled_store.check(query).conflicts, query
    # a place elsewhere (拉各斯: Lagos, the Nigerian city), a person (查理大帝, Charlemagne), a place named in a
    # qualifier (迈阿密: Miami (Florida)), a word that only opens a name's word (马尔斯, Mars: Margaux)
    for query in ("拉各斯", "查理大帝", "迈阿密", "马尔斯"):
        assert not bundled_store.check(query).conflicts, query
    top = _top(bundled_store, "勃艮第")                           # Burgundy: Bourgogne, by the lexicon's exonyms
    assert top is not None and top.names[0] == "Bourgogne"
    top = _top(bundled_store, "阿尔萨斯")
    assert top is not None and top.names[0] == "Alsace" and top.evidence[0].key_kind == "dictionary source"
    assert "CC-CEDICT" in top.evidence[0].detail
    top = _top(bundled_store, "诺曼底苹果酒")
    assert top is not None and any("Normandie" in n for n in top.names)


def test_a_place_the_chinese_dictionary_names_meets_the_gi_beside_its_product(bundled_store):
    """巴伐利亚 is Bavaria to the dictionary, not Bayerisches: alone it names no GI, beside beer it renders the
    GI's place."""
    top = _top(bundled_store, "巴伐利亚啤酒")
    assert top is not None and "Bayerisches Bier" in top.names


def test_the_word_that_opens_a_gi_name_and_names_its_product_inside_a_longer_sign(bundled_store):
    """A producer's listing writes Amarone beside the producer: partial of Amarone della Valpolicella. Not the
    first word of an English name (Diamond Mountain District), nor one that opens many names (Campo)."""
    top = _top(bundled_store, "Masi Amarone")
    assert top is not None and "Amarone della Valpolicella" in top.names and top.kind == "partial"
    assert "opens 'Amarone della Valpolicella'" in top.why
    for query in ("Blue Diamond Growers", "Campo Viejo"):
        assert not bundled_store.check(query).conflicts, query


def test_a_gi_name_with_its_words_in_another_order_is_a_variant_and_ranks_first(bundled_store):
    """Sagrantino di Montefalco writes every word of Montefalco Sagrantino: that GI before Montefalco, whose name
    the sign holds whole but with a word more."""
    top = _top(bundled_store, "Sagrantino di Montefalco")
    assert top is not None and top.names[0] == "Montefalco Sagrantino" and top.kind == "variant"


def test_a_stem_with_an_ending_too_far_for_a_typo_evokes_the_gi(bundled_store):
    """Taleggiano is two letters from Taleggio and 89 % alike: no slip the fuzzy matcher takes, so an evocation
    built on its stem (the evocation matcher leaves to the fuzzy one only names as alike as it takes them)."""
    top = _top(bundled_store, "Taleggiano")
    assert top is not None and "Taleggio" in top.names and top.kind == "evocation"


def test_a_gi_name_that_opens_a_longer_word_evokes_it(bundled_store):
    top = _top(bundled_store, "Tokajgold")
    assert top is not None and "Tokaj" in top.names and top.kind == "evocation"
    assert "the GI name 'Tokaj' opens the word" in top.why
    assert not bundled_store.check("Portland").conflicts              # Port: too short to open a word


def test_an_ending_alone_evokes_only_a_gi_known_abroad(bundled_store):
    """Verlados evokes Calvados (protected in China too); Doritos shares only '-itos' with Biscoitos, a wine
    known at home: below the default threshold."""
    assert any("Calvados" in c.names and c.kind == "evocation" for c in bundled_store.check("Verlados").conflicts)
    assert not bundled_store.check("Doritos").conflicts


def test_a_word_built_on_most_of_a_short_name_evokes_it_when_known_abroad(bundled_store):
    """Cognapea opens with five of Cognac's six letters and ends on its own short word: Cognac is protected in
    China too, so the sign calls it up; a short name known only at home is not called up so."""
    top = bundled_store.check("COGNAPEA").conflicts[0]
    assert "Cognac" in top.names and top.kind == "evocation" and "stem" in top.why
    assert not bundled_store.check("Badenia").conflicts         # Baden: a wine known at home


def test_a_stem_alone_evokes_only_a_gi_known_abroad(bundled_store):
    """Gorgonzolette is built on the stem of Gorgonzola (protected in China too); Martini & Rossi on the stem of
    Martina and of Μαρτίνο, wines known at home, and names no product: no evocation."""
    top = bundled_store.check("Gorgonzolette & Co").conflicts[0]
    assert "Gorgonzola" in top.names and top.kind == "evocation" and "stem" in top.why
    assert not any(c.kind == "evocation" for c in bundled_store.check("Martini & Rossi").conflicts)


def test_evocation_is_judged_on_spellings_not_on_machine_keys(bundled_store):
    """Sunlight shares an ending only with the stemmed key 'nachheight' of Naches Heights: no evocation."""
    assert not any(c.kind == "evocation" for c in bundled_store.check("Sunlight").conflicts)


def test_one_word_that_qualifies_several_places_is_no_partial_name(bundled_store):
    """'delta' qualifies the Ebro, the Po and the Mississippi in three names: alone it names none of them, and
    with the place beside it, it is the GI's."""
    from gimatch.match.evocation import names_several_places

    idx = bundled_store.index()
    assert names_several_places("delta", idx) and not names_several_places("parmigiano", idx)
    assert not any(c.kind == "partial" for c in bundled_store.check("Valle").conflicts)
    top = _top(bundled_store, "Delta del Ebro")
    assert top is not None and "Arroz del Delta del Ebro" in top.names


def test_a_dropped_letter_that_two_names_explain_is_no_typo(bundled_store):
    """Mata is Matra or Malta with a letter dropped: a word of its own; Fitu is only Fitou."""
    assert not bundled_store.check("Mata").conflicts
    top = _top(bundled_store, "Fitu")
    assert top is not None and "Fitou" in top.names and top.kind == "fuzzy"


@pytest.mark.parametrize("whole, broken", [("ロックフォール", "ロック フォール"), ("로크포르", "로크 포르")])
def test_a_rendering_breaks_words_where_the_name_does(bundled_store, whole, broken):
    assert "Roquefort" in _top(bundled_store, whole).names
    assert not any("Roquefort" in c.names for c in bundled_store.check(broken).conflicts)


def test_renderings_keep_a_nasal_that_closes_a_syllable():
    from gimatch.text import phonetic

    mont_dor = phonetic.latin("mont d'or", "fr")
    kept, dropped = phonetic.from_pinyin("meng duo er"), phonetic.from_pinyin("mo de luo")
    assert phonetic.similarity(kept, mont_dor) > 0.9 > 0.8 > phonetic.similarity(dropped, mont_dor)


def test_a_gi_names_its_own_product_where_a_word_of_its_class_says_it():
    """Selino is a place in the name of a Cretan olive oil, and Greek for celery: the GI's product is the oil."""
    from gimatch.text.anatomy import anatomy

    anat = anatomy("Exeretiko Partheno Eleolado Selino Kritis")
    assert "celery" in anat.concepts and anat.concepts_of("oils_fats") == {"olive_oil"}
    assert anatomy("Selino Kritis").concepts_of("oils_fats") == {"celery"}   # no word of the class: all it names


def test_kanji_in_japanese_text_are_not_read_as_a_foreign_name():
    """Japanese writes foreign names in katakana: in 北海道シャブリ only シャブリ is read by its sounds."""
    from gimatch.match.base import analyze, phonetic_forms
    from gimatch.text import phonetic

    assert [form for form, _, _ in phonetic_forms(analyze("北海道シャブリ"))] == [phonetic.from_kana("シャブリ")]


def test_a_form_that_reads_the_product_word_as_sounds_has_no_product():
    """帕尔玛火腿 is read as Parma with ham, and as a whole by its sounds, where 火腿 is no longer the product;
    a text without a product word has one reading, with nothing taken as sounds."""
    from gimatch.match.base import analyze, phonetic_forms

    forms = phonetic_forms(analyze("帕尔玛火腿"))
    assert [products_as_sounds for _, _, products_as_sounds in forms] == [False, True]
    assert forms[0][0] == "PaLMa" and forms[1][0].startswith("PaLMaHo")
    assert [p for _, _, p in phonetic_forms(analyze("シャブリ"))] == [False]


def test_a_slip_is_judged_on_the_distinctive_part_not_on_a_shared_product_word(bundled_store):
    """Dotor coffee is two letters from Doiton coffee (Doi Tung coffee in Japanese), but 'dotor' is not a slip
    of 'doiton'; 龙井荼 is still one character from 龙井茶."""
    from gimatch.match.fuzzy import _distinctive

    assert _distinctive("爱尔兰威士忌", "苏格兰威士忌", ["威士忌"], 2) == ("爱尔兰", "苏格兰")
    assert _distinctive("porto", "portt", ["port"], 4) == ("porto", "portt")      # too little left: kept whole
    assert not any(c.kind == "fuzzy" for c in bundled_store.check("Dotor coffee").conflicts)
    assert _top(bundled_store, "龙井荼").kind == "fuzzy"


def test_the_first_word_alone_is_the_gi_only_where_it_names_the_product(bundled_store):
    """ブルネッロ renders Brunello, the product's own name, and アマローネ Amarone; ケンティッシュ renders Kentish, the
    place of Kentish ale, which needs the ale beside it (肯特啤酒); モンテス renders Montes, the mountains of Montes de
    Toledo, a landscape word, not the name."""
    assert "Brunello di Montalcino" in _top(bundled_store, "ブルネッロ").names
    # of three consonants, rendered in four syllables, vowels and all
    assert "Amarone della Valpolicella" in _top(bundled_store, "アマローネ").names
    assert not bundled_store.check("ケンティッシュ").conflicts
    assert not bundled_store.check("モンテス").conflicts and not bundled_store.check("Монтес").conflicts
    assert any("Kentish ale and Kentish strong ale" in c.names for c in bundled_store.check("肯特啤酒").conflicts)


def test_a_province_stated_before_a_chinese_place_is_its_origin(bundled_store):
    """Exporters put the province before the place (Zhejiang Longjing, Yunnan Pu'er): the place is the GI's, its
    origin stated; a province alone names no GI."""
    assert "龙井茶" in _top(bundled_store, "Zhejiang Longjing").names
    assert any("普洱茶" in c.names for c in bundled_store.check("Yunnan Pu'er").conflicts)
    assert not bundled_store.check("Yunnan").conflicts and not bundled_store.check("Zhejiang").conflicts
    # a province is no country: a GI named by its country's name (Polish Vodka) is not every GI of its provinces,
    # and the place after a stated origin is a GI of that country (Tianjin Port is no Porto)
    for sign in ("Chinese Rice", "Hunan Rice", "湖南大米", "Tianjin Port", "Japan Boca"):
        assert not bundled_store.check(sign).conflicts, sign


def test_a_partial_name_needs_every_word_of_the_sign_in_the_gi_name(bundled_store):
    """Tip is a word of the AVA Tip of the Mitt, but AB Tip has a word the AVA's name does not."""
    assert any("Tip of the Mitt" in c.names for c in bundled_store.check("Tip", threshold=0).conflicts)
    assert not any("Tip of the Mitt" in c.names for c in bundled_store.check("AB Tip", threshold=0).conflicts)


def test_a_rendering_after_the_name_of_a_country_is_read_without_it(bundled_store):
    """法国夏布利 (France, then Chablis): the stated origin does not avoid the conflict, and the rendering is
    read on its own. The GI's own country backs it as its product would: 德国巴登 (Germany, then Baden) is
    Baden, スペインのカバ (Spain's Cava) Cava, short renderings chance meets often; a short country name closing a
    katakana word states no origin (マルタイ, a ramen brand, is no Thai GI)."""
    assert "Chablis" in _top(bundled_store, "法国夏布利").names
    assert not bundled_store.check("法国").conflicts
    assert "Baden" in _top(bundled_store, "德国巴登").names and "Cava" in _top(bundled_store, "スペインのカバ").names
    assert _top(bundled_store, "독일바덴").score == _top(bundled_store, "독일 바덴").score    # spaced or not
    assert not bundled_store.check("マルタイ").conflicts
    # a Greek or Cyrillic adjective of origin, in its script (read in Latin letters), is such a word too
    assert "Champagne" in _top(bundled_store, "Γαλλική σαμπάνια").names
    assert "Champagne" in _top(bundled_store, "французское шампанское").names


def test_a_final_nasal_a_faithful_script_writes_is_kept(bundled_store):
    """Cyrillic writes the n it hears: Маркон (a brand) ends on a nasal Margaux lacks, which Chinese might add
    but Cyrillic would not; マコン (Mâcon) keeps its match."""
    assert not bundled_store.check("Маркон").conflicts
    assert "Mâcon" in _top(bundled_store, "マコン").names


def test_the_final_s_of_a_french_place_in_as_or_os_is_said(bundled_store):
    """Gigondas, Cornas, Vacqueyras and Calvados say their final s (吉恭达斯, ヴァケラス write it); Minervois,
    Chablis and Graves do not, nor the words of one syllable (Clos, Bas, Gros)."""
    from gimatch.text import phonetic

    assert all(phonetic.latin(w, "fr").endswith("S") for w in ("Gigondas", "Cornas", "Vacqueyras", "Calvados"))
    assert not any(phonetic.latin(w, "fr").endswith("S") for w in ("Minervois", "Chablis", "Graves", "Clos", "Gros"))
    # -ault says o, gu before e a hard g, and -il after a vowel a glide (Bourgueil: 布尔戈伊)
    assert [phonetic.latin(w, "fr") for w in ("Meursault", "Bourgueil")] == ["MöLSo", "PuLKeY"]
    assert "Vacqueyras" in _top(bundled_store, "ヴァケラス").names


def test_a_rendering_closed_by_the_fortress_character_is_heard_as_burg(bundled_store):
    """Chinese writes -burg, -berg and -bourg with 堡 (a fortress, read bao): 纽伦堡姜饼 is Nürnberger Lebkuchen,
    符腾堡 Württemberg; 汉堡 and 汉堡王 (a hamburger, a burger chain) are read as written and name no GI."""
    assert "Nürnberger Lebkuchen" in _top(bundled_store, "纽伦堡姜饼").names
    assert "Württemberg" in _top(bundled_store, "符腾堡").names
    assert not bundled_store.check("汉堡").conflicts and not bundled_store.check("汉堡王").conflicts


def test_a_nasal_before_a_labial_is_labial_across_words_too(bundled_store):
    """Saint-Péray is said with an m before the p, as 圣佩雷 (sheng pei lei) writes it: the name is read as
    one sound form across its words, as pinyin is. A hyphen parts words, so the t that closes Saint is silent
    as it is before a space."""
    from gimatch.text import phonetic

    assert phonetic.latin("Saint-Péray", "fr") == phonetic.latin("Saint Péray", "fr") == "SæMPeLe"
    assert any("Saint-Péray" in c.names for c in bundled_store.check("圣佩雷").conflicts[:5])


def test_korean_writes_a_foreign_f_with_the_letter_of_p(bundled_store):
    """피오레 사르도 is Fiore Sardo; 프로슈토 디 파르마 is still Prosciutto di Parma."""
    from gimatch.text import phonetic

    assert phonetic.from_hangul("피오레", labials=1) == "FioLe" and phonetic.from_hangul("피오레") == "PioLe"
    assert "Fiore Sardo" in _top(bundled_store, "피오레 사르도").names
    assert "Prosciutto di Parma" in _top(bundled_store, "프로슈토 디 파르마").names


def test_a_countrys_name_evokes_no_gi_by_its_ending(bundled_store):
    """Canada shares '-anada' with Granada, Polish '-lish' with English: each names its country."""
    assert not any(c.kind == "evocation" for c in bundled_store.check("Canada Mountain").conflicts)
    assert not any(c.kind == "evocation" for c in bundled_store.check("Polish vodka").conflicts)


def test_a_place_in_another_script_is_compared_as_it_is_read(bundled_store):
    """Matsusaka beef: 特産松阪牛 has its place read matsuzaka; the sounds and the letters agree."""
    assert _top_kind(bundled_store, "Matsusaka Beef", "特産松阪牛") == "translation"


def test_a_compound_name_is_found_by_the_place_it_opens_with(bundled_store):
    """Schwarzwaldforelle writes its place and product as one word: Black Forest trout translates it, as Black
    Forest ham translates Schwarzwälder Schinken; only the product word the name names closes the place, and what
    opens the compound is no place where it is a product word too (Galotyri)."""
    from gimatch.text.anatomy import compound_place

    assert compound_place("schwarzwaldforelle", frozenset({"trout"})) == "schwarzwald"
    assert compound_place("schwarzwaldforelle", frozenset({"ham"})) == ""
    assert compound_place("galotyri", frozenset({"cheese"})) == ""      # gala (γάλα), milk, is a product word
    assert _top_kind(bundled_store, "Black Forest trout", "Schwarzwaldforelle") == "translation"
    assert _top_kind(bundled_store, "Marchfeld asparagus", "Marchfeldspargel") == "translation"


def test_a_rendering_reads_its_characters_as_names_read_them(bundled_store):
    """A character read one way in common words and another in names takes the names' reading in a rendering
    (什 shen alone, shi of 什切青; 都 du, 柏 bo): 拉塔什 is La Tâche, 柏图斯 bo-tu-si; a word the pinyin dictionary
    knows keeps its reading (六安 lu an)."""
    from gimatch.match.base import han_sounds

    assert han_sounds("拉塔什") == "la ta shi" and han_sounds("柏图斯") == "bo tu si"
    assert han_sounds("六安") == "lu an" and han_sounds("音乐") == "yin yue"      # words keep their own readings
    assert "La Tâche" in _top(bundled_store, "拉塔什").names


def test_a_chinese_name_rendered_syllable_by_syllable(bundled_store):
    """Russian writes a Chinese name syllable by syllable, spaced (Аньси Те Гуань Инь: 安溪铁观音): a name written
    without spaces has no words the rendering could break wrongly, but a spaced rendering must render its
    syllables closely (Антон Пинский is no 文登苹果)."""
    assert "安溪铁观音" in _top(bundled_store, "Аньси Те Гуань Инь").names
    assert not bundled_store.check("Антон Пинский").conflicts


def test_a_thai_sign_the_word_list_divides_is_read_by_its_words(bundled_store):
    """Thai runs words together: แชมเปญต้อนรับ (welcome champagne) is read by its words, as a spaced sign in
    Hangul is; a spaced Thai sign, or a run the word list cannot divide, is not (บุรีรัมย์ ยูไนเต็ด)."""
    from gimatch.match.base import windows

    assert [run for run, _ in windows("แชมเปญต้อนรับ")] == ["แชมเปญ", "ต้อนรับ"] and windows("บุรีรัมย์ ยูไนเต็ด") == []
    assert any("Champagne" in c.names for c in bundled_store.check("แชมเปญต้อนรับ", limit=5).conflicts)


def test_a_katakana_persons_name_is_not_read_by_its_words(bundled_store):
    """ジョセフ・ゴードン・レヴィット is a person's name, each word one to the Japanese dictionary: ゴードン alone is
    no rendering of Corton. A sign of a producer's name and a GI's is still read by its words."""
    from gimatch.match.base import analyze
    from gimatch.match.phonetic import names_a_person

    assert names_a_person(analyze("ジョセフ・ゴードン・レヴィット"))
    assert not bundled_store.check("ジョセフ・ゴードン・レヴィット").conflicts
    assert not names_a_person(analyze("ジョルジュ・デュブッフ・ボージョレ・ヌーヴォー"))


def test_a_gis_name_as_written_is_not_read_by_its_words(bundled_store, monkeypatch):
    """กาแฟดอยตุง is a GI's name as the register writes it: its words alone are that GI's, and are not read."""
    import gimatch.conflicts

    def no_runs(text):
        raise AssertionError(f"runs of {text!r} read")

    monkeypatch.setattr(gimatch.conflicts, "windows", no_runs)
    assert bundled_store.check("กาแฟดอยตุง").conflicts[0].kind == "identical"


def test_a_cyrillic_name_in_the_genitive_is_read_in_the_nominative(bundled_store):
    """Russian and Ukrainian name a place in the genitive (вино Риохи, Бургундії): a feminine noun's genitive is
    also read as its nominative, case and punctuation kept; a product word the lexicon knows, in any of its
    cases (ветчины), stays, and endings
    a nominative shares (Мельница, Петрова, a masculine genitive as Медока) are not read back."""
    from gimatch.match import readings

    assert readings("вино «Риохи»,") == ["вино «Риохи»,", "вино «Риоха»,"]
    assert readings("ВИНО РИОХИ")[1:] == ["ВИНО РИОХА"] and readings("Бургундії")[1:] == ["Бургундія"]
    assert readings("ветчины Пармы")[1:] == ["ветчины Парма"] and readings("Сосиски") == ["Сосиски"]
    for sign in ("Мельница", "Кантина", "Петрова", "Москва", "Медока", "Рига"):
        assert readings(sign) == [sign]
    assert "Rioja" in _top(bundled_store, "Риохи").names
    assert not bundled_store.check("Мельница").conflicts and not bundled_store.check("Кантина").conflicts


def test_a_name_in_brackets_is_read_alone(bundled_store):
    """A sign that gives another name of the product in brackets names the GI by either: Big Red Robe (Da Hong
    Pao) is 武夷山大红袍 by its bracketed pinyin; brackets that hold no letters part nothing."""
    from gimatch.match import readings

    assert readings("Big Red Robe (Da Hong Pao)") == ["Big Red Robe (Da Hong Pao)", "Big Red Robe", "Da Hong Pao"]
    assert readings("Comté (2019)") == ["Comté (2019)"]
    assert "武夷山大红袍" in _top(bundled_store, "Big Red Robe (Da Hong Pao)").names


def test_of_one_places_gis_of_a_class_the_one_whose_name_holds_the_product_word_ranks_first(bundled_store):
    """Black Forest kirsch: Schwarzwälder Kirschwasser before the Black Forest's other fruit spirits."""
    assert _top_kind(bundled_store, "Black Forest kirsch", "Schwarzwälder Kirschwasser") == "translation"


def test_a_rendering_of_a_whole_name_outranks_one_of_a_word_of_a_longer_name(bundled_store):
    """바르돌리노 is Bardolino before Bardolino superiore, 프라스카티 Frascati before Frascati Superiore: GIs known
    only at home, whose four consonants, sound for sound, count."""
    assert _top(bundled_store, "바르돌리노").names == ["Bardolino"]
    assert _top(bundled_store, "프라스카티").names == ["Frascati"]


@pytest.mark.parametrize("query, name", [("Montalcino", "Rosso di Montalcino"), ("Scotch's", "Scotch Whisky"),
                                         ("Mancha 3", "La Mancha")])
def test_a_places_own_name_and_a_word_with_a_number_or_possessive_are_partial_names(bundled_store, query, name):
    """Montalcino names one place in two GIs (not a word of several countries' names); 's and 3 are no words a
    GI's name must hold."""
    assert any(name in c.names and c.kind == "partial" for c in bundled_store.check(query).conflicts)


def test_a_word_that_meets_a_name_only_once_its_plural_is_folded_is_no_partial_name(bundled_store):
    """Coles (a retailer) folds to cole, a word of Cole Ranch: another word; Cévennes is a word of Oignon doux
    des Cévennes as written."""
    assert not bundled_store.check("Coles").conflicts
    assert any("Oignon doux des Cévennes" in c.names and c.kind == "partial"
               for c in bundled_store.check("Cévennes").conflicts)


def test_a_persons_name_the_dictionary_spells_not_is_heard_a_brands_is_not(bundled_store):
    """ヴィラーニ is a person's name to the Japanese dictionary, which gives no spelling: its own sounds may render
    Villány; ビスコ is a brand (Glico's biscuits), no rendering of Pisco."""
    assert _found(bundled_store, "ヴィラーニ", "Villány", within=1)
    assert not bundled_store.check("ビスコ").conflicts


def test_a_persons_name_the_dictionary_spells_is_heard_too(bundled_store):
    """モーゼル is Mauser to the Japanese dictionary, a name, which is a spelling: the katakana's own sounds render
    Mosel as well."""
    assert _found(bundled_store, "モーゼル", "Mosel", within=1)


def test_a_gi_a_secondary_list_writes_only_in_latin_letters_is_the_registers_record(bundled_store):
    """Doi Tung coffee, of the Thai list of protection abroad, is กาแฟดอยตุง of the Thai register (and of the EU
    register): one GI, shown once, under the register's own record, the others linked."""
    conflicts = bundled_store.check("Doi Tung coffee").conflicts
    assert conflicts[0].gi == "th.dip:กาแฟดอยตุง"
    assert {"th.dip:Doi Tung coffee", "eu:PGI-TH-0814"} <= set(conflicts[0].linked)
    assert not {"th.dip:Doi Tung coffee", "eu:PGI-TH-0814"} & {c.gi for c in conflicts}


@pytest.mark.parametrize("query, name", [("神户牛肉", "神戸ビーフ"), ("松阪牛肉", "特産松阪牛"), ("夕張蜜瓜", "夕張メロン")])
def test_chinese_writes_a_japanese_place_with_its_kanji(bundled_store, query, name):
    """Chinese reads the kanji of a Japanese place as its own characters (神户 shenhu, where Japanese reads kobe):
    with the product translated, the Japanese GI."""
    assert _top_kind(bundled_store, query, name) == "translation"


def test_a_rendering_is_as_long_as_its_written_syllables(bundled_store):
    """리오하 is three syllables (ri-o-ha), though its sounds make two vowel groups: long enough to render Rioja,
    a name of two consonants known abroad, beside another word; a country's name before a rendering adds none of
    its syllables (한국카바 scores as 카바 does)."""
    assert _found(bundled_store, "리오하 알라베사", "Rioja", within=1)
    assert _top(bundled_store, "한국카바").score == _top(bundled_store, "카바").score


def test_katakana_may_part_a_compound_of_the_name_with_its_dot(bundled_store):
    """シャトー・ヌフ・デュ・パプ writes Châteauneuf as two words with the dot; with spaces, katakana words are the
    sign's own (ロック フォール is no Roquefort), as a Thai sign's are (แดรี่ ควีน, Dairy Queen)."""
    assert _found(bundled_store, "シャトー・ヌフ・デュ・パプ", "Châteauneuf-du-Pape", within=1)
    assert not any("Roquefort" in c.names for c in bundled_store.check("ロック フォール").conflicts)
    assert not bundled_store.check("แดรี่ ควีน").conflicts


def test_hangul_that_reads_no_chinese_characters_vouches_for_a_foreign_name(bundled_store):
    """바케이라스 (케 and 스 read no Chinese character) is a foreign name written by sound, as katakana the
    dictionary does not know is: Vacqueyras, though known only at home; 한국 (Korea) opening a sign is no part of
    the name it vouches for (한국얀센, Janssen Korea)."""
    assert _found(bundled_store, "바케이라스", "Vacqueyras", within=1)
    assert not bundled_store.check("한국얀센").conflicts


def test_a_chinese_name_written_apart_with_a_persons_name_in_it_is_that_persons(bundled_store):
    """凯蒂·派瑞 is Katy Perry (the dictionary gives 凯蒂 as Katy), no Côte de Brouilly; a part the dictionary gives
    as a name that sounds like the GI's word is no reason to leave it (羅馬諾, Romano, of Pecorino Romano)."""
    assert not bundled_store.check("凯蒂·派瑞").conflicts
    assert _found(bundled_store, "佩科里諾.羅馬諾", "Pecorino Romano")


def test_a_place_adjective_whose_ending_takes_the_places_own(bundled_store):
    """Kočevje gives kočev- of Kočevski gozdni med (its ending -je taken), Neretva neretv- of Neretvanska mandarina
    (Croatian -anska); 'from' joins a product to its place as 'of' does."""
    assert _top_kind(bundled_store, "forest honey of Kočevje", "Kočevski gozdni med") == "translation"
    assert _top_kind(bundled_store, "mandarins from Neretva", "Neretvanska mandarina") == "translation"
    assert _top_kind(bundled_store, "Kočevje cheese", "Kočevski gozdni med") != "translation"   # another product


@pytest.mark.parametrize("query, name", [("Lika potatoes", "Lički krumpir"), ("ham from Krk", "Krčki pršut"),
                                         ("Pardubice gingerbread", "Pardubický perník"),
                                         ("Isle of Pag cheese", "Paški sir")])
def test_a_place_meets_its_slavic_adjective_whose_ending_changed_its_last_consonant(bundled_store, query, name):
    """Krk gives Krčki, Pag Paški, Lika Lički, Pardubice Pardubický: the place's last consonant changes before the
    adjective's ending, so both meet on that consonant's class."""
    assert _top_kind(bundled_store, query, name) == "translation"


def test_slavic_adjective_keys_read_the_places_consonant_by_class():
    from gimatch.text.anatomy import slavic_adjective_keys, slavic_place_keys

    for place, adjective in [("pag", "paški"), ("krk", "krčki"), ("praha", "pražská"), ("lovech", "loveshka"),
                             ("pardubice", "pardubický"), ("kras", "kraški"), ("brac", "brački")]:
        assert slavic_place_keys(place) & slavic_adjective_keys(adjective), (place, adjective)
    for place, adjective in [("page", "paški"), ("love", "loveshka"), ("lick", "lički"), ("devi", "deviško")]:
        assert not slavic_place_keys(place) & slavic_adjective_keys(adjective), (place, adjective)
    assert not slavic_adjective_keys("hvarski") and not slavic_adjective_keys("polska")   # no consonant changed


def test_a_place_met_by_its_slavic_adjective_needs_the_product(bundled_store):
    assert not any(c.kind == "translation" for c in bundled_store.check("Pag honey").conflicts)


@pytest.mark.parametrize("query, name", [("Lu'an tea", "六安瓜片"), ("Lu An green tea", "六安瓜片")])
def test_a_chinese_names_place_is_where_its_pinyin_closes_its_first_word(bundled_store, query, name):
    """六安瓜片 has no product word the lexicon knows to close its place at; the agreement writes it Lu'an
    Melon-seed-shaped Tea, so its place is 六安 and its product tea: Lu'an tea is a translation of it, Lu'an coffee
    is not."""
    assert _top_kind(bundled_store, query, name) == "translation"
    assert not [c for c in bundled_store.check("Lu'an coffee").conflicts if c.kind == "translation"]


def test_a_name_written_syllable_by_syllable_shows_no_place():
    from gimatch.text.anatomy import anatomy, places_by_romanization

    def split(*names):
        return places_by_romanization([(text, script, anatomy(text)) for text, script in names])

    assert not split(("五粮液", "Han"), ("Wu Liang Ye liquor", "Latin"))
    assert not split(("六安瓜片", "Han"), ("Lu'an Guapian", "Latin"))       # no product named: no place taken
    assert split(("六安瓜片", "Han"), ("Lu'an Melon-seed-shaped Tea", "Latin")) == {
        0: ("六安", "luan", "lu an", 1), 1: ("luan", "luan", "luan", 1)}


@pytest.mark.parametrize("query", ["Vino rosso", "Vinegar, Red Wine", "Pinot Grigio", "Pinot noir"])
def test_colour_words_and_a_variety_with_its_colour_are_no_partial_name(bundled_store, query):
    """Rosso of Valtellina rosso, red of Red Mountain, Pinot grigio of Oltrepò Pavese Pinot grigio: the colour
    says what wine it is, and a grape variety with its colour names the variety, not the GI."""
    assert not [c for c in bundled_store.check(query).conflicts if c.kind in ("partial", "translation")]


def test_a_name_of_colour_and_variety_words_reordered_stays_a_variant(bundled_store):
    assert _top_kind(bundled_store, "Montepulciano rosso", "Rosso di Montepulciano") == "variant"


def test_greek_quality_words_of_olive_oil_are_marketing_words(bundled_store):
    """Εξαιρετικό παρθένο ελαιόλαδο (extra virgin olive oil) opens the Greek names of Cretan olive oils: alone, a
    Greek sign of those words names no place and no GI; with a place it names that place's."""
    found = bundled_store.check("Εξαιρετικό Παρθένο Ελαιόλαδο 1L").conflicts
    assert not [c for c in found if "GR" in c.country]
    assert _found(bundled_store, "Εξαιρετικό παρθένο ελαιόλαδο Σητείας", "Sitia", within=1)
    assert _found(bundled_store, "Σαντρίνη", "Σαντορίνη", within=1)


def test_a_run_of_a_longer_sign_that_renders_a_name_sound_for_sound_counts(bundled_store):
    """Бодега Мартинес Риоха: a producer, then Rioja rendered sound for sound, is a conflict as 'Bodega Martinez
    Rioja' is; beside other goods (сок, juice) it is not."""
    assert _found(bundled_store, "Бодега Мартинес Риоха", "Rioja", within=1)
    assert not bundled_store.check("Риоха сок").conflicts
    assert not bundled_store.check("Золотая корона").conflicts    # р is no l: корона renders no Colonna


@pytest.mark.parametrize("query", ["토니 포트", "Тони Порт", "トーニー・ポート"])
def test_tawny_heard_as_english_is_a_label_word_of_port(bundled_store, query):
    assert _found(bundled_store, query, "Porto", within=1)


def test_label_words_are_off_a_sign_heard_by_sound(bundled_store):
    """Жигондас АОК: the AOC as Russian shops write it is no sound of the name; nor is IGT beside Hangul, nor
    O.P.A.P. (stops and all) closing katakana."""
    assert _found(bundled_store, "Жигондас АОК", "Gigondas", within=1)
    assert _found(bundled_store, "토스카나 IGT", "Toscana", within=2)
    assert analyze("サントリーニO.P.A.P.").folded == analyze("サントリーニ").folded


def test_a_katakana_name_the_dictionary_knows_beside_the_gis_product_may_be_the_gi(bundled_store):
    """The dictionary reads シェリー as the name Shelley: alone it is that name, beside ワイン it is Sherry."""
    assert "Sherry" in _top(bundled_store, "シェリーワイン").names
    assert not bundled_store.check("シェリー").conflicts
    assert "Comté" in _top(bundled_store, "コンテチーズ").names          # コンテ is 'continuity' to the dictionary


def test_the_long_place_of_a_gi_known_abroad_rendered_alone_names_it(bundled_store):
    """샌다니엘레 (San Daniele) names Prosciutto di San Daniele, less surely than with the ham beside it."""
    alone, with_ham = _top(bundled_store, "샌다니엘레"), _top(bundled_store, "샌다니엘레 햄")
    assert "Prosciutto di San Daniele" in alone.names and "Prosciutto di San Daniele" in with_ham.names
    assert alone.score < with_ham.score


@pytest.mark.parametrize("query, name", [("Poland vodka", "Polish Vodka"), ("Ireland whiskey", "Irish Whiskey"),
                                         ("ポーランドウォッカ", "Polish Vodka")])
def test_a_country_named_in_any_of_its_names_is_the_place_of_a_gi_named_by_that_country(bundled_store, query, name):
    assert _top_kind(bundled_store, query, name) == "translation"


def test_a_place_written_as_an_adjective_is_found_by_the_place_it_names(bundled_store):
    """Riso Nano Vialone Veronese writes Verona as an adjective: 'Verona rice' is its translation, and not one
    of the Verona GIs for fruit and vegetables, whose register class also holds cereals."""
    found = [(c.matched_name, c.kind) for c in bundled_store.check("Verona rice").conflicts]
    assert ("Riso Nano Vialone Veronese", "translation") in found
    assert not any(name in ("Pesca di Verona", "Radicchio di Verona") for name, _ in found)


def test_places_of_adjectives_join_a_name_to_the_one_place_its_adjective_names():
    """Riojano names Rioja, which another name writes out; a root that opens several places, or none, names
    none."""
    from gimatch.index import IndexedGI, _place_adjectives, _places_of_adjectives

    gis = [IndexedGI("a", "r", "1", "PGI", ["ES"], None, None, "registered"),
           IndexedGI("b", "r", "2", "PDO", ["ES"], None, None, "registered"),
           IndexedGI("c", "r", "3", "PGI", ["IT"], None, None, "registered")]
    places = {(0, 0): ("riojano", "riojano"), (1, 0): ("rioja", "rioja"), (2, 0): ("toscano", "toscano")}
    concepts = {(0, 0): frozenset({"chorizo"}), (1, 0): frozenset({"wine"}), (2, 0): frozenset({"olive_oil"})}
    by_place = {key: [(gi, ni, concepts[(gi, ni)])] for (gi, ni), (_, key) in places.items()}
    assert _places_of_adjectives(gis, list(_place_adjectives(gis, places)), by_place) == [("rioja", 0, 0)]


@pytest.mark.parametrize("query, name", [("帕米吉亚诺雷吉亚诺", "Parmigiano Reggiano"), ("Lung Ching", "龙井茶"),
                                         ("基安蒂", "Chianti")])
def test_pinyin_j_reaches_names_written_with_a_sibilant_or_a_velar(bundled_store, query, name):
    """Pinyin j is looked up as a sibilant and aligned as near a velar too: Reggiano's soft g, Ching's ch
    (pinyin jing), Chianti's k."""
    assert name in _top(bundled_store, query).names


@pytest.mark.parametrize("query", ["テーブルワイン", "Colombia wine", "Kalix wafers"])
def test_ordinary_words_and_other_countries_places_name_no_gi(bundled_store, query):
    """Table wine in katakana is no rendering of a wine GI's word, and an adjective's place is one of its own
    country (San Colombano is no Colombia, Andruty kaliskie no Kalix)."""
    assert not bundled_store.check(query).conflicts


def test_a_scan_mention_owns_its_lists(bundled_store):
    first = bundled_store.scan("Prosciutto di Parma 500 g")["mentions"][0]
    first["legal_hooks"].append("mine")
    assert "mine" not in bundled_store.scan("Prosciutto di Parma, sliced")["mentions"][0]["legal_hooks"]


def test_a_long_vowel_mark_the_dictionary_splits_off_belongs_to_the_word_before(bundled_store):
    """The dictionary reads ウゾー as ウゾ (ouzo) and a lone ー: the mark is no word of its own."""
    assert "Ouzo" in _top(bundled_store, "ウゾー").names


def test_a_place_is_found_in_the_adjective_a_name_writes_it_as(bundled_store):
    """Genovese is the adjective of Genova (Genoa): with the product, a translation; a word that only opens like
    a place adjective's root (Trenton, Trentino) is none."""
    found = {c.matched_name: c.kind for c in bundled_store.check("Genoa basil").conflicts}
    assert found.get("Basilico Genovese") == "translation"
    assert not bundled_store.check("Trenton apples").conflicts


def test_a_place_written_as_an_adjective_is_found_by_the_sounds_of_its_root(bundled_store):
    """Dalmatinski pršut writes Dalmatia as an adjective: 達爾馬提亞火腿 (Dalmatia ham) renders the place."""
    assert "Dalmatinski pršut" in _top(bundled_store, "達爾馬提亞火腿").names


def test_a_greek_family_name_is_no_rendering_or_slip_of_a_gi_name(bundled_store):
    """Μαρινόπουλος is a family name two letters from the place Μαρκόπουλο; Παπαδάκης names a person too; in
    Latin letters, Marinopoulos opens on Marino but names no Roman wine."""
    from gimatch.match.base import analyze, family_name

    assert family_name(analyze("Μαρινόπουλος")) and family_name(analyze("Παπαδάκης"))
    assert not family_name(analyze("Μαρκόπουλο"))
    assert not bundled_store.check("Μαρινόπουλος").conflicts
    assert family_name(analyze("Marinopoulos")) and not bundled_store.check("Marinopoulos").conflicts


def test_japanese_long_vowels_written_out_are_read_as_hepburn_folds_them(bundled_store):
    """'gyuu' (wāpuro) is 'gyu', beef: Matsusaka gyuu is the beef of Matsusaka. An English word the same folding
    turns into another language's product word (sour, Hungarian sör) stays English."""
    found = {(c.matched_name, c.kind) for c in bundled_store.check("Matsusaka gyuu").conflicts}
    assert ("特産松阪牛", "translation") in found
    assert not bundled_store.check("Munich Sour").conflicts


@pytest.mark.parametrize("query", ["Caprice des Dieux", "Seitenbacher", "ミラ", "フランス", "보이다", "勇正茶"])
def test_ordinary_words_read_as_no_gi(bundled_store, query):
    """A GI name opening a word with an ending after it (Capri-ce), an ending that is a whole word of the GI's
    (Cher of Selles-sur-Cher), a katakana name the dictionary knows, a country, a Korean verb (보이다), a Chinese
    name that reads in Korean as a GI does (용정차)."""
    assert not bundled_store.check(query).conflicts


def test_a_compound_head_names_a_product_in_the_languages_of_the_names_country():
    """Morbier is French: -bier is no beer there; Bergkäse is German cheese."""
    from gimatch.text.anatomy import anatomy

    assert not anatomy("Morbier", langs=("fr",)).concepts
    assert anatomy("Allgäuer Bergkäse", langs=("de",)).concepts


def test_a_greek_place_in_the_genitive_is_no_family_name(bundled_store):
    assert "Μαρκόπουλο" in _top(bundled_store, "Μαρκόπουλου").names


def test_two_kana_read_as_a_name_explain_no_katakana_word(bundled_store):
    """The dictionary cuts ロンカル into the names ロン (Long) and カル: two kana taken for a name of no known
    spelling explain nothing, and the word is read by its sounds (Roncal)."""
    assert "Roncal" in _top(bundled_store, "ロンカル").names


@pytest.mark.parametrize("query, name", [("Segura mountains olive oil", "Sierra de Segura"),
                                         ("Gyula sausage", "Gyulai kolbász"), ("Trebon carp", "Třeboňský kapr")])
def test_a_place_is_met_without_its_landscape_words_and_in_its_adjective(bundled_store, query, name):
    """Sierra de Segura is Segura with a landscape word in another language and order; Gyulai (Hungarian -i)
    and Třeboňský (Czech -ský, which took the place's last letter) are adjectives of Gyula and Třeboň."""
    assert _top_kind(bundled_store, query, name) == "translation"


@pytest.mark.parametrize("query, name", [("Makó onions", "Makói hagyma"), ("Lunigian honey", "Miele della Lunigiana"),
                                         ("Карнобатская виноградная ракия", "Карнобатска гроздова ракия")])
def test_a_place_is_met_with_another_ending_beside_the_product(bundled_store, query, name):
    """Makói is Makó with the Hungarian adjective's -i, too short a root for the adjective index; Lunigiana ends
    as Italian adjectives do (-igiana), which the English adjective drops; Russian's -ская is Bulgarian's -ска
    with an ending more: the place with such an ending, beside the GI's product, is a translation."""
    assert _top_kind(bundled_store, query, name) == "translation"


@pytest.mark.parametrize("query", ["Verdejo wine", "Gaetano olives", "Latino kiwi", "Costco cheese", "Portal wine",
                                   "Serenity cheese", "Trenton apples"])
def test_a_place_with_another_ending_needs_an_adjectives_ending(bundled_store, query):
    """Letters after a shared opening are no ending unless they end an adjective of a place (Verdejo, a grape, is
    no Verde; Gaetano ends as ordinary Italian words do; Latino and Latina, Portal and Porto each have an ending of
    their own)."""
    assert not [c for c in bundled_store.check(query).conflicts if c.kind == "translation"]


def test_a_place_with_another_ending_needs_the_product(bundled_store):
    """The ending matcher reads only names of the query's product (Makó honey is no onion), and no grape
    variety's name (Verdese ends as Italian adjectives do, and opens as Verde)."""
    from gimatch.match.translation import _other_ending_refs

    idx = bundled_store.index()
    assert any(idx.gis[gi].names[ni] == "Makói hagyma" for gi, ni, _ in _other_ending_refs(idx, "mako"))
    assert not any(c.kind == "translation" for c in bundled_store.check("Makó honey").conflicts)
    assert not _other_ending_refs(idx, "verdese")


def test_a_landscape_word_alone_names_no_place(bundled_store):
    """River and valley open many names (Kanawha River Valley, Grand Valley): alone, with a product, none."""
    assert not bundled_store.check("River wine").conflicts
    assert not bundled_store.check("Valley wine").conflicts


def test_two_sound_characters_render_a_gi_known_abroad(bundled_store):
    """玛歌 writes Margaux in two sound characters; two characters of ordinary words (蒙牛) render nothing."""
    top = _top(bundled_store, "玛歌")
    assert top is not None and "Margaux" in top.names and top.kind == "transcription"
    assert not bundled_store.check("蒙牛").conflicts


def test_a_rendering_short_of_a_stop_rests_on_its_own_consonants(bundled_store):
    """Chinese and Japanese leave out liquids and glides (玛歌 Margaux, 托凯 Tokaj): such a rendering is judged as
    one of the whole name. One that lacks a stop, a sibilant or a nasal (克洛德 Claude, for Corton's n) is judged
    by its own, fewer consonants, which chance meets more often."""
    from gimatch.match.phonetic import _evidence

    assert _evidence("MK", "MLK") == 3 and _evidence("TK", "TKY") == 3
    assert _evidence("KLT", "KLTN") == 3 and _evidence("KLMN", "KLMPN") == 4
    assert not any("Corton" in c.names for c in bundled_store.check("克洛德").conflicts)
    assert _found(bundled_store, "托凯", "Tokaj")


def test_a_bare_chinese_rendering_needs_more_likeness_for_a_gi_unknown_in_china(bundled_store):
    """A GI protected where Chinese is written (Chablis, through the agreement) is what a bare Chinese rendering
    names; one protected only in Europe or America is met as often by chance by foreign names written in
    Chinese (法拉利 Ferrari ~ Fleurie, 声破天 Spotify ~ Chambertin), and needs the likeness of a GI known at home."""
    assert _found(bundled_store, "夏布利", "Chablis")
    assert not bundled_store.check("法拉利").conflicts and not bundled_store.check("声破天").conflicts


def test_spanish_ch_is_one_sound():
    """Chinchón and chorizo open on the ch sound: the silent h of Spanish does not split the digraph."""
    from gimatch.text.phonetic import latin

    assert latin("chinchon", "es") == "SiNSoN" and latin("chorizo", "es").startswith("So")


@pytest.mark.parametrize("query, name", [("五常稻花香大米", "五常大米"), ("烟台红富士苹果", "烟台苹果")])
def test_a_chinese_name_with_a_variety_between_place_and_product(bundled_store, query, name):
    """A variety (稻花香, 红富士) or style written between a GI's place and its product still names the GI."""
    top = _top(bundled_store, query)
    assert top is not None and name in top.names


@pytest.mark.parametrize("query, name", [("หมูย่างตรัง", "หมูย่างเมืองตรัง"), ("กาแฟกระบี่", "กาแฟเมืองกระบี่")])
def test_a_thai_place_without_its_town_word(bundled_store, query, name):
    """เมือง (town of) is a settlement word: Trang roast pork is หมูย่างเมืองตรัง; and Krabi coffee is no Grappa,
    whose annex entry gives no product of its own (its EU record's is a spirit)."""
    found = [c.names for c in bundled_store.check(query).conflicts]
    assert found and name in found[0] and not any("Grappa" in names for names in found)


@pytest.mark.parametrize("query, name", [("Trang pork", "หมูย่างเมืองตรัง"),
                                         ("Surat Thani turmeric", "Ka Min Chan Surat Thani"),
                                         ("Pa Mai Yok Dork Lampoon", "ผ้าไหมยกดอกลำพูน")])
def test_thai_gis_in_english_and_informal_latin(bundled_store, query, name):
    """A Thai GI's product in English meets the Thai word (หมูย่าง: pork) or the register's gloss (turmeric); an
    exporter's informal spelling meets the Thai name's RTGS."""
    top = _top(bundled_store, query)
    assert top is not None and name in top.names and top.kind in ("translation", "transliteration")


def test_a_word_before_the_link_to_the_place_is_no_partial_name(bundled_store):
    """Rossa of Cipolla Rossa di Tropea says the product's kind, protected only with the place; a hyphenated
    place keeps its joining word (Châteauneuf-du-Pape), and a name that does not open with a product is a place
    throughout (Tip of the Mitt)."""
    assert not any("di" in c.names[0].split() for c in bundled_store.check("Rossa").conflicts)
    assert "Châteauneuf-du-Pape" in _top(bundled_store, "Chateauneuf").names


def test_a_slip_that_spells_another_product_is_still_a_slip(bundled_store):
    """Buxton ble: blé is wheat in French, but one letter off the name's own word it is a typo of Buxton blue;
    松溪绿茶 and 松溪红茶 stay two products (a whole character is no slip of a letter)."""
    assert any(c.kind == "fuzzy" and "Buxton blue" in c.names for c in bundled_store.check("Buxton ble").conflicts)
    assert [c.kind for c in bundled_store.check("松溪红茶", threshold=0).conflicts if "松溪绿茶" in c.names] == \
        ["same place"]


def test_an_unknown_katakana_word_may_render_a_place_of_four_consonants(bundled_store):
    """ザモラノ is no word of the Japanese dictionary: a foreign name, here Zamorano, the place of Queso
    Zamorano, though the GI is known only at home."""
    assert "Queso Zamorano" in _top(bundled_store, "ザモラノ").names


def test_a_short_greek_name_is_no_typo_of_one_that_opens_otherwise(bundled_store):
    """Μάμος (a brand) differs from Σάμος in its first letter: as in Latin (Cisco, Pisco), a short name that
    opens on another letter is another word, a letter changed or dropped (ΕΖΑ, a beer, is no Πεζά); Σάμς (a
    letter dropped inside) is still Samos."""
    assert not bundled_store.check("Μάμος").conflicts and not bundled_store.check("ΕΖΑ").conflicts
    assert "Σάμος" in _top(bundled_store, "Σάμς").names


def test_a_short_name_with_a_letter_changed_through_another_script_is_no_typo(bundled_store):
    """Amora (a brand) is Αγορά read agora with one letter changed, and Μύθος read mithos is Minho with one
    changed: a slip is made in the script one writes, so these are other words. A letter added or dropped on the
    way (Agorra, Fetta) and a longer name (Santorinni) are still slips."""
    assert not any(c.kind == "fuzzy" for c in bundled_store.check("Amora").conflicts)
    assert not any(c.kind == "fuzzy" for c in bundled_store.check("Μύθος").conflicts)
    assert "Αγορά" in _top(bundled_store, "Agorra").names
    assert "Feta" in _top(bundled_store, "Fetta").names
    assert "Σαντορίνη" in _top(bundled_store, "Santorinni").names


def test_two_slips_behind_a_first_word_written_alike_are_judged_on_the_rest(bundled_store):
    """Saint Agur (a cheese brand) shares Saint with Saint-Amour; agur is two slips from amour, a word of its
    own. One slip stays a typo (Saint Amuor)."""
    assert not bundled_store.check("Saint Agur").conflicts
    assert "Saint-Amour" in _top(bundled_store, "Saint Amuor").names


def test_a_product_word_read_as_sounds_needs_more_likeness(bundled_store):
    """キリンビール is Kirin and beer: read whole, as if ビール were syllables of a name, it is near COLOMBIAN, but
    not near enough; 米 read as the last syllable of 哈露米 renders Halloumi sound for sound, and counts."""
    assert not any("COLOMBIAN" in c.names for c in bundled_store.check("キリンビール").conflicts)
    result = bundled_store.check("哈露米", limit=10)
    assert any("Halloumi" in c.names for c in result.conflicts + result.pending)    # an application in China


def test_korean_writes_a_foreign_v_with_the_letter_of_b(bundled_store):
    """Korean loanwords write v with ㅂ (타벨 Tavel) as they write f with ㅍ; and a rendering of three consonants
    sound for sound counts for a GI known only at home (랑게: Langhe)."""
    from gimatch.text import phonetic

    assert phonetic.from_hangul("타벨", labials=1) == "TaFeL" and phonetic.from_hangul("타벨") == "TaPeL"
    assert "Tavel" in _top(bundled_store, "타벨").names
    # a v that opens the word, in a third reading: the second keeps an opening b and an inner v (블루 도베르뉴)
    assert phonetic.from_hangul("부브레", labials=2) == "FuFLe" and phonetic.from_hangul("부브레", labials=1) == "PuFLe"
    assert _found(bundled_store, "부브레", "Vouvray", within=1) and _found(bundled_store, "블루 도베르뉴", "Bleu d'Auvergne")
    assert "Langhe" in _top(bundled_store, "랑게").names


def test_katakana_the_dictionary_splits_into_loanwords_may_still_render_a_whole_name(bundled_store):
    """サンジュリアン reads to the dictionary as sun + Julianne, yet renders Saint-Julien sound for sound; a
    native name in kana and kanji (かっぱ寿司) is not read so."""
    assert "Saint-Julien" in _top(bundled_store, "サンジュリアン").names
    assert not bundled_store.check("かっぱ寿司").conflicts


@pytest.mark.parametrize("query", ["Concha y Toro Wine", "Long Wine", "France Wine", "Green Valley Wine Bar",
                                   "グリーンティー", "본죽", "サンタモニカ", "グランクリュ"])
def test_ordinary_names_meet_no_gi_by_part_of_a_place_or_by_sound(bundled_store, query):
    """A brand word beside a product (Toro of Concha y Toro), an English name's ordinary word (Long of Long
    Island), a country (France of Île-de-France), an English word of a Chinese GI's translated name (Green of
    Wuyuan Green Tea), a Korean word that opens on ㅂ (본죽), a name read in the order only Chinese writes
    (Santa Monica ~ Monica di Sardegna) and a quality word alone are no GI."""
    names = [c.names[0] for c in bundled_store.check(query).conflicts]
    assert not any(n in ("Toro", "Long Island", "Île-de-France", "婺源绿茶", "Fronsac", "Monica di Sardegna")
                   for n in names) and (query != "グランクリュ" or not names)


@pytest.mark.parametrize("query, name", [("Saint Estefe", "Saint-Estèphe"), ("Vosne Romani", "Vosne-Romanée"),
                                         ("Vino Nobile", "Vino Nobile di Montepulciano")])
def test_two_slips_that_sound_alike_and_a_name_s_own_words_are_found(bundled_store, query, name):
    assert name in _top(bundled_store, query).names


def test_a_cyrillic_rendering_is_read_whole_by_its_sounds(bundled_store):
    """A Cyrillic or Greek rendering is read by its sounds as written, not from a romanization cut as English
    (Херес is not 'here' and a plural s)."""
    from gimatch.match import analyze
    from gimatch.match.base import phonetic_forms

    assert "HeLeS" in [form for form, _, _ in phonetic_forms(analyze("Херес"))]
    assert "PLeToFeLN" in [form for form, _, _ in phonetic_forms(analyze("Бле д'Овернь"))]    # ь no sound
    assert "Jerez" in bundled_store.check("Херес").conflicts[0].names
    assert [form for form, _, _ in phonetic_forms(analyze("Ελαΐς"))] == ["eLaiS"]     # αΐ: a-i, not the e of αι


def test_a_long_rendering_of_a_name_of_two_consonants_known_abroad_is_found(bundled_store):
    """阿西雅格 writes Asiago (protected in China) in four sound characters: not met by chance, as two would be."""
    assert "Asiago" in _top(bundled_store, "阿西雅格").names
    assert not bundled_store.check("阿西").conflicts


@pytest.mark.parametrize("query, name", [("Шампанское", "Champagne"), ("шампанське", "Champagne"),
                                         ("Пармская ветчина", "Prosciutto di Parma"), ("Баденское вино", "Baden")])
def test_a_cyrillic_adjective_of_a_place_names_the_place(bundled_store, query, name):
    """Russian, Ukrainian and Bulgarian make a place an adjective (-ский, -ська, -ски): the place under the
    ending is read, by its sounds and by its stem beside a product word of the GI's class."""
    assert name in _top(bundled_store, query).names


def test_the_signs_own_product_ranks_first(bundled_store):
    """A sign that names a product puts the GI of that product before a GI of its place for another product:
    Chios mastic is the mastic of Chios first; the Chios wine, protected at home alone, is a GI of the same place
    for other goods, below the threshold."""
    found = bundled_store.check("Chios mastic").conflicts
    assert {"Μαστίχα Χίου", "Chios masticha"} & set(found[0].names)
    assert not any("Χίος" in c.names for c in found)
    assert any("Χίος" in c.names and c.score < 70 for c in bundled_store.check("Chios mastic", threshold=0).conflicts)


@pytest.mark.parametrize("sign", ["Marino olive oil", "Finca Élez honey"])
def test_a_gi_known_at_home_alone_beside_other_goods_is_no_contains(bundled_store, sign):
    """A GI's name in a sign of goods not comparable with its own, where it is protected at home alone, names the
    place the goods come from: at most a partial name, never 'contains'; a GI known abroad stays 'contains'."""
    assert all(c.kind != "contains" for c in bundled_store.check(sign).conflicts)
    assert _top_kind(bundled_store, "Champagne perfume", "Champagne") == "contains"


@pytest.mark.parametrize("sign, name", [("Tavel Rosé", "Tavel"), ("Chinon rose", "Chinon")])
def test_a_wines_colour_is_no_other_goods(bundled_store, sign, name):
    """A colour word that also names a product (rosé, folded rose: the flower) says a wine's colour beside a wine."""
    assert _top_kind(bundled_store, sign, name) == "contains"


def test_a_word_of_a_name_beside_other_goods_is_another_sense(bundled_store):
    """The word that opens a wine's name (Finca of Finca Élez) in a sign of another product says something else."""
    assert not bundled_store.check("Aceite Finca el Lazo").conflicts


@pytest.mark.parametrize("sign", ["Champagner Bratbirne", "Champagner Trüffel"])
def test_a_german_adjective_of_a_gi_place_is_contained(bundled_store, sign):
    """German makes a place an adjective with -er, the name's final e dropped (Champagner), beside a German
    product word."""
    assert _top_kind(bundled_store, sign, "Champagne") == "contains"


@pytest.mark.parametrize("sign", ["Marcher Brewing", "Fleurier watches", "Parmigiani Fleurier"])
def test_a_word_ending_in_er_is_no_adjective_of_a_name_without_german_beside(bundled_store, sign):
    """A word of seven letters or more ending in -er, no German product word beside it, is no adjective of a
    name ending in e (Marche, Fleurie)."""
    assert not bundled_store.check(sign).conflicts


def test_a_word_built_on_a_name_less_its_final_e_opens_no_name(bundled_store):
    """A word that shares a name's letters but its final e (Marchioness, Alsacienne) is another word."""
    for sign in ("Marchioness", "Alsacienne", "Marchesi Antinori"):
        assert not bundled_store.check(sign).conflicts


@pytest.mark.parametrize("sign, name", [("Оссау-Ирати", "Ossau-Iraty"), ("Кахорс", "Cahors"), ("Сансерре", "Sancerre")])
def test_a_cyrillic_rendering_may_follow_the_letters(bundled_store, sign, name):
    """Russian writes some French names letter for letter (Оссау-Ирати); exactly so it is the name."""
    assert _top_kind(bundled_store, sign, name) == "transcription"


def test_a_cyrillic_rendering_of_other_letters_is_no_name(bundled_store):
    """Letter for letter means exactly: Конти is no Comté."""
    assert not bundled_store.check("Конти").conflicts


def test_an_old_romanization_meets_chinese_names_only(bundled_store):
    """A Latin word read back from Wade–Giles to pinyin (Joose: ruse) meets no name of another script read the
    same (Русе, Bulgarian)."""
    assert not bundled_store.check("Joose").conflicts
    assert _found(bundled_store, "Tieh Kuan Yin tea", "安溪铁观音", within=1)
    assert _found(bundled_store, "Koube beef", "神戸ビーフ", within=1)     # a Hepburn variant meets Hepburn readings


def test_a_chinese_word_that_runs_on_past_a_name_holds_none(bundled_store):
    """三重奏 (a trio) holds no 三重 (Mie, a Japanese sake GI); 普洱茶 holds 普洱 before its product."""
    assert not bundled_store.check("美心三重奏礼盒").conflicts
    assert bundled_store.check("三重清酒").conflicts


def test_a_word_of_a_countrys_name_is_no_gi(bundled_store):
    """Marino of San Marino (a country) is no Marino (a wine)."""
    assert not bundled_store.check("San Marino glass tumbler").conflicts


def test_a_greek_place_in_the_genitive_meets_its_nominative(bundled_store):
    """Greek GI names write their place in the genitive (Πατάτα Νάξου, Patata Naxou); English names it in the
    nominative (Naxos potatoes)."""
    top = bundled_store.check("Naxos potatoes").conflicts[0]
    assert ("Πατάτα Νάξου" in top.names, top.kind) == (True, "translation")


def test_greek_product_words_in_both_romanizations():
    from gimatch.text.anatomy import anatomy

    assert "mastic" in anatomy("Chios masticha").concepts & anatomy("Chios mastiha").concepts


def test_a_chinese_place_meets_its_mountain_and_county_forms():
    """武夷山 is Mount Wuyi: the landscape character closes the name and is taken off there, as mount is in
    English; 黄山 keeps it (one character would be left), and 山东 is no mountain."""
    from gimatch.text.anatomy import place_core

    assert place_core("武夷山") == place_core("mount wuyi") == "wuyi"
    assert place_core("安溪县") == "anxi"
    assert place_core("黄山") == "" and place_core("山东") == ""


def test_a_name_that_is_a_products_name_whole(bundled_store):
    """Da Hong Pao is an oolong's name, not a place 'hong' with Portuguese pão: it is that product, and the
    GIs of that product come before a black tea's that shares a syllable."""
    from gimatch.text.anatomy import anatomy

    assert (anatomy("Da Hong Pao").place, anatomy("Da Hong Pao").concepts) == ("", {"oolong_tea"})
    assert anatomy("Fleur de sel").concepts == {"salt"}
    assert any("大红袍" in name for name in bundled_store.check("Da Hong Pao").conflicts[0].names)


def test_chinese_place_keys_keep_every_syllable(bundled_store):
    """Pinyin syllables that spell articles of European languages (da, na, de, la) are syllables of a Chinese
    place, kept in its key: 马自达 (Mazda) and 马吉娜橄榄油 share no place."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("马吉娜橄榄油").place_key == "majina" and anatomy("马自达").place_key == "mazida"
    assert not bundled_store.check("马自达").conflicts


def test_two_chinese_characters_not_both_sound_characters_render_no_name(bundled_store):
    """本田 (Honda): 田 is no sound character, so the two render no foreign name, whatever they sound like; two
    sound characters of a GI known abroad (玛歌 Margaux) and two backed by the product (波特酒) still do."""
    assert not bundled_store.check("本田").conflicts
    assert "Margaux" in _top(bundled_store, "玛歌").names
    assert any("Porto" in c.names or "Port" in c.names for c in bundled_store.check("波特酒").conflicts[:3])


def test_a_romanized_chinese_or_japanese_product_word_does_not_open_a_name():
    """Chinese and Japanese write the product after the place: the tai of Tai Ping Hou Kui (太平猴魁) is a
    syllable of the place, not tai (鯛, sea bream); a product word closing the name is still one (Kobe Beef)."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("Tai Ping Hou Kui").place == "tai ping hou kui" and not anatomy("Tai Ping Hou Kui").terms
    assert anatomy("Kobe Beef").place == "kobe" and anatomy("Longjing Cha").place == "longjing"


def test_part_of_a_chinese_place_in_translated_words(bundled_store):
    """West Lake Dragon Well Tea: Dragon Well translates 龙井 (long jing), part of the place the query writes
    in English words; it finds Longjing Cha as Dragon Well Tea does."""
    from gimatch.text.romanize import translated_place_readings

    assert translated_place_readings("dragon well") == ["longjing"]
    assert "Longjing cha" in _top(bundled_store, "West Lake Dragon Well Tea").names


def test_a_name_of_chinese_syllables_keeps_those_that_spell_articles():
    """Pi Lo Chun (碧螺春) has no article: its lo is a syllable; Le Puy and La Mancha still lose theirs."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("Dong Ting Pi Lo Chun").place == "dong ting pi lo chun"
    assert anatomy("Le Puy").place == "puy" and anatomy("La Mancha").place == "mancha"


def test_a_romanized_thai_product_word_does_not_close_a_name():
    """Thai writes the product before the place: Pla Tu Mae Klong is mackerel of the Mae Klong, not a drum
    (klong, กลอง); Kafae Doi Tung is still coffee of Doi Tung."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("Pla Tu Mae Klong").place == "tu mae klong"
    assert anatomy("Kafae Doi Tung").place == "doi tung" and anatomy("Kafae Doi Tung").terms


def test_the_japanese_dictionarys_source_word_said_as_the_gis_name_agrees(bundled_store):
    """Katakana writes l and r alike: the dictionary's Palma for パルマ may be Parma, and its Tokay for トカイ
    is Tokaj said in Hungarian; two consonants said alike prove nothing (zero is no Jerez)."""
    from gimatch.match.phonetic import _could_be

    assert _could_be(["Palma"], ["Prosciutto di Parma"], ["IT"]) and _could_be(["Tokay"], ["Tokaj"], ["HU"])
    assert not _could_be(["zero"], ["Xeres"], ["ES"]) and not _could_be(["sable"], ["Chablis"], ["FR"])
    assert "Prosciutto di Parma" in _top(bundled_store, "パルマハム").names
    assert "Tokaj" in _top(bundled_store, "トカイ").names


def test_a_rendering_that_follows_the_places_exonym(bundled_store):
    """Chinese writes Bourgogne as English says Burgundy (勃艮第, bo gen di): a GI's place is also read by the
    sounds of its exonym (datasets/place_aliases.csv); Bourgogne's own sounds are too far."""
    from gimatch.text import phonetic

    assert phonetic.similarity(phonetic.from_pinyin("bo gen di"), phonetic.latin("bourgogne", "fr"), pinyin=True) < 0.8
    assert "Bourgogne" in _top(bundled_store, "勃艮第").names


def test_english_exonyms_of_regions_name_their_gis(bundled_store):
    """The Palatinate is the Pfalz, Gascony Gascogne, Rhenish Hesse Rheinhessen (datasets/place_aliases.csv)."""
    assert "Pfalz" in {n for c in bundled_store.check("Palatinate wine").conflicts[:2] for n in c.names}
    assert "Volailles de Gascogne" in _top(bundled_store, "Gascony poultry").names
    assert "Rheinhessen" in _top(bundled_store, "Rhenish Hesse wine").names


def test_a_korean_product_word_written_without_its_space():
    """Korean listings often join the product word to the place (파르마햄, 보르도와인): it is read apart, and a
    one-syllable product word only after a place of three syllables (그라파 is Grappa, not a scallion)."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("파르마햄").place == "파르마" and anatomy("보르도와인").place == "보르도"
    assert anatomy("그라파").place == "그라파" and not anatomy("그라파").terms


def test_label_words_heard_in_the_script_of_the_sign(bundled_store):
    """A label word the lexicon lists in Latin letters is heard as one when a sign writes it by sound beside a
    GI's name (クラシコ, Классико, 클라시코: classico; アスー: aszú), so the name stands alone; a word that only
    resembles one (ヴィンヤーズ, vineyards, beside affinage) is none, nor is a GI's name."""
    from gimatch.text.anatomy import anatomy
    from gimatch.text.fold import fold
    from gimatch.text.lexicon import heard_as_label

    for word in ("クラシコ", "Классико", "클라시코", "アスー", "그랑", "แกรนด์"):
        assert heard_as_label(fold(word)), word
    for word in ("ヴィンヤーズ", "ボルドー", "トカイ", "бордо", "모젤"):
        assert not heard_as_label(fold(word)), word
    assert anatomy("ヴァルポリチェッラ・クラシコ").place == anatomy("ヴァルポリチェッラ").place
    assert anatomy("Вальполичелла Классико").place_key == anatomy("Вальполичелла").place_key
    for sign in ("ヴァルポリチェッラ・クラシコ", "Вальполичелла Классико"):
        assert _found(bundled_store, sign, "Valpolicella"), sign
    for sign in ("トカイ・アスー", "토카이 아수"):
        assert _found(bundled_store, sign, "Tokaj"), sign
    assert anatomy("모데나 전통 발사믹 식초").place == anatomy("모데나 발사믹 식초").place   # 전통, traditional
    assert heard_as_label("누보")                                  # nouveau, with ㅂ said as the v it writes


def test_an_appellation_word_says_wine_beside_a_foreign_name(bundled_store):
    """产区 (appellation) closing a Chinese rendering of a foreign name says the sign is about a wine, as a word
    for wine would (卡奥尔产区: Cahors); it never makes a Chinese place's own GI another product's (普洱产区)."""
    from gimatch.text.anatomy import anatomy

    assert anatomy("卡奥尔产区").label_product == "wine" and anatomy("卡奥尔葡萄酒产区").label_product == ""
    assert _found(bundled_store, "卡奥尔产区", "Cahors", within=1)
    assert anatomy("邦马尔园").label_product == "wine" and anatomy("邦马尔园").place == "邦马尔"   # 园, a cru's vineyard
    assert anatomy("巴罗洛单一园").place == "巴罗洛" and anatomy("武夷园").place == "武夷园"   # a garden of Wuyi
    # how the product was made, before the product word: roasted, smoked, air-dried (a sausage of Thuringia)
    assert anatomy("图林根烤香肠").place == anatomy("图林根香肠").place == "图林根"
    # a wine's colour closing a sign in Hangul or katakana with no word for wine (Tavel rosé)
    assert anatomy("타벨 로제").place == "타벨" and anatomy("タヴェル・ロゼ").place == "タヴェル"
    assert _found(bundled_store, "타벨 로제", "Tavel", within=1)
    # the sweetness of a wine label, in the three languages: noble rot, dessert
    assert anatomy("托卡伊贵腐葡萄酒").place == "托卡伊" and anatomy("소테른 디저트 와인").place == "소테른"
    assert _found(bundled_store, "邦马尔园", "Bonnes-Mares", within=1)
    assert not bundled_store.check("伊藤园").conflicts              # a company, not a rendering
    top = _top(bundled_store, "普洱产区")
    assert top is not None and top.names[0] in ("普洱茶", "普洱咖啡")


def test_a_country_before_a_brand_backs_no_rendering(bundled_store):
    """Shops title a foreign brand with its country (法国路易威登, Louis Vuitton; フランスのシャネル): the country says
    nothing of which GI the rest renders, and raises no conflict."""
    for sign in ("法国路易威登", "フランスのシャネル"):
        assert not bundled_store.check(sign).conflicts, sign


def test_the_dictionarys_words_agree_with_a_gi_only_all_together(bundled_store):
    """The Japanese dictionary's source words lower the bar for a GI when each is a word of its name (コート・ド・ボーヌ:
    coat, said as côte, and Beaune), not when one is and another is not (セントラルワールド: central, world)."""
    from gimatch.match.phonetic import _could_be

    assert _could_be(["coat", "Beaune"], ["Côte de Beaune"], ["FR"]) and _could_be(["the", "Bordeaux"], ["Bordeaux"], ["FR"])
    assert not _could_be(["central", "world"], ["Central Coast"], ["US"])
    assert not _could_be(["court", "Beaune"], ["Côte de Beaune"], ["FR"])     # court has one consonant more
    assert not any("Central Coast" in c.names for c in bundled_store.check("セントラルワールド").conflicts)
    assert _found(bundled_store, "コート・ド・ボーヌ", "Côte de Beaune", within=2)


def test_label_words_come_off_a_sign_not_a_registers_name():
    """The traditional terms of wine labels come off a sign (Chianti Classico: Chianti) but a register's name keeps
    them, a GI of its own; abbreviations and words of one syllable and few consonants are heard as no label word
    (カ, トップ, ブルー, ดอก, ток); a label word never leaves a product word or a number as the place."""
    from gimatch.text.anatomy import anatomy
    from gimatch.text.fold import fold
    from gimatch.text.lexicon import heard_as_label

    assert anatomy("Chianti Classico").place_key == "chianti"
    for stored in (anatomy("Chianti Classico", langs=("it",)), anatomy("Chianti Classico", stored=True)):
        assert stored.place_key == "chianticlassico"
    for word in ("カ", "トップ", "プロ", "ブルー", "ดอก", "ток"):
        assert not heard_as_label(fold(word)), word
    wine = anatomy("クラシコ・ワイン")
    assert [t.concept for t in wine.terms] == ["wine"] and anatomy("クラシコ・2015").place == "クラシコ"


def test_chinese_label_words_of_classifications_and_spirits():
    """A classification's growths (特等一级庄), the blend of a whisky (调和) and an appellation word (酒区) are label
    words of a Chinese sign; the appellation word says the sign names a wine."""
    from gimatch.match import readings
    from gimatch.text.anatomy import anatomy

    assert "圣爱美隆" in readings("圣爱美隆特等一级庄A类")
    assert anatomy("皇家礼炮21年苏格兰调和威士忌").place == "皇家礼炮苏格兰"
    assert anatomy("迪拉斯酒区").label_product == "wine" and anatomy("迪拉斯酒区").place == "迪拉斯"


def test_chinese_w_for_a_foreign_v_finds_its_candidates(bundled_store):
    """Chinese writes a foreign v with w (瓦 va, 韦 ve): a rendering whose sounds hold a w is looked up with an f as
    well, so 苏瓦韦 meets Soave, whose skeleton (s, v) it shares only so."""
    assert _found(bundled_store, "蘇瓦韋", "Soave", within=1)
    assert not bundled_store.check("沃尔沃").conflicts                  # Volvo


def test_a_vowel_opening_a_name_is_kept_by_its_renderings(bundled_store):
    """Every rendering keeps the vowel a name opens with (阿斯蒂 Asti, 알자스 Alsace): a rendering that opens on a
    consonant where the name opens on a vowel is no rendering of it (汤告鲁斯, Tom Cruise, is no Adamclisi)."""
    from gimatch.text import phonetic

    assert phonetic.distance("TaNKaoLuSə", "aTaMKLiSi") > phonetic.distance("aTaNKaoLuSə", "aTaMKLiSi")
    assert _found(bundled_store, "阿斯蒂", "Asti", within=1) and _found(bundled_store, "알자스", "Alsace", within=1)
    assert not bundled_store.check("汤告鲁斯").conflicts


@pytest.mark.parametrize("voiced_otherwise, rendering, name", [
    ("Гордонс", "Кортон", "Corton"),        # Gordon's gin: g-d where Corton says k-t
    ("Балет", "Палет", "Palette"),
])
def test_a_rendering_voices_the_stops_as_the_name_does(bundled_store, voiced_otherwise, rendering, name):
    """Cyrillic, Greek, kana, Hangul and Thai write a foreign stop voiced or not as the name says it: a sign that
    voices half the stops or more otherwise sounds like the name by chance; one stop of several voiced otherwise
    is a slip (グレゴディトゥーフォ, Greco di Tufo), and Hangul's ㄷ opening a word is unvoiced (데킬라, Tequila)."""
    assert not any(name in c.names for c in bundled_store.check(voiced_otherwise).conflicts)
    assert _top_kind(bundled_store, rendering, name) == "transcription"
    assert _top_kind(bundled_store, "グレゴディトゥーフォ", "Greco di Tufo") == "transcription"
    assert _top_kind(bundled_store, "ブルゲンラント", "Burgenland") == "transcription"   # German's closing d is a t
    assert _top_kind(bundled_store, "데킬라", "Tequila") == "transcription"


@pytest.mark.parametrize("rendering, name", [("バニュルス", "Banyuls"), ("カバルデス", "Cabardès"), ("沃尔奈葡萄酒", "Volnay")])
def test_a_rendering_may_follow_the_names_letters(bundled_store, rendering, name):
    """Chinese, Japanese and Korean renderings often write what a name's letters say rather than its sounds (the s
    of Banyuls, the ay of Volnay that French says e): a name is also read as spelled, every letter said, needing a
    little more likeness; Russian and Greek renderings follow the sounds alone (Конти is no Comté). A spelled
    reading keeps a language's consonants (Jerez has none: its j is no sh) and the bar of the name's sounds and
    a letter more (迈克高仕, Michael Kors, is no Margaux spelled with its x)."""
    top = _top(bundled_store, rendering)
    assert name in top.names and top.evidence[0].key_kind == "phon-spelled:latin"
    assert not bundled_store.check("Конти").conflicts
    assert not bundled_store.check("迈克高仕").conflicts
    from gimatch.text import phonetic
    assert phonetic.latin("jerez", "es", spelled=True) == phonetic.latin("jerez", "es")


@pytest.mark.parametrize("sign, name", [("パルマ・プロシュート", "Prosciutto di Parma"),
                                        ("파르마 프로슈토", "Prosciutto di Parma"),
                                        ("Парма прошутто", "Prosciutto di Parma"),
                                        ("Креман де Бордо", "Crémant de Bordeaux")])
def test_a_place_beside_a_product_word_written_by_sound(bundled_store, sign, name):
    """A place in katakana, Hangul or Cyrillic beside a product word written by its sounds finds the GI of that
    place and product; the Japanese dictionary's reading of the product word (プロシュート: pro + shoot) explains
    nothing away. A wine's word by sound stays a word of the name (Crémant de Bordeaux, not Bordeaux)."""
    assert _found(bundled_store, sign, name, within=1)


def test_a_spaceless_sign_holds_no_name_inside_a_latin_word(bundled_store):
    """In a sign that runs Thai, Chinese or Japanese words together, a GI name is contained only as whole Latin
    words (น้ำปลา Tiparos holds no Paros; ไวน์ Paros does)."""
    assert not bundled_store.check("น้ำปลา Tiparos 700 มล.").conflicts
    assert not bundled_store.check("น้ำปลา Τιπάρος").conflicts
    assert _found(bundled_store, "ไวน์ Paros", "Πάρος", within=1)


def test_a_word_saying_which_part_of_the_place_is_no_head_word(bundled_store):
    """Petit of Petit Chablis says which part of Chablis: a sign that opens with it (Petit écolier) names no GI; nor
    does a grape variety's name opening a GI's (Napa Cabernet Sauvignon is no Cabernet d'Anjou)."""
    assert not bundled_store.check("Petit écolier Chocolat fin").conflicts
    assert not any("Cabernet" in n for c in bundled_store.check("Napa Cabernet Sauvignon").conflicts for n in c.names)
    assert _found(bundled_store, "Masi Amarone", "Amarone della Valpolicella", within=1)


def test_a_compounds_product_word_is_no_shared_ending(bundled_store):
    """Rotwein (red wine) shares -twein with Portwein only through the product word wein it closes on."""
    assert not bundled_store.check("Rotwein").conflicts
    assert _top_kind(bundled_store, "Verlados", "Calvados") == "evocation"


def test_a_greek_name_written_as_said(bundled_store):
    """A Greek GI the register writes in Greek alone is found from the Latin spelling of its sounds."""
    assert _top_kind(bundled_store, "Amynteo", "Αμύνταιο") == "transliteration"
    assert not bundled_store.check("Achea").conflicts      # Αχαΐα: its ΐ is said apart (Achaia)


@pytest.mark.parametrize("sign", ["English muffins", "Colman's English Mustard", "Welsh cakes", "English Breakfast",
                                  "Colombian Gold", "Colombian Premium"])
def test_a_countrys_adjective_alone_is_no_gi_beside_other_words(bundled_store, sign):
    """A GI named by a country's adjective alone (English and Welsh, wines; COLOMBIAN, a coffee mark) is not in a
    sign of another product, or of words of its own: there the adjective says where the goods come from."""
    assert not bundled_store.check(sign).conflicts


@pytest.mark.parametrize("sign, name", [("English sparkling wine", "English"), ("English Pinot Noir", "English"),
                                        ("English Rosé", "English"), ("Colombian coffee", "COLOMBIAN")])
def test_a_countrys_adjective_alone_is_a_gi_for_its_product(bundled_store, sign, name):
    """Beside its product, or beside nothing but colour and variety words (rosé, folded to the flower's rose, is
    a wine's colour), it names the GI."""
    assert _top_kind(bundled_store, sign, name) == "contains"


@pytest.mark.parametrize("sign", ["Шотландский виски", "σκωτσέζικο ουίσκι", "whisky écossais"])
def test_a_nations_adjective_in_another_language_names_its_gi(bundled_store, sign):
    """Scotch Whisky is named by Scotland's adjective: Russian, Greek and French write it with theirs beside the
    product, a translation."""
    assert _top_kind(bundled_store, sign, "Scotch Whisky") == "translation"


def test_a_nations_adjective_names_no_gi_of_another_nation_of_its_country():
    """Scottish and Welsh are both of the United Kingdom, but a GI named by one nation's adjective is not named
    by the other's, nor by the country's (Шотландская говядина is Scotch Beef, not Welsh Beef; British beef
    neither)."""
    from gimatch.text.lexicon import lexicon

    lex = lexicon()
    assert lex.nation_words["шотландская"] == lex.nation_words["scotch"] == "GB-SCT"
    assert lex.nation_words["welsh"] == "GB-WLS" and lex.nation_words["british"] == "GB"
    assert lex.country_words["scotch"] == lex.country_words["welsh"] == "GB"


def test_a_nation_named_beside_the_product_meets_that_nations_gi_only(bundled_store):
    """Шотландская говядина (Scottish beef) is Scotch Beef alone; British beef names neither nation's GI."""
    assert [c.names[0] for c in bundled_store.check("Шотландская говядина").conflicts] == ["Scotch Beef"]
    assert not [c for c in bundled_store.check("British beef").conflicts if c.kind == "translation"]


def test_a_japanese_sign_states_the_country_its_product_comes_from(bundled_store):
    """Japanese writes a product's country before it, as the country's or as produced there (スペインのカバ,
    イタリア産パルマハム): the country says where, the rest which GI; a country so written alone renders no GI
    (フランス産カマンベール is French camembert, no Valençay)."""
    assert _found(bundled_store, "イタリア産パルマハム", "Prosciutto di Parma", within=1)
    assert _found(bundled_store, "イタリアのパルマハム", "Prosciutto di Parma", within=1)
    assert not bundled_store.check("フランス産カマンベール").conflicts


def test_a_family_name_after_a_given_name_in_katakana_is_no_loanword_of_a_gi(bundled_store):
    """The word after a given name the Japanese dictionary knows, more words following, is that person's family
    name (ジョージ・グレーブ・セラーズ: George Grave, no Graves); a place it knows stays one (シャブリ)."""
    assert not bundled_store.check("ジョージ・グレーブ・セラーズ").conflicts
    assert _found(bundled_store, "ジョセフ・ドルーアン・シャブリ", "Chablis", within=1)


@pytest.mark.parametrize("sign", ["Peter Graves", "Dan Marino", "Ernest Rutherford", "Hermann Bahlsen"])
def test_a_gis_name_in_a_persons_name_is_below_the_threshold(bundled_store, sign):
    """A given name and a family name, no product word beside them, are a person's name (TRIPS Art. 24.8): the
    GI's name in it is reported as a personal name, low and below the default threshold."""
    assert not bundled_store.check(sign).conflicts
    hits = bundled_store.check(sign, threshold=0).conflicts
    assert hits and hits[0].kind == "personal name" and hits[0].severity == "low" and hits[0].score == 50
    assert "Art. 24.8" in " ".join(map(str, hits[0].legal_hooks))


@pytest.mark.parametrize("sign, name", [("Jean Chablis", "Chablis"), ("Ruby Porto", "Porto"),
                                        ("Marino Chianti", "Chianti"), ("Louis Jadot Beaujolais", "Beaujolais"),
                                        ("Rose Champagne", "Champagne"), ("Peter Graves wine", "Graves"),
                                        ("Alba Iulia", "Alba Iulia")])
def test_a_gi_after_a_given_name_or_beside_a_product_is_no_persons_name(bundled_store, sign, name):
    """A GI's name where a family name would be (Jean Chablis), a producer's name before the GI (three words), a
    colour word, a product word, or the GI's whole name keep the conflict."""
    assert _found(bundled_store, sign, name, within=1)


def test_a_family_name_the_list_lacks_counts_where_no_gis_name_has_the_word(bundled_store):
    """A given name and a word of no GI's name is a person whose family name the list lacks (Hermann Bahlsen: the
    AVA is the given name); a GI's word after a given name keeps the conflict (Jean Chablis)."""
    assert bundled_store.check("Hermann Bahlsen", threshold=0).conflicts[0].kind == "personal name"
    assert bundled_store.check("Jean Chablis").conflicts[0].kind == "contains"
    assert bundled_store.check("John Cognacs").conflicts[0].kind == "contains"      # the stem of a GI's word
    assert bundled_store.check("Cole Rnch").conflicts[0].kind == "fuzzy"            # a slip of Cole Ranch


@pytest.mark.parametrize("sign", ["FC Porto", "Valencia CF", "Munster Rugby", "Universidade do Porto", "琉球大学",
                                  "มหาวิทยาลัยแชมเปญ", "Cagliari Calcio", "RCD Mallorca"])
def test_a_place_in_an_institutions_name_is_below_the_threshold(bundled_store, sign):
    """A university, a sports club, a hospital or an airport named after a place holds the place's name, not a
    GI's, unless the goods stated are comparable with the GI's."""
    assert not bundled_store.check(sign).conflicts
    hits = bundled_store.check(sign, threshold=0).conflicts
    assert hits and hits[0].kind == "institution" and hits[0].severity == "low"


@pytest.mark.parametrize("sign, name, goods", [
    ("FC Porto", "Porto", "wine"), ("Maria Porto", "Porto", "wine"),    # goods of the GI's class stated
    ("Champagne Academy", "Champagne", None), ("Rugby Champagne", "Champagne", None),   # no such word, or not at
    ("種子島安納いも大学芋", "種子島安納いも", None),   # that end (大学芋 is a dish)
    ("神戸ビーフ大学", "神戸ビーフ", None),     # a GI's name with its product word, not a place
    ("Fronsc", "Fronsac", None),                # a word of a script with spaces is a whole word (sc, a club)
])
def test_an_institution_or_a_person_is_no_excuse_for_the_gis_goods(bundled_store, sign, name, goods):
    """The rules of persons' and institutions' names keep the conflict where they do not apply."""
    result = bundled_store.check(sign, product_class=goods) if goods else bundled_store.check(sign)
    assert result.conflicts and name in result.conflicts[0].names and result.conflicts[0].score >= 70


def test_a_wines_style_closing_a_chinese_sign_names_a_wine(bundled_store):
    """A colour after a sweetness (甜白, sweet white) or noble rot (贵腐) closing a Chinese sign names a wine, the
    word for wine left out, or written as 酒, any alcoholic drink; a sweetness alone does not (芒果干: dried mango,
    萝卜半干: half-dried radish, 衡水老白干: a baijiu), nor a colour closing a Japanese sign (いちご白)."""
    for sign in ("托卡伊贵腐", "託卡伊貴腐", "托卡伊贵腐酒"):
        assert _found(bundled_store, sign, "Tokaj", within=1) or _found(bundled_store, sign, "Tokaji", within=1)
    assert analyze("苏玳甜白").anat.label_product == "wine"
    for sign in ("芒果干", "萝卜半干", "衡水老白干", "いちご白"):
        assert analyze(sign).anat.label_product == ""


def test_a_designation_abbreviation_names_its_countries_as_written():
    """DOCG is Italy's designation of wines, AOC France's of any product, DOC Italy's and Portugal's of wines,
    O.P.A.P. Greece's with its stops; a word that only opens like one, or one not in capitals, names none; the
    EU-wide PDO names no country."""
    from gimatch.match.base import designated_by

    assert designated_by("가비 DOCG") == {("IT", "wine")} and designated_by("AOCパシュラン") == {("FR", "")}
    assert designated_by("Porto DOC") == {("IT", "wine"), ("PT", "wine")}
    assert designated_by("アンピアロスO.P.A.P") == {("GR", "wine")}
    assert not designated_by("가비 Docg") and not designated_by("DOCUMENT") and not designated_by("Feta PDO")


def test_a_short_rendering_beside_its_countrys_designation_is_found(bundled_store):
    """Two Hangul syllables render a name of two consonants alone only sound for sound (가비: Gavi, every vowel
    its own; 가바 is no Gavi), but beside DOCG they render an Italian wine designation's whole name, as beside
    Italy's name they would, and score more."""
    assert not _found(bundled_store, "가바", "Gavi")
    assert _top(bundled_store, "가비 DOCG").score > _top(bundled_store, "가비").score
    assert _top_kind(bundled_store, "가비 DOCG", "Gavi") == "transcription"


@pytest.mark.parametrize("sign", ["DOC 法拉利", "로사 DOC", "테라 DOC", "마르 AOC", "AOC 푸조"])
def test_a_designation_backs_only_a_short_rendering_of_a_whole_name_of_its_product(bundled_store, sign):
    """A designation backs a rendering as a stated country does: a short one (法拉利, Ferrari, is three
    characters), of a GI of the designation's product (DOC is of wines: 로사 is no pear GI, nor 테라 an olive oil),
    and of the GI's whole name (마르 is no Bonnes-Mares, 푸조 no Clos de Vougeot)."""
    assert not bundled_store.check(sign).conflicts


@pytest.mark.parametrize("sign, name, holds", [("샤또 마고", "Chateau Margaux", "Margaux"),
                                               ("모젤-자르-루베르", "Mosel-Saar-Ruwer", "Mosel")])
def test_a_sign_rendering_a_name_whole_renders_the_gi_names_inside_it(bundled_store, sign, name, holds):
    """A sign in another script that renders a name whole renders the GI names inside it too, as a sign in Latin
    letters would contain them: next to the name it renders, a little lower, with the reason."""
    conflicts = bundled_store.check(sign).conflicts
    found = {c.matched_name: c for c in conflicts}
    assert name in found and holds in found and found[holds].score < found[name].score
    assert f"holds the GI name {holds!r}" in found[holds].why


def test_greek_vinegar_in_its_common_spelling_is_a_product_word(bundled_store):
    """ξύδι, as Greek mostly spells vinegar (ξίδι beside it): a wine PGI's name beside it names another product."""
    assert not bundled_store.check("Μετέωρα Ξύδι").conflicts
    assert [c.kind for c in bundled_store.check("Μετέωρα Ξύδι", threshold=0).conflicts][:1] == ["same place"]


def test_a_gi_name_inside_a_rendered_name_of_another_product_is_not_rendered(bundled_store):
    """Cassis de Bourgogne, a liqueur, holds the word of Cassis, a wine: a sign that renders Crémant de
    Bourgogne near Cassis de Bourgogne renders no Cassis; a Latin sign is the exact matcher's."""
    names = [c.matched_name for c in bundled_store.check("クレマン・ド・ブルゴーニュ").conflicts]
    assert names[0] == "Crémant de Bourgogne" and "Cassis" not in names


def test_cider_perry_and_mead_are_a_class_of_their_own(bundled_store):
    """Cider, perry and mead are alcoholic drinks, but no wine nor spirit: a sign of them meets cider GIs by
    their product word (诺曼底苹果酒: Cidre de Normandie, a cider the register files among other Annex I goods),
    and no wine's name by a brand's sounds beside them (さくらミード, 老王梨酒)."""
    from gimatch.text.lexicon import class_within

    assert not class_within("cider_mead", "wine") and class_within("cider_mead", "alcoholic_beverages")
    assert _top(bundled_store, "诺曼底苹果酒").names[0] == "Cidre de Normandie"
    assert not bundled_store.check("さくらミード").conflicts and not bundled_store.check("老王梨酒").conflicts


def test_label_abbreviations_and_a_names_word_keep_their_sense(bundled_store):
    """AC opens wine labels (appellation contrôlée) as often as club names: no club word; the torta (cake) of Torta
    del Casar, a cheese, is no product a sign of cake agrees with (凯撒蛋糕, Caesar cake)."""
    assert _found(bundled_store, "AC Bordeaux", "Bordeaux")
    assert not bundled_store.check("凯撒蛋糕").conflicts


def test_a_sports_word_names_a_club_wherever_it_stands(bundled_store):
    """Football and calcio name a club anywhere in its name (Union sportive Orléans Loiret football); a club word
    that stands only at an end does not reach the middle, and an adjective goods carry too (sporting, deportivo)
    names no club."""
    for sign in ("Union sportive Orléans Loiret football", "Portogruaro Calcio ASD"):
        assert not bundled_store.check(sign).conflicts
        assert bundled_store.check(sign, threshold=0).conflicts[0].kind == "institution"
    assert _found(bundled_store, "Champagne FC Taittinger", "Champagne", within=1)
    assert _found(bundled_store, "Champagne Sporting", "Champagne", within=1)
    assert _found(bundled_store, "Rioja Deportivo", "Rioja", within=1)


def test_a_clubs_two_letter_abbreviation_names_it_where_no_label_writes_one(bundled_store):
    """CD, UD and RC are clubs' (CD Nacional Madeira, Extremadura UD, RC Strasbourg Alsace); AC opens labels
    (appellation contrôlée) and US states an origin, so AC Bordeaux and US Champagne stay conflicts."""
    for sign in ("CD Nacional Madeira", "Extremadura UD", "RC Strasbourg Alsace"):
        assert not bundled_store.check(sign).conflicts
        assert bundled_store.check(sign, threshold=0).conflicts[0].kind == "institution"
    assert _found(bundled_store, "US Champagne", "Champagne", within=1)
    assert _found(bundled_store, "AC Bordeaux", "Bordeaux", within=1)


@pytest.mark.parametrize("sign, name", [("高貴蒙特布查諾", "Vino Nobile di Montepulciano"),
                                        ("蒙特普恰诺贵族酒", "Vino Nobile di Montepulciano"),
                                        ("经典基安帝", "Chianti Classico")])
def test_chinese_translates_a_classic_or_noble_word_of_a_name(bundled_store, sign, name):
    """经典 (classic) and 高贵, 贵族 (noble) are words of names Chinese translates, the rest written by sound, even
    where the word is also a marketing word opening the sign (经典)."""
    assert _found(bundled_store, sign, name, within=2)


@pytest.mark.parametrize("sign", ["아마로네", "Амароне", "อามาโรเน่"])
def test_the_first_word_of_a_products_own_name_rendered_alone_names_it(bundled_store, sign):
    """The first word of a product's own name (Amarone of Amarone della Valpolicella) rendered sound for sound in a
    script read by sound alone names the GI."""
    assert _found(bundled_store, sign, "Amarone della Valpolicella", within=1)
