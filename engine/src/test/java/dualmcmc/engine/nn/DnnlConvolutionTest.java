package dualmcmc.engine.nn;

import dualmcmc.engine.nn.FloatAgreement.Twins;
import dualmcmc.engine.util.Nd4jSetup;
import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dualmcmc.engine.nn.FloatAgreement.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The direct oneDNN route of FLOAT convolutions ({@link DnnlConvolution}) against the DOUBLE
 * im2col route, which the gradient checks verify: outputs and all gradients, for every
 * configuration the presets use, across input shapes that come and go, repeated passes with the
 * same weights, and weights changed in place (a stale reordered copy of the weights would pass the
 * first comparison and fail after the change).
 */
class DnnlConvolutionTest {

    @BeforeAll
    static void setUp() {
        Nd4jSetup.init();
    }

    /** A FLOAT layer on the direct route and a DOUBLE twin with the same parameters. */
    private static Twins<Conv2d> pair(int in, int out, int kernel, int stride, int padding, boolean sn) {
        return Twins.of(new Conv2d(in, out, kernel, stride, padding, sn, new Init(Rng.of(3), DataType.FLOAT)),
                new Conv2d(in, out, kernel, stride, padding, sn, new Init(Rng.of(3), DataType.DOUBLE)));
    }

    /**
     * Layers are made on one thread and run on others (the trainer's and chain runner's worker
     * threads come and go; the app's views run the models between training iterations): oneDNN's
     * default scratchpad belongs to the thread that made a primitive, and a weight gradient run on
     * another thread wrote through a null pointer (SIGSEGV). Every primitive has its own.
     */
    @Test
    void aLayerMadeOnOneThreadRunsOnOthers() throws Exception {
        Twins<Conv2d> first = pair(1, 32, 4, 2, 1, false);
        Twins<Conv2d> second = pair(32, 64, 4, 2, 1, false);
        for (int round = 0; round < 3; round++) {
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    Nd4jSetup.init();
                    first.check("conv 1->32 k4 s2 p1 on a new thread", 7, 16, 1, 28, 28);
                    second.check("conv 32->64 k4 s2 p1 on a new thread", 7, 16, 32, 14, 14);
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            t.start();
            t.join();
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
        }
        first.check("conv 1->32 k4 s2 p1 on the test thread", 8, 16, 1, 28, 28);
    }

    @Test
    void theDirectRouteIsAvailableOnTheCpu() {
        assertEquals(Nd4j.getEnvironment().isCPU(), Dnnl.available());
    }

    @Test
    void everyPresetConfigurationMatchesTheReference() {
        pair(1, 8, 4, 2, 1, false).check("conv 1->8 k4 s2 p1", 5, 5, 1, 28, 28);
        pair(8, 16, 4, 2, 1, false).check("conv 8->16 k4 s2 p1", 5, 4, 8, 14, 14);
        pair(8, 16, 3, 2, 1, false).check("conv 8->16 k3 s2 p1 on 7x7", 5, 5, 8, 7, 7);
        pair(16, 8, 3, 1, 1, false).check("conv 16->8 k3 s1 p1", 5, 3, 16, 14, 14);
        pair(8, 1, 3, 1, 1, false).check("conv 8->1 k3 s1 p1", 5, 3, 8, 28, 28);
        pair(3, 6, 4, 2, 1, true).check("conv sn 3->6 k4 s2 p1", 5, 4, 3, 32, 32);
        // 7 -> 3 drops a row and a column of the input
        pair(4, 4, 4, 2, 1, false).check("conv 4->4 k4 s2 p1 on 7x7", 5, 3, 4, 7, 7);
    }

    @Test
    void inputShapesThatComeAndGoKeepTheirOwnPrimitives() {
        Twins<Conv2d> p = pair(4, 6, 3, 2, 1, false);
        p.check("batch 5", 11, 5, 4, 9, 9);
        p.check("last chunk of 2", 13, 2, 4, 9, 9);
        p.check("batch 5 again", 15, 5, 4, 9, 9);
        p.check("another size, evicting the oldest", 17, 5, 4, 8, 8);
        p.check("a third shape", 19, 1, 4, 9, 9);
        p.check("back to batch 5", 21, 5, 4, 9, 9);
    }

