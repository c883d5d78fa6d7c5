package org.segue.plugin.badge.core.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Earned with the first mix saved. */
@Component
@SegueBadge(id = FirstMixBadge.ID)
public class FirstMixBadge implements Badge {
    static final String ID = "segue.badge.first-mix/1";
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "First mix", "Save your first mix");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        return Progress.counted(current, 1, 1, event.time());
    }
}
