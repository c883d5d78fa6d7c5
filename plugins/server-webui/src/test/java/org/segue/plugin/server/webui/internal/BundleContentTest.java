package org.segue.plugin.server.webui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the bundle will serve, checked in target/classes after the npm build and bnd have run:
 * the UI is there, every file index.html loads is there, and the components carry the
 * whiteboard properties the server looks for.
 */
class BundleContentTest {

    private static final Path CLASSES = Path.of("target", "classes");
    private static final Path WEBUI = CLASSES.resolve(WebUiResources.PREFIX.substring(1));

    @Test
    void indexHtmlLoadsOnlyFilesThatExist() throws IOException {
        Path index = WEBUI.resolve("index.html");
        assertTrue(Files.isRegularFile(index), "the npm build did not write " + index);
        String html = Files.readString(index);
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        List<String> local = new ArrayList<>();
        while (refs.find()) {
            String ref = refs.group(1);
            if (!ref.startsWith("data:") && !ref.startsWith("http")) {
                local.add(ref);
            }
        }
        assertFalse(local.isEmpty(), "index.html loads no script: " + html);
        for (String ref : local) {
            // Relative references (Vite base './') keep the UI working under any context path.
            assertTrue(ref.startsWith("./"), ref + " is not relative");
            assertTrue(Files.isRegularFile(WEBUI.resolve(ref.substring(2))), ref + " is missing from " + WEBUI);
        }
        assertTrue(local.stream().anyMatch(r -> r.endsWith(".js")), "no script in " + local);
        assertTrue(local.stream().anyMatch(r -> r.endsWith(".css")), "no stylesheet in " + local);
    }

    @Test
    void componentsCarryTheWhiteboardProperties() throws IOException {
        String resources = descriptor(WebUiResources.class.getName());
        assertProperty(resources, "osgi.http.whiteboard.resource.pattern", "/*");
        assertProperty(resources, "osgi.http.whiteboard.resource.prefix", "/webui");
        String filter = descriptor(IndexFilter.class.getName());
        assertProperty(filter, "osgi.http.whiteboard.filter.regex", "/?");
        assertTrue(filter.contains("interface=\"jakarta.servlet.Filter\""), filter);
    }

    @Test
    void manifestResolvesWithoutTheWhiteboard() throws IOException {
        // The whiteboard exists only inside segue serve; the bundle must resolve at boot without it.
        String manifest = Files.readString(CLASSES.resolve("META-INF/MANIFEST.MF")).replaceAll("\r?\n ", "");
        assertTrue(manifest.contains("Bundle-SymbolicName: org.segue.plugin.server.webui"), manifest);
        assertFalse(manifest.contains("osgi.implementation"), "requires the whiteboard: " + manifest);
        Matcher imports = Pattern.compile("Import-Package: (.*)").matcher(manifest);
        assertTrue(imports.find(), manifest);
        assertFalse(imports.group(1).contains("org.osgi.service.servlet"), "imports " + imports.group(1));
        assertTrue(imports.group(1).contains("jakarta.servlet;version=\"[6.0,7)\""), "imports " + imports.group(1));
    }

    private static String descriptor(String component) throws IOException {
        try (Stream<Path> files = Files.list(CLASSES.resolve("OSGI-INF"))) {
            Path path = files.filter(p -> p.getFileName().toString().equals(component + ".xml")).findFirst()
                    .orElseThrow(() -> new AssertionError("bnd wrote no descriptor for " + component));
            return Files.readString(path);
        }
    }

    private static void assertProperty(String xml, String name, String value) {
        // bnd writes a single value as an attribute and an array (String[] members) as the element's text.
        Matcher m = Pattern.compile("<property name=\"" + Pattern.quote(name)
                + "\"[^>]*?(?:value=\"([^\"]*)\"\\s*/>|>([^<]*)</property>)").matcher(xml);
        assertTrue(m.find(), name + " missing in " + xml);
        assertEquals(value, (m.group(1) != null ? m.group(1) : m.group(2)).trim(), name);
    }
}
