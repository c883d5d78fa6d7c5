package org.segue.plugin.server.http.internal.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through until it exceeds a limit, then fails with a 413 problem; for bodies sent
 * without a length (chunked), where the declared size cannot be checked up front.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            // Wrapped in an IOException so readers that only expect IOExceptions pass it on;
            // Call and the routes unwrap it into the 413 answer.
            throw new IOException("body too large",
                    ApiException.tooLarge("the body has more than " + limit + " bytes"));
        }
    }
}
