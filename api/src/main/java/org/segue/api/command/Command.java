package org.segue.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code segue <name>} command, contributed by a bundle as a service.
 *
 * <p>Who calls: the kernel's command dispatcher, on the main thread of the {@code segue} process,
 * once per invocation, after all bundles present at start-up have been started. A command that
 * serves until stopped (a server, a watcher) blocks in {@link #run} and returns when
 * {@link CommandContext#cancelled()} becomes true.
 *
 * <p>Failure: a command reports user errors by printing to {@link CommandContext#err()} and
 * returning {@link #USAGE} or {@link #FAILURE}; an exception escaping {@code run} is reported by
 * the kernel with the command's name and bundle, and the process exits with {@link #FAILURE}.
 *
 * <p>Example:
 * <pre>{@code
 * @Component
 * @SegueCommand(name = "hello", summary = "Greets the user")
 * public class HelloCommand implements Command {
 *     public int run(CommandContext context) {
 *         context.out().println("hello " + String.join(" ", context.arguments()));
 *         return OK;
 *     }
 * }
 * }</pre>
 */
@ConsumerType
public interface Command {
    /** Service property (String): the word typed after {@code segue}, e.g. {@code analyze}. */
    String NAME = "segue.command.name";
    /** Service property (String): one line shown by {@code segue help}. */
    String SUMMARY = "segue.command.summary";

    /** Exit code: success. */
    int OK = 0;
    /** Exit code: the command ran and failed. */
    int FAILURE = 1;
    /** Exit code: the arguments were wrong; usage was printed. */
    int USAGE = 2;

    /**
     * Runs the command.
     *
     * @param context arguments, output streams and cancellation for this invocation
     * @return the process exit code, {@link #OK} on success
     * @throws Exception on an unexpected failure; the kernel reports it and exits with {@link #FAILURE}
     */
    int run(CommandContext context) throws Exception;
}
