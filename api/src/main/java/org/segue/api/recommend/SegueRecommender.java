package org.segue.api.recommend;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets {@link Recommender#ID} on a Declarative Services component. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueRecommender {
    /** Prefix that turns the element names below into {@code segue.recommender.*} properties. */
    String PREFIX_ = "segue.recommender.";

    /** The recommender id with revision; becomes {@link Recommender#ID}. */
    String id();
}
