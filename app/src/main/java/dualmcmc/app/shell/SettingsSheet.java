package dualmcmc.app.shell;

import atlantafx.base.theme.Styles;
import dualmcmc.app.MainModel;
import dualmcmc.engine.config.Hyperparameter;
import dualmcmc.engine.config.TrainingConfig;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every hyperparameter in a ControlsFX PropertySheet, grouped as the engine's schema groups them
 * (x-revision, z-revision, losses, optimiser, networks), with the paper's symbol, a tooltip with
 * the meaning and allowed range, and the engine's own validation: a refused value is marked red and
 * explained under the sheet, and never applied.
 */
public final class SettingsSheet extends VBox {
    private static final List<String> ORDER = List.of(TrainingConfig.X_CHAIN, TrainingConfig.Z_CHAIN,
            TrainingConfig.LOSSES, TrainingConfig.OPTIMISER, TrainingConfig.NETWORKS);
    private final MainModel main;
    private final Label error = new Label();
    private final Map<String, Editor> editors = new HashMap<>();
    private final PropertySheet sheet;

    public SettingsSheet(MainModel main) {
        this.main = main;
        setId("settings");
        getStyleClass().add("settings-pane");
        Label title = new Label("Hyperparameters");
        title.getStyleClass().addAll(Styles.TITLE_4);
        Label hint = new Label("Enter or Tab applies a value. Network settings apply on Reset.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        List<PropertySheet.Item> items = new ArrayList<>();
        for (Hyperparameter h : TrainingConfig.SCHEMA) {
            items.add(new Item(h));
        }
        sheet = new PropertySheet(javafx.collections.FXCollections.observableArrayList(items));
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setCategoryComparator((a, b) -> Integer.compare(rank(a), rank(b)));
        sheet.setPropertyEditorFactory(item -> editor(((Item) item).h));
        VBox.setVgrow(sheet, Priority.ALWAYS);
        error.setId("settingsError");
        error.getStyleClass().addAll(Styles.DANGER, "settings-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);
        setSpacing(6);
        setPadding(new Insets(10, 8, 8, 10));
        getChildren().addAll(title, hint, error, sheet);
        main.configProperty().addListener((o, a, b) -> editors.values().forEach(e -> e.show(b)));
    }

    private static int rank(String category) {
        int i = ORDER.indexOf(category);
        return i < 0 ? ORDER.size() : i;
    }

    private void showError(String msg) {
        error.setText(msg == null ? "" : msg);
        error.setVisible(msg != null);
        error.setManaged(msg != null);
    }

    private static String tooltip(Hyperparameter h) {
        return h.symbol() + " (" + h.key() + "): " + h.description() + ".\nAllowed: " + h.range() + "."
                + (h.rebuildsNetworks() ? "\nChanges the networks: applies on Reset." : "");
    }

    private PropertyEditor<?> editor(Hyperparameter h) {
        Editor e = new Editor(h);
        editors.put(h.key(), e);
        e.show(main.config());
        return e;
    }

    private final class Editor implements PropertyEditor<Object> {
        private final Hyperparameter h;
        private final Node node;
        private boolean updating;

        Editor(Hyperparameter h) {
            this.h = h;
            Tooltip tip = new Tooltip(tooltip(h));
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            switch (h.kind()) {
                case BOOLEAN -> {
                    CheckBox c = new CheckBox();
                    c.setOnAction(ev -> apply(Boolean.toString(c.isSelected())));
                    c.setTooltip(tip);
                    node = c;
                }
                case CHOICE -> {
                    ComboBox<String> c = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(h.choices()));
                    c.setOnAction(ev -> {
                        if (!updating && c.getValue() != null) {
                            apply(c.getValue());
                        }
                    });
                    c.setTooltip(tip);
                    c.setPrefWidth(110);
                    node = c;
                }
                default -> {
                    TextField f = new TextField();
                    f.setOnAction(ev -> apply(f.getText()));
                    f.focusedProperty().addListener((o, a, b) -> {
                        if (!b) {
                            apply(f.getText());
                        }
                    });
                    f.setTooltip(tip);
                    f.setPrefColumnCount(6);
                    node = f;
                }
            }
            node.setId("setting-" + h.key());
        }

        private void apply(String text) {
            if (updating) {
                return;
            }
            String current = main.config().format(h.key());
            if (text.trim().equals(current)) {
                node.pseudoClassStateChanged(Styles.STATE_DANGER, false);
                return;
            }
            String err = main.applySetting(h.key(), text);
            node.pseudoClassStateChanged(Styles.STATE_DANGER, err != null);
            showError(err == null ? null : "Refused: " + err + ". The previous value stays in use.");
            if (node instanceof TextField f) {
                f.setTooltip(new Tooltip(err == null ? tooltip(h) : err + "\n\n" + tooltip(h)));
            } else if (err != null) {
                show(main.config()); // a refused tick or choice goes back to the value in use
            }
        }

        void show(TrainingConfig cfg) {
            updating = true;
            try {
                Object v = cfg.get(h.key());
                if (node instanceof CheckBox c) {
                    c.setSelected((Boolean) v);
                } else if (node instanceof ComboBox<?> c) {
                    @SuppressWarnings("unchecked")
                    ComboBox<String> cs = (ComboBox<String>) c;
                    cs.setValue((String) v);
                } else if (node instanceof TextField f) {
                    if (!f.isFocused() || !node.getPseudoClassStates().contains(Styles.STATE_DANGER)) {
                        f.setText(h.format(v));
                    }
                }
            } finally {
                updating = false;
            }
        }

        @Override
        public Node getEditor() {
            return node;
        }

        @Override
        public Object getValue() {
            return main.config().get(h.key());
        }

        @Override
        public void setValue(Object value) {
            show(main.config());
        }
    }

    private final class Item implements PropertySheet.Item {
        private final Hyperparameter h;

        Item(Hyperparameter h) {
            this.h = h;
        }

        @Override
        public Class<?> getType() {
            return switch (h.kind()) {
                case INT -> Integer.class;
                case DOUBLE -> Double.class;
                case BOOLEAN -> Boolean.class;
                case CHOICE -> String.class;
            };
        }

        @Override
        public String getCategory() {
            return h.group();
        }

        @Override
        public String getName() {
            return h.symbol().equals(h.key()) ? h.key() : h.symbol() + "  \u00b7 " + h.key();
        }

        @Override
        public String getDescription() {
            return tooltip(h);
        }

        @Override
        public Object getValue() {
            return main.config().get(h.key());
        }

        @Override
        public void setValue(Object value) {
            // parsed back, never shown: Java's own text of a value reads back exactly
            main.applySetting(h.key(), String.valueOf(value));
        }

        @Override
        public Optional<ObservableValue<?>> getObservableValue() {
            return Optional.empty();
        }
    }
}
