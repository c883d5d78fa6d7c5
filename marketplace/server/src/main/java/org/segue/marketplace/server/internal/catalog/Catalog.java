package org.segue.marketplace.server.internal.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.segue.marketplace.server.internal.bundle.OsgiVersion;

/**
 * The catalogue in memory: the fold of every committed {@link Event}. It holds no I/O; the store
 * applies an event here only after the journal has it on disk, and replays the journal into a
 * fresh catalogue on start. Readers get immutable snapshots.
 */
public final class Catalog {

    private static final class PluginState {
        final String owner;
        final TreeMap<OsgiVersion, Release> versions = new TreeMap<>(Comparator.reverseOrder());
        final Map<String, Rating> ratings = new LinkedHashMap<>();

        PluginState(String owner) {
            this.owner = owner;
        }
    }

    private final Map<String, Account> accounts = new TreeMap<>();
    private final Map<String, Long> lastIssued = new HashMap<>();
    private final Map<String, PluginState> plugins = new TreeMap<>();
    private long generation;

    public synchronized void apply(Event event) {
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed interface.
        if (event instanceof Event.AccountRegistered e) {
            accounts.put(e.account(), new Account(e.account(), e.publicKey(), e.fingerprint(), e.at()));
            issued(e.account(), e.issued());
        } else if (event instanceof Event.ReleasePublished e) {
            Release r = new Release(e.headers(), e.account(), e.sha256(), e.size(), e.release(), e.signature(),
                    e.metadata(), e.at(), false, null, 0);
            plugins.computeIfAbsent(r.symbolicName(), k -> new PluginState(e.account())).versions.put(r.version(), r);
            issued(e.account(), e.issued());
        } else if (event instanceof Event.YankSet e) {
            PluginState p = plugins.get(e.plugin());
            p.versions.computeIfPresent(OsgiVersion.parse(e.version()), (k, r) -> r.withYank(e.yanked(), e.reason()));
            issued(e.account(), e.issued());
        } else if (event instanceof Event.RatingSet e) {
            PluginState p = plugins.get(e.plugin());
            p.ratings.remove(e.account());
            p.ratings.put(e.account(), new Rating(e.account(), e.stars(), e.review(), e.at()));
            issued(e.account(), e.issued());
        } else if (event instanceof Event.DownloadsCounted e) {
            e.counts().forEach((key, n) -> {
                int space = key.lastIndexOf(' ');
                PluginState p = plugins.get(key.substring(0, space));
                if (p != null) {
                    p.versions.computeIfPresent(OsgiVersion.parse(key.substring(space + 1)), (k, r) -> r.withDownloads(n));
                }
            });
        }
        generation++;
    }

    private void issued(String account, long issued) {
        lastIssued.merge(account, issued, Math::max);
    }

    /** How many events made this catalogue: it grows with every commit and names an index edition. */
    public synchronized long generation() {
        return generation;
    }

    public synchronized Optional<Account> account(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    /** The newest {@code issued} accepted from this account, or {@code Long.MIN_VALUE}. */
    public synchronized long lastIssued(String account) {
        return lastIssued.getOrDefault(account, Long.MIN_VALUE);
    }

    public synchronized Optional<Plugin> plugin(String symbolicName) {
        PluginState p = plugins.get(symbolicName);
        return p == null ? Optional.empty() : Optional.of(snapshot(symbolicName, p));
    }

    public synchronized List<Plugin> plugins() {
        List<Plugin> out = new ArrayList<>(plugins.size());
        plugins.forEach((name, p) -> out.add(snapshot(name, p)));
        return out;
    }

    public synchronized Optional<Release> releaseBySha256(String sha256) {
        return plugins.values().stream().flatMap(p -> p.versions.values().stream())
                .filter(r -> r.sha256().equals(sha256)).findFirst();
    }

    private static Plugin snapshot(String name, PluginState p) {
        return new Plugin(name, p.owner, new ArrayList<>(p.versions.values()), new ArrayList<>(p.ratings.values()));
    }
}
