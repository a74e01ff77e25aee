package dualmcmc.engine.session;

import dualmcmc.engine.model.ModelKind;

import java.util.Set;

/**
 * One training iteration stage by stage, run on a copy of the models: what each stage computed
 * and what the updates changed. Arrays are null where the training mode has no such stage.
 *
 * @param iteration the iteration it stages (the models had done one fewer)
 * @param draw      0: exactly the iteration training makes next; others: another batch and noise
 * @param skipped   the model whose update was switched off, or null
 * @param updated   the models whose parameters the iteration changed
 */
public record StagedIteration(long iteration, int draw, String mode, ModelKind skipped, Points points,
                              Landscape landscape, Figures before, Figures after, Set<ModelKind> updated) {

    /**
     * The batch's rows through the stages: data x; drawn codes z and x_0 = g(z); codes z_0 ~ q(z|x)
     * and their decodings g(z_0); revised codes and g(z_rev); x-revised samples; after the updates
     * g'(z) and the decodings of the inference model's means before and after its update (both
     * through the generator as the iteration found it); the samples the EBM was contrasted with.
     */
    public record Points(float[][] x, float[][] z, float[][] generated, float[][] inferredZ,
                         float[][] inferredDecoded, float[][] revisedZ, float[][] revisedDecoded,
                         float[][] revisedSamples, float[][] generatedAfter, float[][] meanDecodedBefore,
                         float[][] meanDecodedAfter, float[][] contrasted) {
    }

    /** E(x) before and after the iteration on a grid over {@code bounds} ([row = y][col = x]); null for images. */
    public record Landscape(double[] bounds, double[][] before, double[][] after) {
    }

    /**
     * The losses of docs/method.md on this iteration's batch and revisions, for one state of the
     * models; NaN for a model the mode does not train. L_E is taken with the contrasted samples.
     */
    public record Figures(double lossG, double lossI, double energyData, double energySamples, double lossE) {
    }

    public boolean wasUpdated(ModelKind m) {
        return updated.contains(m);
    }
}
