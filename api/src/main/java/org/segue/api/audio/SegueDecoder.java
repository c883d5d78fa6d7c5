package org.segue.api.audio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@link AudioDecoder#EXTENSIONS} and
 * {@link AudioDecoder#MIME_TYPES} on a Declarative Services component.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueDecoder {
    /** Prefix that turns the element names below into {@code segue.decoder.*} properties. */
    String PREFIX_ = "segue.decoder.";

    /** Lower-case extensions without the dot; becomes {@link AudioDecoder#EXTENSIONS}. */
    String[] extensions();

    /** MIME types; becomes {@link AudioDecoder#MIME_TYPES}. */
    String[] mimetypes() default {};
}
