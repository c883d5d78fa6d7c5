package org.segue.plugin.badge.core.internal;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/** Plugin author: Publish a plugin to the marketplace. Duplicate deliveries never reach it (the host keeps one event per id), so it simply counts. */
@Component
@SegueBadge(id = PluginAuthorBadge.ID)
public class PluginAuthorBadge implements Badge {
    static final String ID = "segue.badge.plugin-author/1";
    static final int TARGET = 1;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Plugin author", "Publish a plugin to the marketplace");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.PLUGIN_PUBLISHED)) {
            return current;
        }
        return Progress.counted(current, current.count() + 1, TARGET, event.time());
    }
}
