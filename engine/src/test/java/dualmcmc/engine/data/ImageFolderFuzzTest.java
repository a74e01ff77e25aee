package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Folders holding one damaged PNG, JPEG, GIF or BMP picture: {@link ReaderFuzz}'s contract. */
class ImageFolderFuzzTest {

    static final String READER = "ImageFolder";
    private static final SampleShape TARGET = SampleShape.image(3, 8, 8);
    /**
     * A picture at the size limit costs about 40 bytes a pixel from file to data row (decoded,
     * composited, planes, resampling); a decoder trusting a header beyond the limit costs more.
     */
    private static final long BUDGET = ReaderFuzz.BASE_ALLOCATION + 40 * ImageFolder.MAX_PIXELS;
    private static Scratch scratch;

    /** A valid picture file and the header fields a damage may overwrite. */
    record Picture(String format, byte[] bytes, List<HeaderField> fields) {
        String fileName() {
            return "picture." + format;
        }

        @Override
        public String toString() {
            return format + " of " + bytes.length + " bytes";
        }
    }

    record Case(Picture picture, List<Damage> damage) {
    }

    @BeforeContainer
    static void setUp() {
        scratch = Scratch.forSuite();
    }

    @AfterContainer
    static void summary() {
        ReaderFuzz.finish(READER, scratch);
    }

    @Property(tries = 1200, seed = "1406")
    void damagedPictures(@ForAll("cases") Case c) {
        Path file = scratch.file(c.picture().fileName(), Damage.applyAll(c.picture().bytes(), c.damage()));
        ReaderFuzz.check(READER, c.picture().fileName(), BUDGET,
                () -> ImageFolder.read("fuzz", file.getParent(), TARGET, 4));
        ReaderFuzz.requireBothOutcomes(READER);
    }

    /**
     * The case of the issue and sizes a decoder would still try to allocate (400 MB, 2 GB):
     * refused from the header, within a budget smaller than one such picture.
     */
    @Property(tries = 3, seed = "1407")
    void hugeDeclaredSizesAreRefusedFromTheHeader(@ForAll("hugeSides") int side) {
        Picture png = picture("png", BufferedImage.TYPE_BYTE_GRAY, 4, 4, 1);
        byte[] bytes = png.bytes().clone();
        fieldNamed(png, "width").write(bytes, side);
        fieldNamed(png, "height").write(bytes, side);
        resealPngHeader(bytes);
        Path file = scratch.file(png.fileName(), bytes);

        assertEquals(ReaderFuzz.Outcome.REFUSED, ReaderFuzz.check(READER, png.fileName(), ReaderFuzz.BASE_ALLOCATION,
                () -> ImageFolder.read("fuzz", file.getParent(), TARGET, 4)));
        IOException e = assertThrows(IOException.class, () -> ImageFolder.decode(file));
        assertTrue(e.getMessage().contains(side + "x" + side), e.getMessage());
    }

    @Provide
    Arbitrary<Integer> hugeSides() {
        return Arbitraries.of(100_000, 46_340, 20_000);
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 24);
        Arbitrary<Picture> pictures = Combinators.combine(Arbitraries.of("png", "jpg", "gif", "bmp"),
                        Arbitraries.of(BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB,
                                BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY),
                        side, side, Arbitraries.longs())
                .as(ImageFolderFuzzTest::picture);
        return pictures.flatMap(p -> Damages.any(p.fields()).map(d -> new Case(p, d)));
    }

    /** A picture of random pixels; types a format's writer cannot store fall back to RGB. */
    static Picture picture(String format, int type, int width, int height, long seed) {
        boolean storable = format.equals("png") || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_BYTE_GRAY && !format.equals("gif");
        BufferedImage image = new BufferedImage(width, height, storable ? type : BufferedImage.TYPE_INT_RGB);
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            assertTrue(ImageIO.write(image, format, out), "no " + format + " writer for type " + image.getType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        return new Picture(format, bytes, PictureHeaders.of(format, bytes));
    }

    private static HeaderField fieldNamed(Picture p, String name) {
        return p.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** A correct CRC, so that the hostile size is all that is wrong with the header. */
    private static void resealPngHeader(byte[] png) {
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        HeaderField.bigEndian("IHDR crc", 29, 4).write(png, crc.getValue());
    }

}
