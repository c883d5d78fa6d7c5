package org.segue.plugin.badge.core.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Earned with {@value #TARGET} key-compatible transitions in a row, counted over the
 * {@link UserEventTypes#KEYS} of the user's saved mixes in order (the streak carries from one mix to
 * the next; a clash, or a key that is not Camelot, starts it again). {@code count} is the current
 * streak, so the badge needs no other memory.
 */
@Component
@SegueBadge(id = HarmonicMasterBadge.ID)
public class HarmonicMasterBadge implements Badge {
    static final String ID = "segue.badge.harmonic-master/1";
    static final int TARGET = 20;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Harmonic master",
            "Make " + TARGET + " key-compatible transitions in a row (Camelot neighbours or relative keys)");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        List<String> keys = Lists.of(event.attributes().get(UserEventTypes.KEYS));
        if (keys.size() < 2) {
            return current;
        }
        long streak = current.count();
        for (int i = 1; i < keys.size(); i++) {
            streak = Camelot.compatible(Camelot.parse(keys.get(i - 1)), Camelot.parse(keys.get(i))) ? streak + 1 : 0;
            if (streak >= TARGET) {
                break;
            }
        }
        return Progress.counted(current, streak, TARGET, event.time());
    }
}
