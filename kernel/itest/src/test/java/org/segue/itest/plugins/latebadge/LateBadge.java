package org.segue.itest.plugins.latebadge;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Test plugin for PlayIT: a badge installed after the events it counts, earned at the second play. */
@Component
@SegueBadge(id = LateBadge.ID)
public class LateBadge implements Badge {
    public static final String ID = "itest.badge.late/1";

    @Override
    public BadgeDescriptor descriptor() {
        return new BadgeDescriptor(ID, "Late badge", "Play two tracks (installed after the fact)");
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.TRACK_PLAYED)) {
            return current;
        }
        long n = current.count() + 1;
        return new BadgeProgress(current.badgeId(), current.userId(), n >= 2 ? 1 : 0.5, n, n >= 2 ? event.time() : null);
    }
}
