package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.Reference;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/** Bulk copies between ND4J arrays (FLOAT or DOUBLE) and Java double[] for hand-written loops (layers, Langevin moves). */
public final class NativeCopy {
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private NativeCopy() {
    }

    /**
     * Loops index the raw buffer, so the array must be dense, 'c' ordered and unshifted. A copy
     * made here is held (Reference.reachabilityFence) until its memory has been read: the NIO views
     * only know its address, and the GC could otherwise free it mid-copy.
     */
    static INDArray contiguous(INDArray a) {
        // not isView(): ND4J flags reshapes (and arrays over the front of a reused buffer) as views,
        // and copying those on every call churned megabytes of native memory that only a GC frees
        boolean plain = a.offset() == 0 && a.data().length() >= a.length() && denseRowMajor(a);
        return plain ? a : a.dup('c');
    }

    /**
     * Whether the elements lie in row-major order without gaps. Dimensions of size 1 are skipped:
     * their stride never matters, and ND4J's own check (and ordering flag) rejected e.g. a
     * [64, 1, 28, 28] array with strides [784, 784, 28, 1], which then got copied on every call.
     */
    private static boolean denseRowMajor(INDArray a) {
        long expected = 1;
        long[] shape = a.shape();
        long[] stride = a.stride();
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] == 1) {
                continue;
            }
            if (stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** Reads n elements from offset {@code from} of a dense 'c' array into dst[0..n). */
    static void read(INDArray a, long from, double[] dst, int n) {
        INDArray c = contiguous(a);
        if (c.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            FloatBuffer fb = c.data().asNioFloat();
            fb.position((int) from);
            fb.get(f, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = f[i];
            }
        } else {
            DoubleBuffer db = c.data().asNioDouble();
            db.position((int) from);
            db.get(dst, 0, n);
        }
        Reference.reachabilityFence(c);
    }

    /** Writes src[0..n) at offset {@code from} of {@code out}, a dense 'c' array. */
    static void write(double[] src, int n, INDArray out, long from) {
        if (out.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[i];
            }
            FloatBuffer fb = out.data().asNioFloat();
            fb.position((int) from);
            fb.put(f, 0, n);
        } else {
            DoubleBuffer db = out.data().asNioDouble();
            db.position((int) from);
            db.put(src, 0, n);
        }
        Reference.reachabilityFence(out);
    }

    public static void read(INDArray a, double[] dst, int n) {
        INDArray c = contiguous(a);
        if (c.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            FloatBuffer fb = c.data().asNioFloat();
            fb.get(f, 0, n);
            for (int i = 0; i < n; i++) {
                dst[i] = f[i];
            }
        } else {
            DoubleBuffer db = c.data().asNioDouble();
            db.get(dst, 0, n);
        }
        Reference.reachabilityFence(c);
    }

    /** Writes src[0..n) into {@code out}, a dense array of n elements; returns it. */
    public static INDArray write(double[] src, int n, INDArray out) {
        if (out.dataType() == DataType.FLOAT) {
            float[] f = scratch(n);
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[i];
            }
            out.data().asNioFloat().put(f, 0, n);
        } else {
            out.data().asNioDouble().put(src, 0, n);
        }
        return out;
    }

    /** Reads the first n elements of an array into dst[0..n) (a bulk copy for FLOAT arrays). */
    public static void read(INDArray a, float[] dst, int n) {
        INDArray c = contiguous(a);
        if (c.dataType() == DataType.FLOAT) {
            c.data().asNioFloat().get(dst, 0, n);
        } else {
            DoubleBuffer db = c.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                dst[i] = (float) db.get(i);
            }
        }
        Reference.reachabilityFence(c);
    }

    /** Writes src[0..n) into {@code out}, a dense FLOAT array of n elements; returns it. */
    static INDArray write(float[] src, int n, INDArray out) {
        out.data().asNioFloat().put(src, 0, n);
        return out;
    }

    /** Sets every element of a dense 'c' array to 0 (a bulk write; ND4J's assign(0) costs ~30 us a call here). */
    static void zero(INDArray a) {
        if (contiguous(a) != a) {
            a.assign(0);
            return;
        }
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            a.data().asNioFloat().put(new float[n], 0, n);
        } else {
            a.data().asNioDouble().put(new double[n], 0, n);
        }
        Reference.reachabilityFence(a);
    }

    /** Copies the vector {@code row} into every row of {@code target}, a dense 'c' matrix. */
    static void fillRows(INDArray target, INDArray row) {
        int n = (int) target.columns();
        int rows = (int) target.rows();
        if (row.length() != n || row.dataType() != target.dataType() || contiguous(target) != target) {
            throw new IllegalArgumentException("fillRows: a dense [rows, " + row.length() + "] target expected");
        }
        INDArray source = contiguous(row);
        if (target.dataType() == DataType.FLOAT) {
            float[] r = new float[n];
            source.data().asNioFloat().get(r, 0, n);
            FloatBuffer fb = target.data().asNioFloat();
            for (int i = 0; i < rows; i++) {
                fb.put(r, 0, n);
            }
        } else {
            double[] r = new double[n];
            source.data().asNioDouble().get(r, 0, n);
            DoubleBuffer db = target.data().asNioDouble();
            for (int i = 0; i < rows; i++) {
                db.put(r, 0, n);
            }
        }
        Reference.reachabilityFence(source);
        Reference.reachabilityFence(target);
    }

    private static float[] scratch(int n) {
        float[] f = SCRATCH.get();
        if (f.length < n) {
            f = new float[n];
            SCRATCH.set(f);
        }
        return f;
    }
}
