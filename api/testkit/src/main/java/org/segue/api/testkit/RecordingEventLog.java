package org.segue.api.testkit;

import java.util.ArrayList;
import java.util.List;

import org.segue.api.play.EventLog;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;

/**
 * An {@link EventLog} for tests of event producers: it keeps what it is told, in order, and
 * counts the durable writes ({@link #record} one each, {@link #recordAll} one per batch) so a test
 * can check a producer batches. It applies none of the host's rules (ids, duplicates, limits).
 */
public final class RecordingEventLog implements EventLog {

    private final List<UserEvent> events = new ArrayList<>();
    private int writes;

    @Override
    public synchronized RecordResult record(UserEvent event) {
        writes++;
        return add(event);
    }

    @Override
    public synchronized List<RecordResult> recordAll(List<UserEvent> batch) {
        writes++;
        List<RecordResult> results = new ArrayList<>(batch.size());
        for (UserEvent e : batch) {
            results.add(add(e));
        }
        return results;
    }

    private RecordResult add(UserEvent event) {
        events.add(event);
        return new RecordResult("e" + events.size(), RecordResult.Status.RECORDED, null);
    }

    @Override
    public synchronized List<UserEvent> history(String userId) {
        return events.stream().filter(e -> e.userId().equals(userId)).toList();
    }

    /** Every event told so far, in order. */
    public synchronized List<UserEvent> events() {
        return List.copyOf(events);
    }

    /** How many durable writes producers asked for. */
    public synchronized int writes() {
        return writes;
    }
}
