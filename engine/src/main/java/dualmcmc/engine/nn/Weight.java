package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A layer's weight parameter, optionally spectrally normalised: layers compute with
 * {@link #effective()} and hand back dL/d(effective) through {@link #addGradient}, which applies
 * the chain rule through the normalisation when there is one.
 */
final class Weight {
    private final Parameter parameter;
    private final SpectralNorm spectralNorm;

    Weight(INDArray initial, boolean spectralNorm, Init init) {
        this.parameter = new Parameter("weight", initial);
        this.spectralNorm = spectralNorm ? new SpectralNorm(initial, init) : null;
    }

    Parameter parameter() {
        return parameter;
    }

    /** W, or W / sigma(W) under spectral normalisation. */
    INDArray effective() {
        return spectralNorm == null ? parameter.value() : spectralNorm.normalised();
    }

    /** Whether the effective weight is the parameter itself, so its gradient can be accumulated in place. */
    boolean isPlain() {
        return spectralNorm == null;
    }

    /** Adds dL/dW given dL/d(effective weight), shaped like the weight. */
    void addGradient(INDArray gradEffective) {
        parameter.grad().addi(spectralNorm == null ? gradEffective : spectralNorm.backward(gradEffective));
    }

    void changed(boolean training) {
        if (spectralNorm != null) {
            spectralNorm.update(training);
        }
    }

    /** Spectral norm's u and v under {@code prefix.u} / {@code prefix.v}; empty without it. */
    Map<String, INDArray> state(String prefix) {
        return spectralNorm == null ? Map.of() : spectralNorm.state(prefix);
    }

    /** Suffix for layer descriptions. */
    String tag() {
        return spectralNorm != null ? ",sn" : "";
    }
}
