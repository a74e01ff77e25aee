package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;

/**
 * 2-D convolution on NCHW input, weights [out, in, k, k] as PyTorch's nn.Conv2d, computed as
 * im2col (Java loops) and BLAS matrix products over whole chunks of the batch:
 * y = W [out, in*k*k] x cols [in*k*k, n*oh*ow], then a block transpose to NCHW. Per-sample ND4J calls were avoided
 * because each view or op costs tens of microseconds here.
 *
 * <p>That route serves DOUBLE arrays (gradient checks) and is the reference for the others:
 * FLOAT arrays, which the engine trains and samples with, go through oneDNN, directly on the CPU
 * ({@link DnnlConvolution}: primitives built once per input shape, weights reordered once per
 * change), else through libnd4j's conv2d / conv2d_bp. Why, with the measurements:
 * docs/performance.md.
 */
public final class Conv2d implements Layer {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final Weight weight;
    private final Parameter bias;
    private final Buffer output = new Buffer();
    /** Column buffers are kept below this many elements (32 MB of doubles) by chunking the batch. */
    private static final long CHUNK_ELEMENTS = 4L << 20;
    private final Buffer chunkColumns = new Buffer();
    private final Buffer chunkOutput = new Buffer();
    private final Buffer inputGrad = new Buffer();
    private final double[][] scratch = {new double[0], new double[0], new double[0], new double[0]};
    private final Buffer weightGrad = new Buffer();
    private final Buffer biasGrad = new Buffer();
    private final DnnlConvolutionCache direct;
    /** The transposed convolutions that run upsampling by 2 and this layer in one (see {@link #forwardUpsampled}). */
    private final DnnlConvolutionCache upsampled;
    private final Buffer upsampledKernel = new Buffer();
    private final Buffer upsampledKernelGrad = new Buffer();
    private final Buffer[] phaseKernelBuffers = {new Buffer(), new Buffer(), new Buffer(), new Buffer()};
    private final INDArray[] phaseKernels = new INDArray[DnnlPhaseConvolution.PHASES];
    /** The weight version and effective-weight buffer {@link #upsampledKernel} and the phase kernels were made from. */
    private long upsampledFromVersion = -1;
    private long upsampledKernelAddress;
    /**
     * Counts remakes of the folded kernels: what their oneDNN copies are keyed by, so that a remake
     * for any reason (new weights, or the same version read from another buffer) reaches them.
     */
    private long upsampledKernelVersion;
    /** Whether the last forward pass took its input before the upsampling (its backward pass must too). */
    private boolean upsampledPass;
    /** Counts weight changes: the direct route's copy of the weights in oneDNN's layout is remade after each. */
    private long weightVersion;
    private INDArray input;
    private int oh;
    private int ow;
    /** The last input's layout when a linked producer left it in oneDNN's (see {@link Network}), else null. */
    private dnnl_memory_desc_t inputLayout;
    /** The last output's layout when it was left in oneDNN's for a linked consumer, else null. */
    private dnnl_memory_desc_t outputLayout;
    /** Whether the last forward pass asked to leave its output for a consumer: the backward pass uses the same primitives. */
    private boolean linkAsked;

    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean spectralNorm, Init init) {
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        long fanIn = (long) in * kernel * kernel;
        long fanOut = (long) out * kernel * kernel;
        this.weight = new Weight(init.xavierNormal(new long[]{out, in, kernel, kernel}, fanIn, fanOut),
                spectralNorm, init);
        this.bias = new Parameter("bias", Nd4j.zeros(init.dataType(), out));
        this.direct = new DnnlConvolutionCache(this, out, kernel, stride, padding, false);
        this.upsampled = new DnnlConvolutionCache(this, out, UPSAMPLED_KERNEL, 2, 1, true);
    }

    @Override
    public long[] outputShape(long[] input) {
        return new long[]{out, outputSize((int) input[1]), outputSize((int) input[2])};
    }

    @Override
    public long multiplyAdds(long[] input) {
        long[] o = outputShape(input);
        return o[1] * o[2] * out * (long) in * kernel * kernel;
    }

    public int outputSize(int inputSize) {
        return (inputSize + 2 * padding - kernel) / stride + 1;
    }

    private INDArray weightMatrix() {
        return weight.effective().reshape('c', out, (long) in * kernel * kernel);
    }

    @Override
    public INDArray forward(INDArray x) {
        return forward(x, null, null);
    }

    /**
     * The forward pass inside a network that links convolutions: {@code producer} is the
     * convolution whose output reached x through element-wise layers only, {@code consumer} the one
     * this output will reach so (either may be null). Where both run on oneDNN, the maps between
     * them stay in oneDNN's layout (see {@link DnnlConvolution}): the output is then not NCHW and
     * only the consumer may read it, which is why only {@link Network} calls this.
     */
    INDArray forward(INDArray x, Conv2d producer, Conv2d consumer) {
        if (x.rank() != 4 || x.size(1) != in) {
            throw new IllegalArgumentException(describe() + " expects [batch, " + in + ", h, w], got "
                    + java.util.Arrays.toString(x.shape()));
        }
        inputLayout = producer == null ? null : producer.outputLayout;
        outputLayout = null;
        linkAsked = false;
        upsampledPass = false;
        input = NativeCopy.contiguous(x);
        Geometry g = geometry();
        DataType type = input.dataType();
        INDArray y = output.get(type, g.batch, out, oh, ow);
        if (type == DataType.FLOAT) {
            return forwardOp(y, consumer);
        }
        requirePlainInput();
        INDArray wm = weightMatrix();
        double[] b = bias.value().toDoubleVector();
        for (int b0 = 0; b0 < g.batch; b0 += g.chunk) {
            int n = Math.min(g.chunk, g.batch - b0);
            INDArray cols = im2col(b0, n, g);
            INDArray ym = chunkOutput.get(type, out, (long) n * g.spatial);
            Blas.gemm(wm, false, cols, false, ym, 1.0, 0.0);
            // [out, n*spatial] -> [n, out, spatial], plus bias
            int len = n * g.spatial * out;
            double[] byChannel = scratch(0, len);
            double[] nchw = scratch(1, len);
            NativeCopy.read(ym, 0, byChannel, len);
            for (int o = 0; o < out; o++) {
                for (int s = 0; s < n; s++) {
                    int src = (o * n + s) * g.spatial;
                    int dst = (s * out + o) * g.spatial;
                    for (int p = 0; p < g.spatial; p++) {
                        nchw[dst + p] = byChannel[src + p] + b[o];
                    }
                }
            }
            NativeCopy.write(nchw, len, y, (long) b0 * out * g.spatial);
        }
        return y;
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        if (upsampledPass) {
            return backwardUpsampled(NativeCopy.contiguous(gy), accumulateParamGrads);
        }
        INDArray grad = NativeCopy.contiguous(gy);
        Geometry g = geometry();
        DataType type = grad.dataType();
        INDArray gx = inputGrad.get(type, input.shape());
        if (type == DataType.FLOAT) {
            return backwardOp(grad, gx, accumulateParamGrads);
        }
        INDArray wm = weightMatrix();
        INDArray gw = accumulateParamGrads ? Nd4j.zeros(type, out, g.rows) : null;
        double[] gb = new double[out];
        for (int b0 = 0; b0 < g.batch; b0 += g.chunk) {
            int n = Math.min(g.chunk, g.batch - b0);
            int len = n * g.spatial * out;
            double[] nchw = scratch(0, len);
            double[] byChannel = scratch(1, len);
            NativeCopy.read(grad, (long) b0 * out * g.spatial, nchw, len);
            for (int s = 0; s < n; s++) {
                for (int o = 0; o < out; o++) {
                    int src = (s * out + o) * g.spatial;
                    System.arraycopy(nchw, src, byChannel, (o * n + s) * g.spatial, g.spatial);
                    double sum = 0;
                    for (int p = 0; p < g.spatial; p++) {
                        sum += nchw[src + p];
                    }
                    gb[o] += sum;
                }
            }
            INDArray gm = chunkOutput.get(type, out, (long) n * g.spatial);
            NativeCopy.write(byChannel, len, gm, 0);
            if (accumulateParamGrads) {
                Blas.gemm(gm, false, im2col(b0, n, g), true, gw, 1.0, 1.0);
            }
            INDArray gCols = chunkColumns.get(type, g.rows, (long) n * g.spatial);
            Blas.gemm(wm, true, gm, false, gCols, 1.0, 0.0);
            col2im(gCols, n, g, gx, b0);
        }
        if (accumulateParamGrads) {
            weight.addGradient(gw.reshape('c', weight.parameter().value().shape()));
            bias.grad().addi(Nd4j.createFromArray(gb).castTo(type));
        }
        return gx;
    }

    /** conv2d / conv2d_bp integer arguments: kernel, stride, padding, dilation 1, no "same" mode, NCHW, weights [out, in, k, k]. */
    private int[] opArguments() {
        return new int[]{kernel, kernel, stride, stride, padding, padding, 1, 1, 0, 0, 1};
    }

    private INDArray forwardOp(INDArray y, Conv2d consumer) {
        if (direct.runs(input.shape())) {
            linkAsked = consumer != null && consumer.direct.runs(y.shape());
            outputLayout = direct.forward(input, inputLayout, linkAsked, NativeCopy.contiguous(weight.effective()),
                    weightVersion, bias.value(), y);
            // the cache's Cleaner frees the primitives once this layer is unreachable: not before the call returns
            java.lang.ref.Reference.reachabilityFence(this);
            return y;
        }
        requirePlainInput();
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(input, weight.effective(), bias.value())
                .addOutputs(y).addIntegerArguments(opArguments()).build());
        return y;
    }

    /**
     * Where the direct route cannot run, the input gradient alone (a Langevin step) is the
     * transposed convolution of the output gradient, libnd4j's deconv2d, which skips the weight
     * gradients that conv2d_bp always computes; measured
     * here it took 0.4-8 ms where conv2d_bp took 2-16 ms on the image28 networks' layers, with
     * identical results. It applies when the transposed convolution restores the input size, i.e.
     * when the forward pass dropped no rows or columns.
     */
    private INDArray backwardOp(INDArray grad, INDArray gx, boolean accumulateParamGrads) {
        INDArray gw = weightGrad.get(DataType.FLOAT, weight.parameter().value().shape());
        INDArray gb = biasGrad.get(DataType.FLOAT, out);
        INDArray w = NativeCopy.contiguous(weight.effective());
        if (direct.runs(input.shape())) {
            direct.backward(input, inputLayout, linkAsked, grad, w, weightVersion, gx,
                    accumulateParamGrads ? gw : null, accumulateParamGrads ? gb : null);
            // the cache's Cleaner frees the primitives once this layer is unreachable: not before the call returns
            java.lang.ref.Reference.reachabilityFence(this);
        } else {
            boolean exact = (oh - 1) * stride - 2 * padding + kernel == input.size(2)
                    && (ow - 1) * stride - 2 * padding + kernel == input.size(3);
            if (!accumulateParamGrads && exact) {
                Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(grad, w)
                        .addOutputs(gx).addIntegerArguments(opArguments()).build());
                return gx;
            }
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, w, bias.value(), grad)
                    .addOutputs(gx, gw, gb).addIntegerArguments(opArguments()).build());
        }
        if (accumulateParamGrads) {
            weight.addGradient(gw);
            bias.grad().addi(gb);
        }
        return gx;
    }


    /*
     * Nearest-neighbour upsampling by 2 followed by a 3x3 convolution with padding 1 is one
     * transposed convolution of the small map (kernel 4, stride 2, padding 1). Output row 2i + a
     * reads upsampled rows 2i + a - 1 .. 2i + a + 1, which are small rows i - 1, i, i (a = 0) or
     * i, i, i + 1 (a = 1); a transposed convolution's tap k lands small row i on output row
     * 2i + k - 1, so its kernel row k is the sum of the 3x3 kernel's rows TAPS[k] (in both
     * directions: K = A W A^T). It does 16 multiply-adds per small pixel and channel pair where the
     * pair does 4 x 9 = 36, and never builds the upsampled map (nor sums its gradient back).
     * The backward passes run as that transposed convolution's (its input gradient is a stride-2
     * convolution, oneDNN's fast forward kernel); the forward pass as four 2x2 convolutions, one
     * per output phase (DnnlPhaseConvolution), since oneDNN runs a transposed convolution's
     * forward pass on its slow backward-data kernel (image28's two layers: 5.4 and 8.5 ms against
     * 2.8 and 3.8 ms as phases, 64 maps, thread CPU).
     */
    private static final int UPSAMPLED_KERNEL = 4;
    private static final int[][] TAPS = {{2}, {1, 2}, {0, 1}, {0}};
    private static final int[][] PHASE_ROWS = {{3, 1}, {2, 0}};

    /**
     * Whether {@link #forwardUpsampled} can run on this (small) input: a 3x3 convolution with
     * padding 1 and stride 1, FLOAT, on oneDNN. Otherwise the caller upsamples and calls
     * {@link #forward} as usual.
     */
    boolean runsUpsampled(INDArray small) {
        return small.dataType() == DataType.FLOAT && small.rank() == 4 && upsampled.runs(small.shape())
                && takesUpsampledShape(new long[]{small.size(1), small.size(2), small.size(3)});
    }

    /** Whether this layer's shape allows the fused route for one sample's small map (channels, height, width). */
    boolean takesUpsampledShape(long[] small) {
        return kernel == 3 && stride == 1 && padding == 1 && small.length == 3 && small[0] == in;
    }

    /** Multiply-adds of the fused route for one sample's small map: 16 per small pixel and channel pair. */
    long upsampledMultiplyAdds(long[] small) {
        return small[1] * small[2] * (long) in * out * UPSAMPLED_KERNEL * UPSAMPLED_KERNEL;
    }

    /**
     * conv(upsample2(x)) computed from x itself, as the transposed convolution above; the
     * backward pass that follows returns the gradient with respect to x, the small map. Only
     * {@link Network} calls this, for an upsampling by 2 followed by this layer.
     */
    INDArray forwardUpsampled(INDArray small) {
        if (!runsUpsampled(small)) {
            throw new IllegalStateException(describe() + " cannot take " + java.util.Arrays.toString(small.shape())
                    + " before its upsampling");
        }
        inputLayout = null;
        outputLayout = null;
        linkAsked = false;
        upsampledPass = true;
        input = NativeCopy.contiguous(small);
        oh = 2 * (int) input.size(2);
        ow = 2 * (int) input.size(3);
        INDArray y = output.get(DataType.FLOAT, input.size(0), out, oh, ow);
        refreshUpsampledKernels();
        upsampled.forwardPhases(input, phaseKernels, upsampledKernelVersion, bias.value(), y);
        java.lang.ref.Reference.reachabilityFence(this);
        return y;
    }

    private INDArray backwardUpsampled(INDArray grad, boolean accumulateParamGrads) {
        INDArray gx = inputGrad.get(DataType.FLOAT, input.shape());
        INDArray gk = accumulateParamGrads
                ? upsampledKernelGrad.get(DataType.FLOAT, out, in, UPSAMPLED_KERNEL, UPSAMPLED_KERNEL) : null;
        INDArray gb = accumulateParamGrads ? biasGrad.get(DataType.FLOAT, out) : null;
        refreshUpsampledKernels();
        upsampled.backward(input, null, false, grad, upsampledKernel.get(DataType.FLOAT, out, in, UPSAMPLED_KERNEL,
                UPSAMPLED_KERNEL), upsampledKernelVersion, gx, gk, gb);
        java.lang.ref.Reference.reachabilityFence(this);
        if (accumulateParamGrads) {
            weight.addGradient(foldKernelGradient(gk));
            bias.grad().addi(gb);
        }
        return gx;
    }

    /**
     * K = A W A^T for the current effective weights, and the four phase kernels the forward pass
     * runs with (see {@link DnnlPhaseConvolution}): phase a's row r is the row of K that lands
     * small row i - 1 + a + r on output row 2i + a, PHASE_ROWS[a][r] (likewise for columns).
     * Remade only when the weights change.
     */
    private void refreshUpsampledKernels() {
        INDArray w = NativeCopy.contiguous(weight.effective());
        long address = w.data().address();
        if (upsampledFromVersion == weightVersion && upsampledKernelAddress == address) {
            return;
        }
        int pairs = out * in;
        float[] w3 = new float[pairs * 9];
        float[] k4 = new float[pairs * 16];
        NativeCopy.read(w, w3, w3.length);
        forEachTap((p, r, c, a, b) -> k4[p * 16 + r * 4 + c] += w3[p * 9 + a * 3 + b]);
        NativeCopy.write(k4, k4.length, upsampledKernel.get(DataType.FLOAT, out, in, UPSAMPLED_KERNEL, UPSAMPLED_KERNEL));
        float[] k2 = new float[pairs * 4];
        for (int phase = 0; phase < DnnlPhaseConvolution.PHASES; phase++) {
            int[] rows = PHASE_ROWS[phase / 2];
            int[] cols = PHASE_ROWS[phase % 2];
            for (int p = 0; p < pairs; p++) {
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 2; c++) {
                        k2[p * 4 + r * 2 + c] = k4[p * 16 + rows[r] * 4 + cols[c]];
                    }
                }
            }
            phaseKernels[phase] = phaseKernelBuffers[phase].get(DataType.FLOAT, out, in, 2, 2);
            NativeCopy.write(k2, k2.length, phaseKernels[phase]);
        }
        upsampledFromVersion = weightVersion;
        upsampledKernelAddress = address;
        upsampledKernelVersion++;
    }

    private interface Tap {
        void at(int pair, int r, int c, int a, int b);
    }

    /** Every channel pair's 4x4 tap (r, c) with each 3x3 tap (a, b) summed into it: K = A W A^T, entry by entry. */
    private void forEachTap(Tap tap) {
        for (int p = 0; p < out * in; p++) {
            for (int r = 0; r < UPSAMPLED_KERNEL; r++) {
                for (int c = 0; c < UPSAMPLED_KERNEL; c++) {
                    for (int a : TAPS[r]) {
                        for (int b : TAPS[c]) {
                            tap.at(p, r, c, a, b);
                        }
                    }
                }
            }
        }
    }

    /** dL/dW = A^T (dL/dK) A: each 3x3 tap collects the gradients of the 4x4 taps it was summed into. */
    private INDArray foldKernelGradient(INDArray gk) {
        int pairs = out * in;
        float[] k4 = new float[pairs * 16];
        float[] w3 = new float[pairs * 9];
        NativeCopy.read(gk, k4, k4.length);
        forEachTap((p, r, c, a, b) -> w3[p * 9 + a * 3 + b] += k4[p * 16 + r * 4 + c]);
        INDArray gw = weightGrad.get(DataType.FLOAT, weight.parameter().value().shape());
        NativeCopy.write(w3, w3.length, gw);
        return gw;
    }

    /** Whether the last forward pass left its output in oneDNN's layout for a linked consumer. */
    boolean linkedOutput() {
        return outputLayout != null;
    }

    /** A producer links its output only to a consumer that runs on oneDNN: anything else is a bug. */
    private void requirePlainInput() {
        if (inputLayout != null) {
            throw new IllegalStateException(describe() + " got its input in oneDNN's layout but cannot run oneDNN");
        }
    }

    /** Sizes of the current input; samples are processed in chunks to bound the column buffer. */
    private record Geometry(int batch, int h, int w, int rows, int spatial, int chunk) {
    }

    private Geometry geometry() {
        int batch = (int) input.size(0);
        int h = (int) input.size(2);
        int w = (int) input.size(3);
        oh = outputSize(h);
        ow = outputSize(w);
        int rows = in * kernel * kernel;
        int spatial = oh * ow;
        int chunk = (int) Math.max(1, Math.min(batch, CHUNK_ELEMENTS / ((long) rows * spatial)));
        return new Geometry(batch, h, w, rows, spatial, chunk);
    }

    /**
     * Columns [in*k*k, n*oh*ow] of samples b0..b0+n: row r = (c, ki, kj) holds, for every output
     * position, the input value that kernel tap multiplies. Rows are filled in runs along the image
     * rows, so the copies are contiguous (System.arraycopy for stride 1).
     */
    private INDArray im2col(int b0, int n, Geometry g) {
        int sampleSize = in * g.h * g.w;
        double[] x = scratch(2, n * sampleSize);
        NativeCopy.read(input, (long) b0 * sampleSize, x, n * sampleSize);
        int width = n * g.spatial;
        double[] cols = scratch(3, g.rows * width);
        for (int c = 0; c < in; c++) {
            for (int ki = 0; ki < kernel; ki++) {
                for (int kj = 0; kj < kernel; kj++) {
                    int row = ((c * kernel + ki) * kernel + kj) * width;
                    int jlo = firstColumn(kj);
                    int jhi = endColumn(kj, g.w);
                    for (int s = 0; s < n; s++) {
                        int xc = (s * in + c) * g.h * g.w;
                        for (int i = 0; i < oh; i++) {
                            int dst = row + s * g.spatial + i * ow;
                            int ih = i * stride - padding + ki;
                            if (ih < 0 || ih >= g.h || jlo >= jhi) {
                                java.util.Arrays.fill(cols, dst, dst + ow, 0.0);
                                continue;
                            }
                            java.util.Arrays.fill(cols, dst, dst + jlo, 0.0);
                            java.util.Arrays.fill(cols, dst + jhi, dst + ow, 0.0);
                            int src = xc + ih * g.w - padding + kj;
                            if (stride == 1) {
                                System.arraycopy(x, src + jlo, cols, dst + jlo, jhi - jlo);
                            } else {
                                for (int j = jlo; j < jhi; j++) {
                                    cols[dst + j] = x[src + j * stride];
                                }
                            }
                        }
                    }
                }
            }
        }
        INDArray buf = chunkColumns.get(input.dataType(), g.rows, width);
        NativeCopy.write(cols, g.rows * width, buf, 0);
        return buf;
    }

    /** Adds the column gradients back onto the input positions they were copied from. */
    private void col2im(INDArray gCols, int n, Geometry g, INDArray gx, int b0) {
        int sampleSize = in * g.h * g.w;
        int width = n * g.spatial;
        double[] cols = scratch(3, g.rows * width);
        NativeCopy.read(gCols, 0, cols, g.rows * width);
        double[] x = scratch(2, n * sampleSize);
        java.util.Arrays.fill(x, 0, n * sampleSize, 0.0);
        for (int c = 0; c < in; c++) {
            for (int ki = 0; ki < kernel; ki++) {
                for (int kj = 0; kj < kernel; kj++) {
                    int row = ((c * kernel + ki) * kernel + kj) * width;
                    int jlo = firstColumn(kj);
                    int jhi = endColumn(kj, g.w);
                    for (int s = 0; s < n; s++) {
                        int xc = (s * in + c) * g.h * g.w;
                        for (int i = 0; i < oh; i++) {
                            int ih = i * stride - padding + ki;
                            if (ih < 0 || ih >= g.h) {
                                continue;
                            }
                            int src = row + s * g.spatial + i * ow;
                            int dst = xc + ih * g.w - padding + kj;
                            for (int j = jlo; j < jhi; j++) {
                                x[dst + j * stride] += cols[src + j];
                            }
                        }
                    }
                }
            }
        }
        NativeCopy.write(x, n * sampleSize, gx, (long) b0 * sampleSize);
    }

    /** First output column whose kernel tap kj falls inside the image (not in the padding). */
    private int firstColumn(int kj) {
        return Math.max(0, (padding - kj + stride - 1) / stride);
    }

    /** One past the last output column whose kernel tap kj falls inside an image of width w. */
    private int endColumn(int kj, int w) {
        return Math.min(ow, (w + padding - kj + stride - 1) / stride);
    }

    private double[] scratch(int slot, int n) {
        if (scratch[slot].length < n) {
            scratch[slot] = new double[n];
        }
        return scratch[slot];
    }

    @Override
    public Map<String, INDArray> state() {
        return weight.state("weight");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight.parameter(), bias);
    }

    @Override
    public void parametersChanged(boolean training) {
        weight.changed(training);
        weightVersion++;
    }

    @Override
    public String describe() {
        return "conv(" + in + "->" + out + ",k" + kernel + ",s" + stride + ",p" + padding
                + weight.tag() + ")";
    }
}
