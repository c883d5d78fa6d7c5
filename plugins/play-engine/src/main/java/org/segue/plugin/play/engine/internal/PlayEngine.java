package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.play.Badge;
import org.segue.api.play.Challenge;
import org.segue.api.play.EventLog;
import org.segue.api.play.PlayStatistics;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;

/**
 * The play host: the {@link EventLog} (published by {@link EventLogService}) and the statistics
 * ({@link PlayStatisticsService}, answered by {@link Queries}) over one SQLite file,
 * {@code play.db}, feeding every installed {@link Badge} and {@link Challenge} (tracked dynamically).
 *
 * <p>Recording is one transaction: the event row, the badge and challenge progress, the global
 * scores and the analytics are committed together, durably, or not at all; {@link #recordAll}
 * does the same for a batch with one commit. Nothing is cached in memory between transactions, so
 * a second process on the same file (the command line while the server runs) sees and counts what
 * the other recorded. The table {@code included} says up to which event each badge's and
 * challenge's stored progress goes: one installed later, or one that another process did not run,
 * is caught up from the events table before anything else, in one transaction.
 *
 * <p>One lock serialises this process's use of its connection, and SQLite's lock serialises
 * writers across processes. Badges run on the recording thread: they are pure functions, and the
 * caller learns that its event counted when it returns.
 */
@Component(configurationPid = PlayEngine.PID, service = PlayEngine.class)
@Designate(ocd = PlayEngine.Config.class)
public class PlayEngine implements EventLog {
    static final String PID = "org.segue.plugin.play.engine";
    static final String DATABASE = "play.db";
    /** Events read per query while catching a badge up: bounded memory whatever the log's length. */
    private static final int PAGE = 2000;

