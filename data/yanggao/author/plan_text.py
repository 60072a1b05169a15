"""Text quoted from the public draft of the plan (阳高县国土空间生态修复规划（2021—2035年）公示稿,
阳高县规划和自然资源局, 2025-12), exactly as printed (including its typos), with the project's
English translations. Nothing here is invented: where the plan says nothing, the value is None."""

PLAN = "阳高县国土空间生态修复规划（2021—2035年）公示稿"

# 03 修复布局 / 生态修复分区 — one paragraph per zone, split into the fields it actually states.
ZONES = [
    {"zone_code": "Z1", "name_zh": "西北部矿山环境整治修复区",
     "name_en": "North-western mine environment remediation zone",
     "main_problems": "历史遗留露天开采活动引发的系统性生态损伤",
     "dominant_function": None,
     "restoration_positioning": None,
     "strategy": "修复策略需遵循“山水林田湖草沙”系统治理理念，分类实施工程干预，通过消除地质灾害、恢复生态功能、提升碳汇能力，实现矿区生态安全与区域可持续发展的协同目标。",
     "plan_text": "本区域环境生态问题主要表现为历史遗留露天开采活动引发的系统性生态损伤。修复策略需遵循“山水林田湖草沙”系统治理理念，分类实施工程干预，通过消除地质灾害、恢复生态功能、提升碳汇能力，实现矿区生态安全与区域可持续发展的协同目标。"},
    {"zone_code": "Z2", "name_zh": "中部盆地土地综合整治区",
     "name_en": "Central basin comprehensive land consolidation zone",
     "main_problems": "耕地盐碱化、农业资源单一，农林牧业比例失调，土地生产力低",
     "dominant_function": None,
     "restoration_positioning": "土地综合整治、防风固沙、水土保持",
     "strategy": None,
     "plan_text": "本区域主要生态环境问题有耕地盐碱化、农业资源单一，农林牧业比例失调，土地生产力低。本区生态保护修复定位为土地综合整治、防风固沙、水土保持。"},
    {"zone_code": "Z3", "name_zh": "北部水源涵养与防风固沙修复区",
     "name_en": "Northern water conservation and windbreak / sand-fixation restoration zone",
     "main_problems": "水土流失和土地沙化问题",
     "dominant_function": None,
     "restoration_positioning": None,
     "strategy": "通过防风林带建设、草地恢复、小流域治理等工程，筑牢京津冀生态安全屏障。",
     "plan_text": "该区域重点针对水土流失和土地沙化问题，通过防风林带建设、草地恢复、小流域治理等工程，筑牢京津冀生态安全屏障。"},
    {"zone_code": "Z4", "name_zh": "桑干河湿地水生态修复区",
     "name_en": "Sanggan River wetland and aquatic ecosystem restoration zone",
     "main_problems": None,
     "dominant_function": "生物多样性保护、水生态安全维护",
     "restoration_positioning": None,
     "strategy": None,
     "plan_text": "本区主导生态功能定位为生物多样性保护、水生态安全维护。"},
    {"zone_code": "Z5", "name_zh": "南部六棱山水源涵养和生物多样性保护修复区",
     "name_en": "Southern Liuleng Shan water conservation and biodiversity protection restoration zone",
     "main_problems": None,
     "dominant_function": "区域生态保护修复以水土保持和水源涵养，兼顾生物多样性保护",
     "restoration_positioning": None,
     "strategy": None,
     "plan_text": "本区主导生态功能定位为区域生态保护修复以水土保持和水源涵养，兼顾生物多样性保护。"},
]

