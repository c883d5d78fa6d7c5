package org.segue.plugin.badge.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Earned by playing {@value #TARGET} different tracks ({@link DistinctBadge}); replays of one track count once. */
@Component
@SegueBadge(id = CrateDiggerBadge.ID)
public class CrateDiggerBadge implements Badge {
    static final String ID = "segue.badge.crate-digger/1";
    static final int TARGET = 100;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Crate digger",
            "Play " + TARGET + " different tracks");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.TRACK_PLAYED)) {
            return current;
        }
        String track = event.attributes().get(UserEventTypes.TRACK);
        return track == null ? current : DistinctBadge.add(current, List.of(track), TARGET, event.time());
    }
}
