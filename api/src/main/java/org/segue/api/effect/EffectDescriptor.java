package org.segue.api.effect;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an effect is and which parameters it has. A parameter's index in {@code parameters} is the
 * index used by {@link ParameterChanges}, so the list order is fixed for an effect revision.
 *
 * @param id the effect id with revision, equal to the service's {@link Effect#ID}
 * @param name the name shown to users, e.g. {@code "Three-band EQ"}
 * @param category a lower-case group for browsing: {@code eq}, {@code filter}, {@code dynamics},
 *        {@code delay}, {@code reverb}, {@code modulation}, {@code pitch}, {@code utility}, or
 *        another word
 * @param parameters the parameters, ids unique; copied
 */
public record EffectDescriptor(String id, String name, String category, List<ParameterDescriptor> parameters) {

    /** Validates and copies. */
    public EffectDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("id and name must not be blank");
        }
        parameters = List.copyOf(parameters);
        Set<String> seen = new HashSet<>();
        for (ParameterDescriptor parameter : parameters) {
            if (!seen.add(parameter.id())) {
                throw new IllegalArgumentException("duplicate parameter id: " + parameter.id());
            }
        }
    }

    /**
     * The index of a parameter, for building and reading {@link ParameterChanges}.
     *
     * @return the index, or {@code -1} when the effect has no such parameter
     */
    public int indexOf(String parameterId) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).id().equals(parameterId)) {
                return i;
            }
        }
        return -1;
    }
}
