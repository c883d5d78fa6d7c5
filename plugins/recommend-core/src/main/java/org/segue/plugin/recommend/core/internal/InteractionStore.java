package org.segue.plugin.recommend.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.segue.api.library.TrackId;
import org.segue.api.recommend.Feedback;
import org.segue.api.recommend.FeedbackKind;

/**
 * Every user's feedback on disk, for collaborative filtering: one append-only JSON-lines file per
 * user, {@code <folder>/<user>.jsonl} (odd ids hex-encoded as in {@link PreferenceStore#safeName}),
 * a header line {@code {"schema":1,"user":"…"}} then one line per event,
 * {@code {"track":"…","kind":"LIKE","value":1.0,"time":"2024-…Z"}}.
 *
 * <p>Raw events rather than aggregated weights, so the decay and the signals stay configuration and
 * can change without losing history. Appending is crash-safe: each line is written whole and forced
 * before {@code append} returns, so a crash can only tear the last line; loading skips a torn last
 * line (no newline yet), and the next append first cuts it off so that it never glues onto a new
 * line. Any other line that does not parse is an error naming the file and line.
 */
final class InteractionStore {
    static final int SCHEMA = 1;
    static final String SUFFIX = ".jsonl";

    private final Path folder;
    private final ObjectMapper mapper = new ObjectMapper();

    InteractionStore(Path folder) {
        this.folder = folder;
    }

    Path file(String userId) {
        return folder.resolve(PreferenceStore.safeName(userId) + SUFFIX);
    }

    /** Appends one event to its user's file, creating it with its header when new. */
    void append(Feedback f) {
        Path file = file(f.userId());
        try {
            Files.createDirectories(folder);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                cutTornTail(ch);
                StringBuilder text = new StringBuilder();
                if (ch.size() == 0) {
                    ObjectNode header = mapper.createObjectNode().put("schema", SCHEMA).put("user", f.userId());
                    text.append(mapper.writeValueAsString(header)).append('\n');
                }
                ObjectNode line = mapper.createObjectNode().put("track", f.track().value()).put("kind", f.kind().name())
                        .put("value", f.value()).put("time", f.time().toString());
                text.append(mapper.writeValueAsString(line)).append('\n');
                ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
                long at = ch.size();
                while (bytes.hasRemaining()) {
                    at += ch.write(bytes, at);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the feedback of " + f.userId() + " in " + file, e);
        }
    }

    /** Cuts the file after its last newline: what a crash in the middle of a write left behind. */
    private static void cutTornTail(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || byteAt(ch, size - 1) == '\n') {
            return;
        }
        long end = size - 1;
        while (end > 0 && byteAt(ch, end - 1) != '\n') {
            end--;
        }
        ch.truncate(end);
    }

    private static byte byteAt(FileChannel ch, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, position);
        return one.get(0);
    }

    /** Every user's events in file order, by user id; empty when the folder does not exist. */
    Map<String, List<Feedback>> loadAll() {
        Map<String, List<Feedback>> all = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the interaction files in " + folder, e);
        }
        for (Path file : files) {
            load(file, all);
        }
        return all;
    }

    private void load(Path file, Map<String, List<Feedback>> all) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        // A last line without its newline was torn by a crash: it never counted. Cut in bytes, as the
        // tear may split a character ('\n' never occurs inside a UTF-8 sequence).
        int complete = bytes.length;
        while (complete > 0 && bytes[complete - 1] != '\n') {
            complete--;
        }
        if (complete == 0) {
            return;
        }
        String[] lines = new String(bytes, 0, complete, StandardCharsets.UTF_8).split("\n");
        String user = null;
        List<Feedback> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                JsonNode n = mapper.readTree(lines[i]);
                if (i == 0) {
                    if (n.path("schema").asInt() != SCHEMA || !n.path("user").isTextual()) {
                        throw new IllegalArgumentException("expected the header {\"schema\":" + SCHEMA + ",\"user\":…}");
                    }
                    user = n.get("user").asText();
                } else {
                    events.add(new Feedback(user, new TrackId(n.path("track").asText()),
                            FeedbackKind.valueOf(n.path("kind").asText()), n.path("value").asDouble(),
                            Instant.parse(n.path("time").asText())));
                }
            } catch (JsonProcessingException | RuntimeException e) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": not a feedback line (" + e.getMessage() + ")",
                        e);
            }
        }
        if (user != null) {
            all.computeIfAbsent(user, u -> new ArrayList<>()).addAll(events);
        }
    }
}
