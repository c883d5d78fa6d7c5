package org.segue.api.effect;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets {@link Effect#ID} on a Declarative Services component. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueEffect {
    /** Prefix that turns the element names below into {@code segue.effect.*} properties. */
    String PREFIX_ = "segue.effect.";

    /** The effect id with revision; becomes {@link Effect#ID}. */
    String id();
}
