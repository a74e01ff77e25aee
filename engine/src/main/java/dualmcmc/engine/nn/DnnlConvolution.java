package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;

/**
 * A FLOAT 2-D convolution (NCHW, weights [out, in, k, k], bias) for one input shape, on oneDNN
 * primitives built once: forward, backward-data and backward-weights. libnd4j's conv2d / deconv2d /
 * conv2d_bp rebuild the primitives and reorder weights and data into oneDNN's blocked layouts on
 * every call; here the weights are reordered once per weight version (a Langevin chain runs many
 * passes with the same weights) and only the activations are reordered per call.
 *
 * <p>Layouts: the primitives choose (format_tag::any: nChw8c activations on AVX2, nChw16c on
 * AVX-512; {@code ONEDNN_MAX_CPU_ISA=AVX2} gives an AVX-512 machine the former), except the
 * weight gradient of a layer with one input channel, which takes plain nchw data: blocked, its
 * single channel is padded to a whole block. Measured on AVX2 (image28 EBM's first layer, 64 28x28
 * images, median ms of thread CPU on a loaded 2-core machine) backward with weight gradients:
 * blocked 3.1-3.2, plain 1.6-2.1, libnd4j 2.6-3.4. Plain layouts throughout were slower on every
 * other layer (e.g. the generator's 32->16: forward 22 vs 10.5, backward 69 vs 23).
 *
 * <p>Per call, direct vs libnd4j (same machine and units, interleaved A/B, median of 50): forward /
 * input gradient / backward with weight gradients
 * <pre>
 * EBM 1->32 k4 s2 on 28x28     0.60 / 0.51 / 2.13   vs  0.95 / 0.63 / 3.25
 * EBM 32->64 k4 s2 on 14x14    4.50 / 3.63 / 8.33   vs  6.12 / 4.26 / 8.63
 * EBM 64->128 k3 s2 on 7x7     2.39 / 2.32 / 5.47   vs  2.74 / 2.55 / 5.69
 * gen 64->32 k3 s1 on 14x14    7.04 / 6.83 / 17.6   vs  7.63 / 7.89 / 25.9
 * gen 32->16 k3 s1 on 28x28    9.22 / 6.51 / 18.0   vs  10.3 / 7.82 / 27.6
 * gen 16->1 k3 s1 on 28x28     3.78 / 2.37 / 4.58   vs  6.74 / 3.07 / 5.46
 * </pre>
 * The kernels are the same ones (oneDNN's jit:avx2, identical results); the difference is
 * libnd4j's per-call primitive creation, weight reorders and op dispatch.
 *
 * <p>The blocked copies of the activations live in two scratch buffers shared by the three
 * primitives (one for input-sized, one for output-sized tensors), so an entry holds about one
 * extra copy of its input and output. Not thread-safe: {@link DnnlConvolutionCache} serialises calls.
 *
 * <p>Linked layers: where a network feeds this convolution's output, through element-wise
 * activations only, into another convolution ({@link Network}), the output can stay in the
 * layout this primitive chose ({@link #outputLayout}) and the next convolution takes it as its
 * input layout: both reorders between them (and their two on the way back) are skipped. An
 * element-wise activation does not care how the values are laid out. Measured on the image28
 * EBM (64 images, thread CPU, median of 15 interleaved rounds): the input gradient 12.2 -> 11.6 ms,
 * with the weight gradients 19.6 -> 18.8 ms; the reorders' share of an x-step fell from 7.7% to 2.3%.
 *
 * <p>Transposed: the same three primitives for a transposed convolution (oneDNN's deconvolution:
 * output size (h - 1) * stride + kernel - 2 * padding, weights [out, in, k, k]), which is how a
 * nearest-neighbour upsampling and the 3x3 convolution after it run ({@link Conv2d#forwardUpsampled}).
 */
