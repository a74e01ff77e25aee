package dualmcmc.engine.tsne;

import dualmcmc.engine.cli.Main;
import dualmcmc.engine.cli.TsneCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CSV / NPY input and the {@code tsne} command. */
class EmbeddingInputTest {

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static byte[] npy(String descr, boolean fortran, String shape, int items, int itemSize, boolean bigEndian,
                      int major) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + shape + ", }";
        int pre = major == 1 ? 10 : 12;
        StringBuilder h = new StringBuilder(dict);
        while ((pre + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(pre + h.length() + items * itemSize)
                .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        ByteBuffer len = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length());
        b.put(len.array(), 0, major == 1 ? 2 : 4);
        b.put(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < items; i++) {
            if (itemSize == 8) {
                b.putDouble(i * 0.5 - 1);
            } else {
                b.putFloat(i * 0.5f - 1);
            }
        }
        return b.array();
    }

    @Test
    void csvWithHeaderAndLabelColumn() throws IOException {
        Path p = write("a.csv", "x,y,z,label\n1,2,3,cat\n4,5,6,dog\n7,8,9,cat\n");
        EmbeddingInput in = EmbeddingInput.read(p);
        assertEquals(3, in.size());
        assertEquals(3, in.dimension());
        assertArrayEquals(new double[] {4, 5, 6}, in.data()[1]);
        assertArrayEquals(new String[] {"cat", "dog", "cat"}, in.labels());
        assertArrayEquals(new int[] {0, 1, 0}, in.labelIds());
    }

    @Test
    void csvNumericLabelNamedLabel() throws IOException {
        EmbeddingInput in = EmbeddingInput.read(write("b.csv", "a,b,Label\n1.5,2,0\n3,4e1,1\n"));
        assertEquals(2, in.dimension());
        assertArrayEquals(new double[] {3, 40}, in.data()[1]);
        assertArrayEquals(new String[] {"0", "1"}, in.labels());
    }

    @Test
    void csvWithoutHeaderNonNumericLastColumnIsLabel() throws IOException {
        EmbeddingInput in = EmbeddingInput.read(write("c.csv", "\uFEFF1,2,a\n3,4,\"b,c\"\n\n5,6,a\n"));
        assertEquals(3, in.size());
        assertEquals(2, in.dimension());
        assertArrayEquals(new String[] {"a", "b,c", "a"}, in.labels());
    }

    @Test
    void csvAllNumericHasNoLabels() throws IOException {
        EmbeddingInput in = EmbeddingInput.read(write("d.csv", "1,2,3\n4,5,6\n"));
        assertEquals(3, in.dimension());
        assertFalse(in.hasLabels());
        assertNull(in.labelIds());
        EmbeddingInput h = EmbeddingInput.read(write("e.csv", "p,q\n1,2\n3,4\n"));
        assertEquals(2, h.dimension());
        assertEquals(2, h.size());
        assertFalse(h.hasLabels());
        EmbeddingInput tabs = EmbeddingInput.read(write("t.tsv", "1\t2\n3\t4\n"));
        assertArrayEquals(new double[] {3, 4}, tabs.data()[1]);
    }

    @Test
    void badCsvRejectedWithMessages() throws IOException {
        assertMessage(write("e1.csv", ""), "empty");
        assertMessage(write("e2.csv", "x,y,label\n"), "no data rows");
        assertMessage(write("e3.csv", "1,2,3\n4,5\n"), "line 2 has 2 fields, expected 3");
        assertMessage(write("e4.csv", "x,y,label\n1,abc,q\n"), "line 2 column 2 ('y'): 'abc' is not a number");
        assertMessage(write("e5.csv", "1,2\n3,NaN\n"), "not finite");
        assertMessage(write("e6.csv", "1,\"2\n"), "unterminated quote");
        assertMessage(write("e7.csv", "label\nfoo\n"), "no numeric feature columns");
        assertMessage(dir.resolve("missing.csv"), "not found");
        Path binary = dir.resolve("bin.csv");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertMessage(binary, "UTF-8");
    }

