package dualmcmc.engine.model;

import dualmcmc.engine.data.SampleShape;
import dualmcmc.engine.nn.Network;

import java.util.List;

/** The three models learned together, and the shape of the samples they work on. */
public record ModelSet(EnergyModel energy, Generator generator, InferenceModel inference, SampleShape shape) {
    public int latentSize() {
        return generator.latentSize();
    }

    /** In a fixed order (EBM, generator, inference), for snapshots and checkpoints. */
    public List<Network> networks() {
        return List.of(energy.network(), generator.network(), inference.network());
    }

    public static List<String> networkNames() {
        return List.of("ebm", "generator", "inference");
    }
}
