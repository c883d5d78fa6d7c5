package org.segue.plugin.decoder.wav.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.segue.api.audio.AudioDecodingException;
import org.segue.api.audio.PcmSource;
import org.segue.api.audio.TrackTags;

/** The open and readTags steps both decoders share; they differ only in their parser. */
final class PcmFiles {

    interface Parser {
        PcmLayout parse(ByteInput in, String source) throws IOException;
    }

    interface TagParser {
        void readTags(ByteInput in, String source, TagBuilder tags) throws IOException;
    }

    private PcmFiles() {
    }

    static PcmSource open(Path file, Parser parser) throws IOException {
        ByteInput in = ByteInput.open(file);
        return open(in, file.toString(), parser, true);
    }

    static PcmSource open(InputStream stream, String nameHint, Parser parser) throws IOException {
        // The caller keeps the stream if open fails (AudioDecoder contract): do not close it then.
        return open(ByteInput.of(stream), nameHint == null ? "stream" : nameHint, parser, false);
    }

    private static PcmSource open(ByteInput in, String source, Parser parser, boolean closeOnFailure)
            throws IOException {
        try {
            return new PcmFileSource(in, source, parser.parse(in, source));
        } catch (IOException | RuntimeException e) {
            if (closeOnFailure) {
                in.close();
            }
            throw wrap(source, e);
        }
    }

    static TrackTags readTags(Path file, TagParser parser) throws IOException {
        String source = file.toString();
        try (ByteInput in = ByteInput.open(file)) {
            TagBuilder tags = new TagBuilder();
            parser.readTags(in, source, tags);
            return tags.build();
        } catch (IOException | RuntimeException e) {
            throw wrap(source, e);
        }
    }

    /** Bad data must surface as AudioDecodingException, never as an unchecked exception. */
    private static IOException wrap(String source, Exception e) {
        if (e instanceof IOException) {
            return (IOException) e;
        }
        return new AudioDecodingException(source, "corrupt header: " + e, e);
    }
}
