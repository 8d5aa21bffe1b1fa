"""The product-class crosswalk, table by table: every native scheme gimatch reads maps to the common classes."""

from __future__ import annotations

import pytest

from gimatch import bundled
from gimatch.classes import common_class, goods_class


@pytest.mark.parametrize("schemes, code, label, common", [
    # EU food classes (Reg. (EU) 668/2014 Annex XI) by number, and the wine/spirit/aromatised schemes as a whole
    (["eu.food"], "1.2", "", "meat_products"), (["eu.food"], "1.3", "", "cheese"), (["eu.food"], "2.22", "", "beer"),
    (["eu.wine"], None, "Wine", "wine"), (["eu.spirit"], "9", "9. Fruit spirit", "spirits"),
    (["eu.aromatised"], "1", "", "aromatised_wine"),
    # China: GI-product (AQSIQ) categories and agricultural-GI categories, by their words
    (["cn.aqsiq", "cn"], None, "白酒", "spirits"), (["cn.aqsiq", "cn"], None, "葡萄酒", "wine"),
    (["cn.aqsiq", "cn"], None, "茶叶（乌龙茶）", "tea"), (["cn.aqsiq", "cn"], None, "新鲜水果（苹果）", "fruit"),
    (["cn.aqsiq", "cn"], None, "中草药材", "medicinal_plants"), (["cn.aqsiq", "cn"], None, "工艺品", "handicrafts"),
    (["cn.agi", "cn"], None, "食用菌", "mushrooms"), (["cn.agi", "cn"], None, "粮食", "cereals"),
    (["cn.agi", "cn"], None, "水产动物", "fish_seafood"), (["cn.agi", "cn"], None, "肉类产品", "meat"),
    # Japan: the same number means different things in the 2015 and 2022 schemes
    (["jp.maff.2015", "jp"], "2", "第2類 野菜類 ごぼう", "vegetables"),
    (["jp.maff.2022", "jp"], "2", "第2類 生鮮肉類", "fresh_meat"),
    (["jp.maff.2022", "jp"], "1", "第1類 農産物類（野菜類）", "vegetables"),
    (["jp.maff.2022", "jp"], "5", "第5類 農産加工品類（こんにゃく）", "plant_products"),
    (["jp.maff.2015", "jp"], "41", "第41類 畳表類 七島イ畳表", "non_food_agri"),
    (["jp.nta"], None, "清酒 (Seishu / Sake)", "rice_wine"), (["jp.nta"], None, "蒸留酒 (Spirits)", "spirits"),
    # Thailand: DIP product types (agricultural is too broad to map)
    (["th.dip"], None, "หัตถกรรม (handicraft)", "handicrafts"), (["th.dip"], None, "เกษตรกรรม (agricultural)", None),
    # Nice classes 29–33 and the US schemes
    (["nice"], "33", "", "alcoholic_beverages"), (["nice"], "32", "", "beer"), (["nice"], "29", "", None),
    (["nice", "cn"], "30", "第30类 茶叶", "tea"), (["us.ttb"], None, "American viticultural area (wine)", "wine"),
    (["us.uspto"], "A", "class A potatoes", None),
])
def test_crosswalk(schemes, code, label, common):
    assert common_class(schemes, code, label) == common


@pytest.mark.parametrize("goods, common", [("potatoes", "vegetables"), ("oranges", "fruit"), ("茶叶", "tea"),
                                           ("cheese", "cheese"), ("coffee beans; tea", None)])
def test_goods_class_from_the_product_terms(goods, common):
    assert goods_class(goods) == common


def test_every_scheme_of_the_crosswalk_is_tested_and_every_target_exists():
    rows = bundled.read_table("class_map.csv")
    classes = {r["id"] for r in bundled.read_table("classes.csv")}
    assert {r["common"] for r in rows if r["common"]} <= classes
    assert {r["scheme"] for r in rows} == {"eu.food", "eu.wine", "eu.spirit", "eu.aromatised", "cn", "jp.maff.2015",
                                           "jp.maff.2022", "jp", "jp.nta", "th.dip", "nice", "us.ttb", "us.uspto"}
    assert all(r["source"] for r in rows)
