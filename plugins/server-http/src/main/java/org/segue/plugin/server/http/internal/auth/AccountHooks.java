package org.segue.plugin.server.http.internal.auth;

/**
 * What else happens when an account comes or goes: its library is provisioned, its data deleted.
 * Called on the request's thread after the account change is stored.
 */
public interface AccountHooks {

    /** A user was created (or found at start): make their private stores ready. */
    void created(String username);

    /** A user was deleted: remove everything they owned. */
    void deleted(String username);

    AccountHooks NONE = new AccountHooks() {
        @Override
        public void created(String username) {
        }

        @Override
        public void deleted(String username) {
        }
    };
}
