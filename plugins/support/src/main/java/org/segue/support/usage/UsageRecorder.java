package org.segue.support.usage;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.segue.api.play.EventLog;
import org.segue.api.play.UserEvent;

/**
 * Hands a batch of usage events to the event log when there is one. Statistics are a by-product:
 * a log that fails must never fail the work it measured, and a broken store must not flood the
 * log with one line per piece of work, so the first failure is reported and later ones are dropped.
 */
public final class UsageRecorder {

    private final AtomicBoolean warned = new AtomicBoolean();
    private final String work;
    private final Consumer<String> warn;

    /**
     * @param work what goes on when recording fails, for the warning: {@code "analysis"}
     * @param warn where the one warning goes
     */
    public UsageRecorder(String work, Consumer<String> warn) {
        this.work = work;
        this.warn = warn;
    }

    /** Records the batch in one write; never throws. */
    public void record(EventLog log, List<UserEvent> events) {
        if (log == null || events.isEmpty()) {
            return;
        }
        try {
            log.recordAll(events);
        } catch (RuntimeException | LinkageError e) {
            if (warned.compareAndSet(false, true)) {
                warn.accept("plugin usage could not be recorded (reported once; " + work + " goes on): " + e);
            }
        }
    }
}
