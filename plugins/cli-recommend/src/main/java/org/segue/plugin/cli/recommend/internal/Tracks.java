package org.segue.plugin.cli.recommend.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.segue.api.command.CommandContext;
import org.segue.api.library.Track;
import org.segue.api.library.TrackId;

/** Naming tracks on the command line the way {@code segue import} does, and printing them. */
final class Tracks {
    private Tracks() {
    }

    /**
     * An existing file names its track: {@code local-} and 24 hex digits of the SHA-256 of its
     * absolute, normalised path (the id {@code segue import} gives it); anything else is an id.
     */
    static TrackId resolve(CommandContext ctx, String target) {
        Path file = ctx.workingDirectory().resolve(target);
        if (!Files.isRegularFile(file)) {
            return new TrackId(target);
        }
        String path = file.toAbsolutePath().normalize().toString();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return new TrackId("local-" + HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** "Artist – Title", the title, or the id. */
    static String label(Track t) {
        if (t.tags().title() == null) {
            return t.id().value();
        }
        return t.tags().artist() == null ? t.tags().title() : t.tags().artist() + " – " + t.tags().title();
    }
}
