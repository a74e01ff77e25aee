package dualmcmc.app.widget;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

import java.util.function.BiFunction;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Replays a recorded chain: first / back / play-pause / forward / last, a scrubber over steps
 * 0..k and a speed slider (steps per second). The current step is one integer property that the
 * views draw from.
 */
public final class PlaybackBar extends HBox {
    private final IntegerProperty step = new SimpleIntegerProperty();
    private final IntegerProperty maxStep = new SimpleIntegerProperty();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final Slider scrubber = new Slider(0, 1, 0);
    private final Slider speed = new Slider(1, 30, 8);
    private final Label stepLabel = new Label();
    private final Timeline timeline = new Timeline();
    private final Button play;
    private final Wording wording;

    /**
     * What the bar steps through, in its tooltips and its label: Langevin steps of a chain, or the
     * stages of something else replayed in slow motion.
     *
     * @param label the label's text for (step, last step)
     */
    public record Wording(String first, String back, String play, String forward, String last, String scrub,
                          String speed, String current, BiFunction<Integer, Integer, String> label) {
        /** A chain's Langevin steps tau = 0..{@code symbol}. */
        public static Wording langevin(String symbol) {
            return new Wording("Go to the start of the chain, \u03c4 = 0 (Home)", "One Langevin step back (\u2190)",
                    "Replay the chain step by step (Space)", "One Langevin step forward (\u2192)",
                    "Go to the end of the chain, \u03c4 = k (End)",
                    "Scrub through the Langevin steps \u03c4 = 0.." + symbol,
                    "Replay speed in Langevin steps per second (slow motion to the left)",
                    "Current Langevin step \u03c4 of k", (step, max) -> "\u03c4 = " + step + " / " + max);
        }
    }

    public PlaybackBar(String prefix, String symbol) {
        this(prefix, Wording.langevin(symbol));
    }

    public PlaybackBar(String prefix, Wording wording) {
        this.wording = wording;
        getStyleClass().add("playback-bar");
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(8, 12, 8, 12));
        Button first = iconButton(Feather.SKIP_BACK, prefix + "First", wording.first());
        Button back = iconButton(Feather.CHEVRON_LEFT, prefix + "StepBack", wording.back());
        play = iconButton(Feather.PLAY, prefix + "Play", wording.play());
        Button fwd = iconButton(Feather.CHEVRON_RIGHT, prefix + "StepForward", wording.forward());
        Button last = iconButton(Feather.SKIP_FORWARD, prefix + "Last", wording.last());
        first.setOnAction(e -> {
            pause();
            step.set(0);
        });
        back.setOnAction(e -> stepBy(-1));
        fwd.setOnAction(e -> stepBy(1));
        last.setOnAction(e -> {
            pause();
            step.set(maxStep.get());
        });
        play.setOnAction(e -> toggle());
        scrubber.setId(prefix + "Scrubber");
        scrubber.setMajorTickUnit(5);
        scrubber.setMinorTickCount(4);
        scrubber.setShowTickMarks(true);
        scrubber.setSnapToTicks(true);
        scrubber.setBlockIncrement(1);
        scrubber.setTooltip(new Tooltip(wording.scrub()));
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.setMaxWidth(Double.MAX_VALUE);
        scrubber.valueProperty().addListener((o, a, b) -> {
            int v = (int) Math.round(b.doubleValue());
            if (v != step.get()) {
                step.set(v);
            }
        });
        step.addListener((o, a, b) -> {
            if ((int) Math.round(scrubber.getValue()) != b.intValue()) {
                scrubber.setValue(b.intValue());
            }
            updateLabel();
        });
        maxStep.addListener((o, a, b) -> {
            scrubber.setMax(Math.max(1, b.intValue()));
            scrubber.setMajorTickUnit(b.intValue() > 40 ? 10 : 5);
            scrubber.setDisable(b.intValue() == 0);
            if (step.get() > b.intValue()) {
                step.set(b.intValue());
            }
            updateLabel();
        });
        stepLabel.setId(prefix + "StepLabel");
        stepLabel.getStyleClass().add("step-label");
        stepLabel.setMinWidth(90);
        stepLabel.setTooltip(new Tooltip(wording.current()));
        Label speedLabel = new Label("speed");
        speedLabel.getStyleClass().add("muted");
        speed.setPrefWidth(110);
        speed.setId(prefix + "Speed");
        speed.setTooltip(new Tooltip(wording.speed()));
        speed.valueProperty().addListener((o, a, b) -> {
            if (playing.get()) {
                restartTimeline();
            }
        });
        playing.addListener((o, a, b) -> ((FontIcon) play.getGraphic()).setIconCode(b ? Feather.PAUSE : Feather.PLAY));
        getChildren().addAll(first, back, play, fwd, last, stepLabel, scrubber, speedLabel, speed);
        updateLabel();
    }

    private static Button iconButton(Feather icon, String id, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    private void updateLabel() {
        stepLabel.setText(wording.label().apply(step.get(), maxStep.get()));
    }

    public IntegerProperty stepProperty() {
        return step;
    }

    public IntegerProperty maxStepProperty() {
        return maxStep;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps per second when playing (the slider's range is 1 to 30). */
    public void setSpeed(double stepsPerSecond) {
        speed.setValue(stepsPerSecond);
    }

    public Slider scrubber() {
        return scrubber;
    }

    public void stepBy(int d) {
        pause();
        step.set(Math.max(0, Math.min(maxStep.get(), step.get() + d)));
    }

    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            if (step.get() >= maxStep.get()) {
                step.set(0);
            }
            playing.set(true);
            restartTimeline();
        }
    }

    public void pause() {
        playing.set(false);
        timeline.stop();
    }

    private void restartTimeline() {
        timeline.stop();
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1.0 / speed.getValue()), e -> {
            if (step.get() >= maxStep.get()) {
                pause();
            } else {
                step.set(step.get() + 1);
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
    }
}
