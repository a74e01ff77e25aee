package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seeded parameter initialisation in one data type (FLOAT for use, DOUBLE for gradient checks). */
public final class Init {
    private final Rng rng;
    private final DataType dataType;

    public Init(Rng rng, DataType dataType) {
        this.rng = rng;
        this.dataType = dataType;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Xavier (Glorot) normal, gain 1, as torch.nn.init.xavier_normal_. */
    public INDArray xavierNormal(long[] shape, long fanIn, long fanOut) {
        INDArray w = rng.fillGaussian(org.nd4j.linalg.factory.Nd4j.create(DataType.FLOAT, shape));
        return w.muli(Math.sqrt(2.0 / (fanIn + fanOut))).castTo(dataType);
    }

    public INDArray gaussian(long... shape) {
        return rng.fillGaussian(org.nd4j.linalg.factory.Nd4j.create(DataType.FLOAT, shape)).castTo(dataType);
    }
}
