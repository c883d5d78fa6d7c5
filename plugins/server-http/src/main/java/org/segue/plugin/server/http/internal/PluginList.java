package org.segue.plugin.server.http.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.segue.plugin.server.http.internal.web.SystemRoutes.PluginInfo;

/**
 * {@code /api/plugins}: every bundle of the running framework with its version and state, and
 * its problem when it has one (not resolved, or a component that failed to activate).
 */
final class PluginList {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    PluginList(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue; // the framework itself
            }
            String name = b.getHeaders().get(Constants.BUNDLE_NAME);
            out.add(new PluginInfo(b.getSymbolicName(), name == null ? b.getSymbolicName() : name,
                    b.getVersion().toString(), state(b), problem(b)));
        }
        return out;
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "active";
            case Bundle.RESOLVED -> b.getHeaders().get(Constants.FRAGMENT_HOST) != null ? "fragment" : "resolved";
            case Bundle.INSTALLED -> "installed";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            default -> "uninstalled";
        };
    }

    private String problem(Bundle b) {
        if (b.getState() == Bundle.INSTALLED) {
            return "not resolved: a package or capability it needs is missing (segue plugins says which)";
        }
        if (scr == null) {
            return null;
        }
        Collection<ComponentDescriptionDTO> components = scr.getComponentDescriptionDTOs(b);
        for (ComponentDescriptionDTO d : components) {
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    String why = c.failure == null ? "" : c.failure.lines().findFirst().orElse("");
                    return "component " + d.name + " failed to activate: " + why;
                }
            }
        }
        return null;
    }
}
