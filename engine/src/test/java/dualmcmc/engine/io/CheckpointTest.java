package dualmcmc.engine.io;

import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.data.Datasets;
import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import dualmcmc.engine.train.DualMcmcTrainer;
import dualmcmc.engine.progress.IterationStats;
import dualmcmc.engine.train.TrainingSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {
    static final TrainingConfig SMALL = Presets.get("toy2d").withValue("width", 16).withValue("batch", 32)
            .withValue("x_steps", 4).withValue("z_steps", 3);
    @TempDir
    Path tmp;

    private static DualMcmcTrainer trainer(long seed) throws IOException {
        return trainer(seed, SMALL);
    }

    static DualMcmcTrainer trainer(long seed, TrainingConfig cfg) throws IOException {
        return TrainingSetup.create(Datasets.load("ring8", null, seed), cfg, seed).trainer();
    }

    /** Everything a resume needs: parameters, layer state (spectral norm's u, v) and Adam moments. */
    private static List<INDArray> state(DualMcmcTrainer t) {
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

    @Test
    void saveAndLoadRoundTripExactly() throws IOException {
        DualMcmcTrainer t = trainer(3);
        for (int i = 0; i < 3; i++) {
            t.step();
        }
        Path file = tmp.resolve("a.dmcx");
        Checkpoint.save(file, t, null, Map.of("note", "x"));
        Checkpoint.Loaded back = Checkpoint.load(file);
        assertEquals(state(t), state(back.trainer()));
        assertEquals(3, back.iteration());
        assertEquals(t.batches().position(), back.trainer().batches().position());
        assertEquals(t.config(), back.config());
        assertEquals("ring8", back.data().name());
        assertEquals("x", back.manifest().at("/metrics/note").asText());
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry("ebm/0.weight.npy") != null && zip.getEntry("adam/generator/0.weight.v.npy") != null);
        }
    }

    @ParameterizedTest(name = "spectral norm {0}")
    @ValueSource(booleans = {false, true})
    void resumingGivesTheSameNumbersAsAnUninterruptedRun(boolean spectralNorm) throws IOException {
        TrainingConfig cfg = SMALL.withValue("spectral_norm", spectralNorm);
        DualMcmcTrainer straight = trainer(5, cfg);
        IterationStats last = null;
        for (int i = 0; i < 6; i++) {
            last = straight.step();
        }
        DualMcmcTrainer first = trainer(5, cfg);
        for (int i = 0; i < 3; i++) {
            first.step();
        }
        Path file = tmp.resolve("half.dmcx");
        Checkpoint.save(file, first, null, null);
        DualMcmcTrainer resumed = Checkpoint.load(file).trainer();
        assertEquals(spectralNorm, !resumed.models().energy().network().state().isEmpty(),
                "spectral norm's power-iteration vectors travel with the checkpoint");
        IterationStats resumedLast = null;
        for (int i = 0; i < 3; i++) {
            resumedLast = resumed.step();
        }
        assertEquals(last.errE(), resumedLast.errE());
        assertEquals(last.errG(), resumedLast.errG());
        assertEquals(last.errI(), resumedLast.errI());
        assertEquals(state(straight), state(resumed));
        // the curves travel too: the resumed run's history is the uninterrupted one's, from iteration 1
        List<IterationStats> a = straight.history().rows();
        List<IterationStats> b = resumed.history().rows();
        assertEquals(6, b.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, b.get(i).iteration());
            assertEquals((float) a.get(i).errE(), (float) b.get(i).errE(), "L_E at iteration " + (i + 1));
            assertEquals((float) a.get(i).energySamples(), (float) b.get(i).energySamples());
        }
    }

    @Test
    void aHistoryThatDoesNotFitItsCheckpointIsRefused() throws IOException {
        DualMcmcTrainer t = trainer(3);
        t.step();
        t.step();
        Path file = tmp.resolve("h.dmcx");
        Checkpoint.save(file, t, null, null);
        t.setIteration(1);
        Path ahead = tmp.resolve("ahead.dmcx");
        t.setHistory(t.history());
        Checkpoint.save(ahead, t, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(ahead));
        assertTrue(e.getMessage().contains("ahead.dmcx") && e.getMessage().contains("history"), e.getMessage());
        assertEquals(2, Checkpoint.load(file).trainer().history().size());
    }

    @Test
    void aSaveThatDiesHalfwayLeavesTheLastGoodFile() throws IOException {
        DualMcmcTrainer t = trainer(7);
        t.step();
        Path file = tmp.resolve("good.dmcx");
        Checkpoint.save(file, t, null, null);
        byte[] good = Files.readAllBytes(file);
        assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
            out.write(new byte[]{'P', 'K', 3, 4, 0, 0});
            throw new IOException("killed");  // the process dies in the middle of writing
        }));
        assertTrue(Arrays.equals(good, Files.readAllBytes(file)), "the old checkpoint is untouched");
        assertEquals(1, Checkpoint.load(file).iteration());
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aCheckpointReadsTheSameFromAStreamAndRefusesATruncatedOne() throws IOException {
        DualMcmcTrainer t = trainer(11);
        t.step();
        Path file = tmp.resolve("s.dmcx");
        Checkpoint.save(file, t, null, Map.of(), Map.of("recipe", Map.of("command", "dualmcmc train x")));
        byte[] bytes = Files.readAllBytes(file);
        Checkpoint.Loaded back = Checkpoint.load(new java.io.ByteArrayInputStream(bytes), "stream");
        assertEquals(state(t), state(back.trainer()));
        assertEquals("dualmcmc train x", back.manifest().at("/recipe/command").asText());
        assertEquals(1, back.manifest().at("/rng/iteration").asLong());
        assertEquals("dualmcmc train x",
                Checkpoint.manifest(new java.io.ByteArrayInputStream(bytes), "stream").at("/recipe/command").asText());
        String m = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(
                new java.io.ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length / 3)), "cut.dmcx")).getMessage();
        assertTrue(m.startsWith("cut.dmcx: "), m);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.save(file, t, null, Map.of(),
                Map.of("iteration", 5)), "extra fields cannot overwrite the state");
    }

    private Path zipWith(String name, Map<String, byte[]> entries) throws IOException {
        return ArchiveIntegrityTest.zip(tmp.resolve(name), entries);
    }

    /**
     * {@code entries} with array {@code name} replaced by {@code npy}; with {@code consistent} its
     * checksum in the manifest is updated too, as a file made (not damaged) that way would have it.
     */
    static Map<String, byte[]> withArray(Map<String, byte[]> entries, String name, byte[] npy, boolean consistent)
            throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>(entries);
        out.put(name, npy);
        if (consistent) {
            com.fasterxml.jackson.databind.node.ObjectNode m =
                    (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) m.get("sha256")).put(name, ArrayArchive.sha256(npy));
            out.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        }
        return out;
    }

    private static String refused(Path f) {
        return assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(f)).getMessage();
    }

    @Test
    void badFilesAreRefusedWithAClearMessage() throws IOException {
        DualMcmcTrainer t = trainer(9);
        Path good = tmp.resolve("good.dmcx");
        Checkpoint.save(good, t, null, null);
        byte[] bytes = Files.readAllBytes(good);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }

        Path garbage = tmp.resolve("garbage.dmcx");
        Files.write(garbage, "not a zip at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(garbage).contains("corrupt or truncated"), refused(garbage));

        Path truncated = tmp.resolve("truncated.dmcx");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(refused(truncated).contains("truncated.dmcx"), refused(truncated));

        Map<String, byte[]> wrongVersion = new java.util.LinkedHashMap<>(entries);
        wrongVersion.put("manifest.json", new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                .replace("\"version\" : 2", "\"version\" : 99").getBytes(StandardCharsets.UTF_8));
        assertTrue(refused(zipWith("v99.dmcx", wrongVersion)).contains("version 99"));

        String m = refused(zipWith("shape.dmcx", withArray(entries, "ebm/0.weight.npy",
                Nd4j.toNpyByteArray(Nd4j.zeros(3, 3)), true)));
        assertTrue(m.contains("ebm/0.weight.npy") && m.contains("(3, 3)"), m);

        Map<String, byte[]> missing = new java.util.LinkedHashMap<>(entries);
        missing.remove("adam/inference/0.bias.m.npy");
        assertTrue(refused(zipWith("missing.dmcx", missing)).contains("missing array adam/inference/0.bias.m.npy"));

        Map<String, byte[]> slip = new java.util.LinkedHashMap<>(entries);
        slip.put("../../evil.npy", new byte[]{1});
        assertTrue(refused(zipWith("slip.dmcx", slip)).contains("outside the archive"));

        Map<String, byte[]> noManifest = new java.util.LinkedHashMap<>(entries);
        noManifest.remove("manifest.json");
        assertTrue(refused(zipWith("nomanifest.dmcx", noManifest)).contains("not a checkpoint"));

        assertTrue(refused(tmp.resolve("absent.dmcx")).contains("no such checkpoint"));
    }
}