# 03 修复布局 / 重点区域. In the draft each description paragraph is printed ABOVE its heading.
KEY_AREAS = [
    {"key_area": "KA1", "name_zh": "森林生态系统保护和修复项目重点区",
     "name_en": "Key area for forest ecosystem protection and restoration projects",
     "plan_text": "区域以六棱山、采凉山、云门山等山脉为核心，涵盖天然林、人工林及退化林地，是阳高县“四山”生态屏障的重要组成部分。"},
    {"key_area": "KA2", "name_zh": "水源涵养项目重点区",
     "name_en": "Key area for water conservation projects",
     "plan_text": "区域以湿地生态修复、水源地保护工程、生态补水与水系连通和生物多样性保护为主，恢复河道的水生态安全和生物多样性维护功能，改善全县的水生态环境。"},
    {"key_area": "KA3", "name_zh": "矿山生态修复项目重点区",
     "name_en": "Key area for mine ecological restoration projects",
     "plan_text": "在矿山生态修复重点区内开展地质灾害治理、地形重塑与土壤重构、地形重塑与土壤重构和产业转型利用等，并对山体地形地貌及其森林植被资源进行全面的保护与管控，逐步恢复山体生态功能，改善山体景观风貌。"},
]

# 01 现状与形势 / 主要生态问题
PROBLEMS = [
    ("EP1", "沙化土地", "沙化土地面积大，对城镇危害大", "Large area of desertified land, seriously endangering towns"),
    ("EP2", "河流水生态退化", "河流水生态退化，威胁到阳高县的生态安全", "Degradation of river aquatic ecosystems, threatening Yanggao's ecological security"),
    ("EP3", "水土流失", "水土流失严重，制约了农业农村发展", "Severe soil erosion, constraining agricultural and rural development"),
    ("EP4", "森林覆盖率低、草地退化严重", "森林覆盖率低、草地退化严重", "Low forest cover and severe grassland degradation"),
    ("EP5", "历史遗留矿山", "历史遗留矿山点多面广，对生态系统破坏严重", "Numerous and widespread legacy mines, seriously damaging ecosystems"),
]

# 01 现状与形势 / 生态修复成效 — (heading, sentence)
ACHIEVEMENT_TEXT = {
    "barrier": ("生态屏障建设初具规模", "依托重点生态修复建设工程，林草植被面积大幅增加，生态状况持续改善，不断筑牢京津冀地区生态安全屏障。"),
    "mine": ("矿山地质环境治理成效突出", "积极开展黄河流域及重点地区历史遗留废弃矿山生态修复，矿山地质破坏得到了有效遏制，生态环境得到进一步改善。"),
    "erosion": ("水土流失治理效果显著", "依托“八连环”治理模式，通过梯田整修、经济林补植、封育治理等措施，有效减少了泥沙入河，筑牢了永定河上游生态屏障。"),
    "wetland": ("湿地修复成果显著", "通过白登河湿地公园建设、桑干河生态廊道工程等一系列生态修复项目，提升水质，改善水生态环境，打造北方干旱区湿地修复标杆。"),
}

# 03 修复布局 / 总体布局
LAYOUT = {
    "pattern": "构建“两河、四山、一屏障”的生态保护修复格局。",
    "rivers": "两河：桑干河和白登河两条河流及其沿岸绿化形成的生态景观带。",
    "mountains": "四山：六棱山、大泉山、采凉山和云门山生态保育片区。",
    "barrier": "一屏障：阳高县北部京津冀风沙源治理生态屏障。",
}

# 04 实施安排 / 生态修复对策 (code, title_zh, title_en, bullets as printed)
MEASURES = [
    ("M1", "提高生物多样性", "Enhancing biodiversity",
     ["构建重要生态廊道和生态网络", "推进廊道内重要保护区、森林公园等重要生态系统保护", "开展廊道内各项治理工程"]),
    ("M2", "林草系统生态修复", "Ecological restoration of forest and grassland systems",
     ["开展宜林宜草荒山绿化工程", "提升森林质量", "对生态及其脆弱的区域实行全面封禁"]),
    ("M3", "废弃矿山综合治理", "Comprehensive remediation of abandoned mines",
     ["推进各项矿山治理工程", "构建起比较完善的生态修复和管理体制机制", "推进绿色矿山建设"]),
    ("M4", "水生态保护与修复", "Protection and restoration of aquatic ecosystems",
     ["整治破坏水生态行为", "保护水源地及其周边生态", "推进河道、排水渠清淤整治"]),
    ("M5", "推进土地综合整治", "Advancing comprehensive land consolidation",
     ["进行村庄综合整治", "开展耕地污染风险评估", "营造农田防护林"]),
]

