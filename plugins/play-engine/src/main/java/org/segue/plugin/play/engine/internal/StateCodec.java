package org.segue.plugin.play.engine.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;

import org.segue.api.play.BadgeProgress;
import org.segue.api.play.ChallengeProgress;

/**
 * A snapshot of {@link PlayState} up to a log position, so that opening a long log replays only its
 * tail. Written to a temporary file, forced, then renamed over the old one, so a crash leaves the
 * old snapshot or the new, never half of one; a CRC-32C over the body catches anything else. A
 * snapshot is only a cache of the log: one that is unreadable, or whose last record is not the
 * log's record at that position (a replaced log), is ignored and the log replayed in full.
 */
final class StateCodec {

    static final byte[] MAGIC = "SEGUEST1".getBytes(StandardCharsets.US_ASCII);

    /** A loaded snapshot: the state, the log position it covers, and the badges and challenges it includes. */
    record Loaded(PlayState state, long end, Set<String> badgeIds, Set<String> challengeIds) {
    }

    private StateCodec() {
    }

    static void write(Path file, PlayState s, long end, Set<String> badgeIds, Set<String> challengeIds) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeLong(end);
        out.writeLong(s.lastOffset);
        out.writeUTF(s.lastId);
        out.writeLong(s.position);
        strings(out, badgeIds);
        strings(out, challengeIds);
        strings(out, s.ids);
        out.writeInt(s.offsets.size());
        for (Map.Entry<String, List<Long>> e : s.offsets.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (long o : e.getValue()) {
                out.writeLong(o);
            }
        }
        out.writeInt(s.badges.size());
        for (Map.Entry<String, Map<String, BadgeProgress>> b : s.badges.entrySet()) {
            out.writeUTF(b.getKey());
            out.writeInt(b.getValue().size());
            for (BadgeProgress p : b.getValue().values()) {
                out.writeUTF(p.userId());
                out.writeDouble(p.fraction());
                out.writeLong(p.count());
                out.writeUTF(p.earnedAt() == null ? "" : p.earnedAt().toString());
                map(out, p.state());
            }
        }
        out.writeInt(s.challenges.size());
        for (Map.Entry<String, Map<String, ChallengeProgress>> c : s.challenges.entrySet()) {
            out.writeUTF(c.getKey());
            out.writeInt(c.getValue().size());
            for (ChallengeProgress p : c.getValue().values()) {
                out.writeUTF(p.userId());
                out.writeDouble(p.score());
                out.writeBoolean(p.completed());
                map(out, p.state());
            }
        }
        map(out, s.pseudonyms);
        strings(out, s.votes);
        out.writeInt(s.globalPoints.size());
        for (Map.Entry<String, Double> g : s.globalPoints.entrySet()) {
            out.writeUTF(g.getKey());
            out.writeDouble(g.getValue());
        }
        out.writeInt(s.boards.size());
        for (Map.Entry<String, Leaderboard> b : s.boards.entrySet()) {
            out.writeUTF(b.getKey());
            out.writeInt(b.getValue().size());
            for (Leaderboard.Entry e : b.getValue().entries()) {
                out.writeUTF(e.userId());
                out.writeDouble(e.score());
                out.writeLong(e.reachedAt());
            }
        }
        AnalyticsCodec.write(out, s.analytics);
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();

        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Reads a snapshot and checks it against the log; empty (so the caller replays everything) when
     * there is none, or it is damaged or does not belong to this log.
     */
    static java.util.Optional<Loaded> read(Path file, EventFile log, BiConsumer<String, RuntimeException> failures) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        if (all.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            return java.util.Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(all, all.length - 4, 4).getInt()) {
            return java.util.Optional.empty();
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - MAGIC.length - 4));
            long end = in.readLong();
            PlayState s = new PlayState(failures);
            s.lastOffset = in.readLong();
            s.lastId = in.readUTF();
            s.position = in.readLong();
            if (!matches(log, end, s.lastOffset, s.lastId)) {
                return java.util.Optional.empty();
            }
            Set<String> badgeIds = strings(in, new HashSet<>());
            Set<String> challengeIds = strings(in, new HashSet<>());
            strings(in, s.ids);
            for (int i = in.readInt(); i > 0; i--) {
                String user = in.readUTF();
                int n = in.readInt();
                List<Long> offsets = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    offsets.add(in.readLong());
                }
                s.offsets.put(user, offsets);
            }
            for (int i = in.readInt(); i > 0; i--) {
                String badge = in.readUTF();
                Map<String, BadgeProgress> byUser = new HashMap<>();
                for (int j = in.readInt(); j > 0; j--) {
                    String user = in.readUTF();
                    double fraction = in.readDouble();
                    long count = in.readLong();
                    String earned = in.readUTF();
                    byUser.put(user, new BadgeProgress(badge, user, fraction, count, earned.isEmpty() ? null : Instant.parse(earned),
                            map(in, new HashMap<>())));
                }
                s.badges.put(badge, byUser);
            }
            for (int i = in.readInt(); i > 0; i--) {
                String challenge = in.readUTF();
                Map<String, ChallengeProgress> byUser = new HashMap<>();
                for (int j = in.readInt(); j > 0; j--) {
                    String user = in.readUTF();
                    byUser.put(user, new ChallengeProgress(challenge, user, in.readDouble(), in.readBoolean(), map(in, new HashMap<>())));
                }
                s.challenges.put(challenge, byUser);
            }
            map(in, s.pseudonyms);
            s.pseudonyms.forEach((user, name) -> s.pseudonymOwners.put(name.toLowerCase(java.util.Locale.ROOT), user));
            strings(in, s.votes);
            for (int i = in.readInt(); i > 0; i--) {
                s.globalPoints.put(in.readUTF(), in.readDouble());
            }
            for (int i = in.readInt(); i > 0; i--) {
                Leaderboard board = s.board(in.readUTF());
                for (int j = in.readInt(); j > 0; j--) {
                    board.put(in.readUTF(), in.readDouble(), in.readLong());
                }
            }
            AnalyticsCodec.read(in, s.analytics);
            return java.util.Optional.of(new Loaded(s, end, badgeIds, challengeIds));
        } catch (IOException | RuntimeException e) {
            // A snapshot that passed its CRC but does not parse: written by another format; replay instead.
            return java.util.Optional.empty();
        }
    }

    /** Whether the log's record at {@code lastOffset} has {@code lastId} and ends at {@code end}. */
    private static boolean matches(EventFile log, long end, long lastOffset, String lastId) {
        try {
            if (lastOffset < 0) {
                return end == EventFile.MAGIC.length;
            }
            long[] next = {-1};
            String[] id = {null};
            next[0] = log.scan(lastOffset, lastOffset + 1, r -> id[0] = r.id());
            return lastId.equals(id[0]) && next[0] == end;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void strings(DataOutputStream out, Set<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static Set<String> strings(DataInputStream in, Set<String> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            into.add(in.readUTF());
        }
        return into;
    }

    static void map(DataOutputStream out, Map<String, ?> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, ?> e : values.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(String.valueOf(e.getValue()));
        }
    }

    static Map<String, String> map(DataInputStream in, Map<String, String> into) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            into.put(in.readUTF(), in.readUTF());
        }
        return into;
    }
}
