package org.segue.plugin.play.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;

/**
 * The play host: the {@link EventLog} (published by {@link EventLogService}) over an
 * {@link EventFile}, feeding every installed {@link Badge} and {@link Challenge} (tracked
 * dynamically) and the leaderboards and analytics of {@link PlayState}. On first use the state is
 * loaded from a {@link StateCodec snapshot} and the rest of the log replayed (all of it without a
 * snapshot); a badge or challenge installed later is caught up by replaying the log for it alone,
 * without a restart.
 *
 * <p>One lock serialises appends and reads in this process, and the file lock serialises processes;
 * before answering, the engine reads what other processes appended. Badges run on the recording
 * thread: they are pure functions, and the caller learns that its event counted when it returns.
 */
@Component(configurationPid = PlayEngine.PID, service = PlayEngine.class)
@Designate(ocd = PlayEngine.Config.class)
public class PlayEngine implements EventLog {
    static final String PID = "org.segue.plugin.play.engine";

    @ObjectClassDefinition(name = "Segue play engine",
            description = "The user event log, badges, challenges, leaderboards and analytics")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the event log; empty means $XDG_DATA_HOME/segue/play "
                + "(or ~/.local/share/segue/play)")
        String dataDirectory() default "";

        @AttributeDefinition(description = "Most events one user may record per minute")
        int eventsPerMinute() default 120;

        @AttributeDefinition(description = "Most votes one user may cast per hour")
        int votesPerHour() default 30;

        @AttributeDefinition(description = "Write a snapshot of the standings when closing after this many "
                + "new events (and while running after ten times as many), so the next start replays only the rest")
        int snapshotEvery() default 1000;
    }

    private final Map<String, Badge> badges = new TreeMap<>();
    private final Map<String, Challenge> challenges = new TreeMap<>();
    Clock clock = Clock.systemUTC();
    private Path folder;
    int snapshotEvery = 1000;
    /** Events applied (or replayed for a late badge) since the last snapshot was written or read. */
    private long sinceSnapshot;
    private EventFile file;
    private PlayState state;
    private Guard guard;

    @Activate
    void activate(Config config) {
        configure(dataDirectory(config.dataDirectory()), config.eventsPerMinute(), config.votesPerHour());
        snapshotEvery = Math.max(1, config.snapshotEvery());
    }

    /**
     * Sets where the log is; it is opened on first use, so a kernel that never records or shows
     * anything of play (most commands) neither touches the disk nor pays for the replay.
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

    /** Opens the log and replays it into a fresh state, once. */
    private void ensureOpen() throws IOException {
        if (file != null) {
            return;
        }
        if (folder == null) {
            throw new IllegalStateException("the play engine is not active");
        }
        file = new EventFile(folder.resolve("events.log"));
        Optional<StateCodec.Loaded> snapshot = StateCodec.read(snapshotFile(), file, this::failed);
        if (snapshot.isPresent()) {
            state = snapshot.get().state();
            file.startAt(snapshot.get().end());
            sinceSnapshot = 0;
            // Badges and challenges bound since the snapshot was written have no progress in it.
            for (Map.Entry<String, Badge> b : badges.entrySet()) {
                if (!snapshot.get().badgeIds().contains(b.getKey())) {
                    catchUp(b.getKey(), () -> state.resetBadge(b.getKey()), s -> state.replay(s, b.getValue(), null));
                }
            }
            for (Map.Entry<String, Challenge> c : challenges.entrySet()) {
                if (!snapshot.get().challengeIds().contains(c.getKey())) {
                    catchUp(c.getKey(), () -> state.resetChallenge(c.getKey()), s -> state.replay(s, null, c.getValue()));
                }
            }
        } else {
            state = new PlayState(this::failed);
        }
        refresh();
    }

    private Path snapshotFile() {
        return folder.resolve("state.snapshot");
    }

    /** Writes a snapshot when at least {@code threshold} events were applied since the last; a failure only costs replay time. */
    private void snapshotIfDue(long threshold) {
        if (file == null || sinceSnapshot < threshold) {
            return;
        }
        try {
            StateCodec.write(snapshotFile(), state, file.end(), Set.copyOf(badges.keySet()), Set.copyOf(challenges.keySet()));
            sinceSnapshot = 0;
        } catch (IOException | RuntimeException e) {
            state.analytics().pluginUsed("org.segue.plugin.play.engine/snapshot", Double.NaN, false);
            state.analytics().plugins().get("org.segue.plugin.play.engine/snapshot").lastFailure = e.toString();
        }
    }

    @Deactivate
    synchronized void close() throws IOException {
        snapshotIfDue(snapshotEvery);
        folder = null;
        if (file != null) {
            file.close();
            file = null;
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
        String id = badge.descriptor().id();
        badges.put(id, badge);
        if (file != null) {
            catchUp(id, () -> state.resetBadge(id), s -> state.replay(s, badge, null));
        }
    }

    synchronized void removeBadge(Badge badge) {
        badges.values().remove(badge);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addChallenge(Challenge challenge) {
        String id = challenge.descriptor().id();
        challenges.put(id, challenge);
        if (file != null) {
            catchUp(id, () -> state.resetChallenge(id), s -> state.replay(s, null, challenge));
        }
    }

    synchronized void removeChallenge(Challenge challenge) {
        challenges.values().remove(challenge);
    }

    /** Replays the log up to what this process has read for one late badge or challenge. */
    private void catchUp(String id, Runnable reset, java.util.function.Consumer<StoredEvent> replay) {
        try {
            refresh();
            reset.run();
            long[] n = {0};
            file.scan(EventFile.MAGIC.length, file.end(), s -> {
                replay.accept(s);
                n[0]++;
            });
            sinceSnapshot += n[0];
        } catch (IOException e) {
            throw new UncheckedIOException("could not replay " + file.path() + " for " + id, e);
        }
    }

    @Override
    public synchronized RecordResult record(UserEvent event) {
        String id = StoredEvent.idOf(event);
        try {
            ensureOpen();
            return file.locked(() -> {
                refresh();
                if (state.contains(id)) {
                    return new RecordResult(id, RecordResult.Status.DUPLICATE, "");
                }
                Instant now = clock.instant();
                String refused = guard.check(event, state, now);
                if (refused != null) {
                    return new RecordResult(id, RecordResult.Status.REJECTED, refused);
                }
                StoredEvent stored = new StoredEvent(id, file.end(), event);
                file.append(stored);
                state.apply(stored, badges.values(), challenges.values());
                sinceSnapshot++;
                guard.recorded(event, now);
                snapshotIfDue(10L * snapshotEvery);
                return new RecordResult(id, RecordResult.Status.RECORDED, "");
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not record an event in " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<UserEvent> history(String userId) {
        try {
            ensureOpen();
            refresh();
            List<UserEvent> events = new ArrayList<>();
            for (long offset : state.offsets(userId)) {
                events.add(file.read(offset).event());
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event log in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Runs a query on the state, after reading what other processes appended. */
    synchronized <T> T read(Function<View, T> query) {
        try {
            ensureOpen();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the event log in " + folder + ": " + e.getMessage(), e);
        }
        // Copies in id order: commands list them sorted, and a badge bound meanwhile does not disturb them.
        return query.apply(new View(state, new TreeMap<>(badges), new TreeMap<>(challenges)));
    }

    /** What commands see: the state and the badges and challenges installed now. */
    record View(PlayState state, Map<String, Badge> badges, Map<String, Challenge> challenges) {
    }

    private void refresh() throws IOException {
        file.readNew(s -> {
            state.apply(s, badges.values(), challenges.values());
            sinceSnapshot++;
        });
    }

    /** A badge or challenge threw: counted as that plugin's failure, its last message kept for segue stats. */
    private void failed(String id, RuntimeException e) {
        state.analytics().pluginUsed(id, Double.NaN, false);
        state.analytics().plugins().get(id).lastFailure = e.toString();
    }
}
