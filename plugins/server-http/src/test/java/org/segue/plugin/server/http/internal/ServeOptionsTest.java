package org.segue.plugin.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServeOptionsTest {

    /** The metatype defaults, as Declarative Services would give them with no configuration. */
    static ServerConfig defaults() {
        return (ServerConfig) Proxy.newProxyInstance(ServerConfig.class.getClassLoader(), new Class<?>[] {ServerConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
    }

    static final Path CWD = Path.of("/srv/segue");

    static ServeOptions parse(Map<String, String> env, String... args) {
        return ServeOptions.parse(List.of(args), defaults(), CWD, env);
    }

    @Test
    void plainHttpByDefault() {
        ServeOptions o = parse(Map.of(), "--port", "9000", "--data", "d");
        assertEquals(9000, o.port());
        assertEquals("127.0.0.1", o.host());
        assertEquals(CWD.resolve("d"), o.data());
        assertNull(o.tls());
    }

    @Test
    void httpsTakesTheKeystoreFromTheCommandLineAndItsPasswordFromTheEnvironment() {
        ServeOptions o = parse(Map.of(ServeOptions.KEYSTORE_PASSWORD, "s3cret"), "--https-port", "8443",
                "--keystore", "tls/server.p12");
        assertEquals(8443, o.tls().port());
        assertEquals(CWD.resolve("tls/server.p12"), o.tls().keystore());
        assertArrayEquals("s3cret".toCharArray(), o.tls().password());
    }

    @Test
    void incompleteHttpsIsRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--https-port", "8443"))
                .getMessage().contains("--keystore"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> parse(Map.of(), "--https-port", "8443", "--keystore", "k.p12")).getMessage()
                .contains(ServeOptions.KEYSTORE_PASSWORD));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--keystore", "k.p12"))
                .getMessage().contains("--https-port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--https-port", "70000"))
                .getMessage().contains("--https-port must be 0..65535"));
    }
}
