package org.segue.plugin.library.lucene.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.AnalysisResults;
import org.segue.api.analysis.ResultKey;

/**
 * A track's analysis as stored in the index: JSON, deflated (curves and beat grids are long and
 * compress well; the index's own stored-field compression is tuned for small fields).
 *
 * <p>Each result carries its key's name, schema version, value type and producing analyzer, as
 * the analysis engine's cache does (stored names are forever). Reading restores only types of the
 * api ({@code org.segue.api.}): a plugin's own types cannot be resolved here, and restricting the
 * types Jackson may instantiate keeps a tampered index from choosing classes. Other results are
 * skipped on read but kept in the stored bytes, so re-putting a track without analysis loses nothing.
 */
final class AnalysisJson {

    static final int FORMAT = 1;
    private static final String API_PREFIX = "org.segue.api.";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Encodes every result Jackson can write; one it cannot (an odd plugin type) is left out. */
    byte[] encode(AnalysisResults results) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("trackId", results.trackId());
        root.put("duration", results.durationSeconds());
        ArrayNode array = root.putArray("results");
        results.keys().stream().sorted(Comparator.comparing(ResultKey::name)).forEach(key -> {
            JsonNode value;
            try {
                value = mapper.valueToTree(results.get(key).orElseThrow());
            } catch (IllegalArgumentException unwritable) {
                return;
            }
            ObjectNode r = array.addObject();
            r.put("key", key.name());
            r.put("schema", key.schemaVersion());
            r.put("type", key.type().getName());
            r.put("analyzer", results.analyzer(key).orElse("?"));
            r.set("value", value);
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED))) {
            mapper.writeValue(out, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the analysis of " + results.trackId(), e);
        }
        return bytes.toByteArray();
    }

    /** Decodes stored bytes; results of unknown types or unreadable values are skipped. */
    StoredAnalysis decode(byte[] blob) {
        JsonNode root;
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(blob))) {
            root = mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("stored analysis is damaged", e);
        }
        if (root.path("format").asInt() != FORMAT) {
            throw new IllegalStateException("stored analysis has format " + root.path("format")
                    + "; this library reads " + FORMAT);
        }
        Map<ResultKey<?>, Object> values = new LinkedHashMap<>();
        Map<ResultKey<?>, String> analyzers = new LinkedHashMap<>();
        for (JsonNode r : root.path("results")) {
            String typeName = r.path("type").asText();
            if (!typeName.startsWith(API_PREFIX)) {
                continue;
            }
            try {
                Class<?> type = Class.forName(typeName, false, ResultKey.class.getClassLoader());
                ResultKey<?> key = new ResultKey<>(r.path("key").asText(), type, r.path("schema").asInt());
                values.put(key, mapper.treeToValue(r.path("value"), type));
                analyzers.put(key, r.path("analyzer").asText());
            } catch (ClassNotFoundException | IOException | RuntimeException unreadable) {
                // A type from a newer api, a value that no longer validates: absent, as for a
                // missing analyzer; readers degrade gracefully (AnalysisResults contract).
            }
        }
        return new StoredAnalysis(root.path("trackId").asText(), root.path("duration").asDouble(), values, analyzers);
    }
}
