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
 * Earned by one set whose tempo travels {@value #SPAN} BPM or more in smooth ramps: within a run of
 * transitions that each change the tempo by at most {@value #MAX_STEP} BPM, the fastest and the
 * slowest track are {@value #SPAN} apart. {@code count} is the widest smooth span so far, in whole BPM.
 */
@Component
@SegueBadge(id = TempoRiderBadge.ID)
public class TempoRiderBadge implements Badge {
    static final String ID = "segue.badge.tempo-rider/1";
    static final int SPAN = 40;
    static final double MAX_STEP = 6;
    private static final BadgeDescriptor DESCRIPTOR = new BadgeDescriptor(ID, "Tempo rider",
            "Mix a set spanning " + SPAN + " BPM, no transition changing the tempo by more than 6 BPM");

    @Override
    public BadgeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public BadgeProgress update(BadgeProgress current, UserEvent event) {
        if (current.earned() || !event.type().equals(UserEventTypes.MIX_CREATED)) {
            return current;
        }
        double span = widestSmoothSpan(Lists.of(event.attributes().get(UserEventTypes.BPMS)));
        long best = Math.max(current.count(), (long) Math.floor(span + 1e-9));
        return Progress.counted(current, best, SPAN, event.time());
    }

    /** The largest max - min over runs of consecutive tempi whose steps are all smooth. */
    static double widestSmoothSpan(List<String> bpms) {
        double best = 0;
        double lo = Double.NaN;
        double hi = Double.NaN;
        double previous = Double.NaN;
        for (String s : bpms) {
            double bpm = Lists.number(s);
            if (!(bpm > 0)) {
                lo = hi = previous = Double.NaN; // an unknown tempo breaks the ramp
                continue;
            }
            if (Double.isNaN(previous) || Math.abs(bpm - previous) > MAX_STEP) {
                lo = hi = bpm;
            } else {
                lo = Math.min(lo, bpm);
                hi = Math.max(hi, bpm);
            }
            previous = bpm;
            best = Math.max(best, hi - lo);
        }
        return best;
    }
}
