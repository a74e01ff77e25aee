package dualmcmc.app.training;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.Page;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The training dashboard as a page of the window. */
public final class TrainingPage implements Page {
    public static final String ID = "training";
    private final TrainingViewModel vm;
    private final TrainingView view;

    public TrainingPage(MainModel main) {
        vm = new TrainingViewModel(main);
        view = new TrainingView(main, vm);
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    public TrainingView view() {
        return view;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Training";
    }

    @Override
    public Feather icon() {
        return Feather.ACTIVITY;
    }

    @Override
    public String tooltip() {
        return "Live losses L_E, L_G, L_I, mean energies and the current samples";
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public CompletableFuture<?> settle() {
        return vm.refresh();
    }
}
