package dualmcmc.engine.util;

/**
 * Untrusted text (a field of a damaged file, a decoder's own message) made fit for a one-line
 * error message: a damaged file can hold line breaks, terminal escapes or a megabyte without a
 * separator, and echoing those would turn a clear refusal into a screenful of noise.
 */
public final class OneLine {

    /** Enough to recognise a value; the rest of a runaway field says nothing more. */
    public static final int MAX_CHARS = 60;

    private OneLine() {
    }

    /** {@code text} in single quotes, cut to {@value #MAX_CHARS} characters, breaking characters escaped. */
    public static String quote(String text) {
        return "'" + clean(text) + "'";
    }

    /** {@code text} cut to {@value #MAX_CHARS} characters with control and line-breaking characters escaped. */
    public static String clean(String text) {
        if (text == null) {
            return "no detail";
        }
        boolean cut = text.length() > MAX_CHARS;
        String head = cut ? text.substring(0, MAX_CHARS) : text;
        StringBuilder out = new StringBuilder(head.length() + 16);
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (cut) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }
}
