package org.ecoplan.store.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.ecoplan.store.contract.ContractFixture.Plot;

/**
 * The expected answers of the contract queries, computed from the fixture rows with plain Java
 * predicates and comparators written for each test (not with the stores' filter code).
 */
final class PlotOracle {
    private PlotOracle() {}

    static List<String> expect(Predicate<Plot> p) {
        List<String> out = new ArrayList<>();
        for (Plot plot : ContractFixture.PLOT_ROWS) if (p.test(plot)) out.add(plot.id());
        return out;
    }

    static List<String> sorted(Predicate<Plot> p, Comparator<Plot> order) {
        List<Plot> rows = new ArrayList<>();
        for (Plot plot : ContractFixture.PLOT_ROWS) if (p.test(plot)) rows.add(plot);
        rows.sort(order.thenComparingLong(Plot::fid));
        return rows.stream().map(Plot::id).toList();
    }

    /** Ascending with nulls first, as every store sorts. */
    static <T extends Comparable<? super T>> Comparator<Plot> asc(Function<Plot, T> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.<T>naturalOrder()));
    }

    /** Descending with nulls last. */
    static <T extends Comparable<? super T>> Comparator<Plot> desc(Function<Plot, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.<T>reverseOrder()));
    }

    /** Code point order of two strings (the fixture has no characters outside the BMP, so UTF-16 order is it). */
    static Comparator<Plot> ascName() {
        return asc(Plot::name);
    }
}
