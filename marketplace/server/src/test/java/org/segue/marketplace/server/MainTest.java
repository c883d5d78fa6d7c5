package org.segue.marketplace.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void optionsBecomeTheConfig() {
        MarketplaceConfig c = Main.parse(new String[] {"--data", "/srv/m", "--host", "0.0.0.0", "--port", "0",
            "--public-url", "https://plugins.example.org/", "--api", "a.jar", "--api", "b.jar", "--max-upload-mb", "8"});
        assertEquals(Path.of("/srv/m"), c.dataDir());
        assertEquals("0.0.0.0", c.host());
        assertEquals(0, c.port());
        assertEquals("https://plugins.example.org/", c.publicUrl());
        assertEquals(List.of(Path.of("a.jar"), Path.of("b.jar")), c.apiJars());
        assertEquals(8L << 20, c.maxUploadBytes());
        assertEquals(false, c.pauseBeforeCommit());
        assertEquals(8090, Main.parse(new String[0]).port());
        assertNull(Main.parse(new String[] {"--help"}));
    }

    @Test
    void badOptionsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--port", "70000"}))
                .getMessage().contains("--port must be a number from 0 to 65535, was '70000'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--data"}))
                .getMessage().contains("--data needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Main.parse(new String[] {"--frobnicate"}))
                .getMessage().contains("unknown option --frobnicate"));
    }
}
