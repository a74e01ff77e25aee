package dualmcmc.app.compare;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.Page;
import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The comparison of starts as a page of the window: it runs its chains only while shown. */
public final class ComparePage implements Page {
    public static final String ID = "compare";
    private final CompareViewModel vm;
    private final CompareView view;

    public ComparePage(MainModel main) {
        vm = new CompareViewModel(main);
        view = new CompareView(main, vm);
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    public CompareView view() {
        return view;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Compare starts";
    }

    @Override
    public Feather icon() {
        return Feather.COLUMNS;
    }

    @Override
    public String tooltip() {
        return "The same chains from the generator / inference model and from noise, side by side";
    }

    @Override
    public Node node() {
        return view;
    }

    @Override
    public void shown(boolean on) {
        vm.setActive(on);
    }

    @Override
    public PlaybackBar playback() {
        return view.playback();
    }

    @Override
    public CompletableFuture<?> settle() {
        return vm.refresh();
    }
}