# 06 保障机制 — headings with the bullets printed under them, in the printed order.
SAFEGUARDS = [
    ("G1", "加强组织领导", "Strengthening organisation and leadership",
     ["吸引社会资本参与", "优化各级财政资金投入", "压实企业修复责任", "完善生态产品价值实现机制"]),
    ("G2", "加强制度保障", "Strengthening institutional safeguards",
     ["加强基础研究和关键技术攻关", "完善生态修复标准体系建设", "建立健全全国国土空间生态修复管理系统", "强化学科和人才队伍建设"]),
    ("G3", "加强公众参与", "Strengthening public participation",
     ["建立统筹协调机制", "强化分工协作", "压紧压实责任"]),
    ("G4", "强化资金保障", "Strengthening funding safeguards",
     ["加强《规划》协调落实", "落实《规划》传导机制", "建立重点项目库", "加强重大工程监管"]),
    ("G5", "加强技术支撑", "Strengthening technical support",
     ["完善动态监测体系", "开展生态价值评估", "强化规划实施评估", "完善生态保护修复公众参与机制", "构建多层次合作交流平台", "开展多形式宣传教育"]),
]
MEASURE_NOTES = {"M2": "“对生态及其脆弱的区域”按原文照录（疑为“极其”之误）。 / Printed as 及其 (probably a typo for 极其, 'extremely'); kept as printed."}
SAFEGUARD_NOTE = ("公示稿原文如此：各标题下所列条目与标题内容明显错位（例如“加强组织领导”下列的是资金类条目），"
                  "目录中的标题顺序（组织领导、资金保障、制度保障、技术支撑、公众参与）也与正文顺序不同；此处按正文照录，未作调整。"
                  " / As printed in the public draft: the bullets under each heading visibly belong to other headings "
                  "and the heading order differs from the table of contents; reproduced as printed, not corrected.")

# 02 总体要求 / 规划目标
TARGETS = [
    ("OVERALL", None, "总体目标",
     "落实阳高县国土总体规划确定的“两河四山一屏障”生态修复格局，统筹推进山水林田湖草矿的综合治理，优化生态空间整体结构、强化农业空间生态功能、提升城镇人居环境。",
     "Implement the 'two rivers, four mountains, one barrier' ecological restoration pattern set by Yanggao County's territorial master plan; coordinate the integrated management of mountains, waters, forests, farmland, lakes, grasslands and mines; optimise the overall structure of ecological space, strengthen the ecological functions of agricultural space and improve the living environment of urban space."),
    ("Y2025", 2025, "2025年",
     "生态保护红线、永久基本农田、城镇开发边界三条空间管制控制线全面落地。",
     "The three spatial control lines — the ecological protection red line, permanent basic farmland and the urban development boundary — are fully implemented on the ground."),
    ("Y2035", 2035, "2035年",
     "“山水林田湖草沙矿”生命共同体空间体系进一步完善，各级生态功能区得到有效保护，生态文明发展的魅力阳高基本形成。",
     "The spatial system of the 'mountains, waters, forests, farmland, lakes, grasslands, sands and mines' community of life is further improved, ecological function areas at all levels are effectively protected, and an attractive Yanggao of ecological-civilisation development has basically taken shape."),
]

