package dualmcmc.app.page;

import dualmcmc.app.export.ExportActions;
import dualmcmc.app.widget.PlaybackBar;
import javafx.scene.Node;
import org.kordamp.ikonli.feather.Feather;

import java.util.concurrent.CompletableFuture;

/**
 * One view of the main window, as the window sees it: a tab with a title and an icon, what to do
 * when it is shown, what the keyboard steps through and File › Export takes from it, and when it
 * shows what it computes. A feature package provides its page; the window's page list names it.
 */
public abstract class Page {
    private final String id;
    private final String title;
    private final Feather icon;
    private final String tooltip;

    /**
     * @param id      a stable id: the tab's node id, the command line's --view, lessons' "view"
     * @param tooltip the tab's tooltip: what the view shows, in one sentence
     */
    protected Page(String id, String title, Feather icon, String tooltip) {
        this.id = id;
        this.title = title;
        this.icon = icon;
        this.tooltip = tooltip;
    }

    public final String id() {
        return id;
    }

    public final String title() {
        return title;
    }

    public final Feather icon() {
        return icon;
    }

    public final String tooltip() {
        return tooltip;
    }

    public abstract Node node();

    /** The page was shown (true) or another one was (false); a shown page catches up with the models. */
    public void shown(boolean on) {
    }

    /** The chain replay that Space and the arrow keys drive while this page is shown, or null. */
    public PlaybackBar playback() {
        return null;
    }

    /** The chain on screen, for File › Export, or null when there is none (yet). */
    public ExportActions.Chain chain() {
        return null;
    }

    /** Completes once the page shows what it computes for the current models (screenshots wait for it). */
    public abstract CompletableFuture<?> settle();
}
