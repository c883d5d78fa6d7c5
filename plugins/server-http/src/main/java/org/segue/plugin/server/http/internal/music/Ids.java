package org.segue.plugin.server.http.internal.music;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

/**
 * Ids of plans, mixes and previews: 16 random hex digits, which are also their file names. An id
 * from a request is checked against that form before it touches the file system, so a crafted id
 * ({@code ../../x}) finds nothing rather than another file.
 */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[0-9a-f]{16}");

    private Ids() {
    }

    static String next() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * @return the id when it has the form of one
     * @throws NoSuchElementException otherwise ("no plan x"), as for any unknown id
     */
    static String check(String id, String what) {
        if (id == null || !FORM.matcher(id).matches()) {
            throw new NoSuchElementException("no " + what + " " + id);
        }
        return id;
    }
}
