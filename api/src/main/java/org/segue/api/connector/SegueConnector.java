package org.segue.api.connector;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/** Component property type that sets {@link StreamingConnector#SERVICE} on a Declarative Services component. */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SegueConnector {
    /** Prefix that turns the element names below into {@code segue.connector.*} properties. */
    String PREFIX_ = "segue.connector.";

    /** The service name; becomes {@link StreamingConnector#SERVICE}. */
    String service();
}
