package org.segue.plugin.badge.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Earned with {@value #TARGET} distinct genres played or mixed ({@link DistinctBadge}). */
@Component
@SegueBadge(id = GenreExplorerBadge.ID)
public class GenreExplorerBadge implements Badge {
    static final String ID = "segue.badge.genre-explorer/1";
    static final int TARGET = 8;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Genre explorer",
            "Play or mix tracks of " + TARGET + " different genres");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned()) {
            return current;
        }
        return switch (event.type()) {
            case UserEventTypes.TRACK_PLAYED -> DistinctBadge.add(current,
                    Lists.of(event.attributes().get(UserEventTypes.GENRE)), TARGET, event.time());
            case UserEventTypes.MIX_CREATED -> DistinctBadge.add(current,
                    Lists.of(event.attributes().get(UserEventTypes.GENRES)), TARGET, event.time());
            default -> current;
        };
    }
}