    @Test
    void repeatedPassesWithTheSameWeightsGiveTheSameResults() {
        Conv2d c = pair(8, 16, 3, 1, 1, false).fast();
        INDArray x = Rng.of(7).gaussian(4, 8, 10, 10);
        INDArray y = c.forward(x).dup();
        INDArray gy = Rng.of(8).gaussian(y.shape());
        INDArray gx = c.backward(gy, false).dup();
        for (int i = 0; i < 5; i++) {
            assertEquals(y, c.forward(x));
            assertEquals(gx, c.backward(gy, false));
        }
    }

    @Test
    void weightsChangedInPlaceAreUsedAfterParametersChanged() {
        Twins<Conv2d> p = pair(8, 16, 3, 2, 1, false);
        p.check("before", 23, 4, 8, 12, 12);
        INDArray x = Rng.of(25).gaussian(4, 8, 12, 12);
        INDArray before = p.fast().forward(x).dup();
        // an optimiser step: the same arrays, new values
        p.exact().parameters().get(0).value().muli(-0.5).addi(0.01);
        p.exact().parameters().get(1).value().addi(0.3);
        p.copyParameters();
        INDArray after = p.fast().forward(x).dup();
        assertTrue(before.sub(after).amaxNumber().doubleValue() > 0.1, "the output did not follow the new weights");
        p.check("after", 23, 4, 8, 12, 12);
        p.check("after, input-gradient route", 27, 4, 8, 12, 12);
    }

    /** The conv28 EBM's shape with channels c1, c2, c3: three convolutions linked through leaky ReLUs. */
    private static Network linkedNetwork(DataType type, boolean sn, int c1, int c2, int c3) {
        Init init = new Init(Rng.of(3), type);
        return new Network(java.util.List.of(new Reshape(1, 28, 28),
                new Conv2d(1, c1, 4, 2, 1, sn, init), Activation.leakyRelu(0.2),
                new Conv2d(c1, c2, 4, 2, 1, sn, init), Activation.leakyRelu(0.2),
                new Conv2d(c2, c3, 3, 2, 1, sn, init), Activation.leakyRelu(0.2),
                Reshape.flat(), new Dense(c3 * 4 * 4, 1, sn, init)));
    }

    /** Which convolutions of a {@link #linkedNetwork} left their output linked in its last pass. */
    private static boolean[] links(Network n) {
        return new boolean[]{((Conv2d) n.layers().get(1)).linkedOutput(), ((Conv2d) n.layers().get(3)).linkedOutput(),
                ((Conv2d) n.layers().get(5)).linkedOutput()};
    }

    /**
     * A {@link #linkedNetwork} against its DOUBLE twin: the energies, the input gradient and every
     * parameter gradient over passes of two batch sizes, with and without spectral norm, and a
     * layer run on its own afterwards must still answer in NCHW. {@code linksSeen} receives which
     * convolutions linked in each pass.
     */
    private static void checkAgainstReference(int c1, int c2, int c3, java.util.function.Consumer<boolean[]> linksSeen) {
        for (boolean sn : new boolean[]{false, true}) {
            Network exact = linkedNetwork(DataType.DOUBLE, sn, c1, c2, c3);
            Network fast = linkedNetwork(DataType.FLOAT, sn, c1, c2, c3);
            for (int i = 0; i < exact.parameters().size(); i++) {
                fast.parameters().get(i).value().assign(exact.parameters().get(i).value().castTo(DataType.FLOAT));
            }
            exact.parametersChanged(false);
            fast.parametersChanged(false);
            for (int batch : new int[]{6, 3, 6}) {
                String name = (sn ? "spectral-norm " : "") + "channels " + c1 + "/" + c2 + "/" + c3 + " batch " + batch;
                exact.zeroGrad();
                fast.zeroGrad();
                INDArray x = Rng.of(batch).gaussian(batch, 784).castTo(DataType.DOUBLE);
                INDArray eExact = exact.forward(x);
                assertClose(name + " energies", eExact, fast.forward(x.castTo(DataType.FLOAT)));
                INDArray gy = Rng.of(batch + 1).gaussian(eExact.shape()).castTo(DataType.DOUBLE);
                INDArray gxExact = exact.backward(gy, true);
                assertClose(name + " input gradient", gxExact, fast.backward(gy.castTo(DataType.FLOAT), true));
                for (int i = 0; i < exact.parameters().size(); i++) {
                    assertClose(name + " gradient of " + exact.parameterName(exact.parameters().get(i)),
                            exact.parameters().get(i).grad(), fast.parameters().get(i).grad());
                }
                fast.forward(x.castTo(DataType.FLOAT));
                assertClose(name + " input gradient alone", gxExact, fast.backward(gy.castTo(DataType.FLOAT), false));
                linksSeen.accept(links(fast));
            }
            INDArray maps = Rng.of(9).gaussian(2, 1, 28, 28);
            assertClose((sn ? "spectral-norm " : "") + "first convolution alone",
                    exact.layers().get(1).forward(maps.castTo(DataType.DOUBLE)).dup(),
                    fast.layers().get(1).forward(maps));
        }
    }

