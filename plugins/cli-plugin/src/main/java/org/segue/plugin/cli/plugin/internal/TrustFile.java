package org.segue.plugin.cli.plugin.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user's own marketplace configuration, {@code org.segue.plugin.marketplace.cfg} in the user's
 * configuration folder ({@code segue.user.conf}), written by {@code segue plugin trust}: the
 * marketplace URL and one {@code trust.<who>=<fingerprint>} line per trusted key, with
 * {@code trustedKeys} listing them all for the component's configuration.
 *
 * <p>File Install hands the file to Config Admin, but a command that runs right after boot could
 * start before that second watcher has read it; so the command also reads the file itself.
 */
final class TrustFile {

    static final String FILE = PluginCommand.PID + ".cfg";

    private final Path file;

    TrustFile(Path userConf) {
        this.file = userConf == null ? null : userConf.resolve(FILE);
    }

    Path path() {
        return file;
    }

    /** who → fingerprint. */
    Map<String, String> trusted() {
        Map<String, String> who = new TreeMap<>();
        read().forEach((k, v) -> {
            if (k.toString().startsWith("trust.")) {
                who.put(k.toString().substring("trust.".length()), v.toString());
            }
        });
        return who;
    }

    String url() {
        return read().getProperty("url");
    }

    void save(String url, Map<String, String> trusted) throws IOException {
        if (file == null) {
            throw new PluginException("the kernel did not say where the user's configuration lives (segue.user.conf)");
        }
        StringBuilder text = new StringBuilder("# Written by `segue plugin trust`: the marketplace and the keys you trust.\n");
        if (url != null) {
            text.append("url=").append(escape(url)).append('\n');
        }
        List<String> keys = new ArrayList<>(trusted.values());
        text.append("trustedKeys=").append(String.join(",", keys)).append('\n');
        trusted.forEach((who, fp) -> text.append("trust.").append(who).append('=').append(fp).append('\n'));
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".plugin-trust-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Properties read() {
        Properties p = new Properties();
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new PluginException("cannot read " + file + ": " + e.getMessage());
            }
        }
        return p;
    }

    /** Properties syntax, as File Install reads .cfg files: ':' and '=' and '\' escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
