package org.segue.plugin.server.http.internal.auth;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An account as the api shows it: {@code {"username","role","createdAt"}}, never its secrets. */
public record User(String username, String role, String createdAt) {

    @JsonIgnore
    public boolean isAdmin() {
        return Role.ADMIN.id().equals(role);
    }

    static User of(String username, Role role, Instant createdAt) {
        return new User(username, role.id(), createdAt.toString());
    }
}
