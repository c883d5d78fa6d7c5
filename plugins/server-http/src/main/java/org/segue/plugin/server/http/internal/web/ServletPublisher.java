package org.segue.plugin.server.http.internal.web;

import java.util.Hashtable;

import jakarta.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Registers the api servlet on the Servlet Whiteboard at {@code /api/*}, {@code /s/*} and {@code /shared}, where Felix HTTP serves it
 * once {@code segue serve} started Jetty.
 */
public final class ServletPublisher {

    private ServletPublisher() {
    }

    /** @return closes the registration */
    public static AutoCloseable publish(BundleContext context, Api api) {
        Hashtable<String, Object> props = new Hashtable<>();
        // Share links (/s/{token}) and the public list (/shared) are pages of the same pipeline.
        props.put("osgi.http.whiteboard.servlet.pattern", new String[] {"/api/*", "/s/*", "/shared"});
        props.put("osgi.http.whiteboard.servlet.name", "segue-api");
        ServiceRegistration<Servlet> reg = context.registerService(Servlet.class, new ApiServlet(api), props);
        return reg::unregister;
    }
}
