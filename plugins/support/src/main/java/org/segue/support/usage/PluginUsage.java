package org.segue.support.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.segue.api.play.UserEvent;
import org.segue.api.play.UserEventTypes;

/**
 * The {@link UserEventTypes#PLUGIN_USED} tally of one piece of engine work (a track's analysis, a
 * plan, a render): one entry per plugin and component, its times summed and failed if any of its
 * calls failed (a style that plans three transitions is one use of three plans' time). Filled after
 * the audio work, so nothing is allocated per block, and recorded in one durable write.
 *
 * <p>Shared by the analysis and mix engines, which time the plugins they call.
 */
public final class PluginUsage {

    private static final class Use {
        final Class<?> pluginClass;
        final String component;
        long nanos;
        boolean ok = true;

        Use(Class<?> pluginClass, String component) {
            this.pluginClass = pluginClass;
            this.component = component;
        }
    }

    private final Map<String, Use> uses = new LinkedHashMap<>();

    /**
     * Adds time spent in the plugin whose code is {@code pluginClass}.
     *
     * @param component the component within the plugin (an effect's or style's id), or null
     */
    public synchronized void add(Class<?> pluginClass, String component, long nanos, boolean ok) {
        Use u = uses.computeIfAbsent(pluginClass.getName() + '\0' + component, k -> new Use(pluginClass, component));
        u.nanos += Math.max(0, nanos);
        u.ok &= ok;
    }

    public synchronized boolean isEmpty() {
        return uses.isEmpty();
    }

    /** The uses as events of the host user at {@code time}, in the order they were first added. */
    public synchronized List<UserEvent> events(Instant time) {
        // Ids unique to this batch: two renders may end in the same microsecond with equal
        // timings, and the log would take the second for a re-delivery of the first.
        String batch = UUID.randomUUID().toString();
        List<UserEvent> events = new ArrayList<>(uses.size());
        for (Use u : uses.values()) {
            Map<String, String> a = new HashMap<>();
            a.put(UserEventTypes.PLUGIN, bundleName(u.pluginClass));
            if (u.component != null) {
                a.put(UserEventTypes.COMPONENT, u.component);
            }
            a.put(UserEventTypes.MILLIS, String.format(Locale.ROOT, "%.3f", u.nanos / (double) TimeUnit.MILLISECONDS.toNanos(1)));
            a.put(UserEventTypes.OK, Boolean.toString(u.ok));
            a.put(UserEventTypes.EVENT_ID, "plugin.used/" + batch + "/" + events.size());
            events.add(new UserEvent(UserEventTypes.HOST_USER, UserEventTypes.PLUGIN_USED, time, a));
        }
        return events;
    }

    /**
     * The symbolic name of the bundle that holds the class; outside a framework (unit tests, a
     * class on the launcher's class path) there is none, and the class name stands in.
     */
    public static String bundleName(Class<?> type) {
        Bundle b = FrameworkUtil.getBundle(type);
        return b != null && b.getSymbolicName() != null ? b.getSymbolicName() : type.getName();
    }
}
