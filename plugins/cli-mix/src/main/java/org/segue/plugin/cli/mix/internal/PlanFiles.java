package org.segue.plugin.cli.mix.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.analysis.TrackReport;
import org.segue.api.audio.AudioOpener;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;
import org.segue.api.style.TransitionPlan;

/**
 * A mix plan as a JSON file a user can read, edit (cue points, lengths, tempo ramps, automation)
 * and hand back to {@code segue mix --plan} or {@code segue preview --plan}. Tracks are stored by
 * file; their analysis is taken again from the cache when the plan is loaded.
 */
final class PlanFiles {

    static final int FORMAT = 1;

    private PlanFiles() {
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    static void save(MixPlan plan, Path file) throws IOException {
        ObjectMapper mapper = mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("planner", plan.order().planner());
        root.put("score", plan.order().score());
        ArrayNode tracks = root.putArray("tracks");
        for (SetTrack t : plan.order().tracks()) {
            tracks.addObject().put("id", t.id()).put("file", t.file().toAbsolutePath().toString()).put("title", t.displayName());
        }
        root.set("why", mapper.valueToTree(plan.order().transitions()));
        root.set("transitions", mapper.valueToTree(plan.transitions()));
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        try {
            mapper.writeValue(tmp.toFile(), root);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a plan, analysing (or taking from the cache) each track again.
     *
     * @throws IOException naming the file and the field when the JSON is not a plan
     */
    static MixPlan load(Path file, AnalysisService analysis, AudioOpener opener) throws IOException {
        ObjectMapper mapper = mapper();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException(file + ": field 'format' must be " + FORMAT + ": not a Segue mix plan");
        }
        List<SetTrack> tracks = new ArrayList<>();
        for (JsonNode t : required(root, "tracks", file)) {
            Path audio = Path.of(required(t, "file", file).asText());
            TrackReport report = analysis.analyze(audio);
            tracks.add(new SetTrack(report.contentHash(), audio, report.results(), opener.tags(audio)));
        }
        try {
            List<TransitionScore> why = List.of(mapper.treeToValue(required(root, "why", file), TransitionScore[].class));
            List<TransitionPlan> transitions = List.of(mapper.treeToValue(required(root, "transitions", file), TransitionPlan[].class));
            SetOrder order = new SetOrder(tracks, why, root.path("score").asDouble(), root.path("planner").asText("edited"));
            return new MixPlan(order, transitions);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IOException(file + ": " + message, e);
        }
    }

    private static JsonNode required(JsonNode node, String field, Path file) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IOException(file + ": field '" + field + "' is missing");
        }
        return v;
    }
}
