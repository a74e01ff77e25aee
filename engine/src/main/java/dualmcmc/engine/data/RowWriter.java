package dualmcmc.engine.data;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fills an [N, D] FLOAT matrix row by row, straight into its native memory. Imported image sets
 * are large (CIFAR-10's training split is 600 MB as floats): building them on the heap first
 * would need twice the memory, and Nd4j.create(float[]) copied only about 50 MB/s here.
 */
final class RowWriter {

    private final INDArray target;
    private final FloatBuffer out;
    private final int rowLength;

    RowWriter(long rows, int rowLength) {
        if (rows < 1 || rowLength < 1) {
            throw new IllegalArgumentException("need at least one row of at least one value, got " + rows + "x"
                    + rowLength);
        }
        if (rows * rowLength > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(rows + " rows of " + rowLength + " values are more than one array"
                    + " can hold; import fewer images");
        }
        this.target = Nd4j.zeros(DataType.FLOAT, rows, rowLength);
        this.out = target.data().asNioFloat();
        this.rowLength = rowLength;
    }

    void add(float[] row) {
        if (row.length != rowLength) {
            throw new IllegalArgumentException("row of " + row.length + " values, expected " + rowLength);
        }
        if (out.remaining() < rowLength) {
            throw new IllegalStateException("all " + target.rows() + " rows are already written");
        }
        out.put(row);
    }

    /** The filled matrix; every row must have been added. */
    INDArray finish() {
        if (out.hasRemaining()) {
            throw new IllegalStateException((target.length() - out.remaining()) / rowLength + " of "
                    + target.rows() + " rows written");
        }
        return target;
    }
}
