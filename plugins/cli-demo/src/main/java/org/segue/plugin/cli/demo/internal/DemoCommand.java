package org.segue.plugin.cli.demo.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;
import org.segue.api.command.Progress;
import org.segue.api.command.SegueCommand;
import org.segue.api.mix.MixEngine;
import org.segue.api.mix.MixPlan;
import org.segue.api.mix.MixRequest;
import org.segue.api.mix.MixResult;
import org.segue.api.mix.RenderOptions;
import org.segue.api.play.Challenge;
import org.segue.api.style.TransitionPlan;

/**
 * {@code segue demo [-o DIR]}: the first thing a new user runs. Shows which plugins serve each
 * stage of the pipeline, makes the demo library (synthesised tracks, on first use) and renders a
 * real DJ mix of it into {@code DIR} (default {@code segue-demo/}), then prints the tracklist and
 * transitions.
 */
@Component
@SegueCommand(name = "demo", summary = "Renders a demo DJ mix of a synthesised library and shows the plugins of every stage")
public class DemoCommand implements Command {

    /**
     * The extension points of the api, by the service interface a plugin registers.
     *
     * @param setUp how a user sets up a plugin of this stage that waits for its configuration, or
     *        {@code null} where such plugins are internal
     */
    record Stage(String label, String serviceInterface, String setUp) {
        Stage(String label, String serviceInterface) {
            this(label, serviceInterface, null);
        }
    }

