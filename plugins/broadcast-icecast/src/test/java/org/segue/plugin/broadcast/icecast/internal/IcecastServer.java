package org.segue.plugin.broadcast.icecast.internal;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Icecast 2.4 server (Debian's icecast2) on a free loopback port, with its configuration in
 * a temporary folder and its logs on standard error. As root, Icecast insists on dropping to its own
 * user ({@code changeowner}). Skipped where icecast2 is missing, unless CI says
 * {@code SEGUE_REQUIRE_PEERS=1}.
 */
final class IcecastServer implements AutoCloseable {
    static final String ICECAST = "/usr/bin/icecast2";
    static final String SOURCE_PASSWORD = "hack me:now";

    final URI base;
    private final Process process;
    private final Path log;

    private IcecastServer(URI base, Process process, Path log) {
        this.base = base;
        this.process = process;
        this.log = log;
    }

    static void assumeInstalled() {
        boolean installed = Files.isExecutable(Path.of(ICECAST)) && Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
        if (!installed && "1".equals(System.getenv("SEGUE_REQUIRE_PEERS"))) {
            fail("icecast2 and ffmpeg must be installed (apt-get install icecast2 ffmpeg)");
        }
        assumeTrue(installed, "icecast2 or ffmpeg is not installed");
    }

    static IcecastServer start(Path folder) throws IOException, InterruptedException {
        assumeInstalled();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        String config = """
                <icecast>
                  <limits><clients>20</clients><sources>4</sources><queue-size>524288</queue-size>
                    <burst-size>65535</burst-size><source-timeout>10</source-timeout></limits>
                  <authentication><source-password>%s</source-password>
                    <admin-user>admin</admin-user><admin-password>admin-%d</admin-password></authentication>
                  <hostname>127.0.0.1</hostname>
                  <listen-socket><port>%d</port><bind-address>127.0.0.1</bind-address></listen-socket>
                  <paths><basedir>/usr/share/icecast2</basedir><logdir>/tmp</logdir>
                    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
                  <logging><accesslog>-</accesslog><errorlog>-</errorlog><loglevel>3</loglevel></logging>
                  <security><chroot>0</chroot>%s</security>
                </icecast>
                """.formatted(SOURCE_PASSWORD, port, port,
                root ? "<changeowner><user>icecast2</user><group>icecast</group></changeowner>" : "");
        Path file = folder.resolve("icecast.xml");
        Files.writeString(file, config, StandardCharsets.UTF_8);
        Path log = folder.resolve("icecast.log");
        Process process = new ProcessBuilder(ICECAST, "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        IcecastServer server = new IcecastServer(URI.create("http://127.0.0.1:" + port + "/"), process, log);
        server.awaitUp();
        return server;
    }

    /** Icecast's status page as JSON text. */
    String status() throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("status-json.xsl"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("icecast2 exited: " + Files.readString(log));
            }
            try {
                if (status().contains("icestats")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IOException("icecast2 did not answer within 20 s: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
