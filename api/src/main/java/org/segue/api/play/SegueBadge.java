package org.segue.api.play;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets {@link Badge#ID} on a Declarative Services component. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueBadge {
    /** Prefix that turns the element names below into {@code segue.badge.*} properties. */
    String PREFIX_ = "segue.badge.";

    /** The badge id with revision; becomes {@link Badge#ID}. */
    String id();
}
