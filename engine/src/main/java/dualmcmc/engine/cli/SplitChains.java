package dualmcmc.engine.cli;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.model.ModelWorkers;
import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * A batch of chains split into one even share per thread, each share run on its thread's copy of
 * the models ({@link ModelWorkers}) with its own random stream: how bench times an x- or z-step on
 * several cores, as a PyTorch run with several threads spreads one step's work over them.
 */
final class SplitChains implements AutoCloseable {
    interface Share {
        void run(ModelSet models, INDArray x, INDArray z, Rng rng);
    }

    private final ModelWorkers workers;
    private final INDArray[] xs;
    private final INDArray[] zs;
    private final Rng[] rngs;

    SplitChains(ModelSet models, TrainingConfig cfg, int threads, INDArray x, INDArray z) {
        long rows = x.size(0);
        if (threads < 1 || threads > rows) {
            throw new IllegalArgumentException("cannot split " + rows + " chains into " + threads + " shares");
        }
        workers = new ModelWorkers(models, cfg, threads);
        xs = new INDArray[threads];
        zs = new INDArray[threads];
        rngs = new Rng[threads];
        for (int k = 0; k < threads; k++) {
            long from = rows * k / threads;
            long to = rows * (k + 1) / threads;
            xs[k] = x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
            zs[k] = z.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup('c');
            rngs[k] = Rng.forBlock(1234, "bench", k);
        }
    }

    void run(Share share) {
        workers.run(xs.length, List.of(), (m, k) -> share.run(m, xs[k], zs[k], rngs[k]));
    }

    @Override
    public void close() {
        workers.close();
    }
}
