package dualmcmc.engine.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Products against a plain triple loop, for every shape class Blas routes differently: a matrix
 * times a matrix, a single output column or row (matrix-vector products), an outer product.
 */
class BlasTest {
    @Test
    void everyRouteComputesAlphaOpAOpBPlusBetaC() {
        int[][] shapes = {{5, 6, 7}, {5, 1, 7}, {1, 6, 7}, {1, 1, 7}, {5, 6, 1}};
        Random random = new Random(3);
        for (DataType type : new DataType[]{DataType.FLOAT, DataType.DOUBLE}) {
            for (int[] s : shapes) {
                for (boolean transA : new boolean[]{false, true}) {
                    for (boolean transB : new boolean[]{false, true}) {
                        check(type, s[0], s[1], s[2], transA, transB, random);
                    }
                }
            }
        }
    }

    private static void check(DataType type, int m, int n, int k, boolean transA, boolean transB, Random random) {
        double[][] a = random(m, k, random);
        double[][] b = random(k, n, random);
        double[][] c = random(m, n, random);
        double alpha = 0.5;
        double beta = 2.0;
        INDArray ai = Nd4j.create(transA ? transpose(a) : a).castTo(type);
        INDArray bi = Nd4j.create(transB ? transpose(b) : b).castTo(type);
        INDArray ci = Nd4j.create(c).castTo(type);
        Blas.gemm(ai, transA, bi, transB, ci, alpha, beta);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = beta * c[i][j];
                for (int p = 0; p < k; p++) {
                    expected += alpha * a[i][p] * b[p][j];
                }
                assertEquals(expected, ci.getDouble(i, j), tolerance * (1 + Math.abs(expected)),
                        type + " " + m + "x" + k + (transA ? "^T" : "") + " by " + k + "x" + n
                                + (transB ? "^T" : "") + " at (" + i + ", " + j + ")");
            }
        }
    }

    private static double[][] random(int rows, int cols, Random random) {
        double[][] r = new double[rows][cols];
        for (double[] row : r) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return r;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
