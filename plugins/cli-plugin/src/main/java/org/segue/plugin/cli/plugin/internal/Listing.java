package org.segue.plugin.cli.plugin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.segue.api.command.Command;
import org.segue.api.command.CommandContext;

/**
 * What {@code search}, {@code info} and {@code list} print. Search runs over the verified index
 * itself, not the server's search API, so what a user sees is exactly what the marketplace signed.
 */
final class Listing {

    static final Set<String> CATEGORIES = Set.of("analyzer", "effect", "style", "recommender", "connector", "badge");

    private Listing() {
    }

    static int search(CommandContext ctx, Index index, List<String> args, Installed installed) {
        List<String> words = new ArrayList<>(args);
        String category = PluginCommand.option(words, "--category");
        if (category != null && !CATEGORIES.contains(category)) {
            throw new PluginException("--category must be one of " + String.join(", ", CATEGORIES.stream().sorted().toList()));
        }
        int shown = 0;
        for (Index.Plugin p : index.plugins()) {
            if (category != null && !category.equals(p.category())) {
                continue;
            }
            String text = String.join(" ", p.symbolicName(), p.name(), p.summary(), p.description(), p.category(),
                    p.publisher()).toLowerCase(Locale.ROOT);
            if (!words.stream().allMatch(w -> text.contains(w.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            String latest = p.latest().map(r -> r.version().toString()).orElse("(all yanked)");
            String mark = installed.bySymbolicName(p.symbolicName()).map(b -> "  [installed " + b.version() + "]").orElse("")
                    + p.latest().map(r -> incompatible(r, installed)).filter(m -> !m.isEmpty())
                            .map(m -> "  [not for this Segue: needs " + m + "]").orElse("");
            ctx.out().printf("%-40s %-12s %-9s %s%s%n", p.symbolicName(), latest, p.category(), p.summary(), mark);
            shown++;
        }
        if (shown == 0) {
            ctx.err().println("no plugin matches" + (words.isEmpty() ? "" : " \"" + String.join(" ", words) + "\"")
                    + (category == null ? "" : " in category " + category));
        }
        return Command.OK;
    }

    static int info(CommandContext ctx, Index index, String name, Installed installed, Keys trusted) {
        Index.Plugin p = index.plugin(name).orElseThrow(() -> new PluginException("no plugin " + name + " in the marketplace"));
        var key = index.accounts().get(p.publisher());
        ctx.out().println(p.name() + " (" + p.symbolicName() + ")");
        ctx.out().println("  " + p.summary());
        if (!p.description().isBlank()) {
            ctx.out().println("  " + p.description());
        }
        ctx.out().println("category:  " + p.category());
        ctx.out().println("publisher: " + p.publisher() + (key == null ? " (no key)" : " " + Keys.fingerprint(key)
                + (trusted.trusts(key) ? " (trusted)" : " (NOT trusted: `segue plugin trust " + p.publisher() + " "
                        + Keys.fingerprint(key) + "`)")));
        ctx.out().println("license:   " + p.license());
        ctx.out().println("homepage:  " + p.homepage());
        ctx.out().println("downloads: " + p.downloads());
        installed.bySymbolicName(name).ifPresent(b -> ctx.out().println("installed: " + b.version()));
        ctx.out().println("versions:");
        for (Index.Release r : p.versions()) {
            String missing = incompatible(r, installed);
            ctx.out().println("  " + r.version() + (r.yanked() ? " (yanked)" : "") + "  " + r.size() + " bytes  api "
                    + r.apiImports() + (missing.isEmpty() ? "" : "  not for this Segue: needs " + missing));
        }
        return Command.OK;
    }

    /**
     * The api packages a release imports that this Segue does not export in range, from the index's
     * {@code apiImports}, so a user sees it before downloading; empty when compatible.
     */
    static String incompatible(Index.Release release, Installed installed) {
        StringBuilder imports = new StringBuilder();
        release.apiImports().forEach((pkg, range) -> imports.append(imports.length() == 0 ? "" : ",")
                .append(pkg).append(";version=\"").append(range).append('"'));
        JarInspector.BundleInfo wants = new JarInspector.BundleInfo("", release.version(),
                Clauses.parse(imports.toString()), List.of(), false);
        List<Installed.Export> exports = new ArrayList<>();
        installed.bundles().forEach(b -> exports.addAll(b.exports()));
        try {
            return String.join(", ", Requirements.missing(wants, exports));
        } catch (PluginException e) {
            return e.getMessage();
        }
    }

    static int list(CommandContext ctx, Installed installed) {
        int n = 0;
        for (Installed.Entry b : installed.bundles()) {
            if (!b.isPlugin()) {
                continue;
            }
            ctx.out().printf("%-40s %-14s %-9s %s%n", b.symbolicName(), b.version(), state(b.state()), b.file().getFileName());
            n++;
        }
        if (n == 0) {
            ctx.out().println("no plugins installed in plugins/ (find some with `segue plugin search`)");
        }
        return Command.OK;
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "state " + state;
        };
    }
}
