package org.segue.plugin.server.http.internal.auth;

import java.util.Map;

import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Call;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/** {@code /api/auth/*}, {@code /api/me}, {@code /api/users}: sign-in, tokens and accounts. */
public final class AuthRoutes {

    record Login(String username, String password) {
    }

    record PasswordChange(String oldPassword, String newPassword) {
    }

    record NewUser(String username, String password, String role) {
    }

    record Session(String token, String expiresAt, User user) {
    }

    private final UserStore users;
    private final TokenStore tokens;
    private final LoginThrottle byName;
    private final LoginThrottle byAddress;
    private final AccountHooks hooks;

    public AuthRoutes(UserStore users, TokenStore tokens, LoginThrottle byName, LoginThrottle byAddress,
            AccountHooks hooks) {
        this.users = users;
        this.tokens = tokens;
        this.byName = byName;
        this.byAddress = byAddress;
        this.hooks = hooks;
    }

    public void register(Router r) {
        r.add("POST", "/api/auth/login", Access.PUBLIC, this::login);
        r.add("POST", "/api/auth/logout", Access.USER, c -> {
            tokens.revoke(c.token());
            return Reply.noContent();
        });
        r.add("GET", "/api/me", Access.USER, c -> Reply.ok(c.user()));
        r.add("PUT", "/api/me/password", Access.USER, this::changePassword);
        r.add("GET", "/api/users", Access.ADMIN, c -> Reply.ok(users.list()));
        r.add("POST", "/api/users", Access.ADMIN, this::createUser);
        r.add("DELETE", "/api/users/{username}", Access.ADMIN, this::deleteUser);
    }

    private Reply login(Call c) {
        Login login = c.body(Login.class);
        if (login.username() == null || login.username().isEmpty()) {
            throw ApiException.badField("username", "username is required");
        }
        if (login.password() == null) {
            throw ApiException.badField("password", "password is required");
        }
        String name = login.username().length() > 64 ? login.username().substring(0, 64) : login.username();
        String address = c.request().remoteAddress();
        long wait = Math.max(byAddress.blocked(address), byName.blocked(name));
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many failed sign-ins; retry in " + wait + " s", wait);
        }
        User user = users.authenticate(login.username(), login.password()).orElse(null);
        if (user == null) {
            byAddress.failed(address);
            byName.failed(name);
            throw new ApiException(401, "Unauthorized", "wrong user name or password", null,
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        byName.reset(name);
        TokenStore.Issued issued = tokens.issue(user.username());
        return Reply.ok(new Session(issued.token(), issued.expiresAt().toString(), user));
    }

    private Reply changePassword(Call c) {
        PasswordChange change = c.body(PasswordChange.class);
        if (change.oldPassword() == null) {
            throw ApiException.badField("oldPassword", "oldPassword is required");
        }
        long wait = byName.blocked(c.user().username());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many failed password checks; retry in " + wait + " s", wait);
        }
        if (users.authenticate(c.user().username(), change.oldPassword()).isEmpty()) {
            byName.failed(c.user().username());
            throw ApiException.badField("oldPassword", "oldPassword is wrong");
        }
        users.setPassword(c.user().username(), change.newPassword());
        byName.reset(c.user().username());
        // Every other session ends with the old password; this one too, for simplicity of reasoning.
        tokens.revokeAll(c.user().username());
        return Reply.noContent();
    }

    private Reply createUser(Call c) {
        NewUser n = c.body(NewUser.class);
        Role role = n.role() == null ? Role.USER : Role.parse(n.role());
        if (role == null) {
            throw ApiException.badField("role", "role must be \"user\" or \"admin\", not \"" + n.role() + "\"");
        }
        User created = users.create(n.username(), n.password(), role);
        hooks.created(created.username());
        return Reply.created(created, "/api/users/" + created.username());
    }

    private Reply deleteUser(Call c) {
        String name = c.param("username");
        User target = users.find(name).orElseThrow(() -> ApiException.notFound("user " + name));
        if (target.isAdmin() && users.admins() <= 1) {
            throw ApiException.conflict("user " + name + " is the last admin", "username");
        }
        users.delete(name);
        tokens.revokeAll(name);
        hooks.deleted(name);
        return Reply.noContent();
    }
}