final class DnnlConvolution implements AutoCloseable {
    private final long[] inputShape;
    private dnnl_memory inputSide;
    private dnnl_memory outputSide;
    private DnnlTensor src;
    private DnnlTensor weights;
    private DnnlTensor bias;
    private DnnlTensor dst;
    private DnnlTensor diffDst;
    private DnnlTensor weightsBackward;
    private DnnlTensor diffSrc;
    private DnnlTensor srcW;
    private DnnlTensor diffDstW;
    private DnnlTensor diffWeights;
    private DnnlTensor diffBias;
    private boolean diffDstShared;
    private DnnlStep forward;
    private DnnlStep backwardData;
    private DnnlStep backwardWeights;
    private final ReorderedWeights forwardWeights = new ReorderedWeights();
    private final ReorderedWeights backwardWeightsCache = new ReorderedWeights();
    /** The input's layout when a linked convolution produced it (an own copy), else null: plain nchw. */
    private final dnnl_memory_desc_t inputLayout;
    /** The output's layout when it stays in the primitive's own, for a linked consumer; else null. */
    private dnnl_memory_desc_t outputLayout;

    /** Whether oneDNN can run this convolution: the right padding it needs must not be negative. */
    static boolean supports(long size, int kernel, int stride, int padding, boolean transposed) {
        long outSize = outputSize(size, kernel, stride, padding, transposed);
        return outSize > 0 && rightPadding(size, outSize, kernel, stride, padding, transposed) >= 0;
    }

    static long outputSize(long size, int kernel, int stride, int padding, boolean transposed) {
        return transposed ? (size - 1) * stride + kernel - 2L * padding : (size + 2L * padding - kernel) / stride + 1;
    }

    /** A transposed convolution's padding is that of the convolution it transposes (output and input swap). */
    private static long rightPadding(long size, long outSize, int kernel, int stride, int padding, boolean transposed) {
        return transposed ? (size - 1) * stride + kernel - outSize - padding
                : (outSize - 1) * stride + kernel - size - padding;
    }

