package org.segue.marketplace.server.internal.bundle;

import java.util.List;
import java.util.jar.Attributes;
import java.util.regex.Pattern;
import org.segue.marketplace.server.internal.Rejection;

/**
 * The manifest headers of a bundle the marketplace keeps: identity, and what the bundle offers and
 * needs, raw as written in the manifest. They are stored in the journal as is (the bundle's own
 * words), and parsed again when the catalogue is loaded, so a better parser never needs a
 * migration.
 */
public record BundleHeaders(String symbolicName, String version, String bundleName,
                            String importPackage, String exportPackage,
                            String requireCapability, String provideCapability,
                            String requireBundle, String fragmentHost) {

    /** A unique symbolic name: dot-separated tokens of letters, digits, '_' and '-'. */
    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final int MAX_SYMBOLIC_NAME = 200;

    /**
     * Reads and checks the headers of a bundle manifest.
     *
     * @throws Rejection when the manifest is not an OSGi R4+ bundle manifest
     */
    public static BundleHeaders read(Attributes main) throws Rejection {
        String manifestVersion = main.getValue("Bundle-ManifestVersion");
        if (!"2".equals(manifestVersion == null ? null : manifestVersion.trim())) {
            throw Rejection.badRequest("not-a-bundle",
                    "not an OSGi bundle: Bundle-ManifestVersion must be 2, was " + manifestVersion);
        }
        String bsnHeader = main.getValue("Bundle-SymbolicName");
        if (bsnHeader == null || bsnHeader.isBlank()) {
            throw Rejection.badRequest("not-a-bundle", "not an OSGi bundle: no Bundle-SymbolicName");
        }
        String versionHeader = main.getValue("Bundle-Version");
        if (versionHeader == null || versionHeader.isBlank()) {
            throw Rejection.badRequest("bad-manifest", "Bundle-Version is missing; the marketplace needs an explicit version");
        }
        BundleHeaders headers = new BundleHeaders(bsnHeader, versionHeader, main.getValue("Bundle-Name"),
                main.getValue("Import-Package"), main.getValue("Export-Package"),
                main.getValue("Require-Capability"), main.getValue("Provide-Capability"),
                main.getValue("Require-Bundle"), main.getValue("Fragment-Host"));
        headers.validate();
        return headers;
    }

    private void validate() throws Rejection {
        String bsn;
        OsgiVersion v;
        try {
            List<Clause> clauses = HeaderParser.parse(symbolicName);
            if (clauses.size() != 1 || clauses.get(0).paths().size() != 1) {
                throw new IllegalArgumentException("exactly one symbolic name expected");
            }
            bsn = clauses.get(0).paths().get(0);
            v = OsgiVersion.parse(version);
            for (String header : new String[] {importPackage, exportPackage, requireCapability,
                    provideCapability, requireBundle, fragmentHost}) {
                HeaderParser.parse(header);
            }
            for (Clause c : HeaderParser.parse(importPackage)) {
                if (c.attribute("version") != null) {
                    VersionRange.parse(c.attribute("version"));
                }
            }
            for (Clause c : HeaderParser.parse(exportPackage)) {
                if (c.attribute("version") != null) {
                    OsgiVersion.parse(c.attribute("version"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("bad-manifest", "malformed bundle manifest: " + e.getMessage());
        }
        if (bsn.length() > MAX_SYMBOLIC_NAME || !SYMBOLIC_NAME.matcher(bsn).matches()) {
            throw Rejection.badRequest("bad-manifest", "Bundle-SymbolicName '" + abbreviate(bsn)
                    + "' is not a valid symbolic name (dot-separated letters, digits, '_' and '-')");
        }
        if (v.toString().length() > 64) {
            throw Rejection.badRequest("bad-manifest", "Bundle-Version is longer than 64 characters");
        }
    }

    /** The symbolic name without directives such as {@code singleton:=true}. */
    public String name() {
        return HeaderParser.parse(symbolicName).get(0).paths().get(0);
    }

    public OsgiVersion osgiVersion() {
        return OsgiVersion.parse(version);
    }

    public List<Clause> imports() {
        return HeaderParser.parse(importPackage);
    }

    public List<Clause> exports() {
        return HeaderParser.parse(exportPackage);
    }

    public List<Clause> requiredCapabilities() {
        return HeaderParser.parse(requireCapability);
    }

    public List<Clause> providedCapabilities() {
        return HeaderParser.parse(provideCapability);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
