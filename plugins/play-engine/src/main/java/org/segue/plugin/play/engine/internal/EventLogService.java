package org.segue.plugin.play.engine.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.segue.api.play.EventLog;
import org.segue.api.play.RecordResult;
import org.segue.api.play.UserEvent;

/**
 * Publishes the engine as the api's {@link EventLog}. A registration of its own because Felix
 * offers a service only to bundles that can see every class it is registered under, and the
 * engine's own class (which the commands of this bundle use) is private. It shares the engine's
 * configuration, so its service properties show the configured folder.
 */
@Component(configurationPid = PlayEngine.PID, service = EventLog.class)
public class EventLogService implements EventLog {

    @Reference
    PlayEngine engine;

    @Override
    public RecordResult record(UserEvent event) {
        return engine.record(event);
    }

    @Override
    public List<RecordResult> recordAll(List<UserEvent> events) {
        return engine.recordAll(events);
    }

    @Override
    public List<UserEvent> history(String userId) {
        return engine.history(userId);
    }
}
