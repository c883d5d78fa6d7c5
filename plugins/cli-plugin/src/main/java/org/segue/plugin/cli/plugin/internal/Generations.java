package org.segue.plugin.cli.plugin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The highest index generation seen per marketplace key, so that an older index (a rollback that
 * would hide a fix or revive a yanked version) is refused. Kept in a small properties file in the
 * user's configuration folder, written atomically; File Install ignores it (not {@code .cfg}).
 */
final class Generations {

    private final Path file;

    /** @param file where to keep them, or null to remember only for this run */
    Generations(Path file) {
        this.file = file;
    }

    private final Properties memory = new Properties();

    synchronized long seen(String keyFingerprint) {
        Properties p = load();
        return Long.parseLong(p.getProperty(keyFingerprint, "-1"));
    }

    synchronized void record(String keyFingerprint, long generation) {
        Properties p = load();
        if (generation <= Long.parseLong(p.getProperty(keyFingerprint, "-1"))) {
            return;
        }
        p.setProperty(keyFingerprint, Long.toString(generation));
        if (file == null) {
            memory.putAll(p);
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".generations-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    p.store(out, "Highest marketplace index generation seen, per marketplace key (segue plugin)");
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PluginException("cannot record the index generation in " + file + ": " + e.getMessage(), e);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        p.putAll(memory);
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new PluginException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return p;
    }
}