    static final List<Stage> STAGES = List.of(
            new Stage("audio decoders", "org.segue.api.audio.AudioDecoder"),
            new Stage("analyzers", "org.segue.api.analysis.Analyzer"),
            new Stage("effects", "org.segue.api.effect.Effect"),
            new Stage("DJ styles", "org.segue.api.style.DjStyle"),
            new Stage("set planners", "org.segue.api.mix.SetPlanner"),
            new Stage("time stretchers", "org.segue.api.mix.TimeStretcher"),
            new Stage("recommenders", "org.segue.api.recommend.Recommender"),
            new Stage("track libraries", "org.segue.api.library.TrackLibrary"),
            new Stage("streaming connectors", "org.segue.api.connector.StreamingConnector", "segue connect SERVICE"),
            new Stage("badges", "org.segue.api.play.Badge"),
            new Stage("challenges", "org.segue.api.play.Challenge"),
            new Stage("commands", Command.class.getName()));

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile MixEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServiceComponentRuntime scr;

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
            List<String> waiting = stage.setUp() == null ? List.of() : waitingForConfiguration(stage.serviceInterface());
            out.printf("  %-22s %2d  %s%s%n", stage.label(), providers.size(), String.join(", ", providers),
                    waiting.isEmpty() ? "" : (providers.isEmpty() ? "" : "; ") + "installed, not set up: "
                            + String.join(", ", waiting) + " (" + stage.setUp() + ")");
        }
        out.println();
        Path outDir = ctx.workingDirectory().resolve("segue-demo");
        List<String> args = ctx.arguments();
        if (args.size() == 2 && (args.get(0).equals("-o") || args.get(0).equals("--output"))) {
            outDir = ctx.workingDirectory().resolve(args.get(1));
        } else if (!args.isEmpty()) {
            ctx.err().println("usage: segue demo [-o DIR]");
            return USAGE;
        }
        MixEngine mixer = engine;
        if (mixer == null) {
            ctx.err().println("demo: no mix engine is running, so no demo mix; 'segue plugins' tells why");
            return FAILURE;
        }
        List<Path> library;
        try (Progress progress = ctx.progress("Making the demo library", DemoTrack.LIBRARY.size())) {
            library = DemoLibrary.ensure(DemoLibrary.folder(cacheRoot()), progress);
        }
        out.println("demo library: " + library.get(0).getParent() + " (" + library.size() + " synthesised tracks)");
        MixPlan plan = mixer.plan(library, MixRequest.defaults());
        MixResult result;
        try (Progress progress = ctx.progress("Rendering the demo mix", 1000)) {
            long[] shown = {0};
            result = mixer.render(plan, RenderOptions.to(outDir.resolve("mix.wav")), share -> {
                long now = Math.round(share * 1000);
                progress.advance(now - shown[0]);
                shown[0] = now;
            });
        }
        out.println();
        printTracklist(out, plan, result);
        return OK;
    }

    private static void printTracklist(PrintStream out, MixPlan plan, MixResult result) {
        for (int i = 0; i < result.sections().size(); i++) {
            MixResult.Section s = result.sections().get(i);
            out.printf(Locale.ROOT, "%s  %d. %s%n", clock(s.startSeconds()), i + 1, s.title());
            if (i + 1 < result.sections().size()) {
                TransitionPlan t = plan.transitions().get(i);
                out.printf(Locale.ROOT, "         ↳ %s, %d bars: %s%n", t.styleId(), t.lengthBars(), t.explanation());
            }
        }
        out.printf(Locale.ROOT, "%nmix: %s (%s)%ncue sheet: %s%ntracklist: %s%ntimeline picture: %s%n", result.audio(),
                clock(result.durationSeconds()), result.cueSheet(), result.tracklist(), result.timeline());
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%2d:%02d", s / 60, s % 60);
    }

    /** Where Segue keeps data it can make again: $XDG_CACHE_HOME/segue or ~/.cache/segue. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("segue");
    }

    /** Who provides a stage: what the stage's plugins are called, else the providing bundle. */
    List<String> providers(String serviceInterface) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences(serviceInterface, null);
        if (refs == null) {
            return List.of();
        }
        return Arrays.stream(refs).map(this::describe).sorted().toList();
    }

    /**
     * Components of a stage that need a configuration before they provide it: connectors exist
     * once the user gave credentials ({@code segue connect}), so without this a fresh install
     * would show none at all.
     */
    List<String> waitingForConfiguration(String serviceInterface) {
        ServiceComponentRuntime runtime = scr;
        if (runtime == null) {
            return List.of();
        }
        List<String> waiting = new ArrayList<>();
        for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
            if ("require".equals(d.configurationPolicy) && Arrays.asList(d.serviceInterfaces).contains(serviceInterface)
                    && runtime.getComponentConfigurationDTOs(d).isEmpty()) {
                Object named = d.properties.get(org.segue.api.connector.StreamingConnector.SERVICE);
                waiting.add(named != null ? String.valueOf(named) : d.name);
            }
        }
        waiting.sort(null);
        return waiting;
    }

    private String describe(ServiceReference<?> ref) {
        Object extensions = ref.getProperty(org.segue.api.audio.AudioDecoder.EXTENSIONS);
        if (extensions instanceof String[] list && list.length > 0) {
            // One bundle may hold several decoders (WAV and AIFF): the formats tell them apart.
            return list.length <= 4 ? String.join("/", list) : String.join("/", Arrays.copyOf(list, 3)) + "/…";
        }
        for (String key : ref.getPropertyKeys()) {
            if (key.startsWith("segue.") && !key.startsWith("segue.command.summary")
                    && (key.endsWith(".id") || key.endsWith(".name") || key.endsWith(".service"))) {
                return String.valueOf(ref.getProperty(key));
            }
        }
        String challenge = challengeName(ref);
        if (challenge != null) {
            return challenge;
        }
        return ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
    }

    /** A challenge's id depends on its configured period, so it is only known to the service. */
    private String challengeName(ServiceReference<?> ref) {
        if (!Arrays.asList((String[]) ref.getProperty(org.osgi.framework.Constants.OBJECTCLASS))
                .contains(Challenge.class.getName())) {
            return null;
        }
        Object service = context.getService(ref);
        try {
            return service instanceof Challenge c ? c.descriptor().name() : null;
        } catch (RuntimeException e) {
            return null; // a failing plugin is listed by its bundle
        } finally {
            if (service != null) {
                context.ungetService(ref);
            }
        }
    }
}
