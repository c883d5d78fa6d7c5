package org.segue.plugin.server.http.internal.play;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.segue.api.play.EventLog;
import org.segue.api.play.PlayStatistics;

/**
 * The play engine's services as the server sees them, bound by Declarative Services. Optional and
 * dynamic because the server runs without the play bundles (their routes then answer 503) and
 * because the engine may be updated while the server runs; greedy, so a newly started engine is
 * picked up at once.
 */
@Component(service = PlayServices.class)
public class PlayServices implements PlayRoutes.Services {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile EventLog events;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile PlayStatistics statistics;

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public PlayStatistics statistics() {
        return statistics;
    }
}
