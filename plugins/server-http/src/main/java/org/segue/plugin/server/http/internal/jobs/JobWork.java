package org.segue.plugin.server.http.internal.jobs;

/** The work of one job, run on a job thread, not on the request's. */
@FunctionalInterface
public interface JobWork {

    /** What the work can tell and ask while running. Thread-safe. */
    interface Control {
        /** Reports progress in 0..1 (clamped), with a short status text or {@code null}. */
        void progress(double fraction, String message);

        /** True once the owner cancelled the job; long work checks it and stops early. */
        boolean cancelled();
    }

    /**
     * Does the work.
     *
     * @return the result, written into the job as JSON; {@code null} for none
     * @throws Exception failure; an {@code ApiException} keeps its status and field in the job's error
     */
    Object run(Control control) throws Exception;
}
