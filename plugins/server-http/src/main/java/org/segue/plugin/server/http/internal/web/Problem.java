package org.segue.plugin.server.http.internal.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of an error answer, RFC 9457 {@code application/problem+json}, plus the faulty field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
