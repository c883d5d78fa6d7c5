package org.segue.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

    @Test
    void filterCharactersInCommandNamesAreEscaped() {
        assertEquals("bench startup", CommandDispatcher.escape("bench startup"));
        assertEquals("a\\*b\\(c\\)d\\\\e", CommandDispatcher.escape("a*b(c)d\\e"));
    }
}
