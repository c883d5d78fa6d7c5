package org.segue.itest.plugins.failing;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/** Test plugin whose component throws in activate: it must be reported and isolated. */
@Component(immediate = true)
@SegueCommand(name = "never")
public class FailingComponent implements Command {

    @Activate
    void activate() {
        throw new IllegalStateException("deliberate failure in activate");
    }

    @Override
    public int run(CommandContext context) {
        return OK;
    }
}
