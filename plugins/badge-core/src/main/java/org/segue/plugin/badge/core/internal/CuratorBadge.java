package org.segue.plugin.badge.core.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Curator: Rate 25 transitions, so the styles learn what works. Duplicate deliveries never reach it (the host keeps one event per id), so it simply counts. */
@Component
@SegueBadge(id = CuratorBadge.ID)
public class CuratorBadge implements Badge {
    static final String ID = "segue.badge.curator/1";
    static final int TARGET = 25;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Curator", "Rate 25 transitions, so the styles learn what works");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.TRANSITION_RATED)) {
            return current;
        }
        return Progress.counted(current, current.count() + 1, TARGET, event.time());
    }
}
