package org.segue.plugin.style.classic.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Config annotations as Declarative Services would build them: every attribute at its declared
 * default unless overridden, so tests exercise the real defaults.
 */
final class Configs {

    private Configs() {
    }

    static <A> A defaults(Class<A> type) {
        return with(type, Map.of());
    }

    static <A> A with(Class<A> type, Map<String, Object> overrides) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (overrides.containsKey(method.getName())) {
                return overrides.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            if (method.getName().equals("annotationType")) {
                return type;
            }
            throw new UnsupportedOperationException(method.getName());
        });
        return type.cast(proxy);
    }
}
