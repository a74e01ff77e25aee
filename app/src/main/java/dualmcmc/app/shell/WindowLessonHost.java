package dualmcmc.app.shell;

import dualmcmc.app.xrevision.XRevisionPage;
import dualmcmc.app.zrevision.ZRevisionPage;
import dualmcmc.app.widget.PlaybackBar;
import dualmcmc.app.files.FileActions;

import dualmcmc.app.chain.ChangeView;
import dualmcmc.app.lesson.LessonHost;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;

import java.util.concurrent.CompletableFuture;

/** The main window as a lesson sees it: examples, views, the change mode, and what the student did. */
final class WindowLessonHost implements LessonHost {
    private final MainWindow window;
    private final FileActions files;
    private final BooleanProperty playedX = new SimpleBooleanProperty();
    private final BooleanProperty playedZ = new SimpleBooleanProperty();
    private final BooleanProperty picked = new SimpleBooleanProperty();

    WindowLessonHost(MainWindow window, FileActions files) {
        this.window = window;
        this.files = files;
        watch(window.page(XRevisionPage.class).view().playback(), playedX);
        watch(window.page(ZRevisionPage.class).view().playback(), playedZ);
        window.page(ZRevisionPage.class).viewModel().picks().addListener((ListChangeListener<float[]>) c -> picked.set(true));
    }

    /** Played: Play was pressed and the replay then reached the chain's last step. */
    private static void watch(PlaybackBar bar, BooleanProperty played) {
        boolean[] armed = {false};
        bar.playingProperty().addListener((o, a, b) -> armed[0] |= b);
        bar.stepProperty().addListener((o, a, b) -> {
            if (armed[0] && b.intValue() >= bar.maxStepProperty().get()) {
                played.set(true);
            }
        });
        played.addListener((o, a, b) -> {
            if (!b) {
                armed[0] = bar.playingProperty().get();
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> openExample(String id) {
        return files.openExample(id);
    }

    @Override
    public void select(String view) {
        window.select(view);
    }

    @Override
    public java.util.List<String> views() {
        return window.pageIds();
    }

    @Override
    public void showChange(String kind) {
        ChangeView c = "x".equals(kind) ? window.page(XRevisionPage.class).view().change() : window.page(ZRevisionPage.class).view().change();
        c.showChangeProperty().set(true);
    }

    @Override
    public ObservableBooleanValue played(String kind) {
        return "x".equals(kind) ? playedX : playedZ;
    }

    @Override
    public ObservableBooleanValue picked() {
        return picked;
    }

    @Override
    public void resetWatch() {
        playedX.set(false);
        playedZ.set(false);
        picked.set(false);
    }

    @Override
    public Node lookup(String id) {
        return window.getScene() == null ? window.lookup(id) : window.getScene().lookup(id);
    }
}
