package org.segue.plugin.server.http.internal.share;

import java.time.Clock;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.play.EventLog;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;
import org.segue.plugin.server.http.internal.auth.TokenStore;

/**
 * Records {@code mix.shared} in the event log, so badges (the "sharer" badge) count shares. The
 * log is optional and dynamic: the server shares mixes without the play bundles, and picks a
 * log up (greedy) when one starts while it runs.
 */
@Component(service = ShareEvents.class)
public class ShareEvents implements ShareRoutes.Listener {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void shared(String owner, String mixId, String token) {
        record(events, clock, owner, mixId, token);
    }

    /**
     * The event of one share. Its id derives from the token's hash (never the token: the log is
     * exported and shown), so a retried record counts once.
     */
    static void record(EventLog log, Clock clock, String owner, String mixId, String token) {
        if (log == null) {
            return;
        }
        log.record(new UserEvent(owner, UserEventTypes.MIX_SHARED, clock.instant(), Map.of(UserEventTypes.MIX, mixId,
                UserEventTypes.EVENT_ID, "mix.shared/" + TokenStore.hash(token).substring(0, 32))));
    }
}
