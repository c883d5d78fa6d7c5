package org.segue.plugin.server.http.internal.web;

/** Who may call a route. */
public enum Access {
    /** Anyone, no token: health, login, the OpenAPI description. */
    PUBLIC,
    /** Any signed-in user, on their own data. */
    USER,
    /** Admins only. */
    ADMIN
}
