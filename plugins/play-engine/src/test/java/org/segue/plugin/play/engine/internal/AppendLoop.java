package org.segue.plugin.play.engine.internal;

import java.nio.file.Path;

/**
 * Child process of {@link KillNineTest}: appends events to the log in the folder given, and prints
 * {@code ok N} after the N-th append returned (is committed), until killed.
 */
public final class AppendLoop {

    private AppendLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (EventFile f = new EventFile(Path.of(args[0]).resolve("events.log"))) {
            f.readNew(e -> { });
            for (int i = 0; ; i++) {
                int n = i;
                f.locked(() -> {
                    f.append(EventFileTest.event(n));
                    return null;
                });
                System.out.println("ok " + (i + 1));
                System.out.flush();
            }
        }
    }
}
