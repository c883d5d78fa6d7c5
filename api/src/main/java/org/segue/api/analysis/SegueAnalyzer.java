package org.segue.api.analysis;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that sets {@link Analyzer#ID} and {@link Analyzer#PRODUCES} on a
 * Declarative Services component.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueAnalyzer {
    /** Prefix that turns the element names below into {@code segue.analyzer.*} properties. */
    String PREFIX_ = "segue.analyzer.";

    /** The id with revision; becomes {@link Analyzer#ID}. */
    String id();

    /** The result key names; becomes {@link Analyzer#PRODUCES}. */
    String[] produces();
}
