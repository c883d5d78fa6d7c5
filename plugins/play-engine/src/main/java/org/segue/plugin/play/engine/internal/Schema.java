package org.segue.plugin.play.engine.internal;

import java.util.List;

/**
 * The tables of {@code play.db}. Stored names are forever: a later version adds a list here and
 * {@link PlayDatabase} applies it to files of the version before, in the same transaction as the
 * {@code user_version} bump. The SQL is plain enough to move to PostgreSQL as it is (upserts with
 * {@code ON CONFLICT}, {@code RANK()} windows), bar {@code WITHOUT ROWID}, an SQLite storage hint.
 */
final class Schema {

    private Schema() {
    }

    private static String energyColumns() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Analytics.CURVE; i++) {
            b.append(i == 0 ? "" : ", ").append("energy_").append(i).append(" REAL NOT NULL DEFAULT 0");
        }
        return b.toString();
    }

    static final List<String> VERSION_1 = List.of(
            // The log: seq is the order events were recorded in, which is the order badges see them.
            "CREATE TABLE events(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, user_id TEXT NOT NULL,"
                    + " type TEXT NOT NULL, time_seconds INTEGER NOT NULL, time_nanos INTEGER NOT NULL,"
                    + " attributes TEXT NOT NULL)",
            "CREATE INDEX events_by_user ON events(user_id, seq)",
            // Which badges and challenges the stored progress covers, up to which event.
            "CREATE TABLE included(plugin_id TEXT PRIMARY KEY, kind TEXT NOT NULL, through_seq INTEGER NOT NULL)",
            // Keyed by user first: an event reads all of its user's progress in one range.
            "CREATE TABLE badge_progress(badge_id TEXT NOT NULL, user_id TEXT NOT NULL, fraction REAL NOT NULL,"
                    + " count INTEGER NOT NULL, earned_seconds INTEGER, earned_nanos INTEGER, state TEXT NOT NULL,"
                    + " PRIMARY KEY(user_id, badge_id)) WITHOUT ROWID",
            // joined: whether the user has a pseudonym, copied here so a board is one index, no join.
            "CREATE TABLE challenge_progress(challenge_id TEXT NOT NULL, user_id TEXT NOT NULL, score REAL NOT NULL,"
                    + " completed INTEGER NOT NULL, state TEXT NOT NULL, reached_seq INTEGER NOT NULL,"
                    + " joined INTEGER NOT NULL, PRIMARY KEY(user_id, challenge_id)) WITHOUT ROWID",
            "CREATE INDEX challenge_players ON challenge_progress(challenge_id)",
            // A page of a board walks this index in order: best score first, among equals who got
            // there first; it holds only the users on the board.
            "CREATE INDEX challenge_board ON challenge_progress(challenge_id, score DESC, reached_seq, user_id)"
                    + " WHERE joined = 1 AND score > 0",
            "CREATE TABLE global_scores(user_id TEXT PRIMARY KEY, score REAL NOT NULL, reached_seq INTEGER NOT NULL,"
                    + " joined INTEGER NOT NULL) WITHOUT ROWID",
            "CREATE INDEX global_board ON global_scores(score DESC, reached_seq, user_id) WHERE joined = 1 AND score > 0",
            "CREATE TABLE pseudonyms(user_id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE)"
                    + " WITHOUT ROWID",
            "CREATE TABLE votes(voter TEXT NOT NULL, challenge TEXT NOT NULL, mix TEXT NOT NULL,"
                    + " PRIMARY KEY(voter, challenge, mix)) WITHOUT ROWID",
            // Analytics, updated in the transaction that records the event.
            "CREATE TABLE plays(user_id TEXT NOT NULL, track TEXT NOT NULL, count INTEGER NOT NULL,"
                    + " PRIMARY KEY(user_id, track)) WITHOUT ROWID",
            "CREATE INDEX plays_most ON plays(user_id, count DESC, track)",
            // energy_0..9: the summed energy at each tenth of the user's sets, one update per set.
            "CREATE TABLE user_stats(user_id TEXT PRIMARY KEY, mixes INTEGER NOT NULL DEFAULT 0,"
                    + " kept INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,"
                    + " energy_sets INTEGER NOT NULL DEFAULT 0, " + energyColumns() + ") WITHOUT ROWID",
            "CREATE TABLE user_months(user_id TEXT NOT NULL, month TEXT NOT NULL, bpm_sum REAL NOT NULL DEFAULT 0,"
                    + " bpm_count INTEGER NOT NULL DEFAULT 0, PRIMARY KEY(user_id, month)) WITHOUT ROWID",
            "CREATE TABLE user_month_keys(user_id TEXT NOT NULL, month TEXT NOT NULL, key TEXT NOT NULL,"
                    + " count INTEGER NOT NULL, PRIMARY KEY(user_id, month, key)) WITHOUT ROWID",
            "CREATE TABLE plugin_stats(plugin TEXT PRIMARY KEY, uses INTEGER NOT NULL DEFAULT 0,"
                    + " failures INTEGER NOT NULL DEFAULT 0, timed INTEGER NOT NULL DEFAULT 0,"
                    + " millis_sum REAL NOT NULL DEFAULT 0, last_failure TEXT NOT NULL DEFAULT '') WITHOUT ROWID",
            "CREATE TABLE plugin_latency(plugin TEXT NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL,"
                    + " PRIMARY KEY(plugin, bucket)) WITHOUT ROWID");

    /**
     * Version 2: challenge entries, so a challenge's entries are one index range instead of every
     * user's history; filled from the events a version-1 file already holds (the first entry of a
     * mix wins, as it does live).
     */
    static final List<String> VERSION_2 = List.of(
            "CREATE TABLE challenge_entries(challenge TEXT NOT NULL, mix TEXT NOT NULL, author TEXT NOT NULL,"
                    + " entered_seq INTEGER NOT NULL, duration REAL NOT NULL, track_count INTEGER NOT NULL,"
                    + " PRIMARY KEY(challenge, mix)) WITHOUT ROWID",
            "INSERT INTO challenge_entries(challenge, mix, author, entered_seq, duration, track_count)"
                    + " SELECT json_extract(attributes, '$.challenge'), json_extract(attributes, '$.mix'), user_id, seq,"
                    + " COALESCE(CAST(json_extract(attributes, '$.duration') AS REAL), 0),"
                    + " COALESCE(CAST(json_extract(attributes, '$.trackCount') AS INTEGER), 0)"
                    + " FROM events WHERE type = 'challenge.entered' AND json_extract(attributes, '$.challenge') IS NOT NULL"
                    + " AND json_extract(attributes, '$.mix') IS NOT NULL ORDER BY seq ON CONFLICT DO NOTHING");
}
