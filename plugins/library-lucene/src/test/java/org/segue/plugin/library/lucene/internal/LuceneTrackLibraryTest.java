package org.segue.plugin.library.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LuceneTrackLibraryTest {

    @Test
    void theIndexFolderIsTheConfiguredOneOrUnderTheUsersDataFolder() {
        assertEquals(Path.of("/srv/segue/index"), LuceneTrackLibrary.indexDirectory("/srv/segue/index"));
        Path fallback = LuceneTrackLibrary.indexDirectory(" ");
        assertTrue(fallback.endsWith(Path.of("segue", "library")), fallback.toString());
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        assertEquals(base.resolve("segue/library"), fallback);
    }
}
