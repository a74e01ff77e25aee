package dualmcmc.engine.config;

import java.util.List;
import java.util.Locale;

/**
 * The description of one setting: its key, kind, allowed range, group and meaning in the paper's
 * terms. The same descriptor validates CLI {@code --set key=value}, the app's property sheet and
 * checkpoint manifests, so all three refuse a bad value with the same message; it also formats a
 * value and says whether a change needs new networks, so every view shows and applies it alike.
 */
public record Hyperparameter(String key, Kind kind, double min, boolean minInclusive, double max,
                             boolean maxInclusive, List<String> choices, String group, String symbol,
                             String description, boolean rebuildsNetworks) {

    public enum Kind { INT, DOUBLE, BOOLEAN, CHOICE }

    static Hyperparameter integer(String key, int min, int max, String group, String symbol, String description) {
        return new Hyperparameter(key, Kind.INT, min, true, max, true, List.of(), group, symbol, description, false);
    }

    static Hyperparameter real(String key, double min, boolean minInclusive, double max, String group,
                               String symbol, String description) {
        return new Hyperparameter(key, Kind.DOUBLE, min, minInclusive, max, true, List.of(), group, symbol,
                description, false);
    }

    static Hyperparameter flag(String key, String group, String description) {
        return new Hyperparameter(key, Kind.BOOLEAN, 0, true, 1, true, List.of(), group, key, description, false);
    }

    static Hyperparameter choice(String key, List<String> choices, String group, String description) {
        return new Hyperparameter(key, Kind.CHOICE, 0, true, 0, true, List.copyOf(choices), group, key,
                description, false);
    }

    /**
     * This setting marked as one the networks are built from: models trained under the old value
     * cannot take the new one, so it applies only when the networks are built again.
     */
    Hyperparameter rebuildingNetworks() {
        return new Hyperparameter(key, kind, min, minInclusive, max, maxInclusive, choices, group, symbol,
                description, true);
    }

    /** The allowed values in words, e.g. {@code (0, 10]} or {@code one of mlp, conv28}. */
    public String range() {
        return switch (kind) {
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case INT -> "an integer in [" + (long) min + ", " + (long) max + "]";
            case DOUBLE -> (minInclusive ? "[" : "(") + NumberText.format(min) + ", " + NumberText.format(max)
                    + (maxInclusive ? "]" : ")");
        };
    }

    /**
     * A value of this setting as the settings sheet and the chain bars show it, and as {@link #parse}
     * reads it back: integers and reals without trailing zeros, reals below 1e-3 or from 1e6 in
     * exponent form ({@code 5e-4}), flags and choices as their words.
     */
    public String format(Object value) {
        return switch (kind) {
            case INT -> Long.toString(((Number) value).longValue());
            case DOUBLE -> NumberText.format(((Number) value).doubleValue());
            case BOOLEAN, CHOICE -> String.valueOf(value);
        };
    }

    /** Parses and validates a value given as text; throws with a message naming the key and range. */
    public Object parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            return switch (kind) {
                case BOOLEAN -> {
                    String l = t.toLowerCase(Locale.ROOT);
                    if (!l.equals("true") && !l.equals("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.parseBoolean(l);
                }
                case CHOICE -> {
                    if (!choices.contains(t)) {
                        throw new NumberFormatException();
                    }
                    yield t;
                }
                case INT -> validate(Integer.parseInt(t));
                case DOUBLE -> validate(Double.parseDouble(t));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be " + range() + ", got '" + t + "'");
        }
    }

    /** Validates a typed value (Integer, Double, Boolean or String) and returns it normalised. */
    public Object validate(Object value) {
        switch (kind) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case CHOICE:
                if (value instanceof String s && choices.contains(s)) {
                    return s;
                }
                break;
            case INT:
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    checkRange(n.doubleValue(), value);
                    return n.intValue();
                }
                break;
            case DOUBLE:
                if (value instanceof Number n) {
                    checkRange(n.doubleValue(), value);
                    return n.doubleValue();
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException(key + " must be " + range() + ", got '" + value + "'");
    }

    private void checkRange(double v, Object shown) {
        boolean ok = !Double.isNaN(v)
                && (minInclusive ? v >= min : v > min)
                && (maxInclusive ? v <= max : v < max);
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + range() + ", got " + shown);
        }
    }
}
