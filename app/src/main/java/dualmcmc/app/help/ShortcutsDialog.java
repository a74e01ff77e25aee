package dualmcmc.app.help;

import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;

/**
 * Help > Keyboard shortcuts: every menu accelerator, read from the menus themselves so the sheet
 * cannot drift from them, plus the keys the views handle directly.
 */
public final class ShortcutsDialog {
    /** One row of the sheet. */
    public record Shortcut(String keys, String action) {
    }

    /** Keys with no menu item: the main window and the chain views handle them. */
    static final List<Shortcut> VIEW_KEYS = List.of(
            new Shortcut("Space", "Train / pause; in a chain view, play / pause the chain"),
            new Shortcut("\u2190  \u2192", "Step a chain back / forward"),
            new Shortcut("Home  End", "First / last step of a chain"));

    private ShortcutsDialog() {
    }

    public static List<Shortcut> collect(MenuBar bar) {
        List<Shortcut> rows = new ArrayList<>(VIEW_KEYS);
        for (Menu m : bar.getMenus()) {
            collect(m, m.getText(), rows);
        }
        return rows;
    }

    private static void collect(Menu menu, String path, List<Shortcut> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, path + " \u203a " + sub.getText(), rows);
            } else if (item.getAccelerator() != null) {
                rows.add(new Shortcut(item.getAccelerator().getDisplayText(),
                        path + " \u203a " + item.getText().replace("\u2026", "")));
            }
        }
    }

    public static Dialog<Void> create(Window owner, MenuBar bar) {
        GridPane grid = new GridPane();
        grid.setId("shortcutsTable");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : collect(bar)) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(s.action()));
        }
        return HelpDialogs.create(owner, "Keyboard shortcuts", "shortcutsDialog", grid);
    }
}
