package org.segue.plugin.cli.demo.internal;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.SegueCommand;

/**
 * {@code segue demo}: the first thing a new user runs. Shows which plugins serve each stage of the
 * pipeline, then the plugin list; the mixing stages turn it into a demo mix of the embedded library
 * as they land.
 */
@Component
@SegueCommand(name = "demo", summary = "Shows what this Segue can do, stage by stage, with its plugins")
public class DemoCommand implements Command {

    /** The extension points of the api, by the service interface a plugin registers. */
    record Stage(String label, String serviceInterface) {
    }

    static final List<Stage> STAGES = List.of(
            new Stage("audio decoders", "org.segue.api.audio.AudioDecoder"),
            new Stage("analyzers", "org.segue.api.analysis.Analyzer"),
            new Stage("effects", "org.segue.api.effect.Effect"),
            new Stage("DJ styles", "org.segue.api.style.DjStyle"),
            new Stage("recommenders", "org.segue.api.recommend.Recommender"),
            new Stage("track libraries", "org.segue.api.library.TrackLibrary"),
            new Stage("streaming connectors", "org.segue.api.connector.StreamingConnector"),
            new Stage("badges", "org.segue.api.play.Badge"),
            new Stage("challenges", "org.segue.api.play.Challenge"),
            new Stage("commands", Command.class.getName()));

    private final BundleContext context;

    @Activate
    public DemoCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public int run(CommandContext ctx) throws Exception {
        PrintStream out = ctx.out();
        out.println("Segue: a DJ in a box you can extend. Every stage below is a plugin.");
        out.println();
        for (Stage stage : STAGES) {
            List<String> providers = providers(stage.serviceInterface());
            out.printf("  %-22s %2d  %s%n", stage.label(), providers.size(), String.join(", ", providers));
        }
        out.println();
        ServiceReference<?>[] plugins = context.getServiceReferences(Command.class.getName(),
                "(" + Command.NAME + "=plugins)");
        if (plugins == null) {
            ctx.err().println("demo: the 'plugins' command is not available");
            return FAILURE;
        }
        Command list = (Command) context.getService(plugins[0]);
        try {
            return list.run(ctx);
        } finally {
            context.ungetService(plugins[0]);
        }
    }

    /** Who provides a stage: the id property the stage defines, else the providing bundle. */
    List<String> providers(String serviceInterface) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(serviceInterface, null);
        if (refs == null) {
            return List.of();
        }
        return java.util.Arrays.stream(refs).map(DemoCommand::describe).sorted().toList();
    }

    private static String describe(ServiceReference<?> ref) {
        for (String key : ref.getPropertyKeys()) {
            if (key.startsWith("segue.") && (key.endsWith(".id") || key.endsWith(".name") || key.endsWith(".service"))) {
                return String.valueOf(ref.getProperty(key));
            }
        }
        return ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
    }
}
