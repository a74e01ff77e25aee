package dualmcmc.engine.nn;

import dualmcmc.engine.util.Nd4jSetup;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A sequence of layers: forward in order, backward in reverse. Batch first, samples flat or NCHW. */
public final class Network {
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    /** Per layer: the convolution whose output reaches this one (a convolution) through activations only, else null. */
    private final Conv2d[] producers;
    /** Per layer: the convolution this one's output reaches (both convolutions) through activations only, else null. */
    private final Conv2d[] consumers;
    /** Per layer: the convolution after this upsampling by 2 that can run both in one (see {@link Conv2d#forwardUpsampled}), else null. */
    private final Conv2d[] upsampledConvolutions;
    /** Per layer: whether the last forward pass ran this upsampling inside the next layer. */
    private final boolean[] skipped;

    public Network(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        this.producers = new Conv2d[layers.size()];
        this.consumers = new Conv2d[layers.size()];
        this.upsampledConvolutions = new Conv2d[layers.size()];
        this.skipped = new boolean[layers.size()];
        linkConvolutions();
        for (int i = 0; i + 1 < layers.size(); i++) {
            if (layers.get(i) instanceof Upsample u && u.factor() == 2 && layers.get(i + 1) instanceof Conv2d c) {
                upsampledConvolutions[i] = c;
            }
        }
        List<Parameter> ps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                ps.add(p);
            }
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /**
     * Finds convolutions separated by element-wise activations only (conv, leaky ReLU, conv): the
     * maps between them may stay in oneDNN's layout, which an element-wise layer does not mind
     * (see {@link DnnlConvolution}). Only this class runs layers linked, in order, so what it hands
     * back, and what any caller of a single layer gets, is always NCHW.
     */
    private void linkConvolutions() {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Conv2d producer) {
                int j = i + 1;
                while (j < layers.size() && layers.get(j) instanceof Activation) {
                    j++;
                }
                if (j < layers.size() && layers.get(j) instanceof Conv2d consumer) {
                    consumers[i] = consumer;
                    producers[j] = producer;
                }
            }
        }
    }

    /** f(x), a fresh array the caller owns (layers reuse their own buffers). */
    public INDArray forward(INDArray x) {
        INDArray h = forwardShared(x);
        return h == x ? h.dup() : h.dup('c');
    }

    /**
     * f(x) in the last layer's own buffer, valid until this network runs again and not to be
     * written to. For loops that use the result at once (Langevin steps): the copy that
     * {@link #forward} makes costs as much as a small layer.
     */
    public INDArray forwardShared(INDArray x) {
        Nd4jSetup.init();
        INDArray h = x;
        java.util.Arrays.fill(skipped, false);
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Conv2d next = upsampledConvolutions[i];
            if (next != null && next.runsUpsampled(h)) {
                skipped[i] = true;
                h = next.forwardUpsampled(h);
                i++;
                continue;
            }
            h = layer instanceof Conv2d conv ? conv.forward(h, producers[i], consumers[i]) : layer.forward(h);
        }
        return h;
    }

    /** Back-propagates through the last forward pass; returns dL/d input, a fresh array. */
    public INDArray backward(INDArray gradOutput, boolean accumulateParamGrads) {
        INDArray g = backwardShared(gradOutput, accumulateParamGrads);
        return g == gradOutput ? g.dup() : g.dup('c');
    }

    /** As {@link #backward}, in the first layer's own buffer: valid until this network runs again. */
    public INDArray backwardShared(INDArray gradOutput, boolean accumulateParamGrads) {
        Nd4jSetup.init();
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (!skipped[i]) {
                g = layers.get(i).backward(g, accumulateParamGrads);
            }
        }
        return g;
    }

    /** Parameters in layer order; names are made unique by the layer index, e.g. {@code 2.weight}. */
    public List<Parameter> parameters() {
        return parameters;
    }

    public String parameterName(Parameter p) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).parameters().contains(p)) {
                return i + "." + layers.get(i).parameterName(p);
            }
        }
        throw new IllegalArgumentException("not a parameter of this network");
    }

    /** Non-trained state of all layers (see {@link Layer#state()}), named like parameters: {@code 2.weight.u}. */
    public Map<String, INDArray> state() {
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            for (Map.Entry<String, INDArray> e : layers.get(i).state().entrySet()) {
                out.put(i + "." + e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /**
     * Takes over another network's parameter values and layer state (e.g. spectral norm's
     * vectors); the architectures must match. Gradients and scratch buffers stay this network's own.
     */
    public void copyFrom(Network other) {
        if (!describe().equals(other.describe()) || parameters.size() != other.parameters.size()) {
            throw new IllegalArgumentException("cannot copy " + other.describe() + " into " + describe());
        }
        for (int i = 0; i < parameters.size(); i++) {
            INDArray target = parameters.get(i).value();
            INDArray source = other.parameters.get(i).value();
            if (!java.util.Arrays.equals(target.shape(), source.shape())) {
                throw new IllegalArgumentException("parameter " + parameterName(parameters.get(i)) + ": "
                        + java.util.Arrays.toString(source.shape()) + " does not fit "
                        + java.util.Arrays.toString(target.shape()));
            }
            target.assign(source);
        }
        Map<String, INDArray> state = state();
        other.state().forEach((name, a) -> {
            INDArray target = state.get(name);
            if (target == null || !java.util.Arrays.equals(target.shape(), a.shape())) {
                throw new IllegalArgumentException("layer state " + name + " does not fit " + describe());
            }
            target.assign(a);
        });
        parametersChanged(false);
    }

    public void zeroGrad() {
        for (Parameter p : parameters) {
            NativeCopy.zero(p.grad());
        }
    }

    public void parametersChanged(boolean training) {
        for (Layer l : layers) {
            l.parametersChanged(training);
        }
    }

    /** Whether any layer computes with statistics of the whole batch (see {@link Layer#mixesSamples}). */
    public boolean mixesSamples() {
        return layers.stream().anyMatch(Layer::mixesSamples);
    }

    /** The shape of one sample's output for one sample's input shape. */
    public long[] outputShape(long[] input) {
        long[] shape = input;
        for (Layer l : layers) {
            shape = l.outputShape(shape);
        }
        return shape;
    }

    /** Multiply-adds of one sample's forward pass ({@link Layer#multiplyAdds}), layer by layer. */
    public long multiplyAdds(long[] input) {
        long total = 0;
        long[] shape = input;
        for (Layer l : layers) {
            total += l.multiplyAdds(shape);
            shape = l.outputShape(shape);
        }
        return total;
    }

    /**
     * The multiply-adds a FLOAT forward pass on oneDNN really does: {@link #multiplyAdds}, except
     * that an upsampling by 2 and the convolution after it run as one transposed convolution of
     * the small map ({@link Conv2d#forwardUpsampled}), which does less than half of the pair's.
     */
    public long executedMultiplyAdds(long[] input) {
        long total = 0;
        long[] shape = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Conv2d next = upsampledConvolutions[i];
            if (next != null && next.takesUpsampledShape(shape)) {
                total += next.upsampledMultiplyAdds(shape);
                shape = next.outputShape(l.outputShape(shape));
                i++;
                continue;
            }
            total += l.multiplyAdds(shape);
            shape = l.outputShape(shape);
        }
        return total;
    }

    public List<Layer> layers() {
        return layers;
    }

    public String describe() {
        return layers.stream().map(Layer::describe).collect(Collectors.joining(" > "));
    }
}
