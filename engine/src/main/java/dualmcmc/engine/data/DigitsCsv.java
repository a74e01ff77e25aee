package dualmcmc.engine.data;

import dualmcmc.engine.util.OneLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reader for the UCI 8x8 hand-written digits as shipped with scikit-learn: CSV (usually gzip),
 * no header, 65 integers a line: 64 pixel counts 0..16 row by row, then the label 0..9.
 */
public final class DigitsCsv {

    public static final String BUNDLED = "data/digits/digits.csv.gz";
    public static final SampleShape SHAPE = SampleShape.image(1, 8, 8);
    public static final List<String> CLASS_NAMES =
            IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private static final int PIXELS = SHAPE.size();
    private static final int MAX_PIXEL = 16;

    private DigitsCsv() {
    }

    /** The 1797 digits bundled with the engine. */
    public static Dataset bundled() throws IOException {
        try (InputStream in = Assets.open(BUNDLED)) {
            return read(in, "bundled asset " + BUNDLED);
        }
    }

    public static Dataset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads the CSV from a stream, plain or gzip; {@code source} names it in error messages. */
    public static Dataset read(InputStream raw, String source) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Compression.decompressIfGzip(raw, source), StandardCharsets.US_ASCII));
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int[] values = parseLine(line, source, lineNo);
            float[] image = new float[PIXELS];
            for (int p = 0; p < PIXELS; p++) {
                // 0..16 counts of set pixels in a 4x4 block, mapped to [-1, 1] like the images.
                image[p] = values[p] / (MAX_PIXEL / 2f) - 1f;
            }
            images.add(image);
            labels.add(values[PIXELS]);
        }
        if (images.isEmpty()) {
            throw new IOException(source + ": no digits found, the file is empty");
        }
        float[] flat = new float[images.size() * PIXELS];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, flat, i * PIXELS, PIXELS);
        }
        return Dataset.ofImages("digits", SHAPE, Nd4j.create(flat, new long[] {images.size(), PIXELS}, 'c'),
                labels.stream().mapToInt(Integer::intValue).toArray(), CLASS_NAMES);
    }

    private static int[] parseLine(String line, String source, int lineNo) throws IOException {
        String[] fields = line.split(",", -1);
        if (fields.length != PIXELS + 1) {
            throw new IOException(source + ", line " + lineNo + ": expected " + (PIXELS + 1)
                    + " comma-separated values (64 pixels and a label), found " + fields.length);
        }
        int[] values = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = parseField(fields[i].trim(), source, lineNo, i);
        }
        return values;
    }

    private static int parseField(String field, String source, int lineNo, int column) throws IOException {
        boolean isLabel = column == PIXELS;
        int max = isLabel ? CLASS_NAMES.size() - 1 : MAX_PIXEL;
        String what = isLabel ? "label" : "pixel " + column;
        int v;
        try {
            // sklearn writes integers, but some copies carry them as "3.0"; accept whole floats only.
            double d = Double.parseDouble(field);
            v = (int) d;
            if (v != d) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IOException(source + ", line " + lineNo + ": " + what + " " + OneLine.quote(field)
                    + " is not an integer");
        }
        if (v < 0 || v > max) {
            throw new IOException(source + ", line " + lineNo + ": " + what + " " + v + " is outside 0.." + max);
        }
        return v;
    }
}
