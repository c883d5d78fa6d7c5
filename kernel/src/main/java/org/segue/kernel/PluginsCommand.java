package org.segue.kernel;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;

/**
 * {@code segue plugins}: every bundle with its version and state and, for failures, why: a file
 * that is not a bundle, an import nobody exports, an activator that threw, or a Declarative
 * Services component that failed to activate or waits for a service or configuration.
 */
final class PluginsCommand implements Command {

    private final BundleContext context;
    private final LoadProblems problems;
    private final KernelSettings settings;

    PluginsCommand(BundleContext context, LoadProblems problems, KernelSettings settings) {
        this.context = context;
        this.problems = problems;
        this.settings = settings;
    }

    /** One row of the listing. */
    record Row(long id, String state, String symbolicName, String version, String from, List<String> problems) {
    }

    @Override
    public int run(CommandContext ctx) {
        List<Row> rows = rows();
        PrintStream out = ctx.out();
        out.printf("%4s  %-9s %-44s %-22s %-8s%n", "ID", "STATE", "BUNDLE", "VERSION", "FROM");
        int failed = 0;
        for (Row r : rows) {
            out.printf("%4s  %-9s %-44s %-22s %-8s%n", r.id() < 0 ? "-" : String.valueOf(r.id()),
                    r.state(), r.symbolicName(), r.version(), r.from());
            for (String p : r.problems()) {
                out.println("      why: " + p);
            }
            if (!r.problems().isEmpty()) {
                failed++;
            }
        }
        out.printf("%d bundles, %d with problems%n", rows.size(), failed);
        return OK;
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Set<String> filesWithBundles = new HashSet<>();
        ServiceReference<ServiceComponentRuntime> scrRef = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = scrRef == null ? null : context.getService(scrRef);
        try {
            for (Bundle b : context.getBundles()) {
                String file = fileName(b.getLocation());
                filesWithBundles.add(file);
                List<String> why = new ArrayList<>();
                boolean fragment = b.getHeaders().get(org.osgi.framework.Constants.FRAGMENT_HOST) != null;
                LoadProblems.Problem recorded = problems.get(file);
                if (b.getState() != Bundle.ACTIVE && !fragment && b.getBundleId() != 0) {
                    if (recorded != null) {
                        why.add(recorded.cause());
                    } else if (b.getState() == Bundle.INSTALLED) {
                        why.addAll(missingRequirements(b));
                    }
                } else if (recorded != null) {
                    why.add(recorded.cause());
                }
                if (scr != null && b.getState() == Bundle.ACTIVE) {
                    why.addAll(componentProblems(scr, b));
                }
                rows.add(new Row(b.getBundleId(), state(b, fragment), b.getSymbolicName(),
                        b.getVersion().toString(), from(b), why));
            }
        } finally {
            if (scr != null) {
                context.ungetService(scrRef);
            }
        }
        for (LoadProblems.Problem p : problems.all()) {
            if (!filesWithBundles.contains(p.file())) {
                rows.add(new Row(-1, "INVALID", p.symbolicName() == null ? p.file() : p.symbolicName(),
                        p.version() == null ? "-" : p.version(), "plugins", List.of(p.cause())));
            }
        }
        return rows;
    }

    private List<String> missingRequirements(Bundle bundle) {
        List<String> missing = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (revision == null) {
            return missing;
        }
        for (BundleRequirement req : revision.getDeclaredRequirements(null)) {
            boolean optional = Namespace.RESOLUTION_OPTIONAL.equals(
                    req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
            if (!optional && wiring.findProviders(req).isEmpty()) {
                missing.add("missing requirement " + req.getNamespace() + " "
                        + req.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
            }
        }
        return missing;
    }

    private static List<String> componentProblems(ServiceComponentRuntime scr, Bundle bundle) {
        List<String> why = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                            why.add("component " + d.name + " failed to activate: " + firstLine(c.failure));
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        List<String> refs = new ArrayList<>();
                        for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                            refs.add(r.name + (r.target == null ? "" : " " + r.target));
                        }
                        why.add("component " + d.name + " waits for " + String.join(", ", refs));
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                            why.add("component " + d.name + " needs configuration " + String.join(", ", d.configurationPid));
                    default -> {
                        // satisfied or active: nothing to explain
                    }
                }
            }
        }
        return why;
    }

    private String from(Bundle b) {
        if (b.getBundleId() == 0) {
            return "kernel";
        }
        String location = b.getLocation();
        if (location.contains(settings.plugins().toUri().toString())) {
            return "plugins";
        }
        if (location.contains(settings.bundles().toUri().toString())) {
            return "bundles";
        }
        return "other";
    }

    private static String state(Bundle b, boolean fragment) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> fragment ? "FRAGMENT" : "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** SCR's failure text carries the whole stack trace; the listing shows what happened. */
    static String firstLine(String text) {
        if (text == null) {
            return "unknown cause";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }

    static String fileName(String location) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(slash + 1);
    }
}
