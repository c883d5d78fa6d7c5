package org.segue.plugin.server.http.internal.music;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Wires real plugin components the way Declarative Services does (activate with a configuration,
 * set references, call bind methods), for unit tests that run the services against the real
 * plugins without a framework. The plugins keep those members package-private, as DS allows, so
 * this goes through reflection; the DS annotations themselves are not kept at run time, so the
 * activate method is found as the one taking a configuration annotation.
 */
final class Components {

    private Components() {
    }

    /** A new component, activated with its configuration's defaults and the given overrides. */
    static <T> T activated(Class<T> type, Map<String, Object> config) {
        try {
            for (var k : type.getDeclaredConstructors()) {
                if (k.getParameterCount() == 1 && k.getParameterTypes()[0].isAnnotation()) {
                    // Constructor injection of the configuration (DS 1.4).
                    k.setAccessible(true);
                    return type.cast(k.newInstance(configuration(k.getParameterTypes()[0], config)));
                }
            }
            T c = type.getDeclaredConstructor().newInstance();
            for (Method m : type.getDeclaredMethods()) {
                if (m.getParameterCount() == 1 && m.getParameterTypes()[0].isAnnotation()) {
                    m.setAccessible(true);
                    m.invoke(c, configuration(m.getParameterTypes()[0], config));
                    break;
                }
            }
            return c;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot activate " + type.getName(), unwrap(e));
        }
    }

    static <T> T activated(Class<T> type) {
        return activated(type, Map.of());
    }

    /** A configuration annotation whose attributes are their defaults unless overridden. */
    static Object configuration(Class<?> annotation, Map<String, Object> overrides) {
        return Proxy.newProxyInstance(annotation.getClassLoader(), new Class<?>[] {annotation}, (proxy, method, args) -> {
            if (overrides.containsKey(method.getName())) {
                return overrides.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
                case "annotationType" -> annotation;
                case "toString" -> annotation.getSimpleName();
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new IllegalStateException("no value for " + method.getName());
            };
        });
    }

    /** Sets a reference field. */
    static void set(Object component, String field, Object value) {
        try {
            Field f = component.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(component, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }

    /** Calls a bind method {@code name(service, properties)}. */
    static void bind(Object component, String name, Object service, Map<String, Object> properties) {
        for (Method m : component.getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2) {
                try {
                    m.setAccessible(true);
                    m.invoke(component, service, properties);
                    return;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot call " + name, unwrap(e));
                }
            }
        }
        throw new IllegalStateException("no bind method " + name + " on " + component.getClass().getName());
    }

    /** A component class's static {@code ID} constant. */
    static String id(Object component) {
        try {
            Field f = component.getClass().getDeclaredField("ID");
            f.setAccessible(true);
            return (String) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no ID on " + component.getClass().getName(), e);
        }
    }

    private static Throwable unwrap(ReflectiveOperationException e) {
        return e instanceof InvocationTargetException i ? i.getCause() : e;
    }
}