    /**
     * @param inputLayout the layout the input arrives in (a linked producer's {@link #outputLayout}), or null for plain nchw
     * @param linkOutput leave the output in the primitive's layout (see {@link #outputLayout}) instead of plain nchw
     */
    DnnlConvolution(long[] inputShape, int out, int kernel, int stride, int padding, boolean transposed,
                    dnnl_memory_desc_t inputLayout, boolean linkOutput) {
        this.inputShape = inputShape.clone();
        this.inputLayout = inputLayout == null ? null : Dnnl.copy(inputLayout);
        long n = inputShape[0];
        long in = inputShape[1];
        long h = inputShape[2];
        long w = inputShape[3];
        long oh = outputSize(h, kernel, stride, padding, transposed);
        long ow = outputSize(w, kernel, stride, padding, transposed);
        long[] x = {n, in, h, w};
        long[] wt = {out, in, kernel, kernel};
        long[] b = {out};
        long[] y = {n, out, oh, ow};
        long[] strides = {stride, stride};
        long[] padL = {padding, padding};
        long[] padR = {rightPadding(h, oh, kernel, stride, padding, transposed),
                rightPadding(w, ow, kernel, stride, padding, transposed)};
        dnnl_memory_desc_t xMd = inputLayout != null ? this.inputLayout : Dnnl.desc(x, dnnl.dnnl_format_tag_any);
        dnnl_memory_desc_t xUser = inputLayout != null ? this.inputLayout : Dnnl.desc(x, dnnl.dnnl_nchw);
        dnnl_memory_desc_t wMd = Dnnl.desc(wt, dnnl.dnnl_format_tag_any);
        dnnl_memory_desc_t bMd = Dnnl.desc(b, dnnl.dnnl_x);
        dnnl_memory_desc_t yMd = Dnnl.desc(y, dnnl.dnnl_format_tag_any);
        dnnl_primitive_desc fwdPd = null;
        dnnl_primitive_desc bwdDataPd = null;
        dnnl_primitive_desc bwdWeightsPd = null;
        try {
            String kind = transposed ? "deconvolution" : "convolution";
            int alg = transposed ? dnnl.dnnl_deconvolution_direct : dnnl.dnnl_convolution_direct;
            dnnl_convolution_desc_t d = new dnnl_convolution_desc_t();
            Dnnl.check(transposed
                    ? dnnl.dnnl_deconvolution_forward_desc_init(d, dnnl.dnnl_forward_training, alg, xMd, wMd, bMd, yMd,
                            strides, padL, padR)
                    : dnnl.dnnl_convolution_forward_desc_init(d, dnnl.dnnl_forward_training, alg, xMd, wMd, bMd, yMd,
                            strides, padL, padR), kind + "_forward_desc_init");
            fwdPd = Dnnl.primitiveDesc(d, null, kind + " forward");
            d = new dnnl_convolution_desc_t();
            Dnnl.check(transposed
                    ? dnnl.dnnl_deconvolution_backward_data_desc_init(d, alg, xMd, wMd, yMd, strides, padL, padR)
                    : dnnl.dnnl_convolution_backward_data_desc_init(d, alg, xMd, wMd, yMd, strides, padL, padR),
                    kind + "_backward_data_desc_init");
            bwdDataPd = Dnnl.primitiveDesc(d, fwdPd, kind + " backward data");
            d = new dnnl_convolution_desc_t();
            // see the class comment: one input channel padded to a block made this 1.5-2x slower
            boolean plainGradient = in == 1 && inputLayout == null;
            dnnl_memory_desc_t xW = plainGradient ? Dnnl.desc(x, dnnl.dnnl_nchw) : xMd;
            dnnl_memory_desc_t yW = plainGradient ? Dnnl.desc(y, dnnl.dnnl_nchw) : yMd;
            Dnnl.check(transposed
                    ? dnnl.dnnl_deconvolution_backward_weights_desc_init(d, alg, xW, wMd, bMd, yW, strides, padL, padR)
                    : dnnl.dnnl_convolution_backward_weights_desc_init(d, alg, xW, wMd, bMd, yW, strides, padL, padR),
                    kind + "_backward_weights_desc_init");
            bwdWeightsPd = Dnnl.primitiveDesc(d, fwdPd, kind + " backward weights");

            inputSide = Dnnl.scratch(Math.max(size(fwdPd, dnnl.dnnl_query_src_md),
                    Math.max(size(bwdDataPd, dnnl.dnnl_query_diff_src_md), size(bwdWeightsPd, dnnl.dnnl_query_src_md))));
            outputSide = Dnnl.scratch(Math.max(size(fwdPd, dnnl.dnnl_query_dst_md),
                    Math.max(size(bwdDataPd, dnnl.dnnl_query_diff_dst_md), size(bwdWeightsPd, dnnl.dnnl_query_diff_dst_md))));
            Pointer inputBuffer = Dnnl.handle(inputSide);
            Pointer outputBuffer = Dnnl.handle(outputSide);

            dnnl_memory_desc_t chosenY = md(fwdPd, dnnl.dnnl_query_dst_md);
            // A layout that pads the channels (a count that is not a multiple of the block: 8 up to
            // AVX2, 16 on AVX-512) holds more values than y has, so it cannot stay in y's buffer:
            // such a layer hands over plain nchw. Linking it anyway would mean handing the
            // activations and the next layer arrays of the padded channel count, and every caller
            // of a layer would have to know it; no network the presets build has such a layer
            // (the EBMs' and inference models' channels are multiples of 16, the generators'
            // convolutions are not linked: an upsampling sits between them), so it is not done.
            boolean linked = linkOutput && dnnl.dnnl_memory_desc_get_size(chosenY) == 4L * n * out * oh * ow;
            outputLayout = linked ? Dnnl.copy(chosenY) : null;
            dnnl_memory_desc_t yUser = linked ? outputLayout : Dnnl.desc(y, dnnl.dnnl_nchw);

            src = new DnnlTensor(x, xUser, md(fwdPd, dnnl.dnnl_query_src_md), inputBuffer, true);
            weights = new DnnlTensor(wt, Dnnl.desc(wt, dnnl.dnnl_oihw), md(fwdPd, dnnl.dnnl_query_weights_md), null, true);
            bias = new DnnlTensor(b, Dnnl.desc(b, dnnl.dnnl_x), md(fwdPd, dnnl.dnnl_query_weights_md, 1), null, true);
            dst = new DnnlTensor(y, yUser, chosenY, outputBuffer, false);
            forward = new DnnlStep(fwdPd, "convolution forward",
                    new int[]{dnnl.DNNL_ARG_SRC, dnnl.DNNL_ARG_WEIGHTS, dnnl.DNNL_ARG_BIAS, dnnl.DNNL_ARG_DST},
                    src.memory(), weights.memory(), bias.memory(), dst.memory());

            diffDst = new DnnlTensor(y, yUser, md(bwdDataPd, dnnl.dnnl_query_diff_dst_md), outputBuffer, true);
            weightsBackward = new DnnlTensor(wt, Dnnl.desc(wt, dnnl.dnnl_oihw), md(bwdDataPd, dnnl.dnnl_query_weights_md),
                    null, true);
            diffSrc = new DnnlTensor(x, xUser, md(bwdDataPd, dnnl.dnnl_query_diff_src_md), inputBuffer, false);
            backwardData = new DnnlStep(bwdDataPd, "convolution backward data",
                    new int[]{dnnl.DNNL_ARG_DIFF_DST, dnnl.DNNL_ARG_WEIGHTS, dnnl.DNNL_ARG_DIFF_SRC},
                    diffDst.memory(), weightsBackward.memory(), diffSrc.memory());

            srcW = new DnnlTensor(x, xUser, md(bwdWeightsPd, dnnl.dnnl_query_src_md), inputBuffer, true);
            dnnl_memory_desc_t diffDstWMd = md(bwdWeightsPd, dnnl.dnnl_query_diff_dst_md);
            // the gradient reordered for backward-data serves backward-weights too when the layouts agree
            diffDstShared = dnnl.dnnl_memory_desc_equal(diffDstWMd, md(bwdDataPd, dnnl.dnnl_query_diff_dst_md)) != 0;
            diffDstW = diffDstShared ? null : new DnnlTensor(y, yUser, diffDstWMd, outputBuffer, true);
            diffWeights = new DnnlTensor(wt, Dnnl.desc(wt, dnnl.dnnl_oihw), md(bwdWeightsPd, dnnl.dnnl_query_diff_weights_md),
                    null, false);
            diffBias = new DnnlTensor(b, Dnnl.desc(b, dnnl.dnnl_x), md(bwdWeightsPd, dnnl.dnnl_query_diff_weights_md, 1),
                    null, false);
            backwardWeights = new DnnlStep(bwdWeightsPd, "convolution backward weights",
                    new int[]{dnnl.DNNL_ARG_SRC, dnnl.DNNL_ARG_DIFF_DST, dnnl.DNNL_ARG_DIFF_WEIGHTS, dnnl.DNNL_ARG_DIFF_BIAS},
                    srcW.memory(), (diffDstShared ? diffDst : diffDstW).memory(), diffWeights.memory(), diffBias.memory());
        } catch (RuntimeException e) {
            close();
            throw e;
        } finally {
            // primitives keep what they need of their descriptors
            Dnnl.destroy(bwdWeightsPd);
            Dnnl.destroy(bwdDataPd);
            Dnnl.destroy(fwdPd);
        }
    }

