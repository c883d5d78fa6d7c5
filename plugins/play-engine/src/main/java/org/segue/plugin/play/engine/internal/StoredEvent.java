package org.segue.plugin.play.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * One event as the earlier log file stored it ({@link EventFile}): its id, the position in the
 * log it was read from, and the event; {@link #idOf} is how every event's id is made, then and now.
 * The binary form is versioned by its first byte; strings are modified UTF-8 of at most 65535 bytes
 * each (checked on encoding, so a too-long attribute is refused instead of written half).
 *
 * @param id the event id (see {@link #idOf})
 * @param offset where the record starts in the log file, {@code -1} before it is written
 * @param event the event
 */
record StoredEvent(String id, long offset, UserEvent event) {

    static final int FORMAT = 1;
    private static final int MAX_STRING = 65_535;

    /** The producer's {@link UserEventTypes#EVENT_ID}, else a SHA-256 of the event's every field. */
    static String idOf(UserEvent event) {
        String given = event.attributes().get(UserEventTypes.EVENT_ID);
        if (given != null && !given.isBlank()) {
            return given;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Sorted attributes and length-prefixed fields: equal events hash equal, different ones cannot collide by concatenation.
            StringBuilder canonical = new StringBuilder();
            append(canonical, event.userId());
            append(canonical, event.type());
            append(canonical, event.time().toString());
            new TreeMap<>(event.attributes()).forEach((k, v) -> {
                append(canonical, k);
                append(canonical, v);
            });
            byte[] digest = sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "h:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void append(StringBuilder b, String s) {
        b.append(s.length()).append(':').append(s);
    }

    byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            writeString(out, id);
            writeString(out, event.userId());
            writeString(out, event.type());
            out.writeLong(event.time().getEpochSecond());
            out.writeInt(event.time().getNano());
            out.writeInt(event.attributes().size());
            for (Map.Entry<String, String> a : new TreeMap<>(event.attributes()).entrySet()) {
                writeString(out, a.getKey());
                writeString(out, a.getValue());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static StoredEvent decode(byte[] payload, long offset) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new IOException("unknown event record format " + format + " at offset " + offset);
        }
        String id = in.readUTF();
        String user = in.readUTF();
        String type = in.readUTF();
        Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
        int n = in.readInt();
        if (n < 0 || n > payload.length) {
            throw new IOException("bad attribute count " + n + " at offset " + offset);
        }
        Map<String, String> attributes = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            attributes.put(in.readUTF(), in.readUTF());
        }
        return new StoredEvent(id, offset, new UserEvent(user, type, time, attributes));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s.length() > MAX_STRING / 3 && s.getBytes(StandardCharsets.UTF_8).length > MAX_STRING) {
            throw new IllegalArgumentException("an event field is longer than " + MAX_STRING + " bytes: "
                    + s.substring(0, 40) + "…");
        }
        out.writeUTF(s);
    }
}
