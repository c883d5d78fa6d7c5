package org.segue.marketplace.server.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderParserTest {

    @Test
    void clausesPathsAttributesAndDirectives() {
        List<Clause> c = HeaderParser.parse(
                "org.a;org.b;version=\"[1.0,2)\";resolution:=optional, org.c;uses:=\"org.a,org.b\";x:Long=5");
        assertEquals(2, c.size());
        assertEquals(List.of("org.a", "org.b"), c.get(0).paths());
        assertEquals("[1.0,2)", c.get(0).attribute("version"));
        assertEquals("optional", c.get(0).directive("resolution"));
        assertEquals("org.a,org.b", c.get(1).directive("uses"), "a quoted comma does not split clauses");
        assertEquals("5", c.get(1).attribute("x"));
        assertEquals("Long", c.get(1).type("x"));
        assertEquals("String", c.get(1).type("missing"));
    }

    @Test
    void filtersWithEscapedQuotesAndSemicolons() {
        Clause c = HeaderParser.parse("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(name=a\\\"b;c))\"").get(0);
        assertEquals("(&(osgi.ee=JavaSE)(name=a\"b;c))", c.directive("filter"));
    }

    @Test
    void emptyHeaderHasNoClauses() {
        assertTrue(HeaderParser.parse(null).isEmpty());
        assertTrue(HeaderParser.parse("  ").isEmpty());
    }

    @Test
    void malformedHeadersAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeaderParser.parse("a;version=\"1")).getMessage()
                .contains("unterminated quote"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeaderParser.parse("a,,b")).getMessage()
                .contains("empty clause"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HeaderParser.parse("version=1")).getMessage()
                .contains("without a name"));
        assertFalse(HeaderParser.parse("a;b").get(0).paths().isEmpty());
    }
}
