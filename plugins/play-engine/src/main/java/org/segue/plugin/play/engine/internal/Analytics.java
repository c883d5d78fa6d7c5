package org.segue.plugin.play.engine.internal;

import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.segue.api.play.PlayStatistics.Count;
import org.segue.api.play.PlayStatistics.MonthStats;
import org.segue.api.play.PlayStatistics.PluginAnalytics;
import org.segue.api.play.PlayStatistics.UserAnalytics;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Listening, mixing and plugin statistics as tables updated event by event, in the transaction
 * that records the event (nothing is recomputed from the log): per user the plays per track,
 * transitions kept (rated 0.5 or better) against skipped, the summed energy of their sets at each
 * of {@value #CURVE} parts, and tempo sums and key counts per month; per plugin the uses,
 * failures, summed milliseconds and a latency histogram of power-of-two millisecond buckets.
 */
final class Analytics {

    static final int CURVE = 10;
    static final int BUCKETS = 32;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    /** One set: a mix more, a set more in the curve, and its energy at each tenth. */
    private static final String ADD_SET;

    static {
        StringBuilder b = new StringBuilder("UPDATE user_stats SET mixes = mixes + 1, energy_sets = energy_sets + 1");
        for (int i = 0; i < CURVE; i++) {
            b.append(", energy_").append(i).append(" = energy_").append(i).append(" + ?");
        }
        ADD_SET = b.append(" WHERE user_id = ?").toString();
    }

    private final PlayDatabase db;

    Analytics(PlayDatabase db) {
        this.db = db;
    }

    void apply(UserEvent e) throws SQLException {
        Map<String, String> a = e.attributes();
        switch (e.type()) {
            case UserEventTypes.TRACK_PLAYED -> {
                touchUser(e.userId());
                String track = a.get(UserEventTypes.TRACK);
                if (track != null) {
                    db.update("INSERT INTO plays(user_id, track, count) VALUES(?, ?, 1)"
                            + " ON CONFLICT(user_id, track) DO UPDATE SET count = count + 1", e.userId(), track);
                }
                String month = month(e);
                addBpms(e.userId(), month, List.of(Objects.requireNonNullElse(a.get(UserEventTypes.BPM), "")));
                addKeys(e.userId(), month, List.of(Objects.requireNonNullElse(a.get(UserEventTypes.KEY), "")));
            }
            case UserEventTypes.MIX_CREATED -> {
                touchUser(e.userId());
                double[] energies = Attributes.numbers(a.get(UserEventTypes.ENERGIES));
                if (energies.length > 0) {
                    Object[] args = new Object[CURVE + 1];
                    for (int i = 0; i < CURVE; i++) {
                        // The track playing at the middle of each tenth of the set.
                        args[i] = energies[(int) ((i + 0.5) / CURVE * energies.length)];
                    }
                    args[CURVE] = e.userId();
                    db.update(ADD_SET, args);
                } else {
                    db.update("UPDATE user_stats SET mixes = mixes + 1 WHERE user_id = ?", e.userId());
                }
                String month = month(e);
                addBpms(e.userId(), month, Attributes.list(a.get(UserEventTypes.BPMS)));
                addKeys(e.userId(), month, Attributes.list(a.get(UserEventTypes.KEYS)));
            }
            case UserEventTypes.TRANSITION_RATED -> {
                double rating = Attributes.number(a.get(UserEventTypes.RATING), Double.NaN);
                if (!Double.isNaN(rating)) {
                    touchUser(e.userId());
                    db.update(rating >= 0.5 ? "UPDATE user_stats SET kept = kept + 1 WHERE user_id = ?"
                            : "UPDATE user_stats SET skipped = skipped + 1 WHERE user_id = ?", e.userId());
                }
            }
            case UserEventTypes.PLUGIN_USED -> {
                String plugin = a.get(UserEventTypes.PLUGIN);
                if (plugin != null) {
                    pluginUsed(plugin, Attributes.number(a.get(UserEventTypes.MILLIS), Double.NaN),
                            !"false".equalsIgnoreCase(a.get(UserEventTypes.OK)), "");
                }
            }
            default -> {
                // Other events feed badges and challenges only.
            }
        }
    }

    /**
     * Counts one use of a plugin; the engine also reports badges and challenges that throw here,
     * with the failure's message.
     */
    void pluginUsed(String plugin, double millis, boolean ok, String failure) throws SQLException {
        boolean timed = millis >= 0;
        db.update("INSERT INTO plugin_stats(plugin, uses, failures, timed, millis_sum, last_failure) VALUES(?, 1, ?, ?, ?, ?)"
                + " ON CONFLICT(plugin) DO UPDATE SET uses = uses + 1, failures = failures + excluded.failures,"
                + " timed = timed + excluded.timed, millis_sum = millis_sum + excluded.millis_sum,"
                + " last_failure = CASE WHEN excluded.last_failure = '' THEN last_failure ELSE excluded.last_failure END",
                plugin, ok ? 0 : 1, timed ? 1 : 0, timed ? millis : 0.0, failure == null ? "" : failure);
        if (timed) {
            db.update("INSERT INTO plugin_latency(plugin, bucket, count) VALUES(?, ?, 1)"
                    + " ON CONFLICT(plugin, bucket) DO UPDATE SET count = count + 1", plugin, bucket(millis));
        }
    }

    /** Bucket {@code i} holds latencies in {@code (2^(i-1), 2^i]} ms; bucket 0 those up to 1 ms. */
    static int bucket(double millis) {
        return millis <= 1 ? 0 : Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros((long) Math.ceil(millis) - 1));
    }

    UserAnalytics user(String userId, int topTracks) throws SQLException {
        StringBuilder columns = new StringBuilder("SELECT mixes, kept, skipped, energy_sets");
        for (int i = 0; i < CURVE; i++) {
            columns.append(", energy_").append(i);
        }
        double[] stats = db.queryOne(columns + " FROM user_stats WHERE user_id = ?", rs -> {
            double[] v = new double[4 + CURVE];
            for (int i = 0; i < v.length; i++) {
                v[i] = rs.getDouble(i + 1);
            }
            return v;
        }, new double[4 + CURVE], userId);
        int sets = (int) stats[3];
        List<Count> most = db.query("SELECT track, count FROM plays WHERE user_id = ? ORDER BY count DESC, track LIMIT ?",
                rs -> new Count(rs.getString(1), rs.getLong(2)), userId, Math.max(0, topTracks));
        List<Double> curve = new ArrayList<>();
        for (int i = 0; sets > 0 && i < CURVE; i++) {
            curve.add(stats[4 + i] / sets);
        }
        List<MonthStats> months = new ArrayList<>();
        for (Object[] m : db.query("SELECT month, bpm_sum, bpm_count FROM user_months WHERE user_id = ? ORDER BY month",
                rs -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getLong(3)}, userId)) {
            long n = (Long) m[2];
            List<Count> keys = db.query("SELECT key, count FROM user_month_keys WHERE user_id = ? AND month = ?"
                    + " ORDER BY count DESC, key", rs -> new Count(rs.getString(1), rs.getLong(2)), userId, m[0]);
            months.add(new MonthStats((String) m[0], n == 0 ? Double.NaN : (Double) m[1] / n, keys));
        }
        return new UserAnalytics(userId, (int) stats[0], (int) stats[1], (int) stats[2], most, curve, sets, months);
    }

    /** Every plugin that recorded use (or whose badge or challenge failed), most used first. */
    List<PluginAnalytics> plugins() throws SQLException {
        List<PluginAnalytics> out = new ArrayList<>();
        for (Object[] p : db.query("SELECT plugin, uses, failures, timed, millis_sum, last_failure FROM plugin_stats"
                + " ORDER BY uses DESC, plugin", rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getDouble(5), rs.getString(6)})) {
            Long[] buckets = new Long[BUCKETS];
            java.util.Arrays.fill(buckets, 0L);
            for (long[] b : db.query("SELECT bucket, count FROM plugin_latency WHERE plugin = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, p[0])) {
                buckets[(int) b[0]] = b[1];
            }
            List<Long> histogram = List.of(buckets);
            long timed = (Long) p[3];
            out.add(new PluginAnalytics((String) p[0], (Long) p[1], (Long) p[2], (String) p[5],
                    timed == 0 ? Double.NaN : (Double) p[4] / timed, quantile(histogram, 0.95), trim(histogram)));
        }
        return out;
    }

    /** The upper bound, in ms, of the bucket holding quantile {@code q} of the latencies; NaN without any. */
    static double quantile(List<Long> buckets, double q) {
        long timed = buckets.stream().mapToLong(Long::longValue).sum();
        long rank = (long) Math.ceil(q * timed);
        long seen = 0;
        for (int i = 0; i < buckets.size(); i++) {
            seen += buckets.get(i);
            if (seen >= rank && seen > 0) {
                return Math.pow(2, i);
            }
        }
        return Double.NaN;
    }

    /** Without the empty buckets above the slowest use, so a picture need not draw 32 bars. */
    private static List<Long> trim(List<Long> buckets) {
        int n = buckets.size();
        while (n > 0 && buckets.get(n - 1) == 0) {
            n--;
        }
        return Collections.unmodifiableList(new ArrayList<>(buckets.subList(0, n)));
    }

    private void touchUser(String userId) throws SQLException {
        db.update("INSERT INTO user_stats(user_id) VALUES(?) ON CONFLICT(user_id) DO NOTHING", userId);
    }

    private static String month(UserEvent e) {
        return MONTH.format(e.time());
    }

    /** Adds a set's or a play's tempi to the month in one statement (the month exists after it, tempo or not). */
    private void addBpms(String user, String month, List<String> bpms) throws SQLException {
        double sum = 0;
        int n = 0;
        for (String bpm : bpms) {
            double v = Attributes.number(bpm, Double.NaN);
            if (v > 0 && v < 1000) {
                sum += v;
                n++;
            }
        }
        db.update("INSERT INTO user_months(user_id, month, bpm_sum, bpm_count) VALUES(?, ?, ?, ?)"
                + " ON CONFLICT(user_id, month) DO UPDATE SET bpm_sum = bpm_sum + excluded.bpm_sum,"
                + " bpm_count = bpm_count + excluded.bpm_count", user, month, sum, n);
    }

    /** Counts keys, one statement per distinct key. */
    private void addKeys(String user, String month, List<String> keys) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                counts.merge(key.trim().toUpperCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> k : counts.entrySet()) {
            db.update("INSERT INTO user_month_keys(user_id, month, key, count) VALUES(?, ?, ?, ?)"
                    + " ON CONFLICT(user_id, month, key) DO UPDATE SET count = count + excluded.count", user, month,
                    k.getKey(), k.getValue());
        }
    }
}
