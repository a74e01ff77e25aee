package dualmcmc.engine.nn;

import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * One tensor argument of a oneDNN primitive: the caller's FLOAT array, in the caller's layout
 * (plain nchw / oihw / x, or a layout two linked convolutions agreed on, see
 * {@link DnnlConvolution}), and, when the primitive chose another layout, a memory in that layout
 * with the reorder between the two. The primitive-layout memory lies over a buffer its owner keeps;
 * the caller's memory is pointed at the array's native buffer per call.
 */
final class DnnlTensor implements AutoCloseable {
    private final long[] dims;
    private final dnnl_memory user;
    private final dnnl_memory inner;
    private final DnnlStep reorder;

    /**
     * @param plain the caller's layout for this argument: of exactly as many bytes as a dense array of {@code dims}
     * @param chosen the primitive's layout for this argument
     * @param buffer where the primitive-layout copy lives (at least the chosen layout's size), or null to let oneDNN allocate one
     * @param toInner whether data flows from the caller to the primitive (an input) or back (an output)
     */
    DnnlTensor(long[] dims, dnnl_memory_desc_t plain, dnnl_memory_desc_t chosen, Pointer buffer, boolean toInner) {
        this.dims = dims.clone();
        this.user = Dnnl.memory(plain, null);
        if (dnnl.dnnl_memory_desc_equal(plain, chosen) != 0) {
            inner = user;
            reorder = null;
            return;
        }
        this.inner = Dnnl.memory(chosen, buffer == null ? Dnnl.ALLOCATE : buffer);
        dnnl_memory_desc_t from = toInner ? plain : chosen;
        dnnl_memory_desc_t to = toInner ? chosen : plain;
        dnnl_primitive_desc pd = Dnnl.reorderDesc(from, to);
        try {
            this.reorder = new DnnlStep(pd, "reorder", new int[]{dnnl.DNNL_ARG_FROM, dnnl.DNNL_ARG_TO},
                    toInner ? user : inner, toInner ? inner : user);
        } finally {
            Dnnl.destroy(pd);
        }
    }

    /** The memory to hand the primitive. */
    dnnl_memory memory() {
        return inner;
    }

    /**
     * Points the caller-side memory at {@code a}, which must be a dense 'c' FLOAT array of exactly
     * this shape starting at its buffer's first element: oneDNN sees only the address and would
     * read or write past a smaller or strided array. The caller keeps {@code a} reachable until
     * the primitive has run.
     */
    void bind(INDArray a, String what) {
        if (a.dataType() != DataType.FLOAT || !Arrays.equals(a.shape(), dims) || NativeCopy.contiguous(a) != a) {
            throw new IllegalArgumentException("oneDNN convolution: " + what + " must be a dense FLOAT "
                    + Arrays.toString(dims) + " array, got " + a.dataType() + " " + Arrays.toString(a.shape())
                    + " strides " + Arrays.toString(a.stride()) + " offset " + a.offset());
        }
        Dnnl.pointAt(user, a);
    }

    /**
     * Points the caller-side memory at {@code a}'s first element without checking its shape: for a
     * strided caller layout over a larger array, which the caller has checked it fits.
     */
    void pointAt(INDArray a) {
        Dnnl.pointAt(user, a);
    }

    /** Copies the bound array into the primitive's layout (inputs; nothing when the layouts agree). */
    void load() {
        reorder();
    }

    /** Copies the primitive's result back into the bound array (outputs). */
    void store() {
        reorder();
    }

    private void reorder() {
        if (reorder != null) {
            reorder.run();
        }
    }

    @Override
    public void close() {
        if (reorder != null) {
            reorder.close();
        }
        if (inner != user) {
            Dnnl.destroy(inner);
        }
        Dnnl.destroy(user);
    }
}
