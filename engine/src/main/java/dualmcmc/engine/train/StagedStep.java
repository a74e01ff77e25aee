package dualmcmc.engine.train;

import dualmcmc.engine.model.ModelKind;
import dualmcmc.engine.progress.IterationStats;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one iteration computed on its way, the batch's rows in block order: the data x, the drawn
 * codes z, the generator's samples g(z), the inference model's codes for x before and after their
 * z-revision, the x-revised samples, and the samples the EBM was contrasted with. An array is null
 * where the trainer's mode has no such stage.
 *
 * @param skipped the model whose update was left out, or null
 */
public record StagedStep(IterationStats stats, ModelKind skipped, INDArray x, INDArray z, INDArray generated,
                         INDArray inferredZ, INDArray revisedZ, INDArray revisedSamples, INDArray contrasted) {
}
