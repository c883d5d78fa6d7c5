package org.segue.support.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Calls one web service for a connector: sends with the service's name in every failure, and
 * keeps the budget of retries of one call. What an answer means (a 401, a 404, an error inside a
 * 200) stays with each connector, which knows the service; what every connector needs alike is
 * here: a timeout, an unreachable host or an interrupt told as "which service, asked for what",
 * and waiting out rate limits without hammering or giving up at once.
 *
 * <p>Thread-safe; a {@link Backoff} belongs to one call on one thread.
 */
public final class ServiceHttp {

    /** Pauses between attempts; a seam so tests do not wait. */
    public interface Sleeper {
        /** Sleeps the calling thread. */
        Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final String service;
    private final URI api;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final HttpClient http;

    /**
     * @param service the service's name in messages: {@code "MusicBrainz"}
     * @param api the service's base address, named when it cannot be reached
     * @param timeout for connecting and for each answer
     */
    public ServiceHttp(String service, URI api, Duration timeout, Sleeper sleeper) {
        this(service, api, timeout, sleeper, HttpClient.Redirect.NORMAL);
    }

    /**
     * @param redirects {@link HttpClient.Redirect#NEVER} for a client that sends a bearer token,
     *        which a redirect to another origin must never carry
     */
    public ServiceHttp(String service, URI api, Duration timeout, Sleeper sleeper, HttpClient.Redirect redirects) {
        this.service = Objects.requireNonNull(service, "service");
        this.api = Objects.requireNonNull(api, "api");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(redirects).build();
    }

    /** The timeout for each answer, for requests built by the caller. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sends one request.
     *
     * @param what what was asked, for messages: {@code "recording 5b11f4ce…"}
     * @throws IOException naming the service and {@code what} when it does not answer in time or
     *         cannot be reached; {@link InterruptedIOException} when the thread is interrupted
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, String what)
            throws IOException {
        try {
            return http.send(request, body);
        } catch (HttpTimeoutException e) {
            throw new IOException(service + " did not answer " + what + " within " + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + service + " for " + what);
        } catch (IOException e) {
            // Host and port only: a base address may carry credentials in its user part.
            String at = api.getHost() + (api.getPort() < 0 ? "" : ":" + api.getPort());
            throw new IOException("cannot reach " + service + " at " + at + " (" + what + "): " + e, e);
        }
    }

    /** Sleeps {@code duration}; an interrupt becomes an {@link InterruptedIOException} naming {@code what}. */
    public void pause(Duration duration, String what) throws InterruptedIOException {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + service + " (" + what + ")");
        }
    }

    /**
     * The retries left to one call: at most {@code maxAttempts} requests and {@code maxWait} of
     * waiting in all. Each pause is what the server asked for (the first of the hint headers it
     * sent, in seconds, capped by {@link Retries#retryAfter}) or else a pause doubling from one
     * second (or the first pause given).
     */
    public static final class Backoff {
        private final int maxAttempts;
        private final Duration maxWait;
        private int attempts = 1;
        private Duration waited = Duration.ZERO;
        private Duration pause;

        public Backoff(int maxAttempts, Duration maxWait) {
            this(maxAttempts, maxWait, Duration.ofSeconds(1));
        }

        /** @param firstPause the first pause when the server names none, doubled each time after */
        public Backoff(int maxAttempts, Duration maxWait, Duration firstPause) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            this.pause = Objects.requireNonNull(firstPause, "firstPause");
        }

        /**
         * The pause before the next attempt, after an answer with these headers that is worth
         * retrying; empty when the budget is spent (then tell the user how long was waited).
         *
         * @param hints header names holding a wait in seconds, most specific first; {@code Retry-After}
         *        when none are given
         */
        public Optional<Duration> next(HttpHeaders headers, String... hints) {
            Optional<String> hint = Optional.empty();
            for (String name : hints.length == 0 ? new String[] {"Retry-After"} : hints) {
                hint = headers.firstValue(name);
                if (hint.isPresent()) {
                    break;
                }
            }
            Duration wait = Retries.retryAfter(hint, pause);
            if (attempts >= maxAttempts || waited.plus(wait).compareTo(maxWait) > 0) {
                return Optional.empty();
            }
            attempts++;
            waited = waited.plus(wait);
            pause = pause.multipliedBy(2);
            return Optional.of(wait);
        }

        /** How long this call has waited so far. */
        public Duration waited() {
            return waited;
        }
    }
}
