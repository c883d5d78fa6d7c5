package org.segue.plugin.server.http.internal;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * Waits until the api answers over real HTTP: Jetty listening is not enough, the whiteboard must
 * also have picked up the servlet, and only then is "listening" printed (scripts and tests start
 * on that line).
 */
final class ReadyProbe {

    private ReadyProbe() {
    }

    static void await(URI health, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                lastStatus = c.getResponseCode();
                c.getInputStream().close();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the api did not answer " + health + " within " + timeout.toSeconds()
                + " s (last status " + lastStatus + (last == null ? "" : ", " + last) + ")");
    }

    /** Where to reach a server bound to {@code host} from this machine. */
    static String loopbackFor(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
