package org.segue.api.play;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets {@link Challenge#ID} on a Declarative Services component. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueChallenge {
    /** Prefix that turns the element names below into {@code segue.challenge.*} properties. */
    String PREFIX_ = "segue.challenge.";

    /** The challenge id with revision; becomes {@link Challenge#ID}. */
    String id();
}
