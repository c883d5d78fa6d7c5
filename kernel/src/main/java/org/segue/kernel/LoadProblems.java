package org.segue.kernel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Why files of {@code bundles/} or {@code plugins/} could not be installed or started, by file.
 *
 * <p>Kept by the kernel because only it sees these failures: a jar with a bad manifest never
 * becomes a bundle, and an activator's exception reaches only the caller of {@code start()}.
 * Thread-safe: written by the plugin-folder watcher, read by {@code segue plugins}.
 */
final class LoadProblems {

    /** One failure: the file, the bundle it declared (if any) and the cause in words. */
    record Problem(String file, String symbolicName, String version, String cause) {
    }

    private final Map<String, Problem> byFile = new ConcurrentHashMap<>();
    private final ConsoleLog log;

    LoadProblems(ConsoleLog log) {
        this.log = log;
    }

    /** Records a failure and reports it once on the console. */
    void report(String file, String symbolicName, String version, Throwable cause) {
        String reason = describe(cause);
        Problem problem = new Problem(file, symbolicName, version, reason);
        Problem before = byFile.put(file, problem);
        if (!problem.equals(before)) {
            String who = symbolicName == null ? file : symbolicName + " " + version + " (" + file + ")";
            log.error("plugin " + who + " failed: " + reason, log.verbose() ? cause : null);
        }
    }

    void clear(String file) {
        byFile.remove(file);
    }

    Problem get(String file) {
        return byFile.get(file);
    }

    List<Problem> all() {
        return byFile.values().stream().sorted((a, b) -> a.file().compareTo(b.file())).toList();
    }

    /** The cause chain in one line, without the exception class noise of framework wrappers. */
    static String describe(Throwable cause) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            String text = message == null || message.isBlank() ? t.getClass().getSimpleName()
                    : (t instanceof org.osgi.framework.BundleException ? message
                            : t.getClass().getSimpleName() + ": " + message);
            if (s.indexOf(text) < 0) {
                if (s.length() > 0) {
                    s.append(" <- ");
                }
                s.append(text);
            }
        }
        return s.toString();
    }
}
