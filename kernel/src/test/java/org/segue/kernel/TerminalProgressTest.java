package org.segue.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void withoutATerminalItPrintsAPlainLineEveryTenPercent() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                "Analysing", 100, false)) {
            for (int i = 0; i < 100; i++) {
                p.advance(1);
            }
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        // 10 %, 20 % … 100 %; closing at 100 % adds nothing.
        assertEquals(10, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("Analysing [###                           ]  10% 10/100"), lines[0]);
        assertTrue(lines[9].contains("100% 100/100"), lines[9]);
    }

    @Test
    void aBarOfUnknownLengthCountsUnits() {
        TerminalProgress p = new TerminalProgress(new PrintStream(new ByteArrayOutputStream()), "Scanning", -1, false);
        p.advance(42);
        p.status("a.flac");
        assertTrue(p.line(42, System.nanoTime()).matches("Scanning 42 \\d+\\.\\ds a\\.flac"), p.line(42, System.nanoTime()));
    }
}
