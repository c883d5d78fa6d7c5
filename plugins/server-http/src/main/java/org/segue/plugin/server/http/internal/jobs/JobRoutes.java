package org.segue.plugin.server.http.internal.jobs;

import org.segue.plugin.server.http.internal.web.Access;
import org.segue.plugin.server.http.internal.web.ApiException;
import org.segue.plugin.server.http.internal.web.Reply;
import org.segue.plugin.server.http.internal.web.Router;

/** {@code /api/jobs}: the caller's jobs only; another user's job id answers 404. */
public final class JobRoutes {

    private final JobManager jobs;

    public JobRoutes(JobManager jobs) {
        this.jobs = jobs;
    }

    public void register(Router r) {
        r.add("GET", "/api/jobs", Access.USER,
                c -> Reply.ok(jobs.list(c.user().username()).stream().map(Job::view).toList()));
        r.add("GET", "/api/jobs/{id}", Access.USER, c -> Reply.ok(jobs.get(c.user().username(), c.param("id"))
                .orElseThrow(() -> ApiException.notFound("job " + c.param("id"))).view()));
        r.add("DELETE", "/api/jobs/{id}", Access.USER, c -> {
            Job j = jobs.cancel(c.user().username(), c.param("id"))
                    .orElseThrow(() -> ApiException.notFound("job " + c.param("id")));
            return Reply.accepted(j.view(), "/api/jobs/" + j.id());
        });
    }

    /** The 202 answer for work just handed to a job. */
    public static Reply accepted(Job j) {
        return Reply.accepted(j.view(), "/api/jobs/" + j.id());
    }
}
