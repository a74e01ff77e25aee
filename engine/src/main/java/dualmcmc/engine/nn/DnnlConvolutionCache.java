package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer's {@link DnnlConvolution}s by input shape and layouts. A layer meets a couple of
 * shapes (a full batch and a smaller last chunk, or chains vs a training batch), so the two most
 * recently used are kept and an older one is closed when replaced. The native primitives and buffers of a
 * layer that is dropped (new models) are released when its owner becomes unreachable: the owner
 * must keep itself reachable while it runs a convolution (Reference.reachabilityFence).
 *
 * <p>Calls are serialised per layer: the primitives share scratch buffers and the map reorders
 * itself on every lookup, so two threads running one layer at once (which the layers' reused
 * output buffers never supported) must not turn into two native calls writing one buffer, or a
 * convolution closed under another thread's feet.
 */
final class DnnlConvolutionCache {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final int SHAPES = 2;
    private final Entries entries = new Entries();
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final boolean transposed;

    /** @param transposed transposed convolutions (see {@link DnnlConvolution}) instead of convolutions */
    DnnlConvolutionCache(Object owner, int out, int kernel, int stride, int padding, boolean transposed) {
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.transposed = transposed;
        CLEANER.register(owner, entries);
    }

    /** Whether oneDNN runs this layer on inputs of this shape (otherwise the caller falls back). */
    boolean runs(long[] inputShape) {
        return Dnnl.available() && inputShape.length == 4
                && DnnlConvolution.supports(inputShape[2], kernel, stride, padding, transposed)
                && DnnlConvolution.supports(inputShape[3], kernel, stride, padding, transposed);
    }

    /**
     * y = conv(x) + b on oneDNN, x in {@code inputLayout} (null: plain nchw), y left in the
     * primitive's own layout when {@code linkOutput} and it has one of y's size; returns that
     * layout, or null where y is plain. Only where {@link #runs} this shape.
     */
    dnnl_memory_desc_t forward(INDArray x, dnnl_memory_desc_t inputLayout, boolean linkOutput, INDArray w,
                               long weightVersion, INDArray b, INDArray y) {
        synchronized (entries) {
            DnnlConvolution c = get(x.shape(), inputLayout, linkOutput);
            c.forward(x, w, weightVersion, b, y);
            return c.outputLayout();
        }
    }

    /**
     * See {@link DnnlConvolution#backward}, for the forward pass made with these layouts: gy in its
     * output's layout, gx written in its input's.
     */
    void backward(INDArray x, dnnl_memory_desc_t inputLayout, boolean linkOutput, INDArray gy, INDArray w,
                  long weightVersion, INDArray gx, INDArray gw, INDArray gb) {
        synchronized (entries) {
            get(x.shape(), inputLayout, linkOutput).backward(x, gy, w, weightVersion, gx, gw, gb);
        }
    }

    /**
     * The forward pass of an upsampling by 2 and a 3x3 convolution as four phase convolutions of
     * the small map x ({@link DnnlPhaseConvolution}), for the layer whose transposed convolutions
     * this cache holds; {@code kernels} the four phases' kernels, named by {@code weightVersion}.
     */
    void forwardPhases(INDArray x, INDArray[] kernels, long weightVersion, INDArray b, INDArray y) {
        synchronized (entries) {
            List<Long> key = Arrays.stream(x.shape()).boxed().toList();
            DnnlPhaseConvolution c = entries.phases.get(key);
            if (c == null) {
                c = new DnnlPhaseConvolution(x.shape(), out);
                entries.phases.put(key, c);
            }
            c.forward(x, kernels, weightVersion, b, y);
        }
    }

    private DnnlConvolution get(long[] inputShape, dnnl_memory_desc_t inputLayout, boolean linkOutput) {
        if (!runs(inputShape)) {
            throw new IllegalStateException("oneDNN does not run " + Arrays.toString(inputShape));
        }
        List<Object> key = List.of(Arrays.stream(inputShape).boxed().toList(), inputLayout != null, linkOutput);
        DnnlConvolution c = entries.map.get(key);
        if (c != null && !c.takesInputIn(inputLayout)) {
            entries.map.remove(key).close();
            c = null;
        }
        if (c == null) {
            c = new DnnlConvolution(inputShape, out, kernel, stride, padding, transposed, inputLayout, linkOutput);
            entries.map.put(key, c);
        }
        return c;
    }

    /** The cached convolutions; as the Cleaner's action it must not refer to the owner. */
    private static final class Entries implements Runnable {
        private final Map<List<Object>, DnnlConvolution> map = mostRecent();
        private final Map<List<Long>, DnnlPhaseConvolution> phases = mostRecent();

        /** A map that keeps the {@link #SHAPES} most recently used entries and closes the others. */
        private static <K, V extends AutoCloseable> Map<K, V> mostRecent() {
            return new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    if (size() > SHAPES) {
                        close(eldest.getValue());
                        return true;
                    }
                    return false;
                }
            };
        }

        private static void close(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing oneDNN primitives failed", e);
            }
        }

        @Override
        public synchronized void run() {
            map.values().forEach(Entries::close);
            phases.values().forEach(Entries::close);
            map.clear();
            phases.clear();
        }
    }
}
