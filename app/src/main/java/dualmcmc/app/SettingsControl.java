package dualmcmc.app;

import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.session.Explorer;
import javafx.application.Platform;

import java.util.function.Supplier;

/**
 * A setting typed into the settings sheet: validated as the engine validates it, then applied to
 * the models between two iterations, on the same training thread and with the optimisers' state;
 * a network setting waits for Reset once training has begun.
 */
final class SettingsControl {
    private final AppState state;
    private final ModelWorker worker;
    private final Explorer explorer;
    private final Supplier<?> reset;
    private volatile boolean closed;

    /** @param reset rebuilds the models under the current config (a network setting before training) */
    SettingsControl(AppState state, ModelWorker worker, Explorer explorer, Supplier<?> reset) {
        this.state = state;
        this.worker = worker;
        this.explorer = explorer;
        this.reset = reset;
    }

    /** @return null when applied, else the engine's message naming the key and its allowed range */
    String apply(String key, String text) {
        if (closed) {
            // a field commits when it loses focus, which it does while the window closes
            return "the models are closed";
        }
        TrainingConfig next;
        try {
            next = state.config().with(key, text);
        } catch (IllegalArgumentException e) {
            state.messageProperty().set("Refused: " + e.getMessage() + " (training goes on with the previous value)");
            return e.getMessage();
        }
        if (next.equals(state.config())) {
            return null;
        }
        state.configProperty().set(next);
        state.document().touch();
        String label = state.presetNameProperty().get();
        state.presetNameProperty().set(label.endsWith("*") ? label : label + "*");
        if (TrainingConfig.schema(key).rebuildsNetworks()) {
            if (state.iterationProperty().get() == 0 && !state.isTraining()) {
                reset.get();
            } else {
                state.pendingRebuildProperty().set(true);
                state.messageProperty().set(key + " = " + text.trim()
                        + " changes the networks: press Reset to rebuild them.");
            }
            return null;
        }
        state.messageProperty().set(key + " = " + text.trim() + " applied"
                + (state.isTraining() ? " to the running training." : "."));
        worker.begin();
        worker.submit(() -> {
            if (!explorer.hasModels()) {
                Platform.runLater(worker::end);
                return;
            }
            explorer.applyConfig(next).whenComplete((v, e) -> Platform.runLater(() -> {
                if (e != null) {
                    state.messageProperty().set("Could not apply the setting: " + AppState.describe(e));
                }
                worker.end();
            }));
        });
        return null;
    }

    void close() {
        closed = true;
    }
}