    void assertMessage(Path p, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingInput.read(p));
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        assertFalse(e.getMessage().contains("\n"), "one-line message");
    }

    @Test
    void npyFloat64AndFloat32() throws IOException {
        Path f8 = dir.resolve("a.npy");
        Files.write(f8, npy("<f8", false, "(3, 2)", 6, 8, false, 1));
        EmbeddingInput in = EmbeddingInput.read(f8);
        assertEquals(3, in.size());
        assertEquals(2, in.dimension());
        assertArrayEquals(new double[] {0, 0.5}, in.data()[1]);
        assertFalse(in.hasLabels());
        Path f4 = dir.resolve("b.npy");
        Files.write(f4, npy("<f4", false, "(2, 3)", 6, 4, false, 2));
        EmbeddingInput in4 = EmbeddingInput.read(f4);
        assertEquals(2, in4.size());
        assertArrayEquals(new double[] {0.5, 1.0, 1.5}, in4.data()[1]);
    }

    @Test
    void badNpyRejectedWithMessages() throws IOException {
        Object[][] cases = {
                {npy(">f8", false, "(3, 2)", 6, 8, true, 1), "big-endian"},
                {npy("<i8", false, "(3, 2)", 6, 8, false, 1), "dtype '<i8'"},
                {npy("<f8", true, "(3, 2)", 6, 8, false, 1), "Fortran order"},
                {npy("<f8", false, "(6,)", 6, 8, false, 1), "1-D array"},
                {npy("<f8", false, "(1, 3, 2)", 6, 8, false, 1), "3-D array"},
                {npy("<f8", false, "(4, 2)", 6, 8, false, 1), "truncated"},
                {npy("<f8", false, "(0, 2)", 0, 8, false, 1), "empty"},
                {npy("<f8", false, "(3, 2)", 6, 8, false, 7), "version 7"},
                {"not numpy at all".getBytes(StandardCharsets.US_ASCII), "bad magic"},
        };
        int i = 0;
        for (Object[] c : cases) {
            Path p = dir.resolve("bad" + (i++) + ".npy");
            Files.write(p, (byte[]) c[0]);
            assertMessage(p, (String) c[1]);
        }
    }

    @Test
    void subsampleIsSeededAndKeepsOrder() throws IOException {
        StringBuilder sb = new StringBuilder("a,label\n");
        for (int i = 0; i < 50; i++) {
            sb.append(i).append(",l").append(i % 3).append('\n');
        }
        EmbeddingInput in = EmbeddingInput.read(write("s.csv", sb.toString()));
        EmbeddingInput a = in.subsample(10, 4), b = in.subsample(10, 4), c = in.subsample(10, 5);
        assertArrayEquals(a.data(), b.data());
        assertFalse(java.util.Arrays.deepEquals(a.data(), c.data()));
        for (int i = 1; i < 10; i++) {
            assertTrue(a.data()[i][0] > a.data()[i - 1][0]);
            assertEquals("l" + ((int) a.data()[i][0] % 3), a.labels()[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> in.subsample(51, 0));
    }

    // -- the tsne command -------------------------------------------------------------------------

    Path clusterCsv(int perCluster) throws IOException {
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            sb.append("f").append(k).append(',');
        }
        sb.append("label\n");
        for (int i = 0; i < 3 * perCluster; i++) {
            int c = i % 3;
            for (int k = 0; k < 8; k++) {
                sb.append(c * 10 * (k == c ? 1 : 0) + rnd.nextGaussian()).append(',');
            }
            sb.append("class ").append((char) ('A' + c)).append('\n');
        }
        return write("clusters.csv", sb.toString());
    }

    @Test
    void commandPrintsJsonAndWritesMapAtomically() throws IOException {
        Path in = clusterCsv(40);
        Path out = dir.resolve("map.csv");
        StringWriter sw = new StringWriter();
        int code = new CommandLine(new TsneCommand()).setOut(new PrintWriter(sw)).execute(
                "--input", in.toString(), "--n", "90", "--perplexity", "10", "--iterations", "300",
                "--seed", "1", "--out", out.toString());
        assertEquals(0, code);
        List<String> printed = sw.toString().lines().toList();
        assertEquals(1, printed.size(), sw.toString());
        JsonNode json = new ObjectMapper().readTree(printed.get(0));
        assertEquals(List.of("n", "dim", "seconds", "kl", "knn_agreement"),
                iteratorToList(json.fieldNames()));
        assertEquals(90, json.get("n").asInt());
        assertEquals(8, json.get("dim").asInt());
        assertTrue(json.get("seconds").asDouble() > 0);
        assertTrue(json.get("kl").asDouble() > 0);
        assertTrue(json.get("knn_agreement").asDouble() >= 0.95, printed.get(0));
        List<String> lines = Files.readAllLines(out);
        assertEquals("x,y,label", lines.get(0));
        assertEquals(91, lines.size());
        assertTrue(lines.get(1).matches("-?[0-9.Ee-]+,-?[0-9.Ee-]+,class [ABC]"), lines.get(1));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("clusters.csv", "map.csv"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file left behind");
        }
        // the map read back has the labels again
        EmbeddingInput back = EmbeddingInput.read(out);
        assertEquals(2, back.dimension());
        assertTrue(back.hasLabels());
    }

    @Test
    void commandWithoutLabelsPrintsNullAgreement() throws IOException {
        Path in = dir.resolve("u.npy");
        Random rnd = new Random(1);
        byte[] bytes = npy("<f8", false, "(60, 3)", 180, 8, false, 1);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 180 * 8; i < bytes.length; i += 8) {
            b.putDouble(i, rnd.nextGaussian());
        }
        Files.write(in, bytes);
        StringWriter sw = new StringWriter();
        int code = new CommandLine(new TsneCommand()).setOut(new PrintWriter(sw)).execute(
                "--input", in.toString(), "--perplexity", "5", "--iterations", "260");
        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(sw.toString().trim());
        assertTrue(json.get("knn_agreement").isNull());
        assertEquals(60, json.get("n").asInt());
        assertEquals(3, json.get("dim").asInt());
    }

    @Test
    void badInputExitsWithCode2AndOneLineMessage() throws IOException {
        Path in = clusterCsv(10);
        Path bad = write("bad.csv", "1,2\n3\n");
        String[][] cases = {
                {"tsne", "--input", bad.toString()},
                {"tsne", "--input", dir.resolve("nope.csv").toString()},
                {"tsne", "--input", in.toString(), "--perplexity", "40"},
                {"tsne", "--input", in.toString(), "--perplexity", "-1"},
                {"tsne", "--input", in.toString(), "--n", "31"},
                {"tsne", "--input", in.toString(), "--iterations", "0"},
                {"tsne", "--input", in.toString(), "--out", dir.resolve("no/such/dir/m.csv").toString()},
                {"tsne"},
        };
        PrintStream saved = System.err;
        try {
            for (String[] args : cases) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                int code = Main.run(args);
                String msg = err.toString(StandardCharsets.UTF_8);
                assertEquals(2, code, String.join(" ", args) + " -> " + msg);
                assertTrue(msg.startsWith("error: "), msg);
            }
        } finally {
            System.setErr(saved);
        }
    }

    static List<String> iteratorToList(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
