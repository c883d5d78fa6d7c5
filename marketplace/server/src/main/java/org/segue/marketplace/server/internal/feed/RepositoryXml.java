package org.segue.marketplace.server.internal.feed;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.segue.marketplace.server.internal.bundle.BundleHeaders;
import org.segue.marketplace.server.internal.bundle.Clause;
import org.segue.marketplace.server.internal.bundle.VersionRange;
import org.segue.marketplace.server.internal.catalog.Plugin;
import org.segue.marketplace.server.internal.catalog.Release;

/**
 * The catalogue as an OSGi Repository (Repository Service specification, chapter 132, XML
 * namespace {@value #NAMESPACE}): every version not yanked is a resource with its identity, its
 * content (SHA-256, URL, size, MIME type) and the capabilities and requirements its manifest
 * declares, translated the way the framework reads them, so bnd, the Felix resolver or any other
 * standard resolver can pick plugins and their dependencies from it.
 */
public final class RepositoryXml {

    public static final String NAMESPACE = "http://www.osgi.org/xmlns/repository/v1.0.0";
    public static final String BUNDLE_MIME = "application/vnd.osgi.bundle";

    private RepositoryXml() {
    }

    public static byte[] write(List<Plugin> plugins, long generation, String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("repository");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeAttribute("name", "Segue marketplace");
            x.writeAttribute("increment", Long.toString(generation));
            for (Plugin p : plugins) {
                for (Release r : p.versions()) {
                    if (!r.yanked()) {
                        resource(x, r, IndexJson.downloadUrl(baseUrl, r));
                    }
                }
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the repository XML", e);
        }
        return out.toByteArray();
    }

    private static void resource(XMLStreamWriter x, Release r, String url) throws XMLStreamException {
        BundleHeaders h = r.headers();
        String bsn = h.name();
        String version = h.osgiVersion().toString();
        boolean fragment = h.fragmentHost() != null && !h.fragmentHost().isBlank();
        x.writeStartElement("resource");

        start(x, "capability", "osgi.identity");
        attribute(x, "osgi.identity", null, bsn);
        attribute(x, "type", null, fragment ? "osgi.fragment" : "osgi.bundle");
        attribute(x, "version", "Version", version);
        x.writeEndElement();

        start(x, "capability", "osgi.content");
        attribute(x, "osgi.content", null, r.sha256());
        attribute(x, "url", null, url);
        attribute(x, "size", "Long", Long.toString(r.size()));
        attribute(x, "mime", null, BUNDLE_MIME);
        x.writeEndElement();

        if (!fragment) {
            for (String ns : new String[] {"osgi.wiring.bundle", "osgi.wiring.host"}) {
                start(x, "capability", ns);
                attribute(x, ns, null, bsn);
                attribute(x, "bundle-version", "Version", version);
                x.writeEndElement();
            }
        }
        for (Clause c : h.exports()) {
            for (String pkg : c.paths()) {
                start(x, "capability", "osgi.wiring.package");
                attribute(x, "osgi.wiring.package", null, pkg);
                attribute(x, "version", "Version", c.attribute("version") == null ? "0.0.0" : c.attribute("version"));
                attribute(x, "bundle-symbolic-name", null, bsn);
                attribute(x, "bundle-version", "Version", version);
                for (Map.Entry<String, String> a : c.attributes().entrySet()) {
                    if (!a.getKey().equals("version") && !a.getKey().equals("specification-version")) {
                        attribute(x, a.getKey(), c.types().get(a.getKey()), a.getValue());
                    }
                }
                directives(x, c.directives());
                x.writeEndElement();
            }
        }
        for (Clause c : h.providedCapabilities()) {
            for (String ns : c.paths()) {
                start(x, "capability", ns);
                for (Map.Entry<String, String> a : c.attributes().entrySet()) {
                    attribute(x, a.getKey(), c.types().get(a.getKey()), a.getValue());
                }
                directives(x, c.directives());
                x.writeEndElement();
            }
        }
        for (Clause c : h.imports()) {
            for (String pkg : c.paths()) {
                String range = c.attribute("version");
                String filter = "(osgi.wiring.package=" + pkg + ")";
                if (range != null) {
                    filter = "(&" + filter + VersionRange.parse(range).filter("version") + ")";
                }
                requirement(x, "osgi.wiring.package", filter, c.directive("resolution"));
            }
        }
        requireBy(x, "osgi.wiring.bundle", h.requireBundle());
        requireBy(x, "osgi.wiring.host", h.fragmentHost());
        for (Clause c : h.requiredCapabilities()) {
            for (String ns : c.paths()) {
                start(x, "requirement", ns);
                for (Map.Entry<String, String> a : c.attributes().entrySet()) {
                    attribute(x, a.getKey(), c.types().get(a.getKey()), a.getValue());
                }
                directives(x, c.directives());
                x.writeEndElement();
            }
        }
        x.writeEndElement();
    }

    private static void requireBy(XMLStreamWriter x, String ns, String header) throws XMLStreamException {
        for (Clause c : org.segue.marketplace.server.internal.bundle.HeaderParser.parse(header)) {
            for (String name : c.paths()) {
                String filter = "(" + ns + "=" + name + ")";
                String range = c.attribute("bundle-version");
                if (range != null) {
                    filter = "(&" + filter + VersionRange.parse(range).filter("bundle-version") + ")";
                }
                requirement(x, ns, filter, c.directive("resolution"));
            }
        }
    }

    private static void requirement(XMLStreamWriter x, String ns, String filter, String resolution) throws XMLStreamException {
        start(x, "requirement", ns);
        directive(x, "filter", filter);
        if (resolution != null) {
            directive(x, "resolution", resolution);
        }
        x.writeEndElement();
    }

    private static void directives(XMLStreamWriter x, Map<String, String> directives) throws XMLStreamException {
        for (Map.Entry<String, String> d : directives.entrySet()) {
            directive(x, d.getKey(), d.getValue());
        }
    }

    private static void start(XMLStreamWriter x, String element, String namespace) throws XMLStreamException {
        x.writeStartElement(element);
        x.writeAttribute("namespace", namespace);
    }

    private static void attribute(XMLStreamWriter x, String name, String type, String value) throws XMLStreamException {
        x.writeEmptyElement("attribute");
        x.writeAttribute("name", name);
        if (type != null && !type.equals("String")) {
            x.writeAttribute("type", type);
        }
        x.writeAttribute("value", value);
    }

    private static void directive(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeEmptyElement("directive");
        x.writeAttribute("name", name);
        x.writeAttribute("value", value);
    }
}
