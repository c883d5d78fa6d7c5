package org.segue.plugin.server.http.internal.auth;

import java.util.Locale;

/** What an account may do: every user owns a library; admins also manage accounts and imports. */
public enum Role {
    USER, ADMIN;

    /** The role named in a request, or {@code null} when the name is none of them. */
    public static Role parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "user" -> USER;
            case "admin" -> ADMIN;
            default -> null;
        };
    }

    /** The name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
