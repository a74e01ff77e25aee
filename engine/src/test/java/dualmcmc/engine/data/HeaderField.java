package dualmcmc.engine.data;

import java.nio.ByteOrder;

/**
 * A fixed-size integer field of a binary header (a count, a dimension, a magic number) that the
 * fuzz suites overwrite with hostile values: a reader must check what a header claims, not trust it.
 */
public record HeaderField(String name, int offset, int size, ByteOrder order) {

    public static HeaderField bigEndian(String name, int offset, int size) {
        return new HeaderField(name, offset, size, ByteOrder.BIG_ENDIAN);
    }

    public static HeaderField littleEndian(String name, int offset, int size) {
        return new HeaderField(name, offset, size, ByteOrder.LITTLE_ENDIAN);
    }

    /** Writes the low {@code size} bytes of {@code value}; a field past the end of a cut file is left out. */
    void write(byte[] bytes, long value) {
        if (offset + size > bytes.length) {
            return;
        }
        for (int i = 0; i < size; i++) {
            int shift = 8 * (order == ByteOrder.BIG_ENDIAN ? size - 1 - i : i);
            bytes[offset + i] = (byte) (value >>> shift);
        }
    }

    @Override
    public String toString() {
        return name + "@" + offset;
    }
}
