package dualmcmc.engine.nn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.ref.Reference;

/**
 * Matrix products C = alpha op(A) op(B) + beta C, on the CPU straight into OpenBLAS's cblas_?gemm,
 * the library ND4J's CPU backend itself calls.
 *
 * <p>Measured here (one thread, float, 256x128 by 128x128): Nd4j.gemm 237 us, cblas_sgemm on the
 * same native buffers 124 us; for a 256x2 by 2x128 product the call is all there is (Nd4j.gemm
 * 45 us, cblas 17 us). A Langevin step of the toy networks is four such products. On any other
 * backend (CUDA) arrays do not live in host memory, so this falls back to Nd4j.gemm.
 */
final class Blas {
    private static final boolean CPU = Nd4j.getEnvironment().isCPU();

    private Blas() {
    }

    static void gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double alpha, double beta) {
        if (!CPU) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        INDArray ad = NativeCopy.contiguous(a);
        INDArray bd = NativeCopy.contiguous(b);
        int m = (int) (transA ? ad.columns() : ad.rows());
        int k = (int) (transA ? ad.rows() : ad.columns());
        int n = (int) (transB ? bd.rows() : bd.columns());
        int kb = (int) (transB ? bd.columns() : bd.rows());
        if (k != kb || c.rows() != m || c.columns() != n || c.rank() != 2
                || ad.dataType() != c.dataType() || bd.dataType() != c.dataType()) {
            throw new IllegalArgumentException("gemm: cannot multiply " + shape(ad, transA) + " by "
                    + shape(bd, transB) + " into " + java.util.Arrays.toString(c.shape()) + " " + c.dataType());
        }
        if (NativeCopy.contiguous(c) != c) {
            throw new IllegalArgumentException("gemm: the output must be a dense 'c' array");
        }
        Cblas.gemm(m, n, k, ad, transA, bd, transB, c, alpha, beta);
        // the native call sees only addresses: keep the arrays (ad, bd may be fresh copies) alive
        // until it returns, or the GC may free their memory while OpenBLAS reads or writes it
        Reference.reachabilityFence(ad);
        Reference.reachabilityFence(bd);
        Reference.reachabilityFence(c);
    }

    private static String shape(INDArray a, boolean trans) {
        return java.util.Arrays.toString(a.shape()) + (trans ? "^T" : "");
    }

    /** Kept apart so that the OpenBLAS classes are only loaded on the CPU backend. */
    private static final class Cblas {
        private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
        private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
        private static final int TRANS = openblas_nolapack.CblasTrans;

        static void gemm(int m, int n, int k, INDArray a, boolean transA, INDArray b, boolean transB, INDArray c,
                         double alpha, double beta) {
            if (n == 1) {
                // c = op(A) b: op(B) is a dense vector either way
                gemv(transA, transA ? k : m, transA ? m : k, a, b, c, alpha, beta);
                return;
            }
            if (m == 1) {
                // c^T = op(B)^T a^T
                gemv(!transB, transB ? n : k, transB ? k : n, b, a, c, alpha, beta);
                return;
            }
            int ta = transA ? TRANS : NO_TRANS;
            int tb = transB ? TRANS : NO_TRANS;
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            if (c.dataType() == DataType.FLOAT) {
                openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, m, n, k, (float) alpha,
                        floats(a), lda, floats(b), ldb, (float) beta, floats(c), n);
            } else if (c.dataType() == DataType.DOUBLE) {
                openblas_nolapack.cblas_dgemm(ROW_MAJOR, ta, tb, m, n, k, alpha,
                        doubles(a), lda, doubles(b), ldb, beta, doubles(c), n);
            } else {
                throw new IllegalArgumentException("gemm: FLOAT or DOUBLE arrays only, got " + c.dataType());
            }
        }

        /**
         * y = alpha op(M) v + beta y for M stored row-major [rows, cols]. OpenBLAS 0.3.19's sgemm
         * packs both operands even when one is a vector: the EBMs' last layer (one energy per
         * sample) took 0.19 ms forward and 0.13 ms backward on image28's [64, 2048] features, a
         * tenth of that as a matrix-vector product.
         */
        private static void gemv(boolean trans, int rows, int cols, INDArray mat, INDArray v, INDArray y,
                                 double alpha, double beta) {
            int t = trans ? TRANS : NO_TRANS;
            if (y.dataType() == DataType.FLOAT) {
                openblas_nolapack.cblas_sgemv(ROW_MAJOR, t, rows, cols, (float) alpha, floats(mat), cols,
                        floats(v), 1, (float) beta, floats(y), 1);
            } else if (y.dataType() == DataType.DOUBLE) {
                openblas_nolapack.cblas_dgemv(ROW_MAJOR, t, rows, cols, alpha, doubles(mat), cols,
                        doubles(v), 1, beta, doubles(y), 1);
            } else {
                throw new IllegalArgumentException("gemm: FLOAT or DOUBLE arrays only, got " + y.dataType());
            }
        }

        private static FloatPointer floats(INDArray a) {
            return new FloatPointer(a.data().addressPointer()).position(a.offset());
        }

        private static DoublePointer doubles(INDArray a) {
            return new DoublePointer(a.data().addressPointer()).position(a.offset());
        }
    }
}
