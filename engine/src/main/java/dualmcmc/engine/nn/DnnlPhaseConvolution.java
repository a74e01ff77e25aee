package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;
import java.util.Arrays;

/**
 * The forward pass of a nearest-neighbour upsampling by 2 and a 3x3 convolution with padding 1
 * ({@link Conv2d#forwardUpsampled}) as four convolutions of the small map with 2x2 kernels, one
 * per output phase: output pixel (2i + a, 2j + b) reads small rows i - 1 + a .. i + a and columns
 * j - 1 + b .. j + b, so phase (a, b) is a 2x2 convolution padded a - 1 .. a above and below (and
 * likewise sideways) whose output lands on every second row and column of the full output,
 * written there through a strided layout over the output array (first element a * 2w + b).
 * The same sum as the transposed convolution, whose forward pass oneDNN runs as a convolution's
 * backward-data pass, its slowest kernel here; these run on its stride-1 forward kernel.
 * Not thread-safe: the layer serialises calls.
 */
final class DnnlPhaseConvolution implements AutoCloseable {
    static final int PHASES = 4;
    private final long[] outputShape;
    private dnnl_memory inputSide;
    private DnnlTensor src;
    /** Every phase adds the same bias, in the plain layout its primitive was told to take. */
    private DnnlTensor bias;
    private final DnnlTensor[] weights = new DnnlTensor[PHASES];
    private final DnnlConvolution.ReorderedWeights[] reordered = new DnnlConvolution.ReorderedWeights[PHASES];
    private final DnnlTensor[] outputs = new DnnlTensor[PHASES];
    private final DnnlStep[] steps = new DnnlStep[PHASES];

    DnnlPhaseConvolution(long[] inputShape, int out) {
        long n = inputShape[0];
        long in = inputShape[1];
        long h = inputShape[2];
        long w = inputShape[3];
        long[] x = {n, in, h, w};
        long[] wt = {out, in, 2, 2};
        long[] b = {out};
        long[] y = {n, out, h, w};
        outputShape = new long[]{n, out, 2 * h, 2 * w};
        try {
            dnnl_memory_desc_t chosenX = null;
            for (int p = 0; p < PHASES; p++) {
                int a = p / 2;
                int c = p % 2;
                dnnl_convolution_desc_t d = new dnnl_convolution_desc_t();
                Dnnl.check(dnnl.dnnl_convolution_forward_desc_init(d, dnnl.dnnl_forward_inference,
                        dnnl.dnnl_convolution_direct, chosenX != null ? chosenX : Dnnl.desc(x, dnnl.dnnl_format_tag_any),
                        Dnnl.desc(wt, dnnl.dnnl_format_tag_any), Dnnl.desc(b, dnnl.dnnl_x),
                        Dnnl.desc(y, dnnl.dnnl_format_tag_any), new long[]{1, 1}, new long[]{1 - a, 1 - c},
                        new long[]{a, c}), "convolution_forward_desc_init (phase)");
                dnnl_primitive_desc pd = Dnnl.primitiveDesc(d, null, "phase convolution forward");
                try {
                    if (chosenX == null) {
                        // every phase reads the same input: one copy in the first phase's layout serves all
                        chosenX = Dnnl.copy(dnnl.dnnl_primitive_desc_query_md(pd, dnnl.dnnl_query_src_md, 0));
                        inputSide = Dnnl.scratch(dnnl.dnnl_memory_desc_get_size(chosenX));
                        src = new DnnlTensor(x, Dnnl.desc(x, dnnl.dnnl_nchw), chosenX, Dnnl.handle(inputSide), true);
                        bias = new DnnlTensor(b, Dnnl.desc(b, dnnl.dnnl_x),
                                dnnl.dnnl_primitive_desc_query_md(pd, dnnl.dnnl_query_weights_md, 1), null, true);
                    }
                    weights[p] = new DnnlTensor(wt, Dnnl.desc(wt, dnnl.dnnl_oihw),
                            dnnl.dnnl_primitive_desc_query_md(pd, dnnl.dnnl_query_weights_md, 0), null, true);
                    reordered[p] = new DnnlConvolution.ReorderedWeights();
                    outputs[p] = new DnnlTensor(y, phaseLayout(y, a, c),
                            dnnl.dnnl_primitive_desc_query_md(pd, dnnl.dnnl_query_dst_md, 0), null, false);
                    steps[p] = new DnnlStep(pd, "phase convolution forward",
                            new int[]{dnnl.DNNL_ARG_SRC, dnnl.DNNL_ARG_WEIGHTS, dnnl.DNNL_ARG_BIAS, dnnl.DNNL_ARG_DST},
                            src.memory(), weights[p].memory(), bias.memory(), outputs[p].memory());
                } finally {
                    Dnnl.destroy(pd);
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Phase (a, b)'s pixels of an [n, c, 2h, 2w] array, as an [n, c, h, w] tensor. */
    private static dnnl_memory_desc_t phaseLayout(long[] phase, int a, int b) {
        long h = phase[2];
        long w = phase[3];
        dnnl_memory_desc_t md = new dnnl_memory_desc_t();
        Dnnl.check(dnnl.dnnl_memory_desc_init_by_strides(md, 4, phase, dnnl.dnnl_f32,
                new long[]{phase[1] * 4 * h * w, 4 * h * w, 4 * w, 2}), "memory_desc_init_by_strides");
        md.offset0(a * 2 * w + b);
        return md;
    }

    /**
     * y = upsample-and-convolve(x), y a dense [n, out, 2h, 2w] FLOAT array; {@code kernels} the four
     * phases' [out, in, 2, 2] kernels in phase order (a, b) = (0, 0), (0, 1), (1, 0), (1, 1), whose
     * contents {@code weightVersion} names (their copies in oneDNN's layout are remade when it changes).
     */
    void forward(INDArray x, INDArray[] kernels, long weightVersion, INDArray b, INDArray y) {
        if (y.dataType() != DataType.FLOAT || !Arrays.equals(y.shape(), outputShape) || NativeCopy.contiguous(y) != y) {
            throw new IllegalArgumentException("phase convolution: the output must be a dense FLOAT "
                    + Arrays.toString(outputShape) + " array, got " + Arrays.toString(y.shape()));
        }
        try {
            src.bind(x, "input");
            src.load();
            bias.bind(b, "bias");
            bias.load();
            for (int p = 0; p < PHASES; p++) {
                reordered[p].refresh(weights[p], kernels[p], weightVersion);
                outputs[p].pointAt(y);
                steps[p].run();
                outputs[p].store();
            }
        } finally {
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(kernels);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(y);
        }
    }

    @Override
    public void close() {
        for (int p = 0; p < PHASES; p++) {
            if (steps[p] != null) {
                steps[p].close();
            }
            for (DnnlTensor t : new DnnlTensor[]{weights[p], outputs[p]}) {
                if (t != null) {
                    t.close();
                }
            }
        }
        for (DnnlTensor t : new DnnlTensor[]{src, bias}) {
            if (t != null) {
                t.close();
            }
        }
        Dnnl.destroy(inputSide);
        inputSide = null;
    }
}
