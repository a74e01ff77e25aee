package dualmcmc.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class DigitsCsvTest {

    @Test
    void loadsTheBundledDigits() throws IOException {
        Dataset d = DigitsCsv.bundled();
        assertEquals("digits", d.name());
        assertEquals(1797, d.size());
        assertEquals(SampleShape.image(1, 8, 8), d.shape());
        assertEquals("1x8x8", d.shape().toString());
        assertEquals(10, d.classNames().size());
        assertEquals(10, Arrays.stream(d.labels()).distinct().count());
        assertEquals(0, Arrays.stream(d.labels()).min().orElseThrow());
        assertEquals(9, Arrays.stream(d.labels()).max().orElseThrow());
        assertEquals(-1.0, d.x().minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, d.x().maxNumber().doubleValue(), 1e-6);
        // First row of the UCI file: 0,0,5,13,... label 0.
        assertEquals(5 / 8.0 - 1, d.x().getDouble(0, 2), 1e-6);
        assertEquals(0, d.labels()[0]);
    }

    private static Dataset parse(String csv) throws IOException {
        return DigitsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)), "test.csv");
    }

    private static String line(int pixel, String label) {
        return String.join(",", Collections.nCopies(64, Integer.toString(pixel))) + "," + label + "\n";
    }

    @Test
    void readsPlainCsvToo() throws IOException {
        Dataset d = parse(line(16, "3") + line(0, "7"));
        assertEquals(2, d.size());
        assertEquals(1.0, d.x().getDouble(0, 10), 1e-6);
        assertEquals(-1.0, d.x().getDouble(1, 10), 1e-6);
        assertEquals(7, d.labels()[1]);
    }

    @Test
    void rejectsAShortLineNamingItsNumber() {
        String bad = line(1, "2") + "1,2,3\n";
        IOException e = assertThrows(IOException.class, () -> parse(bad));
        assertTrue(e.getMessage().contains("test.csv, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("65"), e.getMessage());
    }

    @Test
    void rejectsNonNumbersAndOutOfRangeValues() {
        IOException word = assertThrows(IOException.class, () -> parse(line(1, "x")));
        assertTrue(word.getMessage().contains("line 1") && word.getMessage().contains("'x'"), word.getMessage());
        IOException pixel = assertThrows(IOException.class, () -> parse(line(17, "1")));
        assertTrue(pixel.getMessage().contains("pixel 0 17"), pixel.getMessage());
        IOException label = assertThrows(IOException.class, () -> parse(line(1, "10")));
        assertTrue(label.getMessage().contains("label 10"), label.getMessage());
    }

    @Test
    void rejectsAnEmptyFile() {
        IOException e = assertThrows(IOException.class, () -> parse(""));
        assertTrue(e.getMessage().contains("test.csv"), e.getMessage());
    }
}
