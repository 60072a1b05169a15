package org.ecoplan.catalog.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LikePatternTest {
    @Test
    void sqlPatternEscapesSqlWildcardsThatAreLiteralInThePattern() {
        LikePattern p = LikePattern.parse("50%_*x.!*", '*', '.', '!');
        assertEquals("50!%!_%x_*", p.toSqlLike('!'));
        assertTrue(p.toRegex().matcher("50%_anythingxZ*").matches());
        assertFalse(p.toRegex().matcher("50ab_xZ*").matches());
    }

    @Test
    void regexQuotesRegexCharacters() {
        LikePattern p = LikePattern.parse("a+b(c)%", '%', '_', '\\');
        assertTrue(p.toRegex().matcher("a+b(c) and more\nlines").matches());
        assertFalse(p.toRegex().matcher("aab(c)").matches());
        assertEquals("a+b(c)%", p.toSqlLike('!'));
    }

    @Test
    void trailingEscapeIsLiteralAndEscapeOfEscape() {
        assertEquals("ab!!", LikePattern.parse("ab!", '*', '.', '!').toSqlLike('!'));
        assertEquals("a!!b", LikePattern.parse("a!!b", '*', '.', '!').toSqlLike('!'));
        assertTrue(LikePattern.parse("湿地.", '*', '.', '!').toRegex().matcher("湿地区").matches());
    }
}
