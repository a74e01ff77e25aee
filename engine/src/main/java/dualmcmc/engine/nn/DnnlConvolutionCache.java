package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer's {@link DnnlConvolution}s by input shape. A layer meets a couple of shapes (a full
 * batch and a smaller last chunk, or chains vs a training batch), so the two most recently used
 * are kept and an older one is closed when replaced. The native primitives and buffers of a
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

    DnnlConvolutionCache(Object owner, int out, int kernel, int stride, int padding) {
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        CLEANER.register(owner, entries);
    }

    /** y = conv(x) + b on oneDNN; false (nothing done) where it cannot run this shape, for the caller to fall back. */
    boolean forward(INDArray x, INDArray w, long weightVersion, INDArray b, INDArray y) {
        synchronized (entries) {
            DnnlConvolution c = get(x.shape());
            if (c != null) {
                c.forward(x, w, weightVersion, b, y);
            }
            return c != null;
        }
    }

    /** See {@link DnnlConvolution#backward}; false (nothing done) where oneDNN cannot run this shape. */
    boolean backward(INDArray x, INDArray gy, INDArray w, long weightVersion, INDArray gx, INDArray gw, INDArray gb) {
        synchronized (entries) {
            DnnlConvolution c = get(x.shape());
            if (c != null) {
                c.backward(x, gy, w, weightVersion, gx, gw, gb);
            }
            return c != null;
        }
    }

    private DnnlConvolution get(long[] inputShape) {
        if (!Dnnl.available() || inputShape.length != 4 || !DnnlConvolution.supports(inputShape[2], kernel, stride, padding)
                || !DnnlConvolution.supports(inputShape[3], kernel, stride, padding)) {
            return null;
        }
        List<Long> key = Arrays.stream(inputShape).boxed().toList();
        DnnlConvolution c = entries.map.get(key);
        if (c == null) {
            c = new DnnlConvolution(inputShape, out, kernel, stride, padding);
            entries.map.put(key, c);
        }
        return c;
    }

    /** The cached convolutions; as the Cleaner's action it must not refer to the owner. */
    private static final class Entries implements Runnable {
        private final Map<List<Long>, DnnlConvolution> map = new LinkedHashMap<>(4, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Long>, DnnlConvolution> eldest) {
                if (size() > SHAPES) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };

        @Override
        public synchronized void run() {
            map.values().forEach(DnnlConvolution::close);
            map.clear();
        }
    }
}
