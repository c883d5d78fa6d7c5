package org.segue.marketplace.server.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 with the JDK's own provider (Java 15+), no library. Public keys travel as Base64 of the
 * X.509 SubjectPublicKeyInfo encoding ({@code PublicKey.getEncoded()}, 44 bytes), signatures as
 * Base64 of the 64 signature bytes.
 */
public final class Ed25519 {

    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    /** Decodes a Base64 SubjectPublicKeyInfo; IllegalArgumentException names what is wrong. */
    public static PublicKey publicKey(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("public key is not Base64");
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!"EdDSA".equals(key.getAlgorithm()) && !ALGORITHM.equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("public key is " + key.getAlgorithm() + ", not Ed25519");
            }
            return key;
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("public key is not an Ed25519 SubjectPublicKeyInfo");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** {@code sha256:<hex>} of the encoded key: a short stable id to name and pin a key by. */
    public static String fingerprint(PublicKey key) {
        return "sha256:" + sha256Hex(key.getEncoded());
    }

    public static boolean verify(PublicKey key, byte[] data, String base64Signature) {
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(base64Signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (sig.length != 64) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(sig);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(data);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
