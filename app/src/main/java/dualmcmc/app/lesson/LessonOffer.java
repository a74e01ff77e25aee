package dualmcmc.app.lesson;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One line under the toolbar offering the main lesson (the app shows it on its first start):
 * Start begins it, the cross hides the offer; Help › Lesson is always there. Hidden until offered.
 */
public final class LessonOffer extends HBox {
    public LessonOffer(Runnable start) {
        super(10);
        setId("lessonOffer");
        getStyleClass().add("what-if-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 12, 6, 12));
        Button go = new Button("Start the lesson", new FontIcon(Feather.BOOK_OPEN));
        go.setId("lessonOfferStart");
        go.getStyleClass().add(Styles.ACCENT);
        go.setOnAction(e -> start.run());
        Button hide = new Button(null, new FontIcon(Feather.X));
        hide.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        hide.setTooltip(new Tooltip("Not now (Help > Lesson starts it later)"));
        hide.setOnAction(e -> setVisible(false));
        Label words = new Label("New to dual-MCMC? A short lesson walks through the three models and the two "
                + "revisions on the bundled examples.");
        words.setWrapText(true);
        Region g = new Region();
        HBox.setHgrow(g, Priority.ALWAYS);
        getChildren().setAll(new FontIcon(Feather.BOOK_OPEN), words, go, g, hide);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }
}
