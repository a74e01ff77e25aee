package dualmcmc.engine.util;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J configuration shared by the CLI, the app and the tests: once per process, plus once per
 * thread that runs ND4J work.
 *
 * <p>On the 2-core machines this project targets, ND4J's default of one thread per core made
 * small ops 2-8x slower (measured on the toy networks' 256 x 128 products), so the engine pins one thread. OpenMP's
 * thread count, which oneDNN's convolutions follow, is a per-thread setting: set only on the
 * thread that first called here, the app's and the report's worker threads still ran every
 * convolution on two OpenMP threads (measured: process CPU twice the calling thread's).
 */
public final class Nd4jSetup {
    private static volatile boolean done;
    private static final ThreadLocal<Boolean> THREAD_DONE = ThreadLocal.withInitial(() -> false);

    private Nd4jSetup() {
    }

    /** Cheap after the first call on a thread: network passes call it before their work. */
    public static void init() {
        if (!done) {
            initProcess();
        }
        if (!THREAD_DONE.get()) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            THREAD_DONE.set(true);
        }
    }

    private static synchronized void initProcess() {
        if (done) {
            return;
        }
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        Nd4j.factory().blas().setMaxThreads(1);
        // libnd4j's own thread pool for element-wise ops and loops: with other processes on the
        // 2 cores, its threads wait on each other and every op costs hundreds of microseconds
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        done = true;
    }
}
