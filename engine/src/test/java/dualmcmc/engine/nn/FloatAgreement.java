package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

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

    /** A FLOAT layer on the route under test and a DOUBLE twin on the reference route, with the same parameters. */
    record Twins<L extends Layer>(L fast, L exact) {
        static <L extends Layer> Twins<L> of(L fast, L exact) {
            Twins<L> t = new Twins<>(fast, exact);
            t.copyParameters();
            return t;
        }

        void copyParameters() {
            for (int i = 0; i < exact.parameters().size(); i++) {
                fast.parameters().get(i).value().assign(exact.parameters().get(i).value().castTo(DataType.FLOAT));
            }
            exact.parametersChanged(false);
            fast.parametersChanged(false);
        }

        /** One forward and the backward passes on input shape {@code shape}, both routes compared. */
        void check(String name, long seed, long... shape) {
            for (Layer l : List.of(fast, exact)) {
                l.parameters().forEach(p -> p.grad().assign(0));
            }
            INDArray x = Rng.of(seed).gaussian(shape).castTo(DataType.DOUBLE);
            INDArray yExact = exact.forward(x).dup();
            assertClose(name + " output", yExact, fast.forward(x.castTo(DataType.FLOAT)));
            INDArray gy = Rng.of(seed + 1).gaussian(yExact.shape()).castTo(DataType.DOUBLE);
            INDArray gxExact = exact.backward(gy, true).dup();
            INDArray gyFloat = gy.castTo(DataType.FLOAT);
            assertClose(name + " input gradient alone", gxExact, fast.backward(gyFloat, false));
            assertClose(name + " input gradient", gxExact, fast.backward(gyFloat, true));
            assertClose(name + " weight gradient", exact.parameters().get(0).grad(), fast.parameters().get(0).grad());
            assertClose(name + " bias gradient", exact.parameters().get(1).grad(), fast.parameters().get(1).grad());
        }
    }

    /** A network seen as one layer, so that a whole network can be one of {@link Twins}. */
    static Layer asLayer(Network n) {
        return new Layer() {
            @Override
            public INDArray forward(INDArray input) {
                return n.forward(input);
            }

            @Override
            public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
                return n.backward(gradOutput, accumulateParamGrads);
            }

            @Override
            public List<Parameter> parameters() {
                return n.parameters();
            }

            @Override
            public void parametersChanged(boolean training) {
                n.parametersChanged(training);
            }

            @Override
            public String describe() {
                return n.describe();
            }
        };
    }
}
