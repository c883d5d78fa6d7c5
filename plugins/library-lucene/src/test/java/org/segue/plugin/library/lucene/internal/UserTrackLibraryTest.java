package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;

/**
 * The per-user library component: its own index per configuration, clear errors for a missing
 * property or a shared folder, and the DS/metatype descriptors bnd generated from the annotations
 * (factory PID, required configuration, the owner attribute named as the service property).
 */
class UserTrackLibraryTest {

    @TempDir
    Path dir;

    @Test
    void eachUsersLibraryIsItsOwnIndex() throws Exception {
        UserTrackLibrary alice = new UserTrackLibrary();
        UserTrackLibrary bob = new UserTrackLibrary();
        alice.activate(config(dir.resolve("alice").toString(), "alice"));
        bob.activate(config(dir.resolve("bob").toString(), "bob"));
        try {
            alice.put(TestTracks.track("a1", "Artist", "Only Alice", "house"), null);
            assertTrue(alice.track(new TrackId("a1")).isPresent());
            assertFalse(bob.track(new TrackId("a1")).isPresent());
            assertTrue(Files.isDirectory(dir.resolve("alice")));
            assertTrue(Files.isDirectory(dir.resolve("bob")));
        } finally {
            alice.deactivate();
            bob.deactivate();
        }
        // Closed on deactivation: the folder opens again, with what was committed.
        UserTrackLibrary again = new UserTrackLibrary();
        again.activate(config(dir.resolve("alice").toString(), "alice"));
        try {
            assertEquals("Only Alice", again.track(new TrackId("a1")).orElseThrow().tags().title());
        } finally {
            again.deactivate();
        }
    }

    @Test
    void missingOwnerOrFolderIsNamed() {
        IllegalArgumentException noOwner = assertThrows(IllegalArgumentException.class,
                () -> new UserTrackLibrary().activate(config(dir.toString(), " ")));
        assertTrue(noOwner.getMessage().contains(TrackLibrary.OWNER), noOwner.getMessage());
        IllegalArgumentException noFolder = assertThrows(IllegalArgumentException.class,
                () -> new UserTrackLibrary().activate(config(null, "alice")));
        assertTrue(noFolder.getMessage().contains("indexDirectory"), noFolder.getMessage());
        assertTrue(noFolder.getMessage().contains(UserTrackLibrary.FACTORY_PID), noFolder.getMessage());
    }

    @Test
    void twoUsersOnOneFolderAreRefusedNamingTheUser() throws Exception {
        UserTrackLibrary alice = new UserTrackLibrary();
        alice.activate(config(dir.toString(), "alice"));
        try {
            IOException e = assertThrows(IOException.class, () -> new UserTrackLibrary().activate(config(dir.toString(), "bob")));
            assertTrue(e.getMessage().contains("'bob'"), e.getMessage());
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        } finally {
            alice.deactivate();
        }
    }

    @Test
    void descriptorsMakeAFactoryComponentThatNeedsConfigurationAndPublishesTheOwner() throws Exception {
        String component = descriptor("OSGI-INF/org.segue.plugin.library.lucene.internal.UserTrackLibrary.xml");
        assertTrue(component.contains("configuration-pid=\"org.segue.library.lucene.user\""), component);
        assertTrue(component.contains("configuration-policy=\"require\""), component);
        assertTrue(component.contains("<provide interface=\"org.segue.api.library.TrackLibrary\"/>"), component);
        String metatype = descriptor("OSGI-INF/metatype/org.segue.plugin.library.lucene.internal.UserTrackLibrary$Config.xml");
        assertTrue(metatype.contains("<Designate factoryPid=\"org.segue.library.lucene.user\">"), metatype);
        assertTrue(metatype.contains("<AD id=\"" + TrackLibrary.OWNER + "\""), metatype);
        assertTrue(metatype.contains("<AD id=\"indexDirectory\""), metatype);
        assertFalse(metatype.contains("required=\"false\""), "both attributes are required: " + metatype);
        // The default library stays a singleton configuration without an owner.
        String standard = descriptor("OSGI-INF/org.segue.plugin.library.lucene.internal.LuceneTrackLibrary.xml");
        assertTrue(standard.contains("configuration-pid=\"org.segue.library.lucene\""), standard);
        assertFalse(standard.contains("configuration-policy"), standard);
    }

    private static String descriptor(String resource) throws IOException {
        try (var in = UserTrackLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError(resource + " not generated (bnd-maven-plugin runs in process-classes)");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static UserTrackLibrary.Config config(String folder, String owner) {
        return new UserTrackLibrary.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UserTrackLibrary.Config.class;
            }

            @Override
            public String indexDirectory() {
                return folder;
            }

            @Override
            public String segue_library_owner() {
                return owner;
            }
        };
    }
}
