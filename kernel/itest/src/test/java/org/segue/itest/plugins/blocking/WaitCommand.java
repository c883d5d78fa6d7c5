package org.segue.itest.plugins.blocking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * Test plugin: {@code segue wait} serves until cancelled, like a server; on deactivation it writes
 * the file named by the {@code segue.itest.marker} system property, proving a clean shutdown.
 */
@Component
@SegueCommand(name = "wait")
public class WaitCommand implements Command {

    @Override
    public int run(CommandContext context) throws InterruptedException {
        context.out().println("waiting");
        context.out().flush();
        while (!context.cancelled()) {
            Thread.sleep(20);
        }
        context.out().println("cancelled");
        return OK;
    }

    @Deactivate
    void deactivate() throws IOException {
        String marker = System.getProperty("segue.itest.marker");
        if (marker != null) {
            Files.writeString(Path.of(marker), "deactivated");
        }
    }
}
