package org.segue.marketplace.server.internal.http;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.segue.marketplace.server.internal.service.Marketplace;

/** The URL space of the marketplace, as one Jetty servlet context. */
public final class Routes {

    private Routes() {
    }

    /**
     * @param publicUrl the base URL clients reach the server at (for links in feeds), or null to
     *                  use each request's own origin
     * @param maxRequestBytes the largest publish request; bigger ones get 413 before their body is read
     */
    public static ServletContextHandler context(Marketplace market, String publicUrl, long maxRequestBytes) throws IOException {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");

        PluginsServlet plugins = new PluginsServlet(market, publicUrl, maxRequestBytes);
        ServletHolder pluginsHolder = new ServletHolder("plugins", plugins);
        Path spool = Files.createDirectories(market.scratch().resolve("multipart"));
        // Parts over 1 MiB spool to disk below the data folder's tmp/, which every start empties.
        pluginsHolder.getRegistration().setMultipartConfig(
                new MultipartConfigElement(spool.toString(), maxRequestBytes, maxRequestBytes, 1 << 20));
        context.addServlet(pluginsHolder, "/api/v1/plugins/*");

        add(context, "accounts", new AccountsServlet(market, publicUrl), "/api/v1/accounts/*");
        add(context, "download", new DownloadServlet(market, publicUrl), "/download/*");
        add(context, "feeds", new FeedServlet(market, publicUrl),
                "/index.json", "/index.json.sig", "/repository.xml", "/repository.xml.sig", "/marketplace.pub");
        add(context, "browse", new BrowseServlet(market, publicUrl), "", "/", "/plugins/*");
        return context;
    }

    private static void add(ServletContextHandler context, String name, HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(name, servlet);
        for (String p : paths) {
            context.addServlet(holder, p);
        }
    }
}
