package dualmcmc.engine.util;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time ND4J configuration shared by the CLI, the app and the tests.
 *
 * <p>On the 2-core machines this project targets, ND4J's default of one OpenMP thread per core
 * made small ops 2-8x slower (measured, see docs/stack.md), so the engine pins one thread.
 */
public final class Nd4jSetup {
    private static volatile boolean done;

    private Nd4jSetup() {
    }

    public static synchronized void init() {
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
