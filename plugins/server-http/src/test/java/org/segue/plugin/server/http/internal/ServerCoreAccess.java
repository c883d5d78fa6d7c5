package org.segue.plugin.server.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The api's JSON mapper for tests in sub-packages. */
public final class ServerCoreAccess {

    private ServerCoreAccess() {
    }

    public static ObjectMapper mapper() {
        return ServerCore.mapper();
    }
}
