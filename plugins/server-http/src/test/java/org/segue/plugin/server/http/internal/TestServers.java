package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.segue.plugin.server.http.internal.auth.AccountHooks;
import org.segue.plugin.server.http.internal.web.FakeRequest;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;
import org.segue.plugin.server.http.internal.web.Settings;
import org.segue.plugin.server.http.internal.web.SystemRoutes.PluginInfo;

/** A server core in memory on a temp folder, with cheap password hashing and its failures kept. */
final class TestServers {

    /** Low on purpose: the production count would make each test account cost half a second. */
    static final int FAST_ITERATIONS = 1000;

    final List<Throwable> failures = new ArrayList<>();
    final ServerCore core;
    final String adminPassword;

    TestServers(Path data, Settings settings, AccountHooks hooks, List<java.util.function.BiConsumer<Router, ServerCore>> routes) throws IOException {
        core = new ServerCore(data, settings, FAST_ITERATIONS, 2, "1.2.3", ServeCommand.openApi(),
                () -> List.of(new PluginInfo("org.example.good", "Good", "1.0.0", "active", null),
                        new PluginInfo("org.example.bad", "Bad", "1.0.0", "installed", "not resolved")),
                hooks, routes, Clock.systemUTC(), (what, e) -> failures.add(e));
        adminPassword = core.bootstrap(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    TestServers(Path data) throws IOException {
        this(data, Settings.defaults(), AccountHooks.NONE, List.of());
    }

    static Settings settings(int burst, List<String> origins) {
        Settings d = Settings.defaults();
        return new Settings(d.maxBodyBytes(), 4096, d.requestsPerSecond(), burst, d.loginAttemptsPerMinute(), origins,
                Duration.ofHours(1));
    }

    Reply send(FakeRequest r) {
        return core.api().handle(r);
    }

    JsonNode json(Reply reply) {
        ObjectMapper m = core.objectMapper();
        return m.valueToTree(reply.json());
    }

    /** Signs in and returns the token. */
    String login(String user, String password) {
        Reply r = send(new FakeRequest("POST", "/api/auth/login")
                .json("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").from("10.0.0." + user.length()));
        if (r.status() != 200) {
            throw new AssertionError("login of " + user + " answered " + r.status() + " " + json(r));
        }
        return json(r).get("token").asText();
    }

    /** Creates a user as admin and signs them in. */
    String user(String name) {
        String admin = login("admin", adminPassword);
        Reply r = send(new FakeRequest("POST", "/api/users").token(admin)
                .json("{\"username\":\"" + name + "\",\"password\":\"password-" + name + "\",\"role\":\"user\"}"));
        if (r.status() != 201) {
            throw new AssertionError("creating " + name + " answered " + r.status() + " " + json(r));
        }
        return login(name, "password-" + name);
    }
}
