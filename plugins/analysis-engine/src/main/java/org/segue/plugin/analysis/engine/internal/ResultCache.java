package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.ResultKey;

/**
 * Analysis results on disk, one JSON file per track content ({@code <sha-256>.json}).
 *
 * <p>Each result is stored with its key's name, schema version, value type and producing analyzer
 * (see STYLE: stored names are forever). An entry is used only when it was made by exactly the
 * analyzers (ids with revisions) running now, so a new or upgraded analyzer re-analyses
 * deliberately. Files are written to a temporary name and renamed, so a crash never leaves half an
 * entry; an unreadable entry is a miss, never an error.
 */
final class ResultCache {

    static final int FORMAT = 1;

    private final Path directory;
    private final ObjectMapper mapper;

    ResultCache(Path directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    Path directory() {
        return directory;
    }

    Optional<ResultStore> load(String hash, List<String> analyzerIds) {
        Path file = directory.resolve(hash + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = mapper.readTree(file.toFile());
            if (root.path("format").asInt() != FORMAT || !ids(root.path("analyzers")).equals(analyzerIds)) {
                return Optional.empty();
            }
            ResultStore store = new ResultStore(hash);
            store.duration(root.path("duration").asDouble());
            for (JsonNode r : root.path("results")) {
                Class<?> type = Class.forName(r.path("type").asText(), false, ResultKey.class.getClassLoader());
                ResultKey<?> key = new ResultKey<>(r.path("key").asText(), type, r.path("schema").asInt());
                store.putChecked(key, mapper.treeToValue(r.path("value"), type), r.path("analyzer").asText());
            }
            return Optional.of(store.freeze());
        } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
            // A type only a plugin knows, an older format, a damaged file: analyse again.
            return Optional.empty();
        }
    }

    void store(String hash, List<String> analyzerIds, ResultStore results) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode ids = root.putArray("analyzers");
        analyzerIds.forEach(ids::add);
        root.put("duration", results.durationSeconds());
        ArrayNode array = root.putArray("results");
        for (ResultKey<?> key : results.keys()) {
            ObjectNode r = array.addObject();
            r.put("key", key.name());
            r.put("schema", key.schemaVersion());
            r.put("type", key.type().getName());
            r.put("analyzer", results.analyzer(key).orElse("?"));
            r.set("value", mapper.valueToTree(results.get(key).orElseThrow()));
        }
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "." + hash, ".tmp");
        try {
            mapper.writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, directory.resolve(hash + ".json"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, directory.resolve(hash + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }
}