# 04 实施安排 / 项目安排: programmes and their project types, in the printed order.
PROGRAMMES = [
    ("PR1", "山林生态屏障保护和修复工程", [
        ("T01", "森林生态系统保护和修复项目"), ("T02", "草地治理项目"), ("T03", "水源地保护项目")]),
    ("PR2", "流域生态保护和修复项目", [
        ("T04", "骨干河道综合治理工程"), ("T05", "山洪沟道系统治理工程"), ("T06", "河湖生态岸线修复工程")]),
    ("PR3", "城镇空间生态修复", [
        ("T07", "绿道等线性项目"), ("T08", "城市水网修复项目"), ("T09", "城市棕地修复项目")]),
    ("PR4", "农业空间生态修复", [
        ("T10", "退化耕地保护修复项目"), ("T11", "特色农业生态系统保护和修复项目"),
        ("T12", "全域土地综合整治项目"), ("T13", "特色乡村风貌保护修复项目")]),
    ("PR5", "生态廊道保护和修复", [
        ("T14", "自然保护地体系建设工程"), ("T15", "森林公园品质提升工程")]),
    ("PR6", "矿山生态修复", [
        ("T16", "历史遗留矿山生态修复项目"), ("T17", "矿山地质环境恢复治理项目")]),
]
TYPE_PROGRAMME = {t: (p, pname, tname) for p, pname, types in PROGRAMMES for t, tname in types}

# Which bullets of 生态修复对策 apply to which project type: the project's reading, not the plan's.
TYPE_MEASURES = {
    "T01": [("M2", 0), ("M2", 1), ("M2", 2)], "T02": [("M2", 0), ("M2", 2)], "T03": [("M4", 1)],
    "T04": [("M4", 0), ("M4", 2)], "T05": [("M4", 2)], "T06": [("M1", 2), ("M4", 0)],
    "T07": [("M1", 0)], "T08": [("M4", 2)], "T09": [],
    "T10": [("M5", 1), ("M5", 2)], "T11": [("M5", 2)], "T12": [("M5", 0), ("M5", 1), ("M5", 2)],
    "T13": [("M5", 0)], "T14": [("M1", 1)], "T15": [("M1", 1), ("M2", 1)],
    "T16": [("M3", 0)], "T17": [("M3", 0), ("M3", 2)],
}


def measures_text(type_code):
    """'M2 林草系统生态修复：开展…；提升…' for the bullets mapped to a project type (None if none);
    groups of different 对策 are separated by '。'."""
    by_code = {c: (t, items) for c, t, _, items in MEASURES}
    groups = {}
    for code, i in TYPE_MEASURES[type_code]:
        groups.setdefault(code, []).append(by_code[code][1][i])
    if not groups:
        return None
    return "。".join(f"{c} {by_code[c][0]}：" + "；".join(items) for c, items in groups.items())

