package org.segue.plugin.server.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The server's configuration, PID {@code org.segue.server} ({@code conf/org.segue.server.cfg}). */
@ObjectClassDefinition(name = "Segue server", description = "segue serve: address, data folder, limits, CORS")
public @interface ServerConfig {

    @AttributeDefinition(description = "TCP port when segue serve gets no --port; 0 picks a free one")
    int port() default 8080;

    @AttributeDefinition(description = "Address to listen on when segue serve gets no --host")
    String host() default "127.0.0.1";

    @AttributeDefinition(description = "Data folder (accounts, libraries, jobs, mixes); empty means "
            + "$XDG_DATA_HOME/segue/server (or ~/.local/share/segue/server)")
    String dataDirectory() default "";

    @AttributeDefinition(description = "Largest JSON request body in bytes", min = "1024")
    long maxBodyBytes() default 1L << 20;

    @AttributeDefinition(description = "Largest uploaded audio file in bytes", min = "1024")
    long maxUploadBytes() default 512L << 20;

    @AttributeDefinition(description = "Sustained requests per second per token (per address before sign-in)",
            min = "0.1")
    double requestsPerSecond() default 20;

    @AttributeDefinition(description = "Requests one token may make at once", min = "1")
    int burst() default 100;

    @AttributeDefinition(description = "Sign-in attempts per minute, per user name and per address", min = "1")
    int loginAttemptsPerMinute() default 5;

    @AttributeDefinition(description = "Origins other than the server's own allowed to call the api (CORS); "
            + "* allows any")
    String[] allowedOrigins() default {};

    @AttributeDefinition(description = "Hours a bearer token works", min = "1")
    int tokenLifetimeHours() default 12;

    @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes", min = "210000")
    int passwordIterations() default 600_000;

    @AttributeDefinition(description = "Jobs (analysis, imports, mixes) run at once; 0 means one per core", min = "0")
    int jobThreads() default 0;

    @AttributeDefinition(description = "Server folders admins may import from with POST /api/imports")
    String[] importRoots() default {};

    @AttributeDefinition(description = "Connections the kernel may queue for the HTTP port before the server "
            + "accepts them (listen backlog; Linux caps it at net.core.somaxconn)", min = "1")
    int acceptQueueSize() default 1024;

    @AttributeDefinition(description = "HTTPS port when segue serve gets no --https-port; -1 serves no HTTPS, "
            + "0 picks a free port")
    int httpsPort() default -1;

    @AttributeDefinition(description = "PKCS#12 keystore with the server's private key and certificate chain, "
            + "for HTTPS; its password comes from the environment variable SEGUE_KEYSTORE_PASSWORD")
    String keystore() default "";

    @AttributeDefinition(description = "With HTTPS on, redirect plain HTTP GET and HEAD requests from other "
            + "machines to HTTPS and refuse their other requests; plain HTTP from this machine (a TLS-terminating "
            + "proxy, local scripts) is always served")
    boolean redirectPlainHttp() default true;

    @AttributeDefinition(description = "max-age in seconds of the Strict-Transport-Security header on HTTPS "
            + "answers when plain HTTP is redirected; 0 sends none", min = "0")
    long hstsSeconds() default 31_536_000L;
}
