package org.segue.plugin.server.webui.internal;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN;
import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PREFIX;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the built web UI (the {@code /webui} folder of this bundle, made by Vite) at the root of
 * the default servlet context. The Servlet Whiteboard does the serving: this service exists only
 * to carry the resource properties. The REST API's {@code /api/*} is a longer path pattern, so it
 * wins over {@code /*} for its requests; every other path is a file of the UI or a 404.
 *
 * <p>Why plain properties and not {@code @HttpWhiteboardResource}: that annotation also makes the
 * bundle require the whiteboard implementation, which exists only inside {@code segue serve}
 * (its Jetty bundles are installed by the serve command, not at boot). Required, it would leave
 * this bundle unresolved in every other command; as it is, the bundle is active everywhere and
 * the whiteboard picks the services up when a server starts.
 *
 * <p>Nothing to configure: the UI finds the API on its own origin, so there is no metatype.
 */
@Component(service = WebUiResources.class, property = {
    HTTP_WHITEBOARD_RESOURCE_PATTERN + "=" + WebUiResources.PATTERN,
    HTTP_WHITEBOARD_RESOURCE_PREFIX + "=" + WebUiResources.PREFIX,
})
public class WebUiResources {

    static final String PATTERN = "/*";

    /** The folder of this bundle that holds index.html and assets/. */
    static final String PREFIX = "/webui";
}
