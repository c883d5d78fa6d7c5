package org.segue.plugin.badge.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Earned by sharing {@value #TARGET} different mixes; sharing one mix again counts once. */
@Component
@SegueBadge(id = SharerBadge.ID)
public class SharerBadge implements Badge {
    static final String ID = "segue.badge.sharer/1";
    static final int TARGET = 5;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "On air", "Share " + TARGET + " different mixes");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.MIX_SHARED)) {
            return current;
        }
        String mix = event.attributes().get(UserEventTypes.MIX);
        return mix == null ? current : DistinctBadge.add(current, List.of(mix), TARGET, event.time());
    }
}
