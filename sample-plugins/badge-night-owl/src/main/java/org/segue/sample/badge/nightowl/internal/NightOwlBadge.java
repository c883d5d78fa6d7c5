package org.segue.sample.badge.nightowl.internal;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.play.Badge;
import org.segue.api.play.BadgeDescriptor;
import org.segue.api.play.BadgeProgress;
import org.segue.api.play.SegueBadge;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * Night owl: earned by playing tracks in the small hours (by default ten tracks between midnight and
 * 5 am).
 *
 * <p>A badge keeps no state. Segue stores each user's {@link BadgeProgress} and calls
 * {@link #update} with it and one event; the answer depends on nothing else (not the clock, not a
 * field), so Segue can replay a user's whole history when the badge is installed later and get
 * the same result, and one instance serves every user on every thread.
 *
 * <p>{@code @Component} registers the service, {@code @SegueBadge} sets its id, and
 * {@code @Designate} makes {@link Config} settable in {@code conf/sample.badge.nightowl.cfg}.
 */
@Component(service = Badge.class, configurationPid = NightOwlBadge.PID)
@Designate(ocd = NightOwlBadge.Config.class)
@SegueBadge(id = NightOwlBadge.ID)
public class NightOwlBadge implements Badge {

    /** The id with its revision; progress is stored under it, so it never changes. */
    public static final String ID = "sample.badge.nightowl/1";
    /** Where the configuration comes from: {@code conf/sample.badge.nightowl.cfg}. */
    public static final String PID = "sample.badge.nightowl";

    /** The settings, with the descriptions a configuration UI shows. */
    @ObjectClassDefinition(name = "Night owl (sample badge)", description = "A badge for tracks played late at night")
    public @interface Config {
        @AttributeDefinition(description = "Tracks to play at night to earn it (1..1000)", min = "1", max = "1000")
        int tracks() default 10;

        @AttributeDefinition(description = "The hour night ends, 1..12: plays from midnight until then count")
        int untilHour() default 5;

        @AttributeDefinition(description = "The time zone whose clock tells night from day, e.g. Europe/Berlin")
        String zone() default "UTC";
    }

    private final int tracks;
    private final int untilHour;
    private final ZoneId zone;
    private final BadgeDescriptor descriptor;

    /**
     * Called by Declarative Services with the configuration (defaults when {@code conf/} has none).
     *
     * @throws IllegalArgumentException naming the setting when a value is unusable; Segue then
     *         reports the component as failed with this message
     */
    @Activate
    public NightOwlBadge(Config config) {
        this(config.tracks(), config.untilHour(), config.zone());
    }

    /** The same, with plain values: what the tests use. */
    NightOwlBadge(int tracks, int untilHour, String zone) {
        if (tracks < 1 || tracks > 1000) {
            throw new IllegalArgumentException(PID + ": tracks must be 1..1000: " + tracks);
        }
        if (untilHour < 1 || untilHour > 12) {
            throw new IllegalArgumentException(PID + ": untilHour must be 1..12: " + untilHour);
        }
        try {
            this.zone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(PID + ": zone is not a time zone: " + zone, e);
        }
        this.tracks = tracks;
        this.untilHour = untilHour;
        this.descriptor = new BadgeDescriptor(ID, "Night owl",
                "Play " + tracks + " tracks between midnight and " + untilHour + " am");
    }

    @Override
    public BadgeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        // Returning current itself tells Segue nothing changed, so it skips storing.
        if (current.earned() || !UserEventTypes.TRACK_PLAYED.equals(event.type())) {
            return current;
        }
        int hour = event.time().atZone(zone).getHour(); // the event's time, never the clock's
        if (hour >= untilHour) {
            return current;
        }
        long count = current.count() + 1;
        if (count >= tracks) {
            return new BadgeProgress(current.badgeId(), current.userId(), 1, count, event.time());
        }
        return new BadgeProgress(current.badgeId(), current.userId(), count / (double) tracks, count, null);
    }
}
