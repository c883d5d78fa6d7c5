package org.segue.plugin.connector.subsonic.internal;

import java.io.IOException;

/**
 * A Subsonic answer with {@code status: failed}, keeping the protocol's error code (10 missing
 * parameter, 40 wrong username or password, 50 not authorised, 70 not found …).
 */
final class SubsonicException extends IOException {
    private static final long serialVersionUID = 1L;
    static final int WRONG_CREDENTIALS = 40;
    static final int NOT_AUTHORISED = 50;
    static final int NOT_FOUND = 70;

    private final int code;

    SubsonicException(String server, String method, String username, int code, String message) {
        super(describe(server, method, username, code, message));
        this.code = code;
    }

    int code() {
        return code;
    }

    private static String describe(String server, String method, String username, int code, String message) {
        if (code == WRONG_CREDENTIALS) {
            return "Subsonic server " + server + " refused the credentials of user '" + username + "': " + message
                    + " (code 40); check the connector's username and password";
        }
        return "Subsonic server " + server + " failed " + method + ": " + message + " (code " + code + ")";
    }
}
