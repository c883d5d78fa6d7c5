package org.segue.plugin.badge.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.segue.api.play.UserEvent;

/** Events for the badge tests: minute {@code m} after a fixed start, attributes as name, value pairs. */
final class Events {

    static final Instant T0 = Instant.parse("2026-05-01T20:00:00Z");

    private Events() {
    }

    static UserEvent at(String user, int minute, String type, String... attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new UserEvent(user, type, T0.plusSeconds(60L * minute), map);
    }

    /** {@code n} events made by {@code make.apply(i)}. */
    static List<UserEvent> times(int n, java.util.function.IntFunction<UserEvent> make) {
        List<UserEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(make.apply(i));
        }
        return out;
    }
}
