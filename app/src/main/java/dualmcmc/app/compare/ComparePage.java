package dualmcmc.app.compare;

import dualmcmc.app.MainModel;
import dualmcmc.app.page.ViewPage;
import dualmcmc.app.widget.PlaybackBar;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/** The comparison of starts as a page of the window: it runs its chains only while shown. */
public final class ComparePage extends ViewPage<CompareViewModel, CompareView> {
    public static final String ID = "compare";

    public ComparePage(MainModel main) {
        this(main, new CompareViewModel(main));
    }

    private ComparePage(MainModel main, CompareViewModel vm) {
        super(ID, "Compare starts", Feather.COLUMNS,
                "The same chains from the generator / inference model and from noise, side by side",
                vm, new CompareView(main, vm));
    }

    @Override
    public void shown(boolean on) {
        viewModel().setActive(on);
    }

    @Override
    public PlaybackBar playback() {
        return view().playback();
    }

    @Override
    public CompletableFuture<?> settle() {
        return viewModel().refresh();
    }
}
