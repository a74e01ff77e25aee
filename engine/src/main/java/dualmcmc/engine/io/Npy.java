package dualmcmc.engine.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} bytes (format versions 1 to 3; C order, little-endian float32 or
 * float64) without trusting them: the header is parsed and checked against the bytes that follow
 * before anything is allocated from it, so a header that declares a huge shape is a message, not
 * an OutOfMemoryError (ND4J's own reader allocates what the header says). Every message starts
 * with {@code what}, the file or entry, and is one line.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    /** Longer than any header numpy writes (it pads to 64 bytes; a 32-D shape fits in a few hundred). */
    private static final int MAX_HEADER = 4096;

    private Npy() {
    }

    /** A checked header: the array's shape and element size, and where its data start. */
    public record Header(long[] shape, int itemSize, int dataStart) {
        public long count() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }

        public String shapeText() {
            return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList())
                    + (shape.length == 1 ? ",)" : ")");
        }
    }

    /** The most bytes a .npy of {@code count} float64 values can take: a bound for reading one. */
    public static long maxBytes(long count) {
        return 12 + MAX_HEADER + 8 * count;
    }

    /**
     * Parses the header of {@code bytes} and checks that exactly the data it declares follow
     * (no fewer: truncated; no more: something else was appended or the header lies).
     */
    public static Header header(byte[] bytes, String what) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException(what + " is not a NumPy .npy file (bad magic bytes)");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLen;
        int headerStart;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException(what + " is truncated (incomplete .npy header)");
            }
            headerLen = buf.getInt(8) & 0xffffffffL;
            headerStart = 12;
        } else {
            throw new IllegalArgumentException(what + " has unsupported .npy format version " + major);
        }
        if (headerLen > MAX_HEADER) {
            throw new IllegalArgumentException(what + " declares a .npy header of " + headerLen
                    + " bytes (at most " + MAX_HEADER + ")");
        }
        if (headerStart + headerLen > bytes.length) {
            throw new IllegalArgumentException(what + " is truncated (incomplete .npy header)");
        }
        String header = new String(bytes, headerStart, (int) headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher md = DESCR.matcher(header);
        Matcher mf = FORTRAN.matcher(header);
        Matcher ms = SHAPE.matcher(header);
        if (!md.find() || !mf.find() || !ms.find()) {
            throw new IllegalArgumentException(what + " has an unreadable .npy header: "
                    + header.trim().replaceAll("\\s+", " "));
        }
        String descr = md.group(1);
        int itemSize = switch (descr) {
            case "<f8" -> 8;
            case "<f4" -> 4;
            case ">f8", ">f4" -> throw new IllegalArgumentException(what + " holds big-endian floats (" + descr
                    + "); save it little-endian, e.g. a.astype('<f8')");
            default -> throw new IllegalArgumentException(what + " has dtype '" + descr
                    + "'; only float32 (<f4) and float64 (<f8) are supported");
        };
        if (mf.group(1).equals("True")) {
            throw new IllegalArgumentException(what + " is in Fortran order; save it in C order "
                    + "(np.ascontiguousarray)");
        }
        long[] shape = Arrays.stream(ms.group(1).split(",")).filter(s -> !s.isBlank()).mapToLong(s -> {
            try {
                long d = Long.parseLong(s.trim());
                if (d < 0) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " has an unreadable .npy shape: (" + ms.group(1) + ")");
            }
        }).toArray();
        long dataStart = headerStart + headerLen;
        long available = bytes.length - dataStart;
        long needed;
        try {
            long count = 1;
            for (long d : shape) {
                count = Math.multiplyExact(count, d);
            }
            needed = Math.multiplyExact(count, itemSize);
        } catch (ArithmeticException e) {
            needed = Long.MAX_VALUE;
        }
        Header h = new Header(shape, itemSize, (int) dataStart);
        if (needed != available) {
            throw new IllegalArgumentException(what + (needed > available ? " is truncated" : " has extra bytes")
                    + ": shape " + h.shapeText() + " of " + descr + " needs "
                    + (needed == Long.MAX_VALUE ? "more than 2^63" : Long.toString(needed))
                    + " data bytes, found " + available);
        }
        return h;
    }

    /**
     * The values of a .npy array that must have {@code shape} (as float32; float64 files are
     * narrowed) and hold finite values only.
     */
    public static float[] finiteFloats(byte[] bytes, long[] shape, String what) {
        Header h = header(bytes, what);
        if (!Arrays.equals(h.shape(), shape)) {
            throw new IllegalArgumentException(what + " has shape " + h.shapeText() + ", the architecture needs "
                    + new Header(shape, 4, 0).shapeText());
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) h.count()];
        for (int i = 0, pos = h.dataStart(); i < out.length; i++, pos += h.itemSize()) {
            float v = h.itemSize() == 8 ? (float) buf.getDouble(pos) : buf.getFloat(pos);
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds a non-finite value (" + v + ") at index " + i);
            }
            out[i] = v;
        }
        return out;
    }
}
