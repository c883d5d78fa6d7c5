package org.segue.plugin.server.http.internal.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import org.segue.plugin.server.http.internal.web.Problem;

/**
 * A job as the api shows it (API.md {@code Job}), and as it is stored with its owner in
 * {@code DATA/jobs/<id>.json}.
 */
public record Job(String id, String owner, String kind, JobState state, double progress, String message,
        String createdAt, String finishedAt, JsonNode result, Problem error) {

    /** The public view: the same fields without the owner. */
    public record View(String id, String kind, JobState state, double progress, String message, String createdAt,
            String finishedAt, JsonNode result, Problem error) {
    }

    public View view() {
        return new View(id, kind, state, progress, message, createdAt, finishedAt, result, error);
    }
}
