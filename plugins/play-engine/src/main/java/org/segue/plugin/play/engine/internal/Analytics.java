package org.segue.plugin.play.engine.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Listening, mixing and plugin statistics, updated event by event (nothing is recomputed from the
 * log): per user the most played tracks, transitions kept (rated 0.5 or better) against skipped,
 * the mean energy curve of their sets in {@value #CURVE} parts, and tempo and keys per month; per
 * plugin the uses, failures and a latency histogram with power-of-two millisecond buckets.
 */
final class Analytics {

    static final int CURVE = 10;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    /** One month of a user's tempi and keys. */
    static final class Month {
        double bpmSum;
        int bpmCount;
        final Map<String, Integer> keys = new HashMap<>();

        double meanBpm() {
            return bpmCount == 0 ? Double.NaN : bpmSum / bpmCount;
        }

        String topKey() {
            return keys.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("-");
        }
    }

    /** One user's numbers. */
    static final class User {
        final Map<String, Integer> plays = new HashMap<>();
        int mixes;
        int kept;
        int skipped;
        final double[] energySum = new double[CURVE];
        int energySets;
        final TreeMap<String, Month> months = new TreeMap<>();

        List<Map.Entry<String, Integer>> mostPlayed(int n) {
            return plays.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
        }

        /** The mean energy of the user's sets at each tenth of a set, or empty before the first. */
        double[] energyCurve() {
            double[] curve = new double[energySets == 0 ? 0 : CURVE];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = energySum[i] / energySets;
            }
            return curve;
        }
    }

    /** One plugin's numbers. */
    static final class Plugin {
        long uses;
        long failures;
        String lastFailure = "";
        double millisSum;
        final long[] buckets = new long[32];

        double meanMillis() {
            return uses == 0 ? Double.NaN : millisSum / uses;
        }

        /** The upper bound, in ms, of the bucket holding quantile {@code q} of the latencies. */
        double quantileMillis(double q) {
            long timed = 0;
            for (long b : buckets) {
                timed += b;
            }
            long rank = (long) Math.ceil(q * timed);
            long seen = 0;
            for (int i = 0; i < buckets.length; i++) {
                seen += buckets[i];
                if (seen >= rank && seen > 0) {
                    return Math.pow(2, i);
                }
            }
            return Double.NaN;
        }
    }

    final Map<String, User> users = new HashMap<>();
    final Map<String, Plugin> plugins = new TreeMap<>();

    User user(String userId) {
        return users.get(userId);
    }

    Map<String, Plugin> plugins() {
        return plugins;
    }

    void apply(UserEvent e) {
        Map<String, String> a = e.attributes();
        switch (e.type()) {
            case UserEventTypes.TRACK_PLAYED -> {
                User u = users.computeIfAbsent(e.userId(), k -> new User());
                String track = a.get(UserEventTypes.TRACK);
                if (track != null) {
                    u.plays.merge(track, 1, Integer::sum);
                }
                Month m = u.months.computeIfAbsent(MONTH.format(e.time()), k -> new Month());
                addBpm(m, a.get(UserEventTypes.BPM));
                addKey(m, a.get(UserEventTypes.KEY));
            }
            case UserEventTypes.MIX_CREATED -> {
                User u = users.computeIfAbsent(e.userId(), k -> new User());
                u.mixes++;
                Month m = u.months.computeIfAbsent(MONTH.format(e.time()), k -> new Month());
                for (String bpm : Attributes.list(a.get(UserEventTypes.BPMS))) {
                    addBpm(m, bpm);
                }
                for (String key : Attributes.list(a.get(UserEventTypes.KEYS))) {
                    addKey(m, key);
                }
                double[] energies = Attributes.numbers(a.get(UserEventTypes.ENERGIES));
                if (energies.length > 0) {
                    for (int i = 0; i < CURVE; i++) {
                        // The track playing at the middle of each tenth of the set.
                        u.energySum[i] += energies[(int) ((i + 0.5) / CURVE * energies.length)];
                    }
                    u.energySets++;
                }
            }
            case UserEventTypes.TRANSITION_RATED -> {
                double rating = Attributes.number(a.get(UserEventTypes.RATING), Double.NaN);
                if (!Double.isNaN(rating)) {
                    User u = users.computeIfAbsent(e.userId(), k -> new User());
                    if (rating >= 0.5) {
                        u.kept++;
                    } else {
                        u.skipped++;
                    }
                }
            }
            case UserEventTypes.PLUGIN_USED -> {
                String plugin = a.get(UserEventTypes.PLUGIN);
                if (plugin != null) {
                    pluginUsed(plugin, Attributes.number(a.get(UserEventTypes.MILLIS), Double.NaN),
                            !"false".equalsIgnoreCase(a.get(UserEventTypes.OK)));
                }
            }
            default -> {
                // Other events feed badges and challenges only.
            }
        }
    }

    /** Counts one use of a plugin; the engine also reports badges and challenges that throw here. */
    void pluginUsed(String plugin, double millis, boolean ok) {
        Plugin p = plugins.computeIfAbsent(plugin, k -> new Plugin());
        p.uses++;
        if (!ok) {
            p.failures++;
        }
        if (millis >= 0) {
            p.millisSum += millis;
            int bucket = millis <= 1 ? 0 : Math.min(p.buckets.length - 1, 64 - Long.numberOfLeadingZeros((long) Math.ceil(millis) - 1));
            p.buckets[bucket]++;
        }
    }

    private static void addBpm(Month m, String bpm) {
        double v = Attributes.number(bpm, Double.NaN);
        if (v > 0 && v < 1000) {
            m.bpmSum += v;
            m.bpmCount++;
        }
    }

    private static void addKey(Month m, String key) {
        if (key != null && !key.isBlank()) {
            m.keys.merge(key.trim().toUpperCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
    }
}