    @ObjectClassDefinition(name = "Segue play engine",
            description = "The user event store, badges, challenges, leaderboards and analytics")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the play database (play.db); empty means $XDG_DATA_HOME/segue/play "
                + "(or ~/.local/share/segue/play)")
        String dataDirectory() default "";

        @AttributeDefinition(description = "Most events one user may record per minute (plugin timings excepted)")
        int eventsPerMinute() default 120;

        @AttributeDefinition(description = "Most votes one user may cast per hour")
        int votesPerHour() default 30;
    }

    private final Queries statistics = new Queries(this);
    private final Map<String, Badge> badges = new TreeMap<>();
    private final Map<String, Challenge> challenges = new TreeMap<>();
    Clock clock = Clock.systemUTC();
    private Path folder;
    private Guard guard;
    private PlayDatabase db;
    private EventTable events;
    private Standings standings;
    private Analytics analytics;
    private EventApplier applier;

    @Activate
    void activate(Config config) {
        configure(dataDirectory(config.dataDirectory()), config.eventsPerMinute(), config.votesPerHour());
    }

    /**
     * Sets where the database is; it is opened on first use, so a kernel that never records or
     * shows anything of play (most commands) does not touch the disk.
     */
    synchronized void configure(Path folder, int eventsPerMinute, int votesPerHour) {
        this.folder = folder;
        this.guard = new Guard(eventsPerMinute, votesPerHour);
    }

    /** Configures and opens now (tests, the bench). */
    synchronized void open(Path folder, int eventsPerMinute, int votesPerHour) throws IOException {
        configure(folder, eventsPerMinute, votesPerHour);
        ensureOpen();
    }

    private void ensureOpen() throws IOException {
        if (db != null) {
            return;
        }
        if (folder == null) {
            throw new IllegalStateException("the play engine is not active");
        }
        db = PlayDatabase.open(folder.resolve(DATABASE));
        events = new EventTable(db);
        standings = new Standings(db);
        analytics = new Analytics(db);
        applier = new EventApplier(standings, analytics);
        try {
            new LegacyImport(db, events).importOnce(folder,
                    (seq, e) -> applier.apply(seq, e, badges.values(), challenges.values()), this::include);
            db.write(this::catchUp);
        } catch (SQLException | IOException | RuntimeException e) {
            Path file = db.file();
            db.close();
            db = null; // the next use tries again
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("could not open the play store " + file + ": " + e.getMessage(), e);
        }
    }

    @Deactivate
    synchronized void close() {
        folder = null;
        if (db != null) {
            db.close();
            db = null;
        }
    }

    static Path dataDirectory(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("segue").resolve("play");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addBadge(Badge badge) {
        badges.put(badge.descriptor().id(), badge);
        catchUpNow();
    }

    synchronized void removeBadge(Badge badge) {
        // Its rows stay: installed again, it continues from where its progress ends.
        badges.values().remove(badge);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addChallenge(Challenge challenge) {
        challenges.put(challenge.descriptor().id(), challenge);
        catchUpNow();
    }

    synchronized void removeChallenge(Challenge challenge) {
        challenges.values().remove(challenge);
    }

    private void catchUpNow() {
        if (db == null) {
            return; // done on opening
        }
        try {
            db.write(this::catchUp);
        } catch (SQLException e) {
            throw failure("could not catch up the badges and challenges in", e);
        }
    }

    /**
     * In a write transaction: replays the events that the stored progress of a tracked badge or
     * challenge does not include yet, for it alone, in log order. Returns the last event's seq.
     */
    private long catchUp() throws SQLException {
        long last = events.lastSeq();
        Map<String, Long> included = standings.included();
        for (Badge b : badges.values()) {
            catchUp(Standings.BADGE, b.descriptor().id(), included.get(b.descriptor().id()), last, b, null);
        }
        for (Challenge c : challenges.values()) {
            catchUp(Standings.CHALLENGE, c.descriptor().id(), included.get(c.descriptor().id()), last, null, c);
        }
        return last;
    }

    private void catchUp(String kind, String id, Long through, long last, Badge badge, Challenge challenge) throws SQLException {
        if (through != null && through >= last) {
            return;
        }
        long from = 0;
        if (through == null) {
            standings.reset(kind, id, last);
        } else {
            from = through;
        }
        EventApplier.Replay replay = applier.new Replay(badge, challenge);
        while (from < last) {
            List<EventTable.Row> page = events.after(from, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (EventTable.Row r : page) {
                replay.replay(r.seq(), r.event());
                from = r.seq();
            }
        }
        replay.finish();
        standings.include(id, kind, last);
    }

    /** Marks every tracked badge and challenge as including the events up to {@code seq}. */
    private void include(long seq) throws SQLException {
        for (String id : badges.keySet()) {
            standings.include(id, Standings.BADGE, seq);
        }
        for (String id : challenges.keySet()) {
            standings.include(id, Standings.CHALLENGE, seq);
        }
    }

    @Override
    public RecordResult record(UserEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    @Override
    public synchronized List<RecordResult> recordAll(List<UserEvent> batch) {
        Objects.requireNonNull(batch, "events");
        batch.forEach(e -> Objects.requireNonNull(e, "an event of the batch is null"));
        if (batch.isEmpty()) {
            return List.of();
        }
        List<UserEvent> counted = new ArrayList<>();
        try {
            ensureOpen();
            Instant now = clock.instant();
            return db.write(() -> {
                long last = catchUp();
                long seq = last;
                List<RecordResult> results = new ArrayList<>(batch.size());
                for (UserEvent e : batch) {
                    String id = StoredEvent.idOf(e);
                    if (events.contains(id)) {
                        results.add(new RecordResult(id, RecordResult.Status.DUPLICATE, ""));
                        continue;
                    }
                    String refused = guard.check(e, standings, now);
                    if (refused != null) {
                        results.add(new RecordResult(id, RecordResult.Status.REJECTED, refused));
                        continue;
                    }
                    seq = events.insert(id, e);
                    applier.apply(seq, e, badges.values(), challenges.values());
                    guard.recorded(e, now);
                    counted.add(e);
                    results.add(new RecordResult(id, RecordResult.Status.RECORDED, ""));
                }
                if (seq != last) {
                    List<String> tracked = new ArrayList<>(badges.keySet());
                    tracked.addAll(challenges.keySet());
                    standings.includeAll(tracked, seq); // catchUp gave each its row
                }
                return results;
            });
        } catch (SQLException e) {
            guard.forget(counted);
            throw failure("could not record events in", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            // Rolled back: nothing of the batch is stored, so nothing of it counts against a limit.
            guard.forget(counted);
            throw e;
        }
    }

    /** The badges installed now, in id order. */
    synchronized List<Badge> badgeServices() {
        return List.copyOf(badges.values());
    }

    /** The challenges installed now, in id order. */
    synchronized List<Challenge> challengeServices() {
        return List.copyOf(challenges.values());
    }

    /** The statistics, read from the store. */
    PlayStatistics statistics() {
        return statistics;
    }

    @Override
    public synchronized List<UserEvent> history(String userId) {
        return read(() -> events.ofUser(userId).stream().map(EventTable.Row::event).toList());
    }

    /** Work reading the store (one consistent snapshot of it). */
    interface Query<T> {
        T run(Reader reader) throws SQLException;
    }

    /** What a query sees: the tables, and the badges and challenges installed now, in id order. */
    record Reader(Standings standings, Analytics analytics, Map<String, Badge> badges, Map<String, Challenge> challenges) {
    }

    /** Runs a query, first catching up any badge or challenge that another process left behind. */
    synchronized <T> T query(Query<T> query) {
        try {
            ensureOpen();
            Reader reader = new Reader(standings, analytics, new TreeMap<>(badges), new TreeMap<>(challenges));
            // Usually one read transaction: the check and the query see the same state of the file.
            List<T> answer = db.read(() -> behind() ? null : java.util.Collections.singletonList(query.run(reader)));
            if (answer == null) {
                db.write(this::catchUp);
                return db.read(() -> query.run(reader));
            }
            return answer.get(0);
        } catch (SQLException e) {
            throw failure("could not read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(PlayDatabase.Work<T> work) {
        return query(r -> work.run());
    }

    /** True when some tracked badge's or challenge's progress does not include the last event. */
    private boolean behind() throws SQLException {
        long last = events.lastSeq();
        Map<String, Long> included = standings.included();
        for (String id : badges.keySet()) {
            if (included.getOrDefault(id, -1L) < last) {
                return true;
            }
        }
        for (String id : challenges.keySet()) {
            if (included.getOrDefault(id, -1L) < last) {
                return true;
            }
        }
        return false;
    }

    private UncheckedIOException failure(String what, SQLException e) {
        Path where = db == null ? folder : db.file();
        return new UncheckedIOException(new IOException(what + " the play store " + where + ": " + e.getMessage(), e));
    }
}
