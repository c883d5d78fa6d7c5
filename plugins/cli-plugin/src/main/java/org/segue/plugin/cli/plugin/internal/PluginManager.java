package org.segue.plugin.cli.plugin.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.Version;

/**
 * Install, update and remove, in the order that keeps {@code plugins/} clean: everything the
 * marketplace and the publisher vouch for is checked, and every jar of the install (the plugin and
 * the dependencies it needs from the index) is downloaded and inspected, before the first byte is
 * written into {@code plugins/}. Then dependencies are deployed first; when one jar does not start
 * the ones deployed by the same command are removed again.
 */
final class PluginManager {

    /** A jar that passed every check, ready to deploy. */
    record Verified(Index.Plugin plugin, Index.Release release, byte[] jar, JarInspector.BundleInfo bundle) {
        String what() {
            return plugin.symbolicName() + " " + release.version();
        }
    }

    private final MarketplaceClient client;
    private final Keys trusted;
    private final JarInspector inspector;
    private final Deployer deployer;
    private final Supplier<Installed> framework;
    private final PrintStream log;

    PluginManager(MarketplaceClient client, Keys trusted, JarInspector inspector, Deployer deployer,
                  Supplier<Installed> framework, PrintStream log) {
        this.client = client;
        this.trusted = trusted;
        this.inspector = inspector;
        this.deployer = deployer;
        this.framework = framework;
        this.log = log;
    }

    /**
     * Installs (or upgrades to) {@code version} of {@code symbolicName}, the newest when null.
     *
     * @return what was deployed, dependencies first; empty when it was already installed
     */
    List<Verified> install(Index index, String symbolicName, Version version) {
        Index.Plugin plugin = index.plugin(symbolicName).orElseThrow(() -> new PluginException(
                "no plugin " + symbolicName + " in the marketplace at " + client.base() + " (try `segue plugin search`)"));
        Index.Release release = (version == null ? plugin.latest() : plugin.version(version)).orElseThrow(() ->
                new PluginException(symbolicName + (version == null ? " has no version that is not yanked"
                        : " has no version " + version + " (see `segue plugin info " + symbolicName + "`)")));
        Installed installed = framework.get();
        Optional<Installed.Entry> existing = installed.bySymbolicName(symbolicName);
        if (existing.isPresent()) {
            checkReplaceable(existing.get(), release.version());
            if (existing.get().version().equals(release.version())) {
                return List.of();
            }
        }
        Verified main = verify(index, plugin, release);
        Map<String, Verified> plan = new LinkedHashMap<>();
        resolve(index, main, installed, plan);
        plan.put(symbolicName, main);

        List<Verified> deployed = new ArrayList<>();
        for (Verified v : plan.values()) {
            Path previous = installed.bySymbolicName(v.plugin().symbolicName()).map(Installed.Entry::file).orElse(null);
            try {
                log.println((previous == null ? "installing " : "updating to ") + v.what());
                deployer.deploy(v.what(), Deployer.fileName(v.plugin().symbolicName(), v.release().version()), v.jar(), previous);
            } catch (PluginException e) {
                for (int i = deployed.size() - 1; i >= 0; i--) {
                    Verified d = deployed.get(i);
                    Path file = framework.get().bySymbolicName(d.plugin().symbolicName()).map(Installed.Entry::file).orElse(null);
                    if (file != null) {
                        deployer.remove(d.what(), file);
                    }
                }
                throw e;
            }
            deployed.add(v);
        }
        return deployed;
    }

    /** A system bundle or a newer plugin of the same name is never replaced. */
    static void checkReplaceable(Installed.Entry existing, Version offered) {
        String bsn = existing.symbolicName();
        if (!existing.isPlugin()) {
            throw new PluginException(bsn + " is a bundle of Segue itself (not from plugins/): a marketplace plugin "
                    + "may not take its symbolic name (forged or duplicate symbolic name), refused");
        }
        if (existing.version().compareTo(offered) > 0) {
            throw new PluginException(bsn + " " + existing.version() + " is installed; " + offered
                    + " would be a version downgrade, refused (remove it first if you mean it)");
        }
    }

    /** Downloads and checks one release; nothing is written to plugins/. */
    Verified verify(Index index, Index.Plugin plugin, Index.Release release) {
        String what = plugin.symbolicName() + " " + release.version();
        ReleaseCheck.Signed signed = ReleaseCheck.verify(index, plugin, release, trusted);
        byte[] jar = client.download(what, release.url(), signed.size());
        ReleaseCheck.checkArtifact(what, signed, jar);
        JarInspector.BundleInfo bundle;
        Path temp = null;
        try {
            // Outside plugins/: the kernel must never see a jar that is still being inspected.
            temp = Files.createTempFile("segue-plugin-", ".jar");
            Files.write(temp, jar);
            bundle = inspector.inspect(temp, what, jar.length);
        } catch (IOException e) {
            throw new PluginException(what + ": cannot stage the download for inspection: " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left in the temp folder; the system cleans it
                }
            }
        }
        if (!bundle.symbolicName().equals(plugin.symbolicName())) {
            throw new PluginException(what + ": the jar's Bundle-SymbolicName is " + bundle.symbolicName()
                    + ", not " + plugin.symbolicName() + " as listed: forged symbolic name, refused");
        }
        if (!bundle.version().equals(release.version())) {
            throw new PluginException(what + ": the jar's Bundle-Version is " + bundle.version() + ", not "
                    + release.version() + " as listed, refused");
        }
        return new Verified(plugin, release, jar, bundle);
    }

    /** Adds to {@code plan} the index plugins {@code v} needs, dependencies first. */
    private void resolve(Index index, Verified v, Installed installed, Map<String, Verified> plan) {
        List<Installed.Export> available = new ArrayList<>();
        installed.bundles().stream().filter(b -> !b.symbolicName().equals(v.plugin().symbolicName()))
                .forEach(b -> available.addAll(b.exports()));
        plan.values().forEach(p -> available.addAll(Requirements.exports(p.bundle())));
        List<String> missing = Requirements.missing(v.bundle(), available);
        for (Index.Plugin candidate : index.plugins()) {
            if (missing.isEmpty()) {
                break;
            }
            if (candidate.symbolicName().equals(v.plugin().symbolicName()) || plan.containsKey(candidate.symbolicName())
                    || installed.bySymbolicName(candidate.symbolicName()).isPresent() || candidate.latest().isEmpty()) {
                continue;
            }
            // Only the candidate's own jar says what it exports: a dependency is verified like the plugin.
            Verified dep = verify(index, candidate, candidate.latest().get());
            List<Installed.Export> offered = Requirements.exports(dep.bundle());
            List<String> stillMissing = Requirements.missing(v.bundle(), concat(available, offered));
            if (stillMissing.size() < missing.size()) {
                resolve(index, dep, installed, plan);
                plan.put(candidate.symbolicName(), dep);
                available.addAll(offered);
                missing = stillMissing;
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginException(v.what() + " needs " + String.join(", ", missing)
                    + ", which neither this Segue nor any plugin of the marketplace exports: it would not resolve, refused");
        }
    }

    private static List<Installed.Export> concat(List<Installed.Export> a, List<Installed.Export> b) {
        List<Installed.Export> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
