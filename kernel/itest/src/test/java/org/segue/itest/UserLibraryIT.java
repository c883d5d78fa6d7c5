package org.segue.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.ServiceReference;
import org.segue.api.audio.TrackTags;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;
import org.segue.api.library.TrackLibrary;
import org.segue.api.library.TrackSource;

/**
 * Per-user libraries in the real distribution: a factory configuration per user in conf/ gives a
 * {@link TrackLibrary} service with that user's {@code segue.library.owner}, on its own index;
 * deleting the file unregisters it; the default (owner-less) library stays as it was.
 */
class UserLibraryIT {

    private static final String FACTORY_PID = "org.segue.library.lucene.user";
    private static final Duration CONFIG = Duration.ofSeconds(10);

    @TempDir
    Path home;
    @TempDir
    Path data;

    @Test
    void oneLibraryPerConfiguredUserIndependentAndRemovable() throws Exception {
        try (KernelFixture k = new KernelFixture(home)) {
            Path alice = configure(k, "alice");
            configure(k, "bob");
            KernelFixture.await("alice's and bob's libraries", CONFIG,
                    () -> library(k, "alice") != null && library(k, "bob") != null);
            assertEquals(2, k.context().getServiceReferences(TrackLibrary.class, "(" + TrackLibrary.OWNER + "=*)").size());
            Collection<ServiceReference<TrackLibrary>> defaults = k.context().getServiceReferences(TrackLibrary.class,
                    "(!(" + TrackLibrary.OWNER + "=*))");
            assertEquals(1, defaults.size(), "the default library, without an owner");
            assertEquals("org.segue.plugin.library.lucene", defaults.iterator().next().getBundle().getSymbolicName());

            ServiceReference<TrackLibrary> aliceRef = library(k, "alice");
            ServiceReference<TrackLibrary> bobRef = library(k, "bob");
            TrackLibrary aliceLibrary = k.context().getService(aliceRef);
            TrackLibrary bobLibrary = k.context().getService(bobRef);
            assertNotNull(aliceLibrary, "alice's library activates");
            assertNotNull(bobLibrary, "bob's library activates");
            try {
                aliceLibrary.put(track("t1", "Alice's Track"), null);
                bobLibrary.put(track("t2", "Bob's Track"), null);
                assertEquals("Alice's Track", aliceLibrary.track(new TrackId("t1")).orElseThrow().tags().title());
                assertFalse(aliceLibrary.track(new TrackId("t2")).isPresent(), "bob's track is not in alice's library");
                assertFalse(bobLibrary.track(new TrackId("t1")).isPresent(), "alice's track is not in bob's library");
                assertTrue(Files.isDirectory(data.resolve("alice")) && Files.isDirectory(data.resolve("bob")));
            } finally {
                k.context().ungetService(aliceRef);
                k.context().ungetService(bobRef);
            }

            Files.delete(alice);
            KernelFixture.await("alice's library unregistered", CONFIG, () -> library(k, "alice") == null);
            ServiceReference<TrackLibrary> stillBob = library(k, "bob");
            assertNotNull(stillBob, "bob's library stays");
            TrackLibrary bobAgain = k.context().getService(stillBob);
            try {
                assertTrue(bobAgain.track(new TrackId("t2")).isPresent());
            } finally {
                k.context().ungetService(stillBob);
            }
        }
    }

    /** Writes conf/org.segue.library.lucene.user-NAME.cfg atomically (File Install ignores the .part name). */
    private Path configure(KernelFixture k, String user) throws Exception {
        String folder = data.resolve(user).toString().replace('\\', '/');
        Path tmp = k.conf.resolve("." + user + ".part");
        Files.writeString(tmp, "indexDirectory = " + folder + "\n" + TrackLibrary.OWNER + " = " + user + "\n");
        return Files.move(tmp, k.conf.resolve(FACTORY_PID + "-" + user + ".cfg"), StandardCopyOption.ATOMIC_MOVE);
    }

    private static ServiceReference<TrackLibrary> library(KernelFixture k, String owner) {
        try {
            Collection<ServiceReference<TrackLibrary>> refs = k.context().getServiceReferences(TrackLibrary.class,
                    "(" + TrackLibrary.OWNER + "=" + owner + ")");
            return refs.isEmpty() ? null : refs.iterator().next();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Track track(String id, String title) {
        return new Track(new TrackId(id), URI.create("file:///music/" + id + ".flac"), null,
                new TrackTags("Artist", title, null, null, null, null, Map.of()), 200, TrackSource.local());
    }
}
