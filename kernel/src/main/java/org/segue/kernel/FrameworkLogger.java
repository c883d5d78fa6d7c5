package org.segue.kernel;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogLevel;

/**
 * Sends the Felix framework's own messages (resolver errors, listener failures) to the
 * {@link ConsoleLog} instead of Felix's default {@code System.out} printing.
 */
final class FrameworkLogger extends Logger {

    private final ConsoleLog log;

    FrameworkLogger(ConsoleLog log) {
        this.log = log;
        setLogLevel(log.verbose() ? LOG_DEBUG : LOG_WARNING);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        LogLevel l = switch (level) {
            case LOG_ERROR -> LogLevel.ERROR;
            case LOG_WARNING -> LogLevel.WARN;
            case LOG_INFO -> LogLevel.INFO;
            default -> LogLevel.DEBUG;
        };
        log.print(l, bundle == null ? "felix" : bundle.getSymbolicName(), msg, throwable);
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        doLog(null, null, level, msg, throwable);
    }
}
