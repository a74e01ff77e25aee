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
public interface Page {
    /** A stable id: the tab's node id, the command line's --view, lessons' "view". */
    String id();

    String title();

    Feather icon();

    /** The tab's tooltip: what the view shows, in one sentence. */
    String tooltip();

    Node node();

    /** The page was shown (true) or another one was (false); a shown page catches up with the models. */
    default void shown(boolean on) {
    }

    /** The chain replay that Space and the arrow keys drive while this page is shown, or null. */
    default PlaybackBar playback() {
        return null;
    }

    /** The chain on screen, for File › Export, or null when there is none (yet). */
    default ExportActions.Chain chain() {
        return null;
    }

    /** Completes once the page shows what it computes for the current models (screenshots wait for it). */
    CompletableFuture<?> settle();
}
