package dualmcmc.engine.data;

import java.util.ArrayList;
import java.util.List;

/** Where the size and layout fields of a PNG, JPEG, GIF or BMP file are, for the fuzz suites to overwrite. */
final class PictureHeaders {

    private PictureHeaders() {
    }

    static List<HeaderField> of(String format, byte[] b) {
        return switch (format) {
            case "png" -> List.of(HeaderField.bigEndian("width", 16, 4), HeaderField.bigEndian("height", 20, 4),
                    HeaderField.bigEndian("bit depth", 24, 1), HeaderField.bigEndian("colour type", 25, 1),
                    HeaderField.bigEndian("compression", 26, 1), HeaderField.bigEndian("filter", 27, 1),
                    HeaderField.bigEndian("interlace", 28, 1), HeaderField.bigEndian("IHDR length", 8, 4));
            case "jpg" -> jpeg(b);
            case "gif" -> gif(b);
            case "bmp" -> List.of(HeaderField.littleEndian("file size", 2, 4),
                    HeaderField.littleEndian("data offset", 10, 4), HeaderField.littleEndian("header size", 14, 4),
                    HeaderField.littleEndian("width", 18, 4), HeaderField.littleEndian("height", 22, 4),
                    HeaderField.littleEndian("planes", 26, 2), HeaderField.littleEndian("bits per pixel", 28, 2),
                    HeaderField.littleEndian("compression", 30, 4), HeaderField.littleEndian("image size", 34, 4),
                    HeaderField.littleEndian("colours used", 46, 4));
            default -> throw new IllegalArgumentException(format);
        };
    }

    /** The frame header (SOF0..SOF2) and the length of every segment before the image data. */
    private static List<HeaderField> jpeg(byte[] b) {
        List<HeaderField> fields = new ArrayList<>();
        int i = 2;
        while (i + 4 <= b.length && (b[i] & 0xff) == 0xff) {
            int marker = b[i + 1] & 0xff;
            int length = (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
            fields.add(HeaderField.bigEndian(String.format("segment %02X length", marker), i + 2, 2));
            if (marker >= 0xc0 && marker <= 0xc2) {
                fields.add(HeaderField.bigEndian("precision", i + 4, 1));
                fields.add(HeaderField.bigEndian("height", i + 5, 2));
                fields.add(HeaderField.bigEndian("width", i + 7, 2));
                fields.add(HeaderField.bigEndian("components", i + 9, 1));
            }
            if (marker == 0xda) {
                break;
            }
            i += 2 + length;
        }
        return fields;
    }

    /** The screen size, the colour table flags and the first image's descriptor. */
    private static List<HeaderField> gif(byte[] b) {
        List<HeaderField> fields = new ArrayList<>(List.of(HeaderField.littleEndian("screen width", 6, 2),
                HeaderField.littleEndian("screen height", 8, 2), HeaderField.littleEndian("screen flags", 10, 1)));
        int i = 13 + ((b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0);
        while (i < b.length && (b[i] & 0xff) == 0x21) {
            i += 2;
            while (i < b.length && b[i] != 0) {
                i += (b[i] & 0xff) + 1;
            }
            i++;
        }
        if (i < b.length && (b[i] & 0xff) == 0x2c) {
            fields.add(HeaderField.littleEndian("left", i + 1, 2));
            fields.add(HeaderField.littleEndian("top", i + 3, 2));
            fields.add(HeaderField.littleEndian("width", i + 5, 2));
            fields.add(HeaderField.littleEndian("height", i + 7, 2));
            fields.add(HeaderField.littleEndian("image flags", i + 9, 1));
            int lzw = i + 10 + ((b[i + 9] & 0x80) != 0 ? 3 << ((b[i + 9] & 7) + 1) : 0);
            fields.add(HeaderField.littleEndian("LZW code size", lzw, 1));
        }
        return fields;
    }
}
