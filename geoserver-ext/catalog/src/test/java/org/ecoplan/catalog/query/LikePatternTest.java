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
        assertTrue(p.matches("50%_anythingxZ*"));
        assertFalse(p.matches("50ab_xZ*"));
    }

    @Test
    void regexQuotesRegexCharacters() {
        LikePattern p = LikePattern.parse("a+b(c)%", '%', '_', '\\');
        assertTrue(p.matches("a+b(c) and more\nlines"));
        assertFalse(p.matches("aab(c)"));
        assertEquals("a+b(c)%", p.toSqlLike('!'));
    }

    @Test
    void trailingEscapeIsLiteralAndEscapeOfEscape() {
        assertEquals("ab!!", LikePattern.parse("ab!", '*', '.', '!').toSqlLike('!'));
        assertEquals("a!!b", LikePattern.parse("a!!b", '*', '.', '!').toSqlLike('!'));
        assertTrue(LikePattern.parse("湿地.", '*', '.', '!').matches("湿地区"));
    }

    @Test
    void wildCardsMatchLikeSqlWithoutBacktracking() {
        LikePattern p = LikePattern.parse("a*b*c", '*', '.', '!');
        assertTrue(p.matches("abc"));
        assertTrue(p.matches("aXXbYYbZc"));
        assertFalse(p.matches("aXXbYYcZ"));
        assertTrue(LikePattern.parse("**", '*', '.', '!').matches(""));
        assertFalse(LikePattern.parse(".", '*', '.', '!').matches(""));
        // the pattern of the hardening report: as a regex it backtracks exponentially (31 s for five
        // features with four pairs, ×70 per pair); here it is a few million steps at most
        LikePattern bomb = LikePattern.parse("*.".repeat(12) + "☃", '*', '.', '!');
        String text = "x".repeat(20_000);
        assertFalse(bomb.matches(text));
        assertTrue(bomb.matches(text + "☃"));
    }
}
