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
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.Challenge;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * {@code segue bench play [--events N] [--appends N] [--batch N] [--runs R]}: in a temporary folder,
 * with the badges and challenges installed now, the median over runs of durable appends per second
 * one by one ({@code record}, a commit each) and in batches ({@code recordAll}, a commit per batch),
 * of loading a synthetic log of N events in batches of 1000, of opening the store holding them, of
 * a late badge's catch-up and of a leaderboard page. The synthetic users play, mix, rate and vote,
 * a seeded mix.
 */
@Component
@SegueCommand(name = "bench play", summary = "Measures the play store: durable appends, batches, open, late-badge catch-up, leaderboard pages")
public class BenchPlayCommand implements Command {
    static final String USAGE_TEXT = "usage: segue bench play [--events N] [--appends N] [--batch N] [--runs R]";

    @Reference
    PlayEngine engine;

    @Override
    public int run(CommandContext ctx) throws Exception {
        int events;
        int appends;
        int batch;
        int runs;
        try {
            Options o = new Options(ctx.arguments(), Set.of("--events", "--appends", "--batch", "--runs"));
            events = o.positiveInt("--events", 100_000);
            appends = o.positiveInt("--appends", 1_000);
            batch = o.positiveInt("--batch", 50);
            runs = o.positiveInt("--runs", 3);
        } catch (IllegalArgumentException e) {
            ctx.err().println("segue bench play: " + e.getMessage() + "\n" + USAGE_TEXT);
            return USAGE;
        }
        List<Badge> badges = engine.badgeServices();
        List<Challenge> challenges = engine.challengeServices();
        if (badges.isEmpty()) {
            ctx.err().println("segue bench play: no badges installed; the catch-up would measure nothing");
        }
        Instant start = challenges.stream().map(c -> c.descriptor().start()).min(Instant::compareTo).orElse(Instant.parse("2026-01-05T00:00:00Z"));
        double[] appendRate = new double[runs];
        double[] batchRate = new double[runs];
        double[] loadRate = new double[runs];
        double[] openSeconds = new double[runs];
        double[] catchUpRate = new double[runs];
        double[] pageMicros = new double[runs];
        for (int r = 0; r < runs; r++) {
            Path dir = Files.createTempDirectory("segue-bench-play");
            try {
                List<UserEvent> synthetic = synthetic(events, start, 42 + r);
                PlayEngine e = engine(dir.resolve("appends"), badges, challenges);
                long t0 = System.nanoTime();
                for (int i = 0; i < appends; i++) {
                    e.record(synthetic.get(i % synthetic.size()));
                }
                appendRate[r] = appends / seconds(t0);
                List<UserEvent> more = synthetic(appends, start.plusSeconds(events), 4242 + r);
                t0 = System.nanoTime();
                for (int i = 0; i < appends; i += batch) {
                    e.recordAll(more.subList(i, Math.min(appends, i + batch)));
                }
                batchRate[r] = appends / seconds(t0);
                e.close();

                PlayEngine loader = engine(dir.resolve("big"), badges, challenges);
                t0 = System.nanoTime();
                for (int i = 0; i < events; i += 1000) {
                    loader.recordAll(synthetic.subList(i, Math.min(events, i + 1000)));
                }
                loadRate[r] = events / seconds(t0);
                loader.close();

                PlayEngine reopened = new PlayEngine();
                badges.forEach(reopened::addBadge);
                challenges.forEach(reopened::addChallenge);
                t0 = System.nanoTime();
                reopened.open(dir.resolve("big"), Integer.MAX_VALUE, Integer.MAX_VALUE);
                openSeconds[r] = seconds(t0);
                if (!badges.isEmpty()) {
                    t0 = System.nanoTime();
                    reopened.addBadge(new Renamed(badges.get(0), "#late" + r));
                    catchUpRate[r] = events / seconds(t0);
                }
                Random random = new Random(7);
                int reads = 1000;
                t0 = System.nanoTime();
                for (int i = 0; i < reads; i++) {
                    reopened.statistics().leaderboard(PlayStatistics.GLOBAL_BOARD, 10 * random.nextInt(20), 10);
                }
                pageMicros[r] = seconds(t0) * 1e6 / reads;
                reopened.close();
            } finally {
                delete(dir);
            }
        }
        ctx.out().printf("events %d, users %d, badges %d, challenges %d, runs %d (medians)%n", events, users(events), badges.size(),
                challenges.size(), runs);
        ctx.out().printf("durable appends, record (a commit each):  %.0f events/s%n", median(appendRate));
        ctx.out().printf("durable appends, recordAll of %-4d:       %.0f events/s%n", batch, median(batchRate));
        ctx.out().printf("loading %d events, recordAll of 1000: %.0f events/s%n", events, median(loadRate));
        ctx.out().printf("opening the store with them:              %.3f s%n", median(openSeconds));
        ctx.out().printf("late badge catch-up:                      %.0f events/s%n", median(catchUpRate));
        ctx.out().printf("leaderboard page of 10:                   %.1f us%n", median(pageMicros));
        return OK;
    }

    private static PlayEngine engine(Path dir, List<Badge> badges, List<Challenge> challenges) throws IOException {
        PlayEngine e = new PlayEngine();
        badges.forEach(e::addBadge);
        challenges.forEach(e::addChallenge);
        e.open(dir, Integer.MAX_VALUE, Integer.MAX_VALUE);
        return e;
    }

    /** An installed badge under another id, so the store has no progress for it: a late badge. */
    private record Renamed(Badge inner, String suffix) implements Badge {
        @Override
        public BadgeDescriptor descriptor() {
            BadgeDescriptor d = inner.descriptor();
            return new BadgeDescriptor(d.id() + suffix, d.name(), d.description());
        }

        @Override
        public BadgeProgress update(BadgeProgress p, UserEvent e) {
            String id = inner.descriptor().id();
            BadgeProgress in = new BadgeProgress(id, p.userId(), p.fraction(), p.count(), p.earnedAt(), p.state());
            BadgeProgress out = inner.update(in, e);
            return out.equals(in) ? p
                    : new BadgeProgress(id + suffix, out.userId(), out.fraction(), out.count(), out.earnedAt(), out.state());
        }
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
