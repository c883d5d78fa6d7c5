package org.segue.marketplace.server.internal.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.PublicKey;
import java.time.Clock;
import java.util.regex.Pattern;
import org.segue.marketplace.server.internal.Rejection;
import org.segue.marketplace.server.internal.catalog.Account;
import org.segue.marketplace.server.internal.catalog.Event;
import org.segue.marketplace.server.internal.crypto.Ed25519;
import org.segue.marketplace.server.internal.store.MarketStore;

/**
 * Registers accounts. Registration is open and first come, first served: the document
 * {@code {"format":"segue-register/1","account":"alice","publicKey":"<Base64 SPKI>","issued":…}}
 * is signed by the key it registers, proving the sender holds it. Names are lower-case so that
 * look-alike accounts ({@code Alice}, {@code alice}) cannot coexist.
 */
public final class AccountService {

    public static final String FORMAT = "segue-register/1";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]");

    private final MarketStore store;
    private final ObjectMapper json;
    private final Clock clock;

    public AccountService(MarketStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public Account register(byte[] document, String signature) throws Exception {
        SignedDocument doc = SignedDocument.parse(json, document, FORMAT);
        if (!NAME.matcher(doc.account()).matches()) {
            throw Rejection.badRequest("bad-account", "account name '" + doc.account()
                    + "' must be 3 to 40 lower-case letters, digits or '-', not starting or ending with '-'");
        }
        PublicKey key;
        try {
            key = Ed25519.publicKey(SignedDocument.text(doc.body(), "publicKey"));
        } catch (IllegalArgumentException e) {
            throw Rejection.badRequest("bad-key", e.getMessage());
        }
        doc.verifyWith(key, signature);
        String encoded = Ed25519.encode(key);
        String fingerprint = Ed25519.fingerprint(key);
        store.commit(() -> {
            if (store.catalog().account(doc.account()).isPresent()) {
                throw Rejection.conflict("account-taken", "account '" + doc.account() + "' is already registered");
            }
            boolean keyTaken = store.catalog().accounts().stream().anyMatch(a -> a.fingerprint().equals(fingerprint));
            if (keyTaken) {
                throw Rejection.conflict("key-taken", "key " + fingerprint + " is already registered to another account");
            }
            doc.checkFresh(store.catalog(), clock.instant());
            return new Event.AccountRegistered(doc.account(), encoded, fingerprint, doc.issued(), clock.instant());
        });
        return store.catalog().account(doc.account()).orElseThrow();
    }
}
