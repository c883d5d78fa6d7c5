package org.segue.plugin.play.engine.internal;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.segue.api.play.UserEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code events} table: the log of what users did, one row per recorded event in the order
 * recorded ({@code seq}), with the attributes as a JSON object (sorted keys, so equal events store
 * equal text). Also the JSON of badge and challenge state.
 */
final class EventTable {

    /** An event as stored: its position in the log, its id, the event. */
    record Row(long seq, String id, UserEvent event) {
    }

    // Immutable once configured and thread-safe: one per class, not a global default anyone sets.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "seq, id, user_id, type, time_seconds, time_nanos, attributes";

    private final PlayDatabase db;

    EventTable(PlayDatabase db) {
        this.db = db;
    }

    boolean contains(String id) throws SQLException {
        return db.queryLong("SELECT 1 FROM events WHERE id = ?", 0, id) == 1;
    }

    /** Stores a new event; returns its seq, or -1 when its id is taken (nothing stored). */
    long insert(String id, UserEvent e) throws SQLException {
        int n = db.update("INSERT INTO events(id, user_id, type, time_seconds, time_nanos, attributes)"
                + " VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING", id, e.userId(), e.type(),
                e.time().getEpochSecond(), e.time().getNano(), json(e.attributes()));
        return n == 0 ? -1 : db.queryLong("SELECT last_insert_rowid()", -1);
    }

    long lastSeq() throws SQLException {
        return db.queryLong("SELECT MAX(seq) FROM events", 0);
    }

    long count() throws SQLException {
        return db.queryLong("SELECT COUNT(*) FROM events", 0);
    }

    /** Up to {@code limit} events after {@code seq}, in log order. */
    List<Row> after(long seq, int limit) throws SQLException {
        return db.query("SELECT " + COLUMNS + " FROM events WHERE seq > ? ORDER BY seq LIMIT ?", EventTable::row, seq, limit);
    }

    List<Row> ofUser(String userId) throws SQLException {
        return db.query("SELECT " + COLUMNS + " FROM events WHERE user_id = ? ORDER BY seq", EventTable::row, userId);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), new UserEvent(rs.getString(3), rs.getString(4),
                Instant.ofEpochSecond(rs.getLong(5), rs.getInt(6)), map(rs.getString(7))));
    }

    static String json(Map<String, String> map) {
        if (map.isEmpty()) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> map(String json) throws SQLException {
        if (json == null || json.equals("{}")) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored JSON object is damaged: " + e.getOriginalMessage(), e);
        }
    }
}
