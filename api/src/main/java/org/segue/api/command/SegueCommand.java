package org.segue.api.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@link Command#NAME} and {@link Command#SUMMARY} on a
 * Declarative Services component: {@code @SegueCommand(name = "analyze", summary = "…")}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueCommand {
    /** Prefix that turns the element names below into {@code segue.command.*} properties. */
    String PREFIX_ = "segue.command.";

    /** The command word; becomes {@link Command#NAME}. */
    String name();

    /** One line for {@code segue help}; becomes {@link Command#SUMMARY}. */
    String summary() default "";
}
