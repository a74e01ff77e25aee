package dualmcmc.engine.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A residual block y = main(x) + shortcut(x); an empty shortcut is the identity. The gradient
 * reaches x along both branches and the two contributions add.
 *
 * <p>The branches are {@link Network}s so that nested parameters and state get unique names
 * ({@code main.1.weight}, {@code shortcut.0.weight.u}); the block runs their layers itself rather
 * than through {@link Network#forward}, which copies its result for callers.
 */
public final class Residual implements Layer {
    private final Network main;
    private final Network shortcut;
    private final Buffer output = new Buffer();
    private final Buffer inputGrad = new Buffer();

    public Residual(List<Layer> main, List<Layer> shortcut) {
        if (main.isEmpty()) {
            throw new IllegalArgumentException("a residual block needs a main branch");
        }
        this.main = new Network(main);
        this.shortcut = new Network(shortcut);
    }

    @Override
    public long[] outputShape(long[] input) {
        return main.outputShape(input);
    }

    @Override
    public long multiplyAdds(long[] input) {
        return main.multiplyAdds(input) + shortcut.multiplyAdds(input);
    }

    @Override
    public INDArray forward(INDArray x) {
        INDArray h = x;
        for (Layer l : main.layers()) {
            h = l.forward(h);
        }
        INDArray s = x;
        for (Layer l : shortcut.layers()) {
            s = l.forward(s);
        }
        return sum(output, h, s);
    }

    @Override
    public INDArray backward(INDArray gy, boolean accumulateParamGrads) {
        INDArray gMain = gy;
        for (int i = main.layers().size() - 1; i >= 0; i--) {
            gMain = main.layers().get(i).backward(gMain, accumulateParamGrads);
        }
        INDArray gShortcut = gy;
        for (int i = shortcut.layers().size() - 1; i >= 0; i--) {
            gShortcut = shortcut.layers().get(i).backward(gShortcut, accumulateParamGrads);
        }
        return sum(inputGrad, gMain, gShortcut);
    }

    private static INDArray sum(Buffer into, INDArray a, INDArray b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("residual branches disagree: " + java.util.Arrays.toString(a.shape())
                    + " vs " + java.util.Arrays.toString(b.shape()));
        }
        return into.get(a.dataType(), a.shape()).assign(a).addi(b);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>(main.parameters());
        ps.addAll(shortcut.parameters());
        return ps;
    }

    /** {@code main.1.weight}, {@code shortcut.0.bias}: the branch, then the layer index within it. */
    @Override
    public String parameterName(Parameter p) {
        return main.parameters().contains(p) ? "main." + main.parameterName(p)
                : "shortcut." + shortcut.parameterName(p);
    }

    @Override
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        main.state().forEach((k, v) -> out.put("main." + k, v));
        shortcut.state().forEach((k, v) -> out.put("shortcut." + k, v));
        return out;
    }

    @Override
    public void parametersChanged(boolean training) {
        main.parametersChanged(training);
        shortcut.parametersChanged(training);
    }

    @Override
    public boolean mixesSamples() {
        return main.mixesSamples() || shortcut.mixesSamples();
    }

    @Override
    public String describe() {
        return "residual[" + main.describe() + " + "
                + (shortcut.layers().isEmpty() ? "identity" : shortcut.describe()) + "]";
    }
}
