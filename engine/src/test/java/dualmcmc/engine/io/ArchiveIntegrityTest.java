package dualmcmc.engine.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.train.DualMcmcTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the checksums and the strict array reader catch, one case each: a damaged array, values a
 * file was made with (NaN, a header that declares a huge shape, a config that asks for a huge
 * network) and an unreadable manifest, each refused with one line naming the file and the entry;
 * and a file from before checksums, which still loads.
 */
class ArchiveIntegrityTest {
    @TempDir
    static Path tmp;
    private static DualMcmcTrainer trainer;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void save() throws IOException {
        trainer = CheckpointTest.trainer(5, CheckpointTest.SMALL);
        trainer.step();
        Path good = tmp.resolve("good.dmcx");
        Checkpoint.save(good, trainer, null, Map.of());
        entries = read(good);
    }

    static Map<String, byte[]> read(Path zipFile) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** A zip of {@code entries}, written with valid zip CRCs: only the manifest's checksums can tell. */
    static Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return zip(tmp.resolve(name), entries);
    }

    static Path zip(Path f, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return f;
    }

    private static String refused(Path f) {
        String m = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(f)).getMessage();
        assertTrue(m.startsWith(f.toString() + ": "), "the message names the file: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    static List<INDArray> state(DualMcmcTrainer t) {
        List<INDArray> all = new ArrayList<>();
        for (Network n : t.models().networks()) {
            for (Parameter p : n.parameters()) {
                all.add(p.value().dup());
            }
            n.state().values().forEach(a -> all.add(a.dup()));
        }
        t.optimisers().forEach(a -> a.moments().forEach(m -> all.add(m.dup())));
        return all;
    }

    /** An .npy header with any shape text, followed by {@code dataBytes} zero bytes. */
    static byte[] npy(String shape, int dataBytes) {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        StringBuilder h = new StringBuilder(dict);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] header = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + header.length + dataBytes];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, 5);
        out[6] = 1;
        out[8] = (byte) header.length;
        out[9] = (byte) (header.length >> 8);
        System.arraycopy(header, 0, out, 10, header.length);
        return out;
    }

    @Test
    void aFlippedBitInAnArrayIsCaughtByItsChecksum() throws IOException {
        // a zip with valid CRCs around the damaged bytes: as if the file had been rewritten by a tool
        Map<String, byte[]> damaged = new LinkedHashMap<>(entries);
        byte[] w = damaged.get("ebm/0.weight.npy").clone();
        w[w.length - 3] ^= 0x10;
        damaged.put("ebm/0.weight.npy", w);
        String m = refused(zip("flipped.dmcx", damaged));
        assertTrue(m.contains("ebm/0.weight.npy is damaged (its SHA-256 differs"), m);
    }

    @Test
    void aFlippedBitInTheFileIsCaughtByTheZipCrc() throws IOException {
        Path good = tmp.resolve("good.dmcx");
        byte[] bytes = Files.readAllBytes(good);
        // the middle of the file: some array's deflated data
        bytes[bytes.length / 2] ^= 0x01;
        Path f = tmp.resolve("crc.dmcx");
        Files.write(f, bytes);
        String m = refused(f);
        assertTrue(m.contains("damaged") || m.contains("corrupt") || m.contains("truncated"), m);
    }

    @Test
    void nonFiniteValuesAreRefused() throws IOException {
        String name = "adam/generator/0.weight.v.npy";
        byte[] bytes = npyOf(Float.NaN, entries.get(name));
        String m = refused(zip("nan.dmcx", CheckpointTest.withArray(entries, name, bytes, true)));
        assertTrue(m.contains(name + " holds a non-finite value (NaN)"), m);
    }

    @Test
    void modelsWithNonFiniteValuesAreNotSavedOverAGoodFile() throws IOException {
        Path f = tmp.resolve("kept.dmcx");
        Checkpoint.save(f, trainer, null, Map.of());
        byte[] good = Files.readAllBytes(f);
        DualMcmcTrainer broken = CheckpointTest.trainer(5, CheckpointTest.SMALL);
        broken.models().networks().get(1).parameters().get(0).value().putScalar(0, Float.POSITIVE_INFINITY);
        String m = assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(f, broken, null, Map.of()))
                .getMessage();
        assertTrue(m.contains("not saved: generator/0.weight.npy holds a non-finite value (Infinity)"), m);
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(f)), "the good file was replaced");
    }

    @Test
    void aHeaderDeclaringAHugeShapeIsRefusedWithoutAllocatingIt() throws IOException {
        String name = "ebm/0.weight.npy";
        for (String shape : new String[]{"(100000, 100000, 100000)", "(9223372036854775807, 2)", "(-4, 2)"}) {
            String m = refused(zip("huge.dmcx", CheckpointTest.withArray(entries, name, npy(shape, 64), true)));
            assertTrue(m.contains(name), m);
        }
    }

    @Test
    void aManifestThatIsNotJsonIsOneLineNamingTheFile() throws IOException {
        Map<String, byte[]> bad = new LinkedHashMap<>(entries);
        bad.put("manifest.json", "{\"format\": \"dualmcmc-checkpoint\",\n oops".getBytes(StandardCharsets.UTF_8));
        String m = refused(zip("notjson.dmcx", bad));
        assertTrue(m.contains("manifest.json is not valid JSON"), m);
    }

    @Test
    void aConfigAskingForMoreThanTheFileHoldsIsRefusedBeforeBuilding() throws IOException {
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
        ((ObjectNode) m.get("config")).put("width", 4096);
        Map<String, byte[]> bad = new LinkedHashMap<>(entries);
        bad.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        String msg = refused(zip("wide.dmcx", bad));
        assertTrue(msg.contains("width 4096") && msg.contains("needs at least"), msg);
    }

    @Test
    void aFileFromBeforeChecksumsStillLoads() throws IOException {
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
        m.remove("sha256");
        m.put("version", 1);
        Map<String, byte[]> old = new LinkedHashMap<>(entries);
        old.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        Checkpoint.Loaded back = Checkpoint.load(zip("v1.dmcx", old));
        assertEquals(state(trainer), state(back.trainer()));
        // but a version-2 file must carry them
        m.put("version", 2);
        old.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        assertTrue(refused(zip("v2-without.dmcx", old)).contains("no array checksums"));
    }

    @Test
    void aFileFromBeforeChecksumsGetsThemOnlyWhenItIsSound() throws IOException {
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
        m.remove("sha256");
        m.put("version", 1);
        Map<String, byte[]> old = new LinkedHashMap<>(entries);
        old.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        Path sound = zip("old-sound.dmcx", old);
        assertEquals(0, dualmcmc.engine.cli.Main.run("verify", "--add-checksums", sound.toString()));
        Checkpoint.Loaded back = Checkpoint.load(sound);
        assertEquals(2, back.manifest().path("version").asInt());
        assertEquals(state(trainer), state(back.trainer()));
        assertFalse(Checkpoint.addChecksums(sound), "a second time there is nothing to add");

        // damage that only a checksum would have caught stays uncaught in a version-1 file, but a
        // non-finite value is refused, and such a file is not blessed with checksums
        old.put("ebm/0.weight.npy", ArchiveIntegrityTest.npyOf(Float.NaN, entries.get("ebm/0.weight.npy")));
        Path damaged = zip("old-damaged.dmcx", old);
        byte[] before = Files.readAllBytes(damaged);
        assertEquals(1, dualmcmc.engine.cli.Main.run("verify", "--add-checksums", damaged.toString()));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(damaged)), "the damaged file was rewritten");
    }

    /** {@code npy} with its last float32 set to {@code v}. */
    static byte[] npyOf(float v, byte[] npy) {
        byte[] out = npy.clone();
        int bits = Float.floatToRawIntBits(v);
        for (int i = 0; i < 4; i++) {
            out[out.length - 4 + i] = (byte) (bits >>> (8 * i));
        }
        return out;
    }

    @Test
    void aDamagedClassifierIsRefusedToo() throws IOException {
        ClassifierFile.Loaded bundled = ClassifierFile.bundled("digits").orElseThrow();
        Path f = tmp.resolve("c.dmcc");
        ClassifierFile.save(f, bundled.classifier(), "digits", Map.of("test_accuracy", bundled.testAccuracy()));
        assertEquals(bundled.testAccuracy(), ClassifierFile.load(f).testAccuracy());
        Map<String, byte[]> e = read(f);
        String name = e.keySet().stream().filter(n -> n.endsWith(".npy")).findFirst().orElseThrow();
        byte[] w = e.get(name).clone();
        w[w.length - 1] ^= 0x40;
        e.put(name, w);
        Path bad = zip("bad.dmcc", e);
        String m = assertThrows(IllegalArgumentException.class, () -> ClassifierFile.load(bad)).getMessage();
        assertTrue(m.startsWith(bad + ": " + name + " is damaged"), m);
    }
}
