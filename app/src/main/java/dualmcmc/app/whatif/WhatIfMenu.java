package dualmcmc.app.whatif;

import dualmcmc.app.widget.Menus;

import dualmcmc.app.files.FileActions;
import dualmcmc.engine.config.WhatIf;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.kordamp.ikonli.feather.Feather;

/** The What if menu: one item per demonstration; replacing unsaved models asks first. */
public final class WhatIfMenu {
    private WhatIfMenu() {
    }

    public static Menu create(WhatIfViewModel vm, FileActions files) {
        Menu menu = new Menu("What if");
        menu.setId("whatIfMenu");
        for (WhatIf w : WhatIf.values()) {
            MenuItem item = Menus.item(w.title(), Feather.ZAP, "whatIf-" + w.key(), null,
                    () -> files.guard("trying \u201c" + w.title() + "\u201d", () -> vm.start(w)));
            menu.getItems().add(item);
        }
        return menu;
    }
}
