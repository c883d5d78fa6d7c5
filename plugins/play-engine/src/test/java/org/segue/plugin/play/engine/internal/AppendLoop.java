package org.segue.plugin.play.engine.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Child process of {@link KillNineTest}: records events into the store in the folder given,
 * numbered from the second argument, alternately one with {@code record} and five with
 * {@code recordAll}, and prints {@code ok N} once N events are acknowledged (committed), until
 * killed. A counting badge runs on them, so the test can check progress and events agree.
 */
public final class AppendLoop {

    static final String BADGE = "test.badge.plays/1";

    private AppendLoop() {
    }

    static UserEvent event(int i) {
        return new UserEvent("u" + (i % 3), UserEventTypes.TRACK_PLAYED, Instant.ofEpochSecond(1_700_000_000L + i, i),
                Map.of(UserEventTypes.TRACK, "track-" + i, "é", "ü ♫", UserEventTypes.EVENT_ID, "kill-" + i));
    }

    /** Events per iteration: 1, 5, 1, 5… */
    static int size(int iteration) {
        return iteration % 2 == 0 ? 1 : 5;
    }

    public static void main(String[] args) throws Exception {
        PlayEngine engine = new PlayEngine();
        engine.addBadge(TestPlay.counting(BADGE, UserEventTypes.TRACK_PLAYED, 1_000_000));
        engine.open(Path.of(args[0]), Integer.MAX_VALUE, Integer.MAX_VALUE);
        int next = Integer.parseInt(args[1]);
        int acknowledged = 0;
        for (int iteration = 0; ; iteration++) {
            List<UserEvent> batch = new ArrayList<>();
            for (int k = 0; k < size(iteration); k++) {
                batch.add(event(next++));
            }
            List<RecordResult> results = batch.size() == 1 ? List.of(engine.record(batch.get(0))) : engine.recordAll(batch);
            for (RecordResult r : results) {
                if (r.status() != RecordResult.Status.RECORDED) {
                    throw new IllegalStateException("not recorded: " + r);
                }
            }
            acknowledged += batch.size();
            System.out.println("ok " + acknowledged);
            System.out.flush();
        }
    }
}
