package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.auth.AuthRoutes;
import org.segue.plugin.server.http.internal.auth.LoginThrottle;
import org.segue.plugin.server.http.internal.auth.PasswordHasher;
import org.segue.plugin.server.http.internal.auth.Role;
import org.segue.plugin.server.http.internal.auth.TokenStore;
import org.segue.plugin.server.http.internal.auth.User;
import org.segue.plugin.server.http.internal.auth.UserStore;
import org.segue.plugin.server.http.internal.jobs.JobManager;
import org.segue.plugin.server.http.internal.jobs.JobRoutes;
import org.segue.support.io.AtomicFiles;
import org.segue.plugin.server.http.internal.web.Api;
import org.segue.plugin.server.http.internal.web.RateLimiter;
import org.segue.plugin.server.http.internal.web.Router;
import org.segue.plugin.server.http.internal.web.Settings;
import org.segue.plugin.server.http.internal.web.SystemRoutes;
import org.segue.plugin.server.http.internal.web.SystemRoutes.PluginInfo;

/**
 * Everything one server keeps for one data folder, wired together: accounts, tokens, jobs, the
 * route table and the request pipeline. Plain objects, no framework: {@link ServeCommand} builds
 * one for {@code segue serve}, tests build one in memory.
 *
 * <p>Data folder layout: {@code users.json}, {@code tokens.json} (owner-only), {@code jobs/},
 * {@code users/<name>/} (each user's library, uploads, mixes), {@code initial-admin-password}.
 */
public final class ServerCore implements AutoCloseable {

    /** The name of the account made on first start. */
    public static final String FIRST_ADMIN = "admin";
    public static final String INITIAL_PASSWORD_FILE = "initial-admin-password";

    private final Path data;
    private final ObjectMapper mapper;
    private final UserStore users;
    private final TokenStore tokens;
    private final JobManager jobs;
    private final Router router = new Router();
    private final Api api;
    private final AccountHooks hooks;

    /**
     * @param data the data folder, created when missing
     * @param iterations PBKDF2 work factor for new passwords
     * @param jobThreads jobs run at once
     * @param plugins lists the installed bundles for {@code /api/plugins}
     * @param hooks provisions and deletes per-user stores
     * @param extraRoutes more routes (the music api), given the router and this core (for its jobs and folders)
     * @param errors where unexpected failures are reported
     */
    public ServerCore(Path data, Settings settings, int iterations, int jobThreads, String version, byte[] openApi,
            Supplier<List<PluginInfo>> plugins, AccountHooks hooks, List<BiConsumer<Router, ServerCore>> extraRoutes,
            Clock clock, BiConsumer<String, Throwable> errors) throws IOException {
        this.data = data;
        Files.createDirectories(data);
        this.mapper = mapper();
        this.users = new UserStore(data.resolve("users.json"), mapper, new PasswordHasher(iterations), clock);
        this.tokens = new TokenStore(data.resolve("tokens.json"), mapper, clock, settings.tokenLifetime());
        this.jobs = new JobManager(data.resolve("jobs"), mapper, clock, jobThreads, errors);
        this.hooks = new AccountHooks() {
            @Override
            public void created(String username) {
                hooks.created(username);
            }

            @Override
            public void deleted(String username) {
                jobs.deleteAll(username);
                hooks.deleted(username);
                deleteTree(userFolder(username), errors);
            }
        };
        long minute = TimeUnit.MINUTES.toNanos(1);
        new AuthRoutes(users, tokens, new LoginThrottle(settings.loginAttemptsPerMinute(), minute, System::nanoTime),
                new LoginThrottle(settings.loginAttemptsPerMinute(), minute, System::nanoTime), this.hooks)
                .register(router);
        new SystemRoutes(version, openApi, plugins).register(router);
        new JobRoutes(jobs).register(router);
        extraRoutes.forEach(r -> r.accept(router, this));
        this.api = new Api(router, users, tokens,
                new RateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime), mapper, settings,
                errors);
        for (User u : users.list()) {
            hooks.created(u.username());
        }
    }

    /** The JSON mapper of the api: unknown request fields are errors, so typos do not pass silently. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /**
     * On a first start (no accounts), creates {@value #FIRST_ADMIN} with a random password, prints it
     * once and writes it to {@code DATA/initial-admin-password} (mode 0600).
     *
     * @return the password, or {@code null} when accounts already existed
     */
    public String bootstrap(PrintStream out) throws IOException {
        if (!users.isEmpty()) {
            return null;
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        users.create(FIRST_ADMIN, password, Role.ADMIN);
        hooks.created(FIRST_ADMIN);
        Path file = data.resolve(INITIAL_PASSWORD_FILE);
        AtomicFiles.writeBytes(file, (password + "\n").getBytes(StandardCharsets.UTF_8), true);
        out.println("Created the first account: user " + FIRST_ADMIN + ", password " + password);
        out.println("(also in " + file + ", readable by you only; change it with PUT /api/me/password)");
        return password;
    }

    /** {@code DATA/users/<name>}: everything one user owns on disk. */
    public Path userFolder(String username) {
        return data.resolve("users").resolve(username);
    }

    private static void deleteTree(Path root, BiConsumer<String, Throwable> errors) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            errors.accept("deleting " + root, e);
        }
    }

    public Api api() {
        return api;
    }

    public Router router() {
        return router;
    }

    public UserStore users() {
        return users;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public JobManager jobs() {
        return jobs;
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    public Path data() {
        return data;
    }

    @Override
    public void close() {
        jobs.close();
    }
}
