package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;

/**
 * One differentiable step of a network with a hand-written backward pass.
 *
 * <p>Hand-written rather than SameDiff: a Langevin chain calls forward+backward hundreds of times
 * per iteration and SameDiff's per-call cost (~1 ms for a tiny MLP) would dominate. A layer caches
 * what its backward pass needs during {@link #forward}; {@link #backward} must follow the forward
 * pass it belongs to.
 */
public interface Layer {
    INDArray forward(INDArray input);

    /**
     * Propagates {@code gradOutput} (dL/d output of the last forward pass) to dL/d input.
     *
     * @param accumulateParamGrads add dL/d parameter to each parameter's gradient; false when only
     *                             the input gradient is wanted (Langevin steps), which skips that work
     */
    INDArray backward(INDArray gradOutput, boolean accumulateParamGrads);

    default List<Parameter> parameters() {
        return List.of();
    }

    /** The name of one of {@link #parameters()}, unique within this layer (blocks prefix their parts). */
    default String parameterName(Parameter p) {
        return p.name();
    }

    /**
     * State that is not trained by gradients but must be saved for an exact resume (spectral
     * norm's power-iteration vectors), by name, e.g. {@code weight.u}; arrays are live views.
     */
    default Map<String, INDArray> state() {
        return Map.of();
    }

    /** Called after the optimiser changed the parameters (spectral norm recomputes W / sigma). */
    default void parametersChanged(boolean training) {
    }

    /**
     * Whether a sample's output depends on the other samples of the batch (batch statistics): such
     * a network cannot split a batch into blocks without changing what it computes.
     */
    default boolean mixesSamples() {
        return false;
    }

    /** A short description for manifests and the UI, e.g. {@code dense(2->128)}. */
    String describe();

    /**
     * The shape of one sample's output for one sample's input shape (channels, height, width for
     * maps; one number for vectors), without running the layer: what counting work needs.
     */
    default long[] outputShape(long[] input) {
        return input;
    }

    /**
     * Multiply-adds of one sample's forward pass for that input shape; element-wise work (activations,
     * normalisation, resampling) counts as none, being a small share next to the matrix products.
     */
    default long multiplyAdds(long[] input) {
        return 0;
    }
}
