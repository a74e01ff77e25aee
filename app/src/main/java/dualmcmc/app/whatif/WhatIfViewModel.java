package dualmcmc.app.whatif;

import dualmcmc.app.MainModel;
import dualmcmc.engine.config.Presets;
import dualmcmc.engine.config.TrainingConfig;
import dualmcmc.engine.config.WhatIf;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;

/**
 * The what-if demonstrations: fresh models on the current data set with its preset and one
 * change, training at once; which one runs is shown (with what to look for) until other models
 * replace them.
 */
public final class WhatIfViewModel {
    private final MainModel main;
    private final ObjectProperty<WhatIf> active = new SimpleObjectProperty<>();
    private int activeGeneration = -1;

    public WhatIfViewModel(MainModel main) {
        this.main = main;
        main.generationProperty().addListener((o, a, b) -> {
            if (b.intValue() != activeGeneration) {
                active.set(null);
            }
        });
    }

    /** The demonstration on screen, or null. */
    public ReadOnlyObjectProperty<WhatIf> activeProperty() {
        return active;
    }

    /** The preset label the demonstration's models carry, e.g. "what if: no-x-revision". */
    public String label(WhatIf w) {
        return "what if: " + w.key();
    }

    /** Builds the models for {@code w} and starts training them; completes once they are in place. */
    public CompletableFuture<Void> start(WhatIf w) {
        TrainingConfig cfg = w.apply(Presets.get(Presets.defaultFor(main.datasetNameProperty().get())));
        return main.freshWith(label(w), cfg).thenRun(() -> {
            activeGeneration = main.generationProperty().get();
            active.set(w);
            main.messageProperty().set("What if: " + w.title() + ". Training\u2026");
            main.train();
        });
    }

    public void dismiss() {
        active.set(null);
    }
}
