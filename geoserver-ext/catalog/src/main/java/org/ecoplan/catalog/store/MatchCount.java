package org.ecoplan.catalog.store;

import org.ecoplan.catalog.query.FeatureQuery;
import org.ecoplan.catalog.query.Filter;
import org.ecoplan.catalog.query.QueryTimeoutException;

/**
 * The number of features one query matches, counted within the service's count budget. WFS 2.0
 * lets a server answer numberMatched="unknown" (clause 11.3.3.2, the schema's
 * {@code nonNegativeIntegerOrUnknown}) and OGC API – Features may leave numberMatched out; past the
 * budget both do, and then count only as far as the requested page needs, so a slow count never
 * costs more than the page itself.
 *
 * @param matched  every match, or {@link #UNKNOWN}
 * @param counted  the matches counted: all of them, or up to the cap when unknown
 */
public record MatchCount(long matched, long counted) {
    public static final long UNKNOWN = -1;

    /** The count a page of {@code limit} features after {@code offset} needs: one more, to tell whether a page follows. */
    public static long capFor(long offset, long limit) {
        return offset > Long.MAX_VALUE - limit - 1 ? Long.MAX_VALUE : offset + limit + 1;
    }

    public boolean known() {
        return matched != UNKNOWN;
    }

    /**
     * Counts the matches of {@code filter}: fully when that ends before {@code countDeadline},
     * else no further than {@code cap} before {@code requestDeadline}.
     */
    public static MatchCount of(FeatureSource source, Filter filter, long cap, long countDeadline,
            long requestDeadline) {
        try {
            long n = source.count(FeatureQuery.of(filter).withDeadline(countDeadline));
            return new MatchCount(n, n);
        } catch (QueryTimeoutException slow) {
            // past the whole request's budget there is nothing left to answer with
            if (countDeadline - requestDeadline >= 0) throw slow;
        }
        long upTo = source.countUpTo(FeatureQuery.of(filter).withDeadline(requestDeadline), cap);
        return new MatchCount(UNKNOWN, upTo);
    }
}
