package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;
import org.segue.api.play.Badge;
import org.segue.api.play.Challenge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * {@code segue bench play [--events N] [--appends N] [--runs R]}: on a synthetic log in a temporary
 * folder, with the badges and challenges installed now, the median over runs of durable appends
 * per second (each forced to disk), of replay speed when a process opens the log without and with a
 * snapshot, of a late badge's
 * catch-up, and of a leaderboard page. The synthetic users play, mix, rate and vote, a seeded mix.
 */
@Component
@SegueCommand(name = "bench play", summary = "Measures the event log: durable appends, replay on open, late-badge catch-up, leaderboard pages")
public class BenchPlayCommand implements Command {
    static final String USAGE_TEXT = "usage: segue bench play [--events N] [--appends N] [--runs R]";

    @Reference
    PlayEngine engine;

    @Override
    public int run(CommandContext ctx) throws Exception {
        Options o;
        int events;
        int appends;
        int runs;
        try {
            o = new Options(ctx.arguments(), Set.of("--events", "--appends", "--runs"));
            events = o.positiveInt("--events", 100_000);
            appends = o.positiveInt("--appends", 2_000);
            runs = o.positiveInt("--runs", 3);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue bench play: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        List<Badge> badges = engine.read(v -> List.copyOf(v.badges().values()));
        List<Challenge> challenges = engine.read(v -> List.copyOf(v.challenges().values()));
        if (badges.isEmpty()) {
            ctx.err().println("segue bench play: no badges installed; the replay would measure nothing but the file");
        }
        Instant start = challenges.stream().map(c -> c.descriptor().start()).min(Instant::compareTo).orElse(Instant.parse("2026-01-05T00:00:00Z"));
        double[] appendRate = new double[runs];
        double[] replayRate = new double[runs];
        double[] catchUpRate = new double[runs];
        double[] pageMicros = new double[runs];
        double[] snapshotOpen = new double[runs];
        for (int r = 0; r < runs; r++) {
            Path dir = Files.createTempDirectory("segue-bench-play");
            try {
                List<UserEvent> synthetic = synthetic(events, start, 42 + r);
                // Durable appends through the engine, as producers record them.
                PlayEngine e = new PlayEngine();
                badges.forEach(e::addBadge);
                challenges.forEach(e::addChallenge);
                e.open(dir.resolve("appends"), Integer.MAX_VALUE, Integer.MAX_VALUE);
                long t0 = System.nanoTime();
                for (int i = 0; i < appends; i++) {
                    e.record(synthetic.get(i % synthetic.size()));
                }
                appendRate[r] = appends / seconds(t0);
                e.close();
                // A big log written unforced (a bench shortcut), then opened as a new process would.
                try (EventFile f = new EventFile(dir.resolve("replay").resolve("events.log"))) {
                    for (UserEvent ev : synthetic) {
                        f.append(new StoredEvent(StoredEvent.idOf(ev), -1, ev), false);
                    }
                }
                PlayEngine reopened = new PlayEngine();
                badges.forEach(reopened::addBadge);
                challenges.forEach(reopened::addChallenge);
                t0 = System.nanoTime();
                reopened.open(dir.resolve("replay"), Integer.MAX_VALUE, Integer.MAX_VALUE);
                replayRate[r] = events / seconds(t0);
                if (!badges.isEmpty()) {
                    Badge first = badges.get(0);
                    reopened.removeBadge(first);
                    t0 = System.nanoTime();
                    reopened.addBadge(first);
                    catchUpRate[r] = events / seconds(t0);
                }
                Random random = new Random(7);
                int reads = 1000;
                t0 = System.nanoTime();
                for (int i = 0; i < reads; i++) {
                    int page = 1 + random.nextInt(20);
                    reopened.read(v -> v.state().board(PlayState.GLOBAL).page(page, 10, v.state().pseudonyms()));
                }
                pageMicros[r] = seconds(t0) * 1e6 / reads;
                reopened.close(); // writes the snapshot
                PlayEngine fromSnapshot = new PlayEngine();
                badges.forEach(fromSnapshot::addBadge);
                challenges.forEach(fromSnapshot::addChallenge);
                t0 = System.nanoTime();
                fromSnapshot.open(dir.resolve("replay"), Integer.MAX_VALUE, Integer.MAX_VALUE);
                snapshotOpen[r] = seconds(t0);
                fromSnapshot.close();
            } finally {
                delete(dir);
            }
        }
        ctx.out().printf("events %d, users %d, badges %d, challenges %d, runs %d (medians)%n", events, users(events), badges.size(),
                challenges.size(), runs);
        ctx.out().printf("durable appends (fsync each): %.0f events/s%n", median(appendRate));
        ctx.out().printf("replay on open:               %.0f events/s (%.2f s for the log)%n", median(replayRate), events / median(replayRate));
        ctx.out().printf("open from a snapshot:         %.2f s%n", median(snapshotOpen));
        ctx.out().printf("late badge catch-up:          %.0f events/s%n", median(catchUpRate));
        ctx.out().printf("leaderboard page of 10:       %.1f us%n", median(pageMicros));
        return OK;
    }

    static int users(int events) {
        return Math.max(10, events / 200);
    }

    /** Plays, mixes, ratings, shares, votes and leaderboard joins of synthetic users, one per second. */
    static List<UserEvent> synthetic(int n, Instant start, long seed) {
        Random random = new Random(seed);
        int users = users(n);
        String[] keys = {"1A", "2A", "3A", "4B", "5B", "8A", "9A", "10B", "11A", "12B"};
        List<UserEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String user = "user" + random.nextInt(users);
            Instant t = start.plusSeconds(i);
            int kind = random.nextInt(100);
            Map<String, String> a = new HashMap<>();
            String type;
            if (kind < 60) {
                type = UserEventTypes.TRACK_PLAYED;
                a.put(UserEventTypes.TRACK, "track" + random.nextInt(5000));
                a.put(UserEventTypes.GENRE, "genre" + random.nextInt(12));
                a.put(UserEventTypes.BPM, Integer.toString(90 + random.nextInt(50)));
                a.put(UserEventTypes.KEY, keys[random.nextInt(keys.length)]);
            } else if (kind < 75) {
                type = UserEventTypes.MIX_CREATED;
                int tracks = 4 + random.nextInt(12);
                String[] bpms = new String[tracks];
                String[] ks = new String[tracks];
                String[] energies = new String[tracks];
                double bpm = 90 + random.nextInt(30);
                for (int k = 0; k < tracks; k++) {
                    bpm += random.nextInt(9) - 2;
                    bpms[k] = Double.toString(bpm);
                    ks[k] = keys[random.nextInt(keys.length)];
                    energies[k] = Double.toString(random.nextDouble());
                }
                a.put(UserEventTypes.MIX, "mix" + i);
                a.put(UserEventTypes.TRACK_COUNT, Integer.toString(tracks));
                a.put(UserEventTypes.DURATION, Integer.toString(tracks * 300));
                a.put(UserEventTypes.BPMS, String.join(",", bpms));
                a.put(UserEventTypes.KEYS, String.join(",", ks));
                a.put(UserEventTypes.ENERGIES, String.join(",", energies));
            } else if (kind < 90) {
                type = UserEventTypes.TRANSITION_RATED;
                a.put(UserEventTypes.MIX, "mix" + random.nextInt(i + 1));
                a.put(UserEventTypes.RATING, Double.toString(random.nextDouble()));
            } else if (kind < 95) {
                type = UserEventTypes.MIX_SHARED;
                a.put(UserEventTypes.MIX, "mix" + random.nextInt(i + 1));
            } else if (kind < 97) {
                type = UserEventTypes.LEADERBOARD_JOINED;
                a.put(UserEventTypes.PSEUDONYM, "dj-" + user);
            } else {
                type = UserEventTypes.VOTE_CAST;
                a.put(UserEventTypes.MIX, "mix" + random.nextInt(i + 1));
                a.put(UserEventTypes.AUTHOR, "user" + random.nextInt(users));
                a.put(UserEventTypes.CHALLENGE, "any");
            }
            out.add(new UserEvent(user, type, t, a));
        }
        return out;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
