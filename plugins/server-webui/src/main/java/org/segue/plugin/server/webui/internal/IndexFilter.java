package org.segue.plugin.server.webui.internal;

import static org.osgi.service.servlet.whiteboard.HttpWhiteboardConstants.HTTP_WHITEBOARD_FILTER_REGEX;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Component;

/**
 * Answers {@code /} with the UI's {@code index.html}. The whiteboard's resource servlet knows no
 * welcome files: for {@code /} it would look up the folder entry {@code /webui/} and send an empty
 * body. The regex matches the root alone; the request is forwarded (not redirected) so the address
 * bar keeps the plain server address. (Plain properties for the reason given on WebUiResources.)
 */
@Component(service = Filter.class, property = HTTP_WHITEBOARD_FILTER_REGEX + "=" + IndexFilter.ROOT)
public class IndexFilter implements Filter {

    /** The root as filters see it: Felix hands it over as the empty path, other whiteboards as "/". */
    static final String ROOT = "/?";

    static final String INDEX = "/index.html";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && isRoot(http)
                && ("GET".equals(http.getMethod()) || "HEAD".equals(http.getMethod()))) {
            request.getRequestDispatcher(INDEX).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path inside the servlet context: "" or "/" for the root, whatever the context path is. */
    static boolean isRoot(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() || "/".equals(path);
    }
}
