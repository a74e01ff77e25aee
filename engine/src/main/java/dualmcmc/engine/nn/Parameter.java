package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A trainable array and the gradient accumulated for it. */
public final class Parameter {
    private final String name;
    private final INDArray value;
    private final INDArray grad;

    public Parameter(String name, INDArray value) {
        this.name = name;
        this.value = value;
        this.grad = value.ulike().assign(0);
    }

    public String name() {
        return name;
    }

    /** The array the optimiser updates in place. */
    public INDArray value() {
        return value;
    }

    public INDArray grad() {
        return grad;
    }

    public long size() {
        return value.length();
    }
}
