package org.ecoplan.server.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ecoplan.catalog.Feature;
import org.ecoplan.catalog.config.LayerConfig;
import org.ecoplan.catalog.crs.CrsRegistry;
import org.ecoplan.catalog.crs.GeometryTransformer;
import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.store.FeatureCursor;
import org.ecoplan.server.ServerContext;
import org.ecoplan.server.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Walks the elements of the Yanggao plan that the service must publish (issue "the plan as
 * data") through the running server's stores, after the real data-loader has loaded the shipped
 * sources, and checks each against the plan's own text.
 */
class PlanContentIT {
    private static ServerContext ws;
    private static String plan;

    @BeforeAll
    static void start() throws IOException {
        ServerFixture.baseUrl();
        ws = ServerFixture.server().context();
        Path planFile = ServerFixture.workspace().getParent().resolve("shared/seed/plan-public-draft.zh.txt");
        plan = squeeze(Files.readString(planFile, StandardCharsets.UTF_8));
    }

    private static String squeeze(String s) { return s.replaceAll("\\s+", ""); }

    private static List<Feature> all(String layer) {
        LayerConfig l = ServerFixture.plan().layer(layer).orElseThrow(() -> new AssertionError("no layer " + layer));
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = ws.featureSource(l).features(FeatureQuery.ALL)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private static Set<String> values(List<Feature> fs, String attribute) {
        return fs.stream().map(f -> String.valueOf(f.get(attribute))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void quotedFromPlan(List<Feature> fs, String attribute) {
        for (Feature f : fs) {
            Object t = f.get(attribute);
            assertNotNull(t, f.id() + " has no " + attribute);
            for (String part : t.toString().split("[；;\\n]")) {
                String p = squeeze(part).replaceAll("[。．]$", "");
                if (p.length() < 4) continue;
                assertTrue(plan.contains(p), f.id() + "." + attribute + " is not the plan's text: " + part);
            }
        }
    }

    private static double areaKm2(Geometry g) {
        return new GeometryTransformer(CrsRegistry.CGCS2000, CrsRegistry.CGCS2000_GK_114E).transform(g).getArea() / 1e6;
    }

    @Test
    void countyWithThePlanFiguresBesideTheComputedArea() {
        List<Feature> c = all("county_boundary");
        assertEquals(1, c.size());
        Feature f = c.get(0);
        assertEquals("阳高县", f.get("name_zh"));
        assertEquals("140221", f.get("adcode"));
        assertEquals(1598.3, (Double) f.get("plan_area_km2"), 1e-9);
        assertTrue(plan.contains("总面积1598.3平方千米"));
        double computed = (Double) f.get("area_km2");
        assertEquals(areaKm2(f.geometry()), computed, 0.5, "loader-derived area");
        assertEquals(1609.5, computed, 5.0, "the boundary's EPSG:4547 area (SOURCES.md: 1609.5 km²)");
        assertEquals(2020L, f.get("base_year"));
        assertEquals(2021L, f.get("period_start"));
        assertEquals(2035L, f.get("period_end"));
        assertEquals("2021–2025", f.get("near_term"));
        assertEquals("2026–2035", f.get("long_term"));
    }

    @Test
    void elevenTownshipsSevenTownsFourXiang() {
        List<Feature> t = all("townships");
        assertEquals(11, t.size());
        assertEquals(7, t.stream().filter(f -> f.get("name_zh").toString().endsWith("镇")).count());
        assertEquals(4, t.stream().filter(f -> f.get("name_zh").toString().endsWith("乡")).count());
        for (Feature f : t) assertTrue(f.get("adcode").toString().matches("140221\\d{3}"), f.id());
        assertFalse(values(t, "name_zh").contains("马家皂乡"), "马家皂乡 belongs to 天镇县 since 2018");
    }

    @Test
    void twoRiversFourMountainsOneBarrier() {
        assertTrue(plan.contains("两河：桑干河和白登河"));
        assertTrue(values(all("rivers"), "name_zh").contains("桑干河"));
        Set<String> belts = values(all("river_belts"), "river_zh");
        assertEquals(Set.of("桑干河", "白登河"), belts);
        String mountains = String.join(",", values(all("mountains"), "name_zh"));
        for (String m : List.of("六棱山", "大泉山", "采凉山", "云门山")) assertTrue(mountains.contains(m), m);
        List<Feature> barrier = all("barrier");
        assertEquals(1, barrier.size());
        assertTrue(barrier.get(0).get("name_zh").toString().contains("京津冀风沙源治理生态屏障"));
        quotedFromPlan(barrier, "plan_text");
        quotedFromPlan(all("mountains"), "plan_text");
    }

    @Test
    void fiveZonesCoverTheCountyWithoutGapOrOverlap() {
        List<Feature> zones = all("restoration_zones");
        assertEquals(Set.of("西北部矿山环境整治修复区", "中部盆地土地综合整治区", "北部水源涵养与防风固沙修复区",
                "桑干河湿地水生态修复区", "南部六棱山水源涵养和生物多样性保护修复区"), values(zones, "name_zh"));
        assertEquals(5, values(zones, "zone_code").size());
        quotedFromPlan(zones, "plan_text");
        Geometry county = all("county_boundary").get(0).geometry();
        List<Geometry> parts = zones.stream().map(Feature::geometry).toList();
        Geometry union = UnaryUnionOp.union(parts);
        double sum = parts.stream().mapToDouble(PlanContentIT::areaKm2).sum();
        double overlap = sum - areaKm2(union);
        double gap = areaKm2(county.difference(union));
        double countyArea = areaKm2(county);
        assertTrue((gap + overlap) / countyArea < 0.001, "gap " + gap + " + overlap " + overlap + " km²");
    }

    @Test
    void threeKeyAreasWithThePlansDescriptions() {
        List<Feature> k = all("key_areas");
        assertEquals(Set.of("森林生态系统保护和修复项目重点区", "水源涵养项目重点区", "矿山生态修复项目重点区"), values(k, "name_zh"));
        quotedFromPlan(k, "plan_text");
    }

    @Test
    void everyProgrammeAndProjectTypeWithPhaseAndZone() {
        List<Feature> projects = new ArrayList<>();
        for (String l : List.of("project_areas", "project_lines", "project_sites")) projects.addAll(all(l));
        Set<String> programmes = values(projects, "programme_zh");
        for (String p : List.of("山林生态屏障保护和修复工程", "流域生态保护和修复", "城镇空间生态修复", "农业空间生态修复",
                "生态廊道保护和修复", "矿山生态修复")) {
            assertTrue(programmes.stream().anyMatch(x -> x.startsWith(p)), "programme " + p);
        }
        Set<String> types = values(projects, "project_type_zh");
        List<String> planTypes = List.of("森林生态系统保护和修复项目", "草地治理项目", "水源地保护项目", "骨干河道综合治理工程",
                "山洪沟道系统治理工程", "河湖生态岸线修复工程", "绿道等线性项目", "城市水网修复项目", "城市棕地修复项目",
                "退化耕地保护修复项目", "特色农业生态系统保护和修复项目", "全域土地综合整治项目", "特色乡村风貌保护修复项目",
                "自然保护地体系建设工程", "森林公园品质提升工程", "历史遗留矿山生态修复项目", "矿山地质环境恢复治理项目");
        for (String t : planTypes) {
            assertTrue(plan.contains(t), "the plan lists " + t);
            assertTrue(types.contains(t), "no project of type " + t);
        }
        // a project is named by its type and code: no place name suggests a designation the plan does not make
        for (Feature p : projects) {
            assertEquals(p.get("project_type_zh") + "示例 " + p.get("project_code") + "（示意）", p.get("name_zh"), p.id());
        }
        // the plan sets 近期 / 中远期 but puts no project in either: every phase is 未明确, with no years
        assertTrue(plan.contains("近期2021-2025年，中远期2026-2035年"), "the plan's periods");
        assertEquals(Set.of("未明确"), values(projects, "phase"));
        for (Feature p : projects) assertFalse(p.attributes().containsKey("phase_years"), p.id());
        List<Feature> zones = all("restoration_zones");
        for (Feature p : projects) {
            Geometry inner = p.geometry().getInteriorPoint();
            String zone = zones.stream().filter(z -> z.geometry().contains(inner))
                    .map(z -> z.get("zone_code").toString())
                    .findFirst().orElse("none");
            assertEquals(zone, p.get("zone_code"), p.id() + " lies in " + zone);
            assertEquals(Boolean.TRUE, p.get("schematic"), p.id());
        }
        for (Feature a : all("project_areas"))
            assertEquals(areaKm2(a.geometry()), (Double) a.get("area_km2"), 0.01, a.id());
        for (Feature l : all("project_lines")) assertTrue((Double) l.get("length_km") > 0, l.id());
    }

    @Test
    void theOtherSectionsAreQuotedItemByItemOneTableLayerEach() {
        Map<String, List<String>> layers = Map.of("plan_status", List.of("生态现状"), "plan_outlook",
                List.of("机遇与挑战"), "plan_principles", List.of("指导思想", "基本原则"), "plan_benefits",
                List.of("效益分析", "环境影响评价"));
        int total = 0;
        for (var e : layers.entrySet()) {
            List<Feature> items = all(e.getKey());
            assertFalse(items.isEmpty(), e.getKey());
            total += items.size();
            quotedFromPlan(items, "heading_zh");
            quotedFromPlan(items.stream().filter(f -> f.get("text_zh") != null).toList(), "text_zh");
            Set<String> sections = values(items, "plan_section");
            for (String s : e.getValue()) {
                assertTrue(sections.stream().anyMatch(x -> x.contains(s)), "section " + s + " in " + sections);
            }
            // each layer holds its own section and no other
            for (String x : sections) {
                assertTrue(e.getValue().stream().anyMatch(x::contains), e.getKey() + " holds " + x);
            }
        }
        assertEquals(22, total, "every item of the four sections, once");
        assertTrue(all("plan_status").stream().anyMatch(f -> String.valueOf(f.get("text_zh")).contains("14种矿产资源")));
    }

    /**
     * Every value of every attribute the catalog presents as the plan's words (alias 规划原文 /
     * "plan text") is in the plan file: nothing is offered as the plan's that the plan does not say.
     */
    @Test
    void nothingIsPresentedAsThePlansTextThatThePlanDoesNotContain() {
        int checked = 0;
        for (LayerConfig l : ServerFixture.plan().layers()) {
            for (var a : l.featureType().attributes()) {
                String zh = a.alias().in("zh");
                String en = a.alias().in("en").toLowerCase(java.util.Locale.ROOT);
                boolean quoted = zh.contains("规划原文") || en.contains("plan text") || en.contains("(quoted)");
                if (!quoted || a.type() != org.ecoplan.catalog.AttributeType.STRING) continue;
                for (Feature f : all(l.id())) {
                    if (f.get(a.name()) == null) continue;
                    // quoted pieces may be listed with the plan's own codes ("M2 林草系统生态修复：开展…；…")
                    for (String part : f.get(a.name()).toString().split("[；;\\n。：]")) {
                        String p = squeeze(part.replaceFirst("^\\s*[A-Z]+\\d+\\s+", ""));
                        if (p.length() < 4) continue;
                        assertTrue(plan.contains(p),
                                l.id() + "." + a.name() + " of " + f.id() + " is not the plan's text: "
                                        + part);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 50, "values checked: " + checked);
    }

    @Test
    void zoneFieldsSayWhatThePlanCallsThem() {
        // the plan states a 主导生态功能定位 for some zones and a 生态保护修复定位 for Z2: each in its own field
        for (Feature z : all("restoration_zones")) {
            Object function = z.get("dominant_function");
            Object positioning = z.get("restoration_positioning");
            if (function != null) assertTrue(plan.contains(squeeze("主导生态功能定位为" + function)), z.id());
            if (positioning != null) assertTrue(plan.contains(squeeze("生态保护修复定位为" + positioning)), z.id());
        }
        assertEquals(Set.of("Z2"),
                all("restoration_zones").stream().filter(z -> z.get("restoration_positioning") != null)
                        .map(z -> z.get("zone_code").toString()).collect(Collectors.toSet()));
    }

    @Test
    void estimatedTownshipSeatsAreSchematic() {
        List<Feature> seats = all("townships");
        for (Feature f : seats) {
            boolean estimated = f.get("coord_source").toString().startsWith("ESTIMATED");
            assertEquals(estimated, f.get("schematic"), f.get("name_zh") + ": " + f.get("coord_source"));
        }
        assertEquals(8, seats.stream().filter(f -> Boolean.TRUE.equals(f.get("schematic"))).count());
    }

    @Test
    void fiveProblemsAndTheNamedAchievements() {
        List<Feature> p = all("eco_problems");
        assertEquals(5, p.size());
        quotedFromPlan(p, "plan_text");
        String names = String.join(",", values(p, "name_zh"));
        for (String n : List.of("沙化土地", "河流水生态退化", "水土流失", "森林覆盖率低", "历史遗留矿山")) assertTrue(names.contains(n), n);
        // a problem's name is the plan's own wording, never a paraphrase
        quotedFromPlan(p, "name_zh");
        List<Feature> a = all("achievements");
        quotedFromPlan(a, "plan_text");
        String texts = a.stream().map(f -> f.get("plan_text") + "|" + f.get("name_zh")).collect(Collectors.joining());
        for (String n : List.of("白登河湿地公园", "桑干河生态廊道工程", "八连环", "矿山")) assertTrue(texts.contains(n), n);
    }

    @Test
    void targetsMeasuresAndSafeguardsAsTables() {
        List<Feature> targets = all("plan_targets");
        assertEquals(3, targets.size(), "the overall target, 2025 and 2035");
        quotedFromPlan(targets, "text_zh");
        assertTrue(values(targets, "target_year").containsAll(Set.of("2025", "2035")));
        List<Feature> measures = all("plan_measures");
        assertEquals(5, measures.stream().filter(f -> "修复对策".equals(f.get("kind"))).count());
        assertEquals(5, measures.stream().filter(f -> "保障机制".equals(f.get("kind"))).count());
        quotedFromPlan(measures, "items_zh");
        for (Feature f : measures) assertTrue(plan.contains(squeeze(f.get("title_zh").toString())), f.id());
        assertTrue(targets.stream().allMatch(f -> f.geometry() == null));
    }

    @Test
    void theFourFiguresAreLayerGroups() {
        Set<String> titles = ServerFixture.plan().groups().stream().map(g -> g.title().zh())
                .collect(Collectors.toSet());
        for (String t : List.of("两河·四山·一屏障", "生态修复分区", "重点区域", "项目安排")) {
            assertTrue(titles.stream().anyMatch(x -> x.contains(t)), "group " + t);
        }
    }

    @Test
    void drawnGeometryIsMarkedSchematicWithProvenanceAndLicence() {
        for (LayerConfig l : ServerFixture.plan().layers()) {
            assertFalse(l.metadata().licence().isBlank(), l.id());
            assertFalse(l.metadata().attribution().isBlank(), l.id());
            if (!l.featureType().hasGeometry()) continue;
            boolean perFeature = l.featureType().attribute("schematic").isPresent();
            assertTrue(perFeature, l.id() + " has no schematic attribute");
            for (Feature f : all(l.id())) {
                assertNotNull(f.get("provenance"), f.id());
                assertNotNull(f.get("confidence"), f.id());
                assertTrue(f.get("schematic") instanceof Boolean, f.id() + " says whether it is schematic");
            }
        }
        assertEquals(Boolean.TRUE, all("restoration_zones").get(0).get("schematic"));
        assertEquals(Boolean.FALSE, all("county_boundary").get(0).get("schematic"));
    }
}
