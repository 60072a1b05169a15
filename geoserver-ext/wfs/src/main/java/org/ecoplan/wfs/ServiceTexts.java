package org.ecoplan.wfs;

/** The service's own title, abstract and provider, as capabilities of every version show them. */
final class ServiceTexts {
    private ServiceTexts() {}

    static final String TITLE_ZH = "阳高县生态修复规划 网络要素服务";
    static final String TITLE_EN = "Yanggao County ecological restoration plan — Web Feature Service";
    static final String ABSTRACT_ZH = "以 OGC WFS 2.0 / 1.1 / 1.0 发布阳高县国土空间生态修复规划的矢量数据：修复分区、重点工程、问题识别与规划指标。";
    static final String ABSTRACT_EN = "Vector data of the Yanggao County (Shanxi) territorial ecological restoration plan —"
            + " restoration zones, key projects, identified problems and plan targets — served with OGC WFS 2.0 / 1.1 / 1.0.";
    static final String[] KEYWORDS = {"WFS", "生态修复", "ecological restoration", "阳高县", "Yanggao", "国土空间规划"};
    static final String PROVIDER = "ecoplan";
}
