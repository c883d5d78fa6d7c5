package org.segue.plugin.recommend.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Preference models on disk: one JSON file per user in a folder,
 * {@code {"schema":1,"user":"…","weights":{"genre:house":{"value":1.5,"time":"2024-…Z"}}}}.
 * The half-life is configuration, not data, so it is not stored: changing it reinterprets the
 * weights without rewriting them.
 *
 * <p>Writes are atomic: a temporary file in the same folder, then a rename over the old file, so
 * a crash leaves the old model or the new, never half a file.
 */
final class PreferenceStore {
    static final int SCHEMA = 1;

    private final Path folder;
    private final ObjectMapper mapper = new ObjectMapper();

    PreferenceStore(Path folder) {
        this.folder = folder;
    }

    /** The file of a user: its id when that is a safe file name, else {@code u-} and the id's UTF-8 in hex. */
    Path file(String userId) {
        return folder.resolve(safeName(userId) + ".json");
    }

    /** A file name for a user id: the id when that is safe, else {@code u-} and the id's UTF-8 in hex. */
    static String safeName(String userId) {
        return userId.matches("[A-Za-z0-9_.@-]{1,64}") && !userId.startsWith(".") ? userId
                : "u-" + HexFormat.of().formatHex(userId.getBytes(StandardCharsets.UTF_8));
    }

    Optional<PreferenceModel> load(String userId, Duration halfLife) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readAllBytes(file(userId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preferences of " + userId, e);
        }
        if (root.path("schema").asInt() != SCHEMA) {
            throw new IllegalStateException("unknown preference schema " + root.path("schema") + " for " + userId);
        }
        Map<String, PreferenceModel.Weight> weights = new TreeMap<>();
        root.path("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), new PreferenceModel.Weight(
                e.getValue().path("value").asDouble(), Instant.parse(e.getValue().path("time").asText()))));
        return Optional.of(new PreferenceModel(halfLife, weights));
    }

    void save(String userId, PreferenceModel model) {
        ObjectNode root = mapper.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("user", userId);
        ObjectNode weights = root.putObject("weights");
        new TreeMap<>(model.weights()).forEach((f, w) -> {
            ObjectNode n = weights.putObject(f);
            n.put("value", w.value());
            n.put("time", w.time().toString());
        });
        Path target = file(userId);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, ".pref-", ".tmp");
            try {
                // Forced to disk before the rename: otherwise a crash could publish an empty file.
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                    while (bytes.hasRemaining()) {
                        ch.write(bytes);
                    }
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the preferences of " + userId, e);
        }
    }
}
