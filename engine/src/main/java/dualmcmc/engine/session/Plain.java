package dualmcmc.engine.session;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Engine matrices to and from the plain Java arrays the facade hands out: rows are samples. */
final class Plain {
    private Plain() {
    }

    static float[][] rows(INDArray a) {
        INDArray f = a.castTo(DataType.FLOAT);
        int n = (int) f.rows();
        int d = (int) f.columns();
        float[] flat = f.dup('c').data().asFloat();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    static double[][] points(INDArray a) {
        return a.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    static INDArray matrix(float[][] rows) {
        return Nd4j.create(rows).castTo(DataType.FLOAT);
    }

    /** Values of an n*n grid, row-major with y as the row, as [row][column]. */
    static double[][] square(INDArray v, int n) {
        double[] flat = v.castTo(DataType.DOUBLE).data().asDouble();
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            System.arraycopy(flat, j * n, out[j], 0, n);
        }
        return out;
    }

    /** The centres of an n x n grid over {xmin, xmax, ymin, ymax}, row-major with y as the row. */
    static INDArray grid(double[] b, int n) {
        float[][] pts = new float[n * n][2];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                pts[j * n + i][0] = (float) (b[0] + (i + 0.5) * (b[1] - b[0]) / n);
                pts[j * n + i][1] = (float) (b[2] + (j + 0.5) * (b[3] - b[2]) / n);
            }
        }
        return matrix(pts);
    }
}