# The plan's other sections, quoted item by item (layers plan_status, plan_outlook, plan_principles, plan_benefits): 01 生态现状 and 机遇与挑战,
# 02 指导思想 and 基本原则, 05 效益分析. (code, section, heading, text or None where the plan prints
# a heading only.) Items printed on several lines are joined without a separator.
SECTIONS = [
    ("SS1", "01 现状与形势 / 生态现状", "气候大陆性显著，昼夜温差大",
     "阳高县属温带半干旱气候区，大陆性显著，四季分明，春旱多风，夏热多雨，秋凉气爽，冬寒少雪。昼夜温差大，降水量较少。"),
    ("SS2", "01 现状与形势 / 生态现状", "沃土面积较少，矿产资源较丰富",
     "土壤养分含量低、质量差，影响土地利用效益，境内主要有石灰石、石英石、金、铁、煤、镁等14种矿产资源。"),
    ("SS3", "01 现状与形势 / 生态现状", "地表多裸露，植被稀疏",
     "山丘区地表多为岩石裸露或土层较薄，植被生长稀疏。森林资源总量偏少，绿化布局不均。在现有的森林中，人工森林多，低效林和过熟林多，"
     "天然森林少。在天然林中灌木林居多，乔木林偏少。"),
    ("OP1", "01 现状与形势 / 机遇与挑战 / 面临机遇", "生态屏障建设与区域经济协同发展的政策重叠", None),
    ("OP2", "01 现状与形势 / 机遇与挑战 / 面临机遇", "产业融合催生生态价值转化新路径", None),
    ("OP3", "01 现状与形势 / 机遇与挑战 / 面临机遇", "技术输出与标杆效应扩大区域影响力", None),
    ("OP4", "01 现状与形势 / 机遇与挑战 / 面临机遇", "湿地修复的标杆效应", None),
    ("CH1", "01 现状与形势 / 机遇与挑战 / 挑战", "生态本底脆弱性 仍是发展瓶颈",
     "水资源禀赋先天不足，年均降水的不确定性可能导致湿地生态系统波动。森林覆盖率仍低于全国平均水平，治理成本高、见效慢，土地退化风险仍存在。"),
    ("CH2", "01 现状与形势 / 机遇与挑战 / 挑战", "资金保障机制待完善",
     "阳高县在盐碱地、沙化地等长期治理项目上，社会资本引入机制尚不成熟，资金来源过度依赖政府投入，难以满足持续修复需求。"),
    ("CH3", "01 现状与形势 / 机遇与挑战 / 挑战", "生态产业可持续性 面临多重制约",
     "阳高县的生态产业仍处初级阶段，缺乏龙头企业引领，产业链抗风险能力弱，青壮年外流导致人力缺口，可能影响治理成果的长期巩固。"),
    ("CH4", "01 现状与形势 / 机遇与挑战 / 挑战", "区域竞争与系统风 险加剧发展压力",
     "在晋北生态旅游同质化竞争中，阳高县的杏花节与周边县区项目形成内卷，产业同质化若持续，将削弱其作为京津冀生态旅游目的地的独特吸引力，"
     "不利于区域协同发展。"),
    ("GP1", "02 总体要求 / 指导思想", "指导思想",
     "以习近平新时代中国特色社会主义思想为指导，全面贯彻习近平生态文明思想，牢固树立尊重自然、顺应自然、保护自然的生态文明理念，"
     "切实增强“绿水青山就是金山银山”的意识，坚持节约优先、保护优先、自然恢复为主的方针，以统筹山水林田湖草沙一体化保护和修复为主线，"
     "以系统解决核心生态问题为导向，合理划定国土空间生态修复区域，科学部署和有效实施重要生态系统保护和修复重大工程，提升生态系统质量和稳定性，"
     "筑牢区域生态安全屏障，提升生态环境治理体系和治理能力现代化水平，为打造人与自然和谐共生的美丽阳高奠定基础。"),
    ("BP1", "02 总体要求 / 基本原则", "生态优先，绿色发展", "牢固树立和践行“绿水青山就是金山银山”的理念，促进人与自然和谐共生。"),
    ("BP2", "02 总体要求 / 基本原则", "规划引领，统筹协调。", "全方位、全地域、全要素、全过程统筹推进生态保护修复工作。"),
    ("BP3", "02 总体要求 / 基本原则", "问题导向、科学修复", "坚持宜林则林、宜田则田、宜水则水、宜草则草的原则，因地制宜开展生态保护修复工作。"),
    ("BP4", "02 总体要求 / 基本原则", "创新机制、多元参与", "创新国土空间生态修复的组织、实施、考核、激励等机制和适应性生态管理模式。"),
    ("BA1", "05 效益分析 / 生态效益", "生态效益", "生态系统质量显著提升；生物多样性保护成效显著；生态安全屏障更加牢固。"),
    ("BA2", "05 效益分析 / 经济效益", "经济效益", "生态产业带动经济增长；土地资源价值提升。"),
    ("BA3", "05 效益分析 / 社会效益", "社会效益", "人居环境质量全面改善；就业与民生保障增强；社会稳定与安全保障；生态文明理念深入人心。"),
    ("EI1", "05 效益分析 / 环境影响评价", "对环境的有利影响",
     "有效提升源涵养地及防护林组成的重要作用，成为拱卫京津冀乃至华北局域生态安全与可持续发展的重要屏障。"),
    ("EI2", "05 效益分析 / 环境影响评价", "对环境的不利影响",
     "生态修复工程实施过程中产生的废水、废气、扬尘、噪声、固体废物、水土流失等将不可避免地对环境产生不利影响。"),
    ("EI3", "05 效益分析 / 环境影响评价", "不利环境影响减缓措施",
     "运用结构优化、污染治理和生态保护等多种手段，预防和治理结合，构建全方位、全地域、全过程、一体化生态环境保护格局。"),
]
