package org.segue.plugin.recommend.core.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Component configurations for tests: the annotation's defaults, some overridden, as DS would hand them. */
final class Configs {
    private Configs() {
    }

    static <T> T of(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object v = values.get(method.getName());
            return v != null ? v : method.getDefaultValue();
        }));
    }

    static <T> T defaults(Class<T> type) {
        return of(type, Map.of());
    }
}
