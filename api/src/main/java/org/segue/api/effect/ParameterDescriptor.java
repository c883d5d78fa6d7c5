package org.segue.api.effect;

import java.util.Objects;

/**
 * One parameter of an effect. Values are always in plain units ({@code -24} dB, {@code 800} Hz),
 * in automation, in {@link ParameterChanges} and in stored plans; the normalised {@code 0..1}
 * form exists only for controls and is derived here so every UI maps the same way.
 *
 * @param id stable identifier, stored in transition plans; never change it once released
 * @param name the label shown to users
 * @param min the lowest value, finite; positive when the scale is logarithmic
 * @param max the highest value, finite and {@code > min}
 * @param defaultValue the value after {@link EffectProcessor#prepare}, in {@code [min, max]}
 * @param unit the unit of the values
 * @param scale how the range maps to control travel
 * @param automatable whether transition plans may move it while playing (false for parameters that
 *        cannot change without a glitch, such as a delay line's maximum length)
 */
public record ParameterDescriptor(String id, String name, double min, double max, double defaultValue,
        ParameterUnit unit, ParameterScale scale, boolean automatable) {

    /** Validates. */
    public ParameterDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scale, "scale");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("id and name must not be blank");
        }
        if (!(Double.isFinite(min) && Double.isFinite(max) && min < max)) {
            throw new IllegalArgumentException("need finite min < max: " + min + ".." + max);
        }
        if (!(defaultValue >= min && defaultValue <= max)) {
            throw new IllegalArgumentException("defaultValue " + defaultValue + " outside " + min + ".." + max);
        }
        if (scale == ParameterScale.LOGARITHMIC && min <= 0) {
            throw new IllegalArgumentException("a logarithmic parameter needs min > 0: " + min);
        }
    }

    /** A plain value as control travel {@code 0..1}; values outside the range are clamped. */
    public double toNormalized(double value) {
        double clamped = Math.min(max, Math.max(min, value));
        return scale == ParameterScale.LOGARITHMIC
                ? Math.log(clamped / min) / Math.log(max / min)
                : (clamped - min) / (max - min);
    }

    /** Control travel {@code 0..1} as a plain value; travel outside {@code 0..1} is clamped. */
    public double fromNormalized(double normalized) {
        double travel = Math.min(1, Math.max(0, normalized));
        return scale == ParameterScale.LOGARITHMIC
                ? min * Math.pow(max / min, travel)
                : min + (max - min) * travel;
    }
}
