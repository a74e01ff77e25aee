package dualmcmc.engine.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tolerance a FLOAT route must meet against the DOUBLE reference route. */
final class FloatAgreement {
    private FloatAgreement() {
    }

    static void assertClose(String what, INDArray expected, INDArray actual) {
        INDArray e = expected.castTo(DataType.DOUBLE);
        INDArray a = actual.castTo(DataType.DOUBLE);
        assertTrue(java.util.Arrays.equals(e.shape(), a.shape()), what + ": shapes differ");
        double scale = e.amaxNumber().doubleValue() + 1e-12;
        double worst = e.sub(a).amaxNumber().doubleValue() / scale;
        // float keeps ~7 digits; sums over a few hundred terms lose a little more
        assertTrue(worst < 2e-5, what + ": the float route is off by " + worst + " of the largest value");
    }
}
