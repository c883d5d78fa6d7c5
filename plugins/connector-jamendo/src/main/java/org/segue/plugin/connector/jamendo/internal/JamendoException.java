package org.segue.plugin.connector.jamendo.internal;

import java.io.IOException;

/**
 * A Jamendo answer with {@code headers.status = failed}, keeping Jamendo's error code (5 invalid
 * client id, 6 rate limit exceeded, 10 entity not found …).
 */
final class JamendoException extends IOException {
    private static final long serialVersionUID = 1L;
    static final int INVALID_CLIENT_ID = 5;
    static final int RATE_LIMIT = 6;

    private final int code;

    JamendoException(String method, int code, String message) {
        super(describe(method, code, message));
        this.code = code;
    }

    int code() {
        return code;
    }

    private static String describe(String method, int code, String message) {
        if (code == INVALID_CLIENT_ID) {
            return "Jamendo refused the client id (code 5: " + message + "); register an application at "
                    + "devportal.jamendo.com and configure its client id";
        }
        if (code == RATE_LIMIT) {
            return "Jamendo's rate limit is exceeded (code 6: " + message + "); try again later";
        }
        return "Jamendo failed " + method + ": " + message + " (code " + code + ")";
    }
}
