package org.segue.plugin.cli.plugin.internal;

/**
 * A refusal with the message the user reads: what was refused and why. Nothing has been written
 * into {@code plugins/} when one is thrown before the deploy step, and the deploy step rolls back
 * before it throws.
 */
final class PluginException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginException(String message) {
        super(message);
    }

    PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
