package dualmcmc.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/** One way of damaging a file; the fuzz suites apply a few in a row to a valid file. */
public sealed interface Damage {

    byte[] apply(byte[] bytes);

    /** Applies {@code damages} in order to a copy of {@code bytes}. */
    static byte[] applyAll(byte[] bytes, Iterable<Damage> damages) {
        byte[] out = bytes.clone();
        for (Damage d : damages) {
            out = d.apply(out);
        }
        return out;
    }

    /** Keeps the first {@code keep} (0..1) of the bytes: a download or a copy cut short, 0 an empty file. */
    record Truncate(double keep) implements Damage {
        @Override
        public byte[] apply(byte[] bytes) {
            return Arrays.copyOf(bytes, (int) Math.floor(bytes.length * keep));
        }
    }

    /** Flips {@code count} bits at seeded random places: a bad disk, a bad cable, a careless edit. */
    record FlipBits(long seed, int count) implements Damage {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length == 0) {
                return out;
            }
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < count; i++) {
                int bit = random.nextInt(out.length * 8);
                out[bit >>> 3] ^= (byte) (1 << (bit & 7));
            }
            return out;
        }
    }

    /** Sets a header field to a hostile value: sizes that lie, zero, negative or enormous dimensions. */
    record Overwrite(HeaderField field, long value) implements Damage {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            field.write(out, value);
            return out;
        }
    }

    /**
     * Puts hostile text at a place {@code at} (0..1) of the file, replacing as many bytes as it
     * holds or inserting it: the text formats' counterpart of a hostile header field.
     */
    record Splice(double at, String text, boolean replace) implements Damage {
        @Override
        public byte[] apply(byte[] bytes) {
            byte[] insert = text.getBytes(StandardCharsets.UTF_8);
            int pos = (int) Math.floor(bytes.length * at);
            int tail = replace ? Math.min(bytes.length, pos + insert.length) : pos;
            byte[] out = new byte[pos + insert.length + bytes.length - tail];
            System.arraycopy(bytes, 0, out, 0, pos);
            System.arraycopy(insert, 0, out, pos, insert.length);
            System.arraycopy(bytes, tail, out, pos + insert.length, bytes.length - tail);
            return out;
        }

        @Override
        public String toString() {
            String shown = text.length() > 40 ? text.substring(0, 40) + "... (" + text.length() + " chars)" : text;
            StringBuilder escaped = new StringBuilder();
            shown.chars().forEach(c -> escaped.append(c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
            return "Splice[at=" + at + ", text=" + escaped + ", replace=" + replace + "]";
        }
    }
}
