package dualmcmc.app.widget;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Menu items as every menu of the app makes them: icon, id for tests, accelerator, action. */
public final class Menus {
    private Menus() {
    }

    /** A menu item as every menu of the app makes them: icon, id for tests, accelerator, action. */
    public static MenuItem item(String text, Feather icon, String id, String keys, Runnable action) {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        m.setId(id);
        m.setMnemonicParsing(false);
        if (keys != null) {
            m.setAccelerator(KeyCombination.keyCombination(keys));
        }
        m.setOnAction(e -> action.run());
        return m;
    }
}
