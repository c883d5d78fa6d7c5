package org.segue.marketplace.server.internal.crypto;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The marketplace's own Ed25519 key, which signs the index. Made on first start and kept in the
 * data folder ({@code keys/marketplace.key}, PKCS#8, owner-only, and {@code keys/marketplace.pub});
 * clients pin the public key, so it must survive restarts: losing it means every client must be
 * told the new one.
 */
public final class MarketKey {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private MarketKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public static MarketKey loadOrCreate(Path keysDir) throws IOException {
        Path priv = keysDir.resolve("marketplace.key");
        Path pub = keysDir.resolve("marketplace.pub");
        try {
            KeyFactory factory = KeyFactory.getInstance(Ed25519.ALGORITHM);
            if (Files.exists(priv) && Files.exists(pub)) {
                return new MarketKey(factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))),
                        factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))));
            }
            Files.createDirectories(keysDir);
            KeyPair pair = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
            // Public half first: a crash between the two writes leaves no private key without its
            // public one, and the next start simply makes a new pair.
            writeAtomically(pub, pair.getPublic().getEncoded(), false);
            writeAtomically(priv, pair.getPrivate().getEncoded(), true);
            return new MarketKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the marketplace key from " + keysDir + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL protects it.
            }
        }
        Files.write(temp, bytes);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public String sign(byte[] data) {
        return Ed25519.sign(privateKey, data);
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