    /**
     * Inside a network the maps between convolutions stay in oneDNN's layout (see Network). With
     * channel counts that fill whole blocks on every instruction set (16, 32: multiples of AVX2's 8
     * and AVX-512's 16), both links must be made, and the results must be the reference's.
     */
    @Test
    void linkedConvolutionsInANetworkMatchTheReference() {
        checkAgainstReference(16, 32, 64, links -> {
            if (Dnnl.available()) {
                assertTrue(links[0] && links[1], "the convolutions were not linked on " + Dnnl.effectiveIsa());
                assertTrue(!links[2], "the last one feeds a dense layer");
            }
        });
    }

    /**
     * Eight channels fill a block of AVX2's nChw8c but only half of AVX-512's nChw16c, which would
     * pad them: there the first link must fall back to plain nchw (and the second, 16 channels,
     * still link), on AVX2 both link, and on either the results are the reference's. CI runs this
     * class with oneDNN capped at AVX2 as well as at the CPU's own set, so both routes are tested on
     * one machine.
     */
    @Test
    void aLinkWhoseLayoutWouldPadTheChannelsFallsBackToPlainMaps() {
        String isa = Dnnl.effectiveIsa();
        checkAgainstReference(8, 16, 32, links -> {
            if (isa == null) {
                return;
            }
            assertTrue(links[1], "16 channels fill a block on " + isa + ": the second link must be made");
            if (isa.startsWith("avx512")) {
                assertTrue(!links[0], "8 channels are padded to 16 on " + isa + ": the first link must fall back");
            } else if (isa.startsWith("avx2")) {
                assertTrue(links[0], "8 channels fill AVX2's block: the first link must be made");
            }
        });
    }

    /**
     * The networks the image presets build keep every conv > activation > conv link on this CPU's
     * instruction set: their channel counts fill whole blocks on AVX2 and on AVX-512 alike, so no
     * user of a preset pays the reorders that a padded layout would force.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"image28, 1, 28", "digits8, 1, 8", "image32, 3, 32"})
    void everyImagePresetsNetworksLinkTheirConvolutions(String preset, int channels, int side) {
        if (!Dnnl.available()) {
            return;
        }
        dualmcmc.engine.model.ModelSet models = dualmcmc.engine.model.Architectures.build(
                dualmcmc.engine.config.Presets.get(preset), new dualmcmc.engine.data.SampleShape(channels, side, side),
                new Init(Rng.of(1), DataType.FLOAT));
        INDArray x = Rng.of(2).gaussian(4, (long) channels * side * side);
        for (Network n : java.util.List.of(models.networks().get(0), models.networks().get(2))) {
            n.forward(x);
            int expected = 0;
            int linked = 0;
            for (int i = 0; i < n.layers().size(); i++) {
                if (n.layers().get(i) instanceof Conv2d c) {
                    int j = i + 1;
                    while (j < n.layers().size() && n.layers().get(j) instanceof Activation) {
                        j++;
                    }
                    if (j < n.layers().size() && n.layers().get(j) instanceof Conv2d) {
                        expected++;
                        linked += c.linkedOutput() ? 1 : 0;
                    }
                }
            }
            assertTrue(expected > 0, preset + ": the network has linkable convolutions");
            assertEquals(expected, linked, preset + " on " + Dnnl.effectiveIsa() + ": links made");
        }
    }

    /**
     * {@code ONEDNN_MAX_CPU_ISA=AVX2} (the variable CI sets for its second run of the convolution
     * tests) must reach the oneDNN this engine calls, or that run would test the same kernels twice.
     */
    @Test
    void theInstructionSetCapIsHonoured() {
        String cap = System.getenv("ONEDNN_MAX_CPU_ISA");
        System.out.println("oneDNN runs on " + Dnnl.effectiveIsa() + " (ONEDNN_MAX_CPU_ISA=" + cap + ")");
        if (Dnnl.available() && "AVX2".equalsIgnoreCase(cap)) {
            assertTrue(Dnnl.effectiveIsa().startsWith("avx2"), "capped at AVX2, oneDNN runs " + Dnnl.effectiveIsa());
        }
    }

