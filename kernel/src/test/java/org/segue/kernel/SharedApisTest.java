package org.segue.kernel;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

class SharedApisTest {

    @Test
    void exportsTheApiPackagesWithTheVersionsOfTheirManifests() {
        String extra = SharedApis.systemPackagesExtra(getClass().getClassLoader());
        assertTrue(extra.contains("org.segue.api.command;version=\"1.0.0\""), extra);
        assertTrue(extra.contains("org.osgi.service.component.runtime;version=\"1.5\""), extra);
        assertTrue(extra.contains("org.osgi.util.promise;version=\"1.3.0\""), extra);
    }

    @Test
    void anIncompleteClassPathIsAClearError() {
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SharedApis.systemPackagesExtra(empty));
        assertTrue(e.getMessage().contains("org.segue.api") && e.getMessage().contains("lib/"), e.getMessage());
    }
}
