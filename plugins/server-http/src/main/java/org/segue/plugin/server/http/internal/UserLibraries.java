package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.segue.api.library.TrackLibrary;
import org.segue.plugin.server.http.internal.auth.AccountHooks;

/**
 * One private library per user: a Config Admin factory configuration of {@code library-lucene}'s
 * per-user component ({@value #FACTORY_PID}, named after the user), whose index lives in
 * {@code DATA/users/<name>/library}; the library is then the {@link TrackLibrary} service with
 * {@code (segue.library.owner=<name>)}. Configurations live in this process's Config Admin, so
 * they are made again for every account at each start.
 */
public final class UserLibraries implements AccountHooks {

    public static final String FACTORY_PID = "org.segue.library.lucene.user";

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final Path data;
    private final BiConsumer<String, Throwable> errors;
    /**
     * Services got once per registration and kept until the server stops (the kernel's shutdown
     * releases them): getting one per request would count the reference up without end.
     */
    private final Map<ServiceReference<TrackLibrary>, TrackLibrary> held = new ConcurrentHashMap<>();

    public UserLibraries(BundleContext context, ConfigurationAdmin configAdmin, Path data,
            BiConsumer<String, Throwable> errors) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.data = data;
        this.errors = errors;
    }

    @Override
    public void created(String username) {
        try {
            Configuration c = configAdmin.getFactoryConfiguration(FACTORY_PID, username, "?");
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("indexDirectory", data.resolve("users").resolve(username).resolve("library").toString());
            props.put(TrackLibrary.OWNER, username);
            c.updateIfDifferent(props);
        } catch (IOException e) {
            errors.accept("configuring the library of " + username, e);
        }
    }

    @Override
    public void deleted(String username) {
        held.keySet().removeIf(ref -> {
            if (username.equals(ref.getProperty(TrackLibrary.OWNER))) {
                context.ungetService(ref);
                return true;
            }
            return false;
        });
        try {
            Configuration[] found = configAdmin.listConfigurations(
                    "(service.pid=" + FACTORY_PID + "~" + username + ")");
            if (found != null) {
                for (Configuration c : found) {
                    c.delete();
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            errors.accept("removing the library of " + username, e);
        }
    }

    /**
     * The user's library, waiting up to {@code wait} for it to appear (right after the account was
     * made, Declarative Services activates it asynchronously).
     */
    public Optional<TrackLibrary> library(String username, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                Collection<ServiceReference<TrackLibrary>> refs = context.getServiceReferences(TrackLibrary.class,
                        "(" + TrackLibrary.OWNER + "=" + username + ")");
                for (ServiceReference<TrackLibrary> ref : refs) {
                    TrackLibrary lib = held.computeIfAbsent(ref, r -> context.getService(r));
                    if (lib != null) {
                        return Optional.of(lib);
                    }
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("bad user name for a filter: " + username, e);
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