    @Test
    void arraysOfTheWrongShapeOrLayoutAreRefused() {
        try (DnnlConvolution c = new DnnlConvolution(new long[]{2, 3, 8, 8}, 4, 3, 1, 1, false, null, false)) {
            INDArray w = Nd4j.rand(DataType.FLOAT, 4, 3, 3, 3);
            INDArray b = Nd4j.zeros(DataType.FLOAT, 4);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 2, 4, 8, 8);
            INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8);
            c.forward(x, w, 0, b, y);
            assertThrows(IllegalArgumentException.class,
                    () -> c.forward(Nd4j.rand(DataType.FLOAT, 1, 3, 8, 8), w, 0, b, y));
            assertThrows(IllegalArgumentException.class,
                    () -> c.forward(x, w, 0, b, Nd4j.zeros(DataType.FLOAT, 2, 4, 8, 7)));
            assertThrows(IllegalArgumentException.class,
                    () -> c.forward(x.castTo(DataType.DOUBLE), w, 0, b, y));
            INDArray transposed = Nd4j.rand(DataType.FLOAT, 2, 3, 8, 8).permute(0, 1, 3, 2);
            assertThrows(IllegalArgumentException.class, () -> c.forward(transposed, w, 0, b, y));
            INDArray offset = Nd4j.rand(DataType.FLOAT, 3, 3, 8, 8).get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3));
            assertThrows(IllegalArgumentException.class, () -> c.forward(offset, w, 0, b, y));
        }
    }

    /**
     * The engine runs each convolution on its calling thread only (one OpenMP thread, shared with
     * ND4J's runtime). OpenMP's helper threads are made by the thread that calls it and inherit its
     * name, so the helpers of a thread with a name of its own are the other tasks of the process
     * under that name. (Comparing process CPU time with the thread's was flaky: GC, the JIT and
     * other tests' threads count in the process.) The control, the same work with OpenMP allowed
     * two threads, shows that such helpers would be seen.
     */
    @Test
    void aConvolutionRunsOnTheCallingThreadAlone() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
        assertEquals(0, helperCpuTicks("conv-alone", false), "OpenMP helper threads' CPU ticks");
        assertTrue(helperCpuTicks("conv-two", true) > 0, "the control: two OpenMP threads show a helper");
    }

    /**
     * CPU ticks spent by the tasks named as the worker, other than the worker itself. Counted by
     * the worker once its work is done: OpenMP's helpers end with the thread that made them.
     */
    private static long helperCpuTicks(String name, boolean twoOpenMpThreads) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong ticks = new AtomicLong(-1);
        Thread worker = new Thread(() -> {
            try {
                Nd4jSetup.init();
                if (twoOpenMpThreads) {
                    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(2);
                }
                Conv2d c = pair(32, 32, 3, 1, 1, false).fast();
                INDArray x = Rng.of(9).gaussian(32, 32, 28, 28);
                INDArray gy = Rng.of(10).gaussian(32, 32, 28, 28);
                for (int i = 0; i < 15; i++) {
                    c.forward(x);
                    c.backward(gy, true);
                }
                ticks.set(cpuTicksOfOtherTasksNamed(name));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, name);
        worker.start();
        worker.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return ticks.get();
    }

    private static long cpuTicksOfOtherTasksNamed(String name) throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                if (task.getFileName().toString().equals(self)) {
                    continue;
                }
                try {
                    if (!Files.readString(task.resolve("comm")).trim().equals(name)) {
                        continue;
                    }
                    // the fields after the parenthesised name start at state (field 3): utime is 14, stime 15
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (NoSuchFileException ended) {
                    // a task that ended while we looked
                }
            }
        }
        return ticks;
    }
}
