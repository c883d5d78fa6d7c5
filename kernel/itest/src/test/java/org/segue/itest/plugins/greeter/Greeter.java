package org.segue.itest.plugins.greeter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/** Test plugin: {@code segue greet <name>}, its greeting configured through conf/. */
@Component(configurationPid = Greeter.PID)
@Designate(ocd = Greeter.Config.class)
@SegueCommand(name = "greet", summary = "Greets (integration-test plugin)")
public class Greeter implements Command {

    public static final String PID = "org.segue.itest.greeter";

    @ObjectClassDefinition(name = "Greeter", description = "Integration-test plugin")
    public @interface Config {
        @AttributeDefinition(description = "The word said before the name")
        String greeting() default "Hello";
    }

    private volatile String greeting;

    @Activate
    @Modified
    void configure(Config config) {
        greeting = config.greeting();
    }

    @Override
    public int run(CommandContext context) {
        String name = context.arguments().isEmpty() ? "world" : String.join(" ", context.arguments());
        context.out().println(greeting + ", " + name + "!");
        return OK;
    }
}
