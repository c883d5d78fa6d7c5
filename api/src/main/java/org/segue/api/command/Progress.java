package org.segue.api.command;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Progress of one long task, shown to the user by whoever created it (a terminal bar for the
 * command line). Thread-safe: workers may advance it concurrently.
 */
@ProviderType
public interface Progress extends AutoCloseable {

    /** Marks {@code units} more units of work as done. */
    void advance(long units);

    /** Replaces the short status text shown beside the bar, e.g. the file being worked on. */
    void status(String text);

    /** Ends the display; further calls are ignored. */
    @Override
    void close();
}
