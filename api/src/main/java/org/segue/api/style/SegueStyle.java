package org.segue.api.style;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@link DjStyle#ID} and {@link DjStyle#NAME} on a Declarative
 * Services component.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueStyle {
    /** Prefix that turns the element names below into {@code segue.style.*} properties. */
    String PREFIX_ = "segue.style.";

    /** The style id with revision; becomes {@link DjStyle#ID}. */
    String id();

    /** The name shown to users; becomes {@link DjStyle#NAME}. */
    String name();
}
