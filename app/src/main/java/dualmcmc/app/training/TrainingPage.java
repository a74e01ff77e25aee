package dualmcmc.app.training;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The training dashboard as a page of the window. */
public final class TrainingPage extends ViewPage<TrainingViewModel, TrainingView> {
    public static final String ID = "training";

    public TrainingPage(MainModel main) {
        super(ID, "Training", Feather.ACTIVITY, "Live losses L_E, L_G, L_I, mean energies and the current samples",
                new TrainingViewModel(main), vm -> new TrainingView(main, vm));
    }

    @Override
    public CompletableFuture<?> settle() {
        return viewModel().refresh();
    }
}
