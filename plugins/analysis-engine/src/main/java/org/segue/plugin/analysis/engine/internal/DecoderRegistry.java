package org.segue.plugin.analysis.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.segue.api.audio.AudioDecoder;
import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

/**
 * The decoders present, best first (service ranking), and the choice of one for a file by what
 * its first bytes say, so a file with the wrong extension still finds the right decoder.
 */
final class DecoderRegistry {

    /** A registered decoder with its ranking and its name (for messages). */
    record Entry(AudioDecoder decoder, int ranking, long serviceId, String name) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    void remove(AudioDecoder decoder) {
        entries.removeIf(e -> e.decoder() == decoder);
    }

    /** Opens the file with the best decoder that accepts it. */
    PcmSource open(Path file) throws IOException {
        return choose(file).decoder().open(file);
    }

    /** The file's tags from the decoder that accepts it; empty when none does or reading fails. */
    TrackTags tags(Path file) {
        try {
            return choose(file).decoder().readTags(file);
        } catch (IOException | RuntimeException e) {
            return TrackTags.empty(); // tags are a nicety: a track without them still mixes
        }
    }

    /** The best decoder that accepts the file, by its name and first bytes. */
    Entry choose(Path file) throws IOException {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new AudioDecodingException(name, "no such file");
        }
        if (Files.size(file) == 0) {
            throw new AudioDecodingException(name, "the file is empty (0 bytes)");
        }
        byte[] header = new byte[AudioDecoder.HEADER_LENGTH];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(header, 0, header.length);
        }
        byte[] sniff = length == header.length ? header : java.util.Arrays.copyOf(header, length);
        List<Entry> ordered = new ArrayList<>(entries);
        // Highest ranking first; among equals the older service, as OSGi orders references.
        ordered.sort(Comparator.comparingInt(Entry::ranking).reversed().thenComparingLong(Entry::serviceId));
        for (Entry e : ordered) {
            boolean accepts;
            try {
                accepts = e.decoder().accepts(file.getFileName().toString(), sniff);
            } catch (RuntimeException | LinkageError broken) {
                continue; // a broken decoder plugin must not stop the others from trying
            }
            if (accepts) {
                return e;
            }
        }
        List<String> names = ordered.stream().map(Entry::name).toList();
        throw new AudioDecodingException(name, "no installed decoder recognises this file"
                + (names.isEmpty() ? " (no decoders are installed)" : " (tried " + String.join(", ", names) + ")"));
    }
}
