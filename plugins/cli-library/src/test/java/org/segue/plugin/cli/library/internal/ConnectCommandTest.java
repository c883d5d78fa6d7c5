package org.segue.plugin.cli.library.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.command.Command;
import org.segue.api.testkit.CapturedCommandContext;

class ConnectCommandTest {
    @TempDir
    Path folder;

    private final ConnectCommand command = new ConnectCommand();
    private CapturedCommandContext current;

    @BeforeEach
    void wire() {
        command.userConf = folder.resolve("config/segue/conf");
    }

    @Test
    void savesTheAccountWithTheSecretFromStandardInputOwnerOnly() throws Exception {
        String password = " pa ss=wo:rd#!\\x\u00fc";
        assertEquals(Command.OK, run(password + "\n", "subsonic", "--name", "home", "url=https://music.example.org/",
                "username=alice"));
        Path file = folder.resolve("config/segue/conf/org.segue.connector.subsonic-home.cfg");
        assertTrue(current.printed().contains(file.toString()), current.printed());
        assertFalse(current.printed().contains(password.trim()), "the secret is never printed");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        Properties read = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        }
        assertEquals(password, read.getProperty("password"), "exactly as typed, leading space and all");
        assertEquals("https://music.example.org/", read.getProperty("url"));
        assertEquals("alice", read.getProperty("username"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    @Test
    void refusesSecretsOnTheCommandLine() throws Exception {
        assertEquals(Command.USAGE, run("", "subsonic", "url=http://x", "password=hunter2"));
        assertTrue(current.errors().contains("give password when asked, not on the command line"), current.errors());
        assertEquals(Command.USAGE, run("", "spotify", "--no-secret", "clientSecret=abc"));
        assertFalse(Files.exists(command.userConf), "nothing written");
    }

    @Test
    void refusesWhatTheConfigurationFileWouldReadAsAVariable() throws Exception {
        assertEquals(Command.FAILURE, run("abc${user.home}\n", "subsonic", "url=http://x"));
        assertTrue(current.errors().contains("contains '${'"), current.errors());
        assertEquals(Command.FAILURE, run("\n", "subsonic", "url=http://x"));
        assertTrue(current.errors().contains("no password given; nothing saved"), current.errors());
        assertFalse(Files.exists(command.userConf));
    }

    @Test
    void escapedValuesReadBackAsJavaPropertiesWould() throws Exception {
        for (String value : new String[] {"plain", " lead", "a=b:c", "#!", "back\\slash", "tab\there", "line\nbreak",
                "\u00e9t\u00e9", "$HOME"}) {
            Properties p = new Properties();
            p.load(new StringReader("k=" + CfgValues.escapeValue(value)));
            assertEquals(value, p.getProperty("k"), value);
        }
    }

    private int run(String stdin, String... args) throws Exception {
        current = new CapturedCommandContext(folder, args).input(stdin);
        return command.run(current);
    }
}
