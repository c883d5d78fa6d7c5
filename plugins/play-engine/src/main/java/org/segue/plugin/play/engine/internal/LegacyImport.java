package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

import org.segue.api.play.UserEvent;

/**
 * Moves the events of the play log of earlier versions ({@code events.log}, read by
 * {@link EventFile}) into the database, once: when the file exists and the database holds no event
 * yet. All of it in one transaction, through the same path as live recording (ids kept, so
 * idempotence survives the move), then the file is renamed {@code events.log.imported}, kept for
 * the user to delete; its snapshot, only ever a cache of it, is removed.
 */
final class LegacyImport {

    static final String LOG = "events.log";
    static final String IMPORTED = "events.log.imported";
    static final String SNAPSHOT = "state.snapshot";

    /** Applies one imported event, as recording would. */
    interface Apply {
        void apply(long seq, UserEvent event) throws SQLException;
    }

    /** Marks the tracked badges and challenges as including the events up to a seq. */
    interface Include {
        void include(long seq) throws SQLException;
    }

    private final PlayDatabase db;
    private final EventTable events;

    LegacyImport(PlayDatabase db, EventTable events) {
        this.db = db;
        this.events = events;
    }

    /** Imports {@code folder/events.log} if there is one and the database is empty; returns the events imported. */
    int importOnce(Path folder, Apply apply, Include include) throws IOException, SQLException {
        Path log = folder.resolve(LOG);
        if (!Files.isRegularFile(log)) {
            return 0;
        }
        if (db.read(events::count) > 0) {
            return 0; // imported before, and the rename did not happen (a crash in between): the data is in
        }
        List<StoredEvent> old;
        try (EventFile file = new EventFile(log)) {
            old = file.readAll();
        }
        int imported = db.write(() -> {
            if (events.count() > 0) {
                return 0; // another process imported it meanwhile
            }
            int n = 0;
            long seq = 0;
            for (StoredEvent s : old) {
                long at = events.insert(s.id(), s.event());
                if (at >= 0) {
                    apply.apply(at, s.event());
                    seq = at;
                    n++;
                }
            }
            if (n > 0) {
                include.include(seq);
            }
            return n;
        });
        try {
            Files.move(log, log.resolveSibling(IMPORTED), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.NoSuchFileException e) {
            // another process imported and renamed it meanwhile
        }
        Files.deleteIfExists(folder.resolve(SNAPSHOT));
        return imported;
    }
}
