package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.global.dnnl;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;

/**
 * (Leaky) ReLU forward and backward as oneDNN eltwise primitives over one layer's FLOAT arrays,
 * the derivative taken from the output (y > 0: 1, else the slope; the same as from the input for
 * a slope >= 0), so the backward pass needs only the layer's own output buffer.
 *
 * <p>Why: the Java float loop, with its bulk copies out of and back into ND4J's native memory, took
 * 0.55 ms for the forward and backward of the image28 EBM's first activation (401k values), and
 * the EBM's three of them were a tenth of a Langevin step; oneDNN's vectorised kernels work on the
 * native buffers directly. Primitives are kept for the current length; a layer dropped with its
 * models releases them through a Cleaner (the owner keeps itself reachable during a call).
 */
final class DnnlLeakyRelu {
    private static final Cleaner CLEANER = Cleaner.create();
    private final float slope;
    private final Slot slot = new Slot();

    DnnlLeakyRelu(Object owner, double slope) {
        if (slope < 0) {
            throw new IllegalArgumentException("the derivative is read from the output only for a slope >= 0, got " + slope);
        }
        this.slope = (float) slope;
        CLEANER.register(owner, slot);
    }

    /** y = max(x, 0) + slope * min(x, 0); false where the direct route cannot run (the caller falls back). */
    synchronized boolean forward(INDArray x, INDArray y) {
        Primitives p = primitives(x, y);
        if (p == null) {
            return false;
        }
        p.run(p.forward, new INDArray[]{x, y}, p.src, p.dst);
        return true;
    }

    /** gx = gy * (y > 0 ? 1 : slope), y being the forward output; false where it cannot run. */
    synchronized boolean backward(INDArray y, INDArray gy, INDArray gx) {
        Primitives p = primitives(y, gy, gx);
        if (p == null) {
            return false;
        }
        p.run(p.backward, new INDArray[]{y, gy, gx}, p.dst, p.diffDst, p.diffSrc);
        return true;
    }

    private Primitives primitives(INDArray... arrays) {
        if (!Dnnl.available()) {
            return null;
        }
        long n = arrays[0].length();
        for (INDArray a : arrays) {
            if (a.dataType() != DataType.FLOAT || a.length() != n || NativeCopy.contiguous(a) != a) {
                return null;
            }
        }
        if (slot.current == null || slot.current.n != n) {
            slot.replace(new Primitives(n, slope));
        }
        return slot.current;
    }

    /** The primitives for the current length; as the Cleaner's action it must not refer to the owner. */
    private static final class Slot implements Runnable {
        private Primitives current;

        void replace(Primitives p) {
            if (current != null) {
                current.close();
            }
            current = p;
        }

        @Override
        public synchronized void run() {
            replace(null);
        }
    }

    private static final class Primitives {
        final long n;
        final dnnl_memory src;
        final dnnl_memory dst;
        final dnnl_memory diffDst;
        final dnnl_memory diffSrc;
        final DnnlStep forward;
        final DnnlStep backward;

        Primitives(long n, float slope) {
            this.n = n;
            dnnl_memory_desc_t md = Dnnl.desc(new long[]{n}, dnnl.dnnl_x);
            dnnl_primitive_desc fwdPd = null;
            dnnl_primitive_desc bwdPd = null;
            try {
                dnnl_eltwise_desc_t d = new dnnl_eltwise_desc_t();
                Dnnl.check(dnnl.dnnl_eltwise_forward_desc_init(d, dnnl.dnnl_forward_training,
                        dnnl.dnnl_eltwise_relu_use_dst_for_bwd, md, slope, 0f), "eltwise_forward_desc_init");
                fwdPd = Dnnl.primitiveDesc(d, null, "eltwise forward");
                d = new dnnl_eltwise_desc_t();
                Dnnl.check(dnnl.dnnl_eltwise_backward_desc_init(d, dnnl.dnnl_eltwise_relu_use_dst_for_bwd, md, md,
                        slope, 0f), "eltwise_backward_desc_init");
                bwdPd = Dnnl.primitiveDesc(d, fwdPd, "eltwise backward");
                src = Dnnl.memory(md, null);
                dst = Dnnl.memory(md, null);
                diffDst = Dnnl.memory(md, null);
                diffSrc = Dnnl.memory(md, null);
                forward = new DnnlStep(fwdPd, "eltwise forward", new int[]{dnnl.DNNL_ARG_SRC, dnnl.DNNL_ARG_DST},
                        src, dst);
                backward = new DnnlStep(bwdPd, "eltwise backward",
                        new int[]{dnnl.DNNL_ARG_DST, dnnl.DNNL_ARG_DIFF_DST, dnnl.DNNL_ARG_DIFF_SRC}, dst, diffDst, diffSrc);
            } finally {
                Dnnl.destroy(fwdPd);
                Dnnl.destroy(bwdPd);
            }
        }

        /** Points the memories at the arrays (same order), runs, and keeps the arrays alive until it returns. */
        void run(DnnlStep step, INDArray[] arrays, dnnl_memory... memories) {
            for (int i = 0; i < arrays.length; i++) {
                Dnnl.pointAt(memories[i], arrays[i]);
            }
            step.run();
            Reference.reachabilityFence(arrays);
        }

        void close() {
            forward.close();
            backward.close();
            Dnnl.destroy(src);
            Dnnl.destroy(dst);
            Dnnl.destroy(diffDst);
            Dnnl.destroy(diffSrc);
        }
    }
}
