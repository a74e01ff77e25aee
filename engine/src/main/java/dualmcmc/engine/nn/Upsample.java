package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Nearest-neighbour upsampling of NCHW input by an integer factor (nn.Upsample(mode="nearest")).
 * FLOAT arrays go through a Java loop (libnd4j's upsampling2d took 2-4 ms on the image28
 * generator's maps here, the loop a tenth of that); DOUBLE through libnd4j, the reference.
 */
public final class Upsample implements Layer {
    private final int factor;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private INDArray input;
    private float[] smallPixels = new float[0];
    private float[] bigPixels = new float[0];

    public Upsample(int factor) {
        this.factor = factor;
    }

    public int factor() {
        return factor;
    }

    @Override
    public long[] outputShape(long[] input) {
        return new long[]{input[0], input[1] * factor, input[2] * factor};
    }

    @Override
    public INDArray forward(INDArray x) {
        input = x;
        INDArray y = output.get(x.dataType(), x.size(0), x.size(1), x.size(2) * factor,
                x.size(3) * factor);
        if (x.dataType() == DataType.FLOAT) {
            copy(NativeCopy.contiguous(x), y, false);
            return y;
        }
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(factor, factor, 1).build());
        return y;
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray gx = inputGrad.get(input.dataType(), input.shape());
        if (gy.dataType() == DataType.FLOAT) {
            copy(gx, NativeCopy.contiguous(gy), true);
            return gx;
        }
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(input, gy).addOutputs(gx)
                .addIntegerArguments(1).build());
        return gx;
    }

    /**
     * Forward (small -> big): each small pixel is copied to its factor x factor block; backward
     * ({@code sumBlocks}, big -> small): each small pixel gets the sum of its block. Row by row,
     * with no division in the inner loops (an integer division per element made this 10x slower).
     */
    private void copy(INDArray small, INDArray big, boolean sumBlocks) {
        int planes = (int) (small.size(0) * small.size(1));
        int h = (int) small.size(2);
        int w = (int) small.size(3);
        int bw = w * factor;
        if (smallPixels.length != planes * h * w) {
            smallPixels = new float[planes * h * w];
            bigPixels = new float[smallPixels.length * factor * factor];
        }
        float[] s = smallPixels;
        float[] b = bigPixels;
        if (sumBlocks) {
            java.util.Arrays.fill(s, 0f);
            NativeCopy.read(big, b, b.length);
            for (int row = 0; row < planes * h; row++) {
                int srow = row * w;
                for (int r = 0; r < factor; r++) {
                    int brow = (row * factor + r) * bw;
                    for (int j = 0; j < w; j++) {
                        float sum = 0;
                        for (int k = 0; k < factor; k++) {
                            sum += b[brow + j * factor + k];
                        }
                        s[srow + j] += sum;
                    }
                }
            }
            NativeCopy.write(s, s.length, small);
        } else {
            NativeCopy.read(small, s, s.length);
            for (int row = 0; row < planes * h; row++) {
                int srow = row * w;
                int brow = row * factor * bw;
                for (int j = 0; j < w; j++) {
                    float v = s[srow + j];
                    for (int k = 0; k < factor; k++) {
                        b[brow + j * factor + k] = v;
                    }
                }
                for (int r = 1; r < factor; r++) {
                    System.arraycopy(b, brow, b, brow + r * bw, bw);
                }
            }
            NativeCopy.write(b, b.length, big);
        }
    }

    @Override
    public String describe() {
        return "upsample(x" + factor + ")";
    }
}
