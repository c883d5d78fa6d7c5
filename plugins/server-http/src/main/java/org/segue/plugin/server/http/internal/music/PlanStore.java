package org.segue.plugin.server.http.internal.music;

import org.segue.support.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.analysis.AnalysisService;
import org.segue.api.audio.TrackTags;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.SetOrder;
import org.segue.api.mix.SetTrack;
import org.segue.api.mix.TransitionScore;
import org.segue.api.style.TransitionPlan;
import org.segue.plugin.server.http.internal.music.MixDtos.PlanDto;

/**
 * Plans as JSON files in a user's {@code plans/} folder: the API's {@code Plan} as shown, and what
 * rendering needs (each track's file and tags, the planner's scores, the transition plans). The
 * analyses are not stored: they are taken from the analysis service's cache when the plan is
 * rendered, as {@code segue mix --plan} does. Written atomically; format {@value #FORMAT}.
 */
final class PlanStore {

    static final int FORMAT = 1;
    static final String FOLDER = "plans";

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ObjectMapper mapper() {
        return mapper;
    }

    void save(Path userFolder, PlanDto dto, MixPlan plan) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.set("plan", mapper.valueToTree(dto));
        root.put("planner", plan.order().planner());
        root.put("score", plan.order().score());
        ArrayNode tracks = root.putArray("tracks");
        for (SetTrack t : plan.order().tracks()) {
            ObjectNode n = tracks.addObject();
            n.put("id", t.id()).put("file", t.file().toAbsolutePath().toString());
            n.set("tags", mapper.valueToTree(t.tags()));
        }
        root.set("why", mapper.valueToTree(plan.order().transitions()));
        root.set("transitions", mapper.valueToTree(plan.transitions()));
        byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(file(userFolder, dto.id()), tmp -> Files.write(tmp, bytes));
    }

    /** The plan as the API shows it. */
    PlanDto dto(Path userFolder, String planId) throws IOException {
        JsonNode root = read(userFolder, planId);
        return convert(required(root, "plan", planId), PlanDto.class, planId);
    }

    /**
     * The plan as the engine renders it, each track's analysis taken again (from the cache).
     *
     * @throws IOException when a track's file is gone or unreadable, naming the track
     */
    MixPlan plan(Path userFolder, String planId, AnalysisService analysis) throws IOException {
        JsonNode root = read(userFolder, planId);
        List<SetTrack> tracks = new ArrayList<>();
        for (JsonNode t : required(root, "tracks", planId)) {
            String id = required(t, "id", planId).asText();
            Path file = Path.of(required(t, "file", planId).asText());
            if (!Files.isRegularFile(file)) {
                throw new IOException("track " + id + " of plan " + planId + " is no longer in the library");
            }
            TrackTags tags = convert(required(t, "tags", planId), TrackTags.class, planId);
            tracks.add(new SetTrack(id, file, new TrackAnalysis(id, analysis.analyze(file).results()), tags));
        }
        List<TransitionScore> why = List.of(convert(required(root, "why", planId), TransitionScore[].class, planId));
        List<TransitionPlan> transitions = List.of(convert(required(root, "transitions", planId), TransitionPlan[].class,
                planId));
        try {
            return new MixPlan(new SetOrder(tracks, why, root.path("score").asDouble(), root.path("planner").asText("")),
                    transitions);
        } catch (IllegalArgumentException e) {
            throw new IOException("plan " + planId + " is damaged: " + e.getMessage(), e);
        }
    }

    static Path file(Path userFolder, String planId) {
        return userFolder.resolve(FOLDER).resolve(Ids.check(planId, "plan") + ".json");
    }

    private JsonNode read(Path userFolder, String planId) throws IOException {
        Path file = file(userFolder, planId);
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NoSuchElementException("no plan " + planId);
        } catch (JsonProcessingException e) {
            throw new IOException("plan " + planId + " is damaged: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IOException("plan " + planId + " is not of format " + FORMAT);
        }
        return root;
    }

    private <T> T convert(JsonNode node, Class<T> type, String planId) throws IOException {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IOException("plan " + planId + " is damaged: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field, String planId) throws IOException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IOException("plan " + planId + " is damaged: field '" + field + "' is missing");
        }
        return v;
    }
}
