package dualmcmc.engine.train;

import dualmcmc.engine.model.ModelSet;
import dualmcmc.engine.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How a training batch is split into blocks of consecutive samples, each with its own random
 * stream and its own gradient contribution, so that the blocks can run on any threads and a seed
 * still gives the same numbers on any number of threads. The split depends on the models and the
 * batch size only, never on the thread count; changing it changes a seed's numbers.
 *
 * @param batch the batch size
 * @param size  samples per block; the last block takes what is left
 */
record BatchBlocks(int batch, int size) {
    /**
     * Images: 16 samples keep a block's convolutions efficient (the per-call cost of a layer is
     * small against 16 images) while image28's batch of 64 still makes 4 blocks for 2 or 4 cores.
     */
    static final int IMAGE_BLOCK = 16;
    /**
     * Points (the MLPs): a layer call costs more than its arithmetic on a few rows, so blocks stay
     * large; toy2d's batch of 256 makes 2 blocks, one per core of the machines this targets.
     */
    static final int VECTOR_BLOCK = 128;

    BatchBlocks {
        if (batch < 1 || size < 1) {
            throw new IllegalArgumentException("batch and block size must be >= 1, got " + batch + ", " + size);
        }
    }

    /**
     * The split for these models. A network with batch statistics (batch norm in the resnet
     * generators) normalises each sample by its batch's mean and variance, so blocks would change
     * the method: such models keep the whole batch as one block, on one thread.
     */
    static BatchBlocks of(ModelSet models, int batch) {
        if (models.networks().stream().anyMatch(Network::mixesSamples)) {
            return new BatchBlocks(batch, batch);
        }
        return new BatchBlocks(batch, models.shape().isImage() ? IMAGE_BLOCK : VECTOR_BLOCK);
    }

    int count() {
        return (batch + size - 1) / size;
    }

    int start(int block) {
        return block * size;
    }

    int size(int block) {
        return Math.min(size, batch - start(block));
    }

    /** Block {@code block}'s rows of a [batch, ...] array, as a dense array of its own. */
    INDArray rows(INDArray all, int block) {
        if (count() == 1) {
            return all;
        }
        return all.get(NDArrayIndex.interval(start(block), start(block) + size(block)), NDArrayIndex.all()).dup('c');
    }
}
