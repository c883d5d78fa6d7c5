package org.segue.plugin.badge.core.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Earned by one mix of two hours or more; {@code count} is the longest mix so far, in seconds. */
@Component
@SegueBadge(id = MarathonBadge.ID)
public class MarathonBadge implements Badge {
    static final String ID = "segue.badge.marathon/1";
    static final int SECONDS = 2 * 3600;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Marathon", "Save a mix of two hours or more");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        double seconds = Lists.number(event.attributes().get(UserEventTypes.DURATION));
        if (!(seconds > current.count())) {
            return current;
        }
        return Progress.counted(current, (long) Math.min(seconds, Long.MAX_VALUE / 2), SECONDS, event.time());
    }
}
