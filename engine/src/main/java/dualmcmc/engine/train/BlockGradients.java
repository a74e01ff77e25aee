package dualmcmc.engine.train;

import dualmcmc.engine.nn.Network;
import dualmcmc.engine.nn.Parameter;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Each block's parameter gradients of one network, kept apart and summed in block order: the sum
 * of floating-point numbers depends on its order, so adding blocks as threads finish them would
 * make the numbers depend on the threads.
 */
final class BlockGradients {
    private final List<Parameter> parameters;
    private final INDArray[][] kept;

    BlockGradients(Network network, int blocks) {
        this.parameters = network.parameters();
        this.kept = new INDArray[blocks][];
    }

    /**
     * Keeps block {@code block}'s gradients from {@code computedOn} (the models or a copy, with
     * the gradients of that block alone). A single block needs no keeping: computed on the models
     * themselves, its gradients already are the batch's.
     */
    void keep(int block, Network computedOn) {
        if (kept.length == 1) {
            return;
        }
        List<Parameter> ps = computedOn.parameters();
        if (kept[block] == null) {
            kept[block] = new INDArray[ps.size()];
            for (int i = 0; i < ps.size(); i++) {
                kept[block][i] = ps.get(i).grad().dup();
            }
            return;
        }
        for (int i = 0; i < ps.size(); i++) {
            kept[block][i].assign(ps.get(i).grad());
        }
    }

    /** Sets the network's gradients to the sum of the kept blocks, in block order. */
    void sumIntoNetwork() {
        if (kept.length == 1) {
            return;
        }
        for (int i = 0; i < parameters.size(); i++) {
            INDArray g = parameters.get(i).grad().assign(kept[0][i]);
            for (int b = 1; b < kept.length; b++) {
                g.addi(kept[b][i]);
            }
        }
    }
}