    private static dnnl_memory_desc_t md(dnnl_primitive_desc pd, int query) {
        return md(pd, query, 0);
    }

    private static dnnl_memory_desc_t md(dnnl_primitive_desc pd, int query, int index) {
        return dnnl.dnnl_primitive_desc_query_md(pd, query, index);
    }

    private static long size(dnnl_primitive_desc pd, int query) {
        return dnnl.dnnl_memory_desc_get_size(md(pd, query));
    }

    /** Whether inputs in {@code layout} (null: plain nchw) are what this entry was built for. */
    boolean takesInputIn(dnnl_memory_desc_t layout) {
        return layout == null ? inputLayout == null
                : inputLayout != null && dnnl.dnnl_memory_desc_equal(layout, inputLayout) != 0;
    }

    /**
     * The layout the output is left in for a linked consumer (a copy of one's own), or null where
     * it is plain nchw (not asked for, or the primitive's layout pads the channels).
     */
    dnnl_memory_desc_t outputLayout() {
        return outputLayout;
    }

    /**
     * y = conv(x, w) + b. {@code weightVersion} names the weights' contents: the copy in the
     * primitive's layout is remade only when it (or w's buffer) changes.
     */
    void forward(INDArray x, INDArray w, long weightVersion, INDArray b, INDArray y) {
        try {
            src.bind(x, "input");
            forwardWeights.refresh(weights, w, weightVersion);
            bias.bind(b, "bias");
            dst.bind(y, "output");
            src.load();
            bias.load();
            forward.run();
            dst.store();
        } finally {
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(w);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(y);
        }
    }

