package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/** Bulk copies between ND4J arrays (FLOAT or DOUBLE) and Java double[] for hand-written loops. */
final class NativeCopy {
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private NativeCopy() {
    }

    /** Loops index the raw buffer, so the array must be dense, 'c' ordered and unshifted. */
    static INDArray contiguous(INDArray a) {
        // not isView(): ND4J flags reshapes (and arrays over the front of a reused buffer) as views,
        // and copying those on every call churned megabytes of native memory that only a GC frees
        boolean plain = a.ordering() == 'c' && a.offset() == 0 && a.data().length() >= a.length()
                && org.nd4j.linalg.api.shape.Shape.hasDefaultStridesForShape(a);
        return plain ? a : a.dup('c');
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
    }

    static void read(INDArray a, double[] dst, int n) {
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
    }

    /** Writes src[0..n) into {@code out}, a dense array of n elements; returns it. */
    static INDArray write(double[] src, int n, INDArray out) {
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

    private static float[] scratch(int n) {
        float[] f = SCRATCH.get();
        if (f.length < n) {
            f = new float[n];
            SCRATCH.set(f);
        }
        return f;
    }
}
