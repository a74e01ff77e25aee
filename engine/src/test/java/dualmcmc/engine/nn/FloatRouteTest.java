package dualmcmc.engine.nn;

import dualmcmc.engine.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.function.Supplier;

import static dualmcmc.engine.nn.FloatAgreement.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * FLOAT arrays take fast routes (Java float loops with float-precision tanh/sigmoid, OpenBLAS
 * called directly, oneDNN convolutions) while DOUBLE arrays take the reference routes that the
 * gradient checks verify. Both must compute the same function and the same gradients: the same
 * layer, run once in each precision with the same parameters, must agree to float precision in
 * its output, its input gradient and its parameter gradients.
 */
class FloatRouteTest {

    /** Builds two layers of one kind (DOUBLE, FLOAT) and gives the FLOAT one the DOUBLE one's parameters. */
    private static void assertRoutesAgree(String name, Supplier<Layer> make, long... inputShape) {
        Layer exact = withInit(make, DataType.DOUBLE);
        Layer fast = withInit(make, DataType.FLOAT);
        for (int i = 0; i < exact.parameters().size(); i++) {
            fast.parameters().get(i).value().assign(exact.parameters().get(i).value().castTo(DataType.FLOAT));
        }
        fast.parametersChanged(false);
        exact.parametersChanged(false);
        INDArray x = Rng.of(5).gaussian(inputShape).castTo(DataType.DOUBLE).muli(2);
        INDArray yExact = exact.forward(x).dup();
        INDArray yFast = fast.forward(x.castTo(DataType.FLOAT)).dup();
        assertClose(name + " output", yExact, yFast);
        INDArray gy = Rng.of(6).gaussian(yExact.shape()).castTo(DataType.DOUBLE);
        INDArray gxExact = exact.backward(gy, true).dup();
        INDArray gxFast = fast.backward(gy.castTo(DataType.FLOAT), true).dup();
        assertClose(name + " input gradient", gxExact, gxFast);
        // a Langevin step asks for the input gradient alone, which may take another route
        assertClose(name + " input gradient alone", gxExact, fast.backward(gy.castTo(DataType.FLOAT), false));
        for (int i = 0; i < exact.parameters().size(); i++) {
            assertClose(name + " gradient of " + exact.parameterName(exact.parameters().get(i)),
                    exact.parameters().get(i).grad(), fast.parameters().get(i).grad());
        }
    }

    private static Layer withInit(Supplier<Layer> make, DataType type) {
        INIT_TYPE.set(type);
        return make.get();
    }

    private static final ThreadLocal<DataType> INIT_TYPE = new ThreadLocal<>();

    private static Init init() {
        return new Init(Rng.of(3), INIT_TYPE.get());
    }

    @Test
    void activations() {
        for (Supplier<Layer> a : List.<Supplier<Layer>>of(Activation::silu, Activation::relu,
                () -> Activation.leakyRelu(0.2), Activation::tanh)) {
            assertRoutesAgree(a.get().describe(), a, 37, 53);
        }
    }

    @Test
    void theJavaLoopOfLeakyReluTheFallbackOfOneDnnTakesItsDerivativeFromTheOutput() {
        float[] x = {-2f, -0.5f, 0f, 0.3f, 4f};
        float[] g0 = {1f, 2f, 3f, 4f, 5f};
        for (double slope : new double[]{0.0, 0.2}) {
            Activation a = Activation.leakyRelu(slope);
            float[] y = new float[x.length];
            float[] g = g0.clone();
            a.apply(x, y, new float[x.length], x.length);
            // x is not handed to the derivative: after a native forward pass there is no copy of it
            a.derivative(new float[x.length], y, new float[x.length], g, x.length);
            for (int i = 0; i < x.length; i++) {
                float s = x[i] > 0 ? 1f : (float) slope;
                assertEquals(s * x[i], y[i], 1e-7f, "y at " + x[i] + ", slope " + slope);
                assertEquals(s * g0[i], g[i], 1e-7f, "gradient at " + x[i] + ", slope " + slope);
            }
        }
    }

    @Test
    void dense() {
        assertRoutesAgree("dense 2->128", () -> new Dense(2, 128, false, init()), 256, 2);
        assertRoutesAgree("dense 128->1", () -> new Dense(128, 1, false, init()), 256, 128);
        assertRoutesAgree("dense sn 40->30", () -> new Dense(40, 30, true, init()), 17, 40);
    }

    @Test
    void convolutionsOfTheImageNetworks() {
        assertRoutesAgree("conv 1->8 k4 s2 p1", () -> new Conv2d(1, 8, 4, 2, 1, false, init()), 5, 1, 28, 28);
        assertRoutesAgree("conv 8->16 k3 s2 p1", () -> new Conv2d(8, 16, 3, 2, 1, false, init()), 5, 8, 7, 7);
        assertRoutesAgree("conv 16->8 k3 s1 p1", () -> new Conv2d(16, 8, 3, 1, 1, false, init()), 3, 16, 14, 14);
        assertRoutesAgree("conv 8->1 k3 s1 p1", () -> new Conv2d(8, 1, 3, 1, 1, false, init()), 3, 8, 28, 28);
        assertRoutesAgree("conv sn 3->6 k4 s2 p1", () -> new Conv2d(3, 6, 4, 2, 1, true, init()), 4, 3, 32, 32);
        // 7 -> 3 drops a row and a column, so the transposed convolution cannot restore 7x7
        assertRoutesAgree("conv 4->4 k4 s2 p1 on 7x7", () -> new Conv2d(4, 4, 4, 2, 1, false, init()), 3, 4, 7, 7);
    }

    @Test
    void upsampling() {
        assertRoutesAgree("upsample x2", () -> new Upsample(2), 3, 4, 7, 7);
        assertRoutesAgree("upsample x3", () -> new Upsample(3), 2, 2, 5, 4);
    }
}