    /** gx = dL/dx for gy = dL/dy; with gw, gb non-null also dL/dw and dL/db (overwritten, not accumulated). */
    void backward(INDArray x, INDArray gy, INDArray w, long weightVersion, INDArray gx, INDArray gw, INDArray gb) {
        try {
            diffDst.bind(gy, "output gradient");
            backwardWeightsCache.refresh(weightsBackward, w, weightVersion);
            diffSrc.bind(gx, "input gradient");
            diffDst.load();
            backwardData.run();
            diffSrc.store();
            if (gw != null) {
                srcW.bind(x, "input");
                diffWeights.bind(gw, "weight gradient");
                diffBias.bind(gb, "bias gradient");
                srcW.load();
                if (!diffDstShared) {
                    diffDstW.bind(gy, "output gradient");
                    diffDstW.load();
                }
                backwardWeights.run();
                diffWeights.store();
                diffBias.store();
            }
        } finally {
            Reference.reachabilityFence(x);
            Reference.reachabilityFence(gy);
            Reference.reachabilityFence(w);
            Reference.reachabilityFence(gx);
            Reference.reachabilityFence(gw);
            Reference.reachabilityFence(gb);
        }
    }

    @Override
    public void close() {
        for (DnnlStep step : new DnnlStep[]{backwardWeights, backwardData, forward}) {
            if (step != null) {
                step.close();
            }
        }
        backwardWeights = backwardData = forward = null;
        for (DnnlTensor t : new DnnlTensor[]{src, weights, bias, dst, diffDst, weightsBackward, diffSrc, srcW,
                diffDstW, diffWeights, diffBias}) {
            if (t != null) {
                t.close();
            }
        }
        src = weights = bias = dst = diffDst = weightsBackward = diffSrc = srcW = diffDstW = diffWeights = diffBias = null;
        // the tensors' memories lay over these buffers: freed last
        Dnnl.destroy(inputSide);
        Dnnl.destroy(outputSide);
        inputSide = outputSide = null;
    }

    /** Which weights a primitive-layout copy holds: a version number and the buffer it was read from. */
    static final class ReorderedWeights {
        private long version = -1;
        private long address;

        void refresh(DnnlTensor tensor, INDArray w, long weightVersion) {
            tensor.bind(w, "weights");
            long a = w.data().address();
            if (weightVersion != version || a != address) {
                tensor.load();
                version = weightVersion;
                address = a;
            }
        }
    }
}
